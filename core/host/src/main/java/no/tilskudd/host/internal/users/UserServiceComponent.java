package no.tilskudd.host.internal.users;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.audit.AuditLog;
import no.tilskudd.api.host.NewPassword;
import no.tilskudd.api.host.Role;
import no.tilskudd.api.host.User;
import no.tilskudd.api.host.UserService;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.store.UserRecords;
import no.tilskudd.launch.Host;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The users of this host, in the store (so that hosts on one database share them), with every change in the audit
 * trail; a reporter's org units are checked against the org-unit register. A {@code users.json} left in the data folder is moved into the store when this starts.
 */
@Component(service = UserService.class)
public final class UserServiceComponent implements UserService {

    @Reference
    private Host host;
    @Reference
    private AuditLog audit;
    @Reference
    private UserRecords records;
    @Reference
    private OrgUnitRegister orgUnits;

    private StoredUsers users;

    @Activate
    void activate() throws IOException {
        // The register as it is at each change: one imported meanwhile ('org-units import') counts.
        users = new StoredUsers(records, audit::record,
                code -> orgUnits.all().stream().anyMatch(u -> u.code().equals(code)));
        UsersFileMigration.migrate(host.data(), users, audit::record, "os:" + System.getProperty("user.name", "unknown"));
    }

    @Override
    public List<User> list() {
        return users.list();
    }

    @Override
    public Optional<User> find(String name) {
        return users.find(name);
    }

    @Override
    public Optional<User> authenticate(String name, String password) {
        return users.authenticate(name, password);
    }

    @Override
    public NewPassword add(String name, Role role, List<String> orgUnits, String actor) throws IOException {
        return users.add(name, role, orgUnits, actor);
    }

    @Override
    public User signInExternal(String name, String provider, Role role, List<String> orgUnits, String actor)
            throws IOException {
        return users.signInExternal(name, provider, role, orgUnits, actor);
    }

    @Override
    public NewPassword resetPassword(String name, String actor) throws IOException {
        return users.resetPassword(name, actor);
    }

    @Override
    public void setRole(String name, Role role, List<String> orgUnits, String actor) throws IOException {
        users.setRole(name, role, orgUnits, actor);
    }

    @Override
    public void remove(String name, String actor) throws IOException {
        users.remove(name, actor);
    }

    @Override
    public Optional<NewPassword> createFirstAdmin(String actor) throws IOException {
        return users.createFirstAdmin(actor);
    }
}
