package no.tilskudd.host.internal.users;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.host.NewPassword;
import no.tilskudd.api.host.Role;
import no.tilskudd.api.host.User;
import no.tilskudd.api.host.UserService;
import no.tilskudd.api.store.UserRecord;
import no.tilskudd.api.store.UserRecords;

/**
 * The console's users in the store, with the same salted PBKDF2-HMAC-SHA256 hashes as {@code users.json} had. Every
 * call reads the store, so a change made by another host on the same database (or by {@code tilskudd users}) is
 * seen at the next request, and a session whose user's stamp changed ends there too.
 */
public final class StoredUsers implements UserService {

    private final UserRecords records;
    private final Consumer<AuditEntry> audit;

    /**
     * @param records where the users are
     * @param audit   where the changes are recorded
     */
    public StoredUsers(UserRecords records, Consumer<AuditEntry> audit) {
        this.records = records;
        this.audit = audit;
    }

    @Override
    public List<User> list() {
        return records.list().stream().map(r -> stored(r).view()).toList();
    }

    @Override
    public Optional<User> find(String name) {
        return records.find(name).map(r -> stored(r).view());
    }

    @Override
    public Optional<User> authenticate(String name, String password) {
        Optional<UserRecord> r = records.find(name);
        if (r.isEmpty()) {
            // Spend the same time as for a real user, so that timing does not tell which names exist.
            UserStore.hash(password.toCharArray(), new byte[16], UserStore.ITERATIONS);
            return Optional.empty();
        }
        UserStore.Stored u = stored(r.get());
        byte[] candidate = UserStore.hash(password.toCharArray(), u.salt(), u.iterations());
        return MessageDigest.isEqual(candidate, u.hash()) ? Optional.of(u.view()) : Optional.empty();
    }

    @Override
    public synchronized NewPassword add(String name, Role role, String actor) throws IOException {
        UserStore.checkName(name);
        String password = UserStore.generatePassword();
        if (!records.insert(record(UserStore.newUser(name, role, password)))) {
            throw new IllegalArgumentException("user '" + name + "' already exists");
        }
        audit.accept(new AuditEntry(actor, "user.add", name, Map.of("role", role.id())));
        return new NewPassword(name, password);
    }

    @Override
    public synchronized NewPassword resetPassword(String name, String actor) throws IOException {
        UserStore.Stored u = existing(name);
        String password = UserStore.generatePassword();
        if (!records.update(record(UserStore.newUser(name, u.role(), password)))) {
            throw new IllegalArgumentException("no user '" + name + "'");
        }
        audit.accept(new AuditEntry(actor, "user.passwd", name, Map.of()));
        return new NewPassword(name, password);
    }

    @Override
    public synchronized void setRole(String name, Role role, String actor) throws IOException {
        UserStore.Stored u = existing(name);
        if (u.role() == Role.ADMIN && role != Role.ADMIN && admins() == 1) {
            throw new IllegalArgumentException("'" + name + "' is the last administrator");
        }
        if (!records.update(record(new UserStore.Stored(name, role, u.salt(), u.hash(), u.iterations(),
                u.created())))) {
            throw new IllegalArgumentException("no user '" + name + "'");
        }
        audit.accept(new AuditEntry(actor, "user.role", name, Map.of("role", role.id())));
    }

    @Override
    public synchronized void remove(String name, String actor) throws IOException {
        UserStore.Stored u = existing(name);
        if (u.role() == Role.ADMIN && admins() == 1) {
            throw new IllegalArgumentException("'" + name + "' is the last administrator");
        }
        if (!records.delete(name)) {
            throw new IllegalArgumentException("no user '" + name + "'");
        }
        audit.accept(new AuditEntry(actor, "user.remove", name, Map.of()));
    }

    /**
     * On the first start (no administrator in the store, e.g. after {@code users add} of an analyst only), adds one
     * with a generated password. Two hosts starting at once see the same users and so pick the same name: the
     * store's unique name lets only one of them add it.
     */
    @Override
    public synchronized Optional<NewPassword> createFirstAdmin(String actor) throws IOException {
        List<UserRecord> all = records.list();
        if (all.stream().anyMatch(r -> r.role().equals(Role.ADMIN.id()))) {
            return Optional.empty();
        }
        String name = "admin";
        for (int i = 2; taken(all, name); i++) {
            name = "admin" + i;
        }
        String password = UserStore.generatePassword();
        if (!records.insert(record(UserStore.newUser(name, Role.ADMIN, password)))) {
            return Optional.empty();
        }
        audit.accept(new AuditEntry(actor, "user.add", name, Map.of("role", Role.ADMIN.id())));
        return Optional.of(new NewPassword(name, password));
    }

    /**
     * Adds a user exactly as stored elsewhere (a {@code users.json} being migrated), hash and all.
     *
     * @param u the user
     * @return whether it was added; false when the store has a user of that name already
     */
    boolean adopt(UserStore.Stored u) {
        return records.insert(record(u));
    }

    private static boolean taken(List<UserRecord> all, String name) {
        return all.stream().anyMatch(r -> r.name().equals(name));
    }

    private long admins() {
        return records.list().stream().filter(r -> r.role().equals(Role.ADMIN.id())).count();
    }

    private UserStore.Stored existing(String name) {
        return records.find(name).map(StoredUsers::stored)
                .orElseThrow(() -> new IllegalArgumentException("no user '" + name + "'"));
    }

    static UserRecord record(UserStore.Stored u) {
        Base64.Encoder b64 = Base64.getEncoder();
        return new UserRecord(u.name(), u.role().id(), b64.encodeToString(u.salt()), b64.encodeToString(u.hash()),
                u.iterations(), u.created());
    }

    static UserStore.Stored stored(UserRecord r) {
        Base64.Decoder b64 = Base64.getDecoder();
        return new UserStore.Stored(r.name(), Role.parse(r.role()), b64.decode(r.salt()), b64.decode(r.hash()),
                r.iterations(), r.created());
    }
}
