package no.tilskudd.host.internal.users;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
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

    /** How the hash column marks a user who signs in through an OpenID Connect provider. */
    static final String EXTERNAL = "oidc:";
    /** The hash column has 256 characters. */
    static final int MAX_PROVIDER = 250;

    private final UserRecords records;
    private final Consumer<AuditEntry> audit;
    private final Predicate<String> knownOrgUnit;

    /**
     * @param records      where the users are
     * @param audit        where the changes are recorded
     * @param knownOrgUnit whether the org-unit register has a code: a reporter's org units must be there
     */
    public StoredUsers(UserRecords records, Consumer<AuditEntry> audit, Predicate<String> knownOrgUnit) {
        this.records = records;
        this.audit = audit;
        this.knownOrgUnit = knownOrgUnit;
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
        if (u.provider().isPresent()) {
            // It has no password here; spend the time all the same.
            UserStore.hash(password.toCharArray(), new byte[16], UserStore.ITERATIONS);
            return Optional.empty();
        }
        byte[] candidate = UserStore.hash(password.toCharArray(), u.salt(), u.iterations());
        return MessageDigest.isEqual(candidate, u.hash()) ? Optional.of(u.view()) : Optional.empty();
    }

    @Override
    public synchronized NewPassword add(String name, Role role, List<String> orgUnits, String actor)
            throws IOException {
        UserStore.checkName(name);
        List<String> units = orgUnits(role, orgUnits);
        String password = UserStore.generatePassword();
        if (!records.insert(record(UserStore.newUser(name, role, units, password)))) {
            throw new IllegalArgumentException("user '" + name + "' already exists");
        }
        audit.accept(new AuditEntry(actor, "user.add", name, details(role, units)));
        return new NewPassword(name, password);
    }

    @Override
    public synchronized NewPassword resetPassword(String name, String actor) throws IOException {
        UserStore.Stored u = existing(name);
        if (u.provider().isPresent()) {
            throw new IllegalArgumentException("'" + name + "' signs in through OpenID Connect (" + u.provider().get()
                    + ") and has no password here");
        }
        String password = UserStore.generatePassword();
        // Kept as the stored user was read: should another host have demoted the last other administrator in
        // between, the store refuses this rather than count a stale administrator.
        change(name, records.update(record(UserStore.newUser(name, u.role(), u.orgUnits(), password)),
                Role.ADMIN.id()));
        audit.accept(new AuditEntry(actor, "user.passwd", name, Map.of()));
        return new NewPassword(name, password);
    }

    @Override
    public synchronized void setRole(String name, Role role, List<String> orgUnits, String actor)
            throws IOException {
        List<String> units = orgUnits(role, orgUnits);
        UserStore.Stored u = existing(name);
        change(name, records.update(record(new UserStore.Stored(name, role, u.salt(), u.hash(), u.iterations(),
                u.created(), units, u.provider())), Role.ADMIN.id()));
        audit.accept(new AuditEntry(actor, "user.role", name, details(role, units)));
    }

    @Override
    public synchronized User signInExternal(String name, String provider, Role role, List<String> orgUnits,
            String actor) throws IOException {
        UserStore.checkName(name);
        if (provider.isBlank() || provider.length() > MAX_PROVIDER) {
            throw new IllegalArgumentException("a provider's issuer must have 1-" + MAX_PROVIDER + " characters");
        }
        List<String> units = orgUnits(role, orgUnits);
        Optional<UserRecord> found = records.find(name);
        if (found.isEmpty()) {
            UserStore.Stored u = external(name, provider, role, units, Instant.now().toString());
            if (records.insert(record(u))) {
                Map<String, String> d = details(role, units);
                d.put("provider", provider);
                audit.accept(new AuditEntry(actor, "user.add", name, d));
                return u.view();
            }
            // Another host added it at the same moment: go on with what it stored.
            found = records.find(name);
            if (found.isEmpty()) {
                throw new IllegalStateException("user '" + name + "' was added and removed at once; sign in again");
            }
        }
        UserStore.Stored u = stored(found.get());
        if (u.provider().isEmpty()) {
            throw new IllegalArgumentException("'" + name + "' is a local user with a password; it cannot sign in "
                    + "through OpenID Connect");
        }
        if (!u.provider().get().equals(provider)) {
            throw new IllegalArgumentException("'" + name + "' signs in through another provider ("
                    + u.provider().get() + ")");
        }
        if (u.role() == role && u.orgUnits().equals(units)) {
            return u.view();
        }
        UserStore.Stored changed = external(name, provider, role, units, u.created());
        change(name, records.update(record(changed), Role.ADMIN.id()));
        Map<String, String> d = details(role, units);
        d.put("provider", provider);
        audit.accept(new AuditEntry(actor, "user.role", name, d));
        return changed.view();
    }

    /**
     * A user without a password: the salt is empty and the hash column holds {@code oidc:} and the issuer, which
     * is not base64 and so never the hash of any password ({@link #authenticate} compares 32 bytes with it).
     */
    private static UserStore.Stored external(String name, String provider, Role role, List<String> units,
            String created) {
        return new UserStore.Stored(name, role, new byte[0], (EXTERNAL + provider).getBytes(StandardCharsets.UTF_8),
                1, created, units, Optional.of(provider));
    }

    @Override
    public synchronized void remove(String name, String actor) throws IOException {
        change(name, records.delete(name, Role.ADMIN.id()));
        audit.accept(new AuditEntry(actor, "user.remove", name, Map.of()));
    }

    /**
     * What the store's answer to a change means here: the store checks "is another administrator left?" and makes
     * the change in one transaction, so that hosts on one database cannot together remove the last two.
     */
    private static void change(String name, UserRecords.Change outcome) {
        switch (outcome) {
            case DONE -> { }
            case NO_SUCH_USER -> throw new IllegalArgumentException("no user '" + name + "'");
            case LAST_OF_ROLE -> throw new IllegalArgumentException("'" + name + "' is the last administrator");
            default -> throw new IllegalStateException("unknown outcome " + outcome);
        }
    }

    /**
     * A role's org units, checked: a reporter has at least one, each in the org-unit register, the other roles
     * none. Each code once, in code order.
     */
    private List<String> orgUnits(Role role, List<String> given) {
        TreeSet<String> units = new TreeSet<>();
        for (String code : given) {
            String c = code.strip();
            if (c.isEmpty()) {
                throw new IllegalArgumentException("an org-unit code is empty in " + given);
            }
            units.add(c);
        }
        if (!role.hasOrgUnits()) {
            if (!units.isEmpty()) {
                throw new IllegalArgumentException("only a reporter has org units; a user with the role '"
                        + role.id() + "' has none (given: " + String.join(", ", units) + ")");
            }
            return List.of();
        }
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a reporter needs at least one org unit (the codes it reports for)");
        }
        List<String> unknown = new ArrayList<>();
        for (String c : units) {
            if (!knownOrgUnit.test(c)) {
                unknown.add(c);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException((unknown.size() == 1 ? "unknown org unit '" + unknown.get(0) + "'"
                    : "unknown org units '" + String.join("', '", unknown) + "'")
                    + ": not in the org-unit register (see 'tilskudd org-units')");
        }
        return List.copyOf(units);
    }

    private static Map<String, String> details(Role role, List<String> units) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("role", role.id());
        if (!units.isEmpty()) {
            d.put("orgUnits", String.join(",", units));
        }
        return d;
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

    private UserStore.Stored existing(String name) {
        return records.find(name).map(StoredUsers::stored)
                .orElseThrow(() -> new IllegalArgumentException("no user '" + name + "'"));
    }

    static UserRecord record(UserStore.Stored u) {
        Base64.Encoder b64 = Base64.getEncoder();
        if (u.provider().isPresent()) {
            return new UserRecord(u.name(), u.role().id(), "", EXTERNAL + u.provider().get(), 1, u.created(),
                    u.orgUnits());
        }
        return new UserRecord(u.name(), u.role().id(), b64.encodeToString(u.salt()), b64.encodeToString(u.hash()),
                u.iterations(), u.created(), u.orgUnits());
    }

    static UserStore.Stored stored(UserRecord r) {
        Base64.Decoder b64 = Base64.getDecoder();
        if (r.hash().startsWith(EXTERNAL)) {
            return external(r.name(), r.hash().substring(EXTERNAL.length()), Role.parse(r.role()), r.orgUnits(),
                    r.created());
        }
        return new UserStore.Stored(r.name(), Role.parse(r.role()), b64.decode(r.salt()), b64.decode(r.hash()),
                r.iterations(), r.created(), r.orgUnits());
    }
}
