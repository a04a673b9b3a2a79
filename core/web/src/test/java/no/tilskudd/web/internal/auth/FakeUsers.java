package no.tilskudd.web.internal.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.tilskudd.api.host.NewPassword;
import no.tilskudd.api.host.Role;
import no.tilskudd.api.host.User;
import no.tilskudd.api.host.UserService;

/**
 * Users in memory for the tests of sign-in and sessions: every change of password or role gives a new credential
 * stamp, as the host's users file does (whose re-reading after another process's change its own test covers).
 */
final class FakeUsers implements UserService {

    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, String> passwords = new LinkedHashMap<>();

    Optional<NewPassword> createIfMissing() {
        return users.values().stream().anyMatch(u -> u.role() == Role.ADMIN) ? Optional.empty()
                : Optional.of(new NewPassword("admin", add("admin", Role.ADMIN)));
    }

    String add(String name, Role role) {
        return add(name, role, List.of());
    }

    String add(String name, Role role, List<String> orgUnits) {
        if (users.containsKey(name)) {
            throw new IllegalArgumentException("user '" + name + "' already exists");
        }
        String password = UUID.randomUUID().toString();
        put(name, role, orgUnits, password);
        return password;
    }

    String resetPassword(String name) {
        return put(name, existing(name).role());
    }

    void setRole(String name, Role role) {
        setRole(name, role, List.of());
    }

    void setRole(String name, Role role, List<String> orgUnits) {
        put(name, role, orgUnits, passwords.get(existing(name).name()));
    }

    void remove(String name) {
        existing(name);
        users.remove(name);
        passwords.remove(name);
    }

    private User existing(String name) {
        User u = users.get(name);
        if (u == null) {
            throw new IllegalArgumentException("no user '" + name + "'");
        }
        return u;
    }

    private String put(String name, Role role) {
        String password = UUID.randomUUID().toString();
        put(name, role, existing(name).orgUnits(), password);
        return password;
    }

    private void put(String name, Role role, List<String> orgUnits, String password) {
        users.put(name, new User(name, role, "", UUID.randomUUID().toString(), orgUnits));
        passwords.put(name, password);
    }

    @Override
    public List<User> list() {
        return new ArrayList<>(users.values());
    }

    @Override
    public Optional<User> find(String name) {
        return Optional.ofNullable(users.get(name));
    }

    @Override
    public Optional<User> authenticate(String name, String password) {
        return passwords.containsKey(name) && password.equals(passwords.get(name)) ? find(name) : Optional.empty();
    }

    @Override
    public NewPassword add(String name, Role role, List<String> orgUnits, String actor) {
        return new NewPassword(name, add(name, role, orgUnits));
    }

    @Override
    public User signInExternal(String name, String provider, Role role, List<String> orgUnits, String actor) {
        User u = users.get(name);
        if (u != null && !u.provider().equals(Optional.of(provider))) {
            throw new IllegalArgumentException("'" + name + "' is not a user of " + provider);
        }
        if (u == null || u.role() != role || !u.orgUnits().equals(orgUnits)) {
            u = new User(name, role, "", UUID.randomUUID().toString(), orgUnits, Optional.of(provider));
            users.put(name, u);
            passwords.remove(name);
        }
        return u;
    }

    @Override
    public NewPassword resetPassword(String name, String actor) {
        return new NewPassword(name, resetPassword(name));
    }

    @Override
    public void setRole(String name, Role role, List<String> orgUnits, String actor) {
        setRole(name, role, orgUnits);
    }

    @Override
    public void remove(String name, String actor) {
        remove(name);
    }

    @Override
    public Optional<NewPassword> createFirstAdmin(String actor) {
        return createIfMissing();
    }
}
