package no.tilskudd.host.internal.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.host.NewPassword;
import no.tilskudd.api.host.Role;
import no.tilskudd.api.host.User;
import no.tilskudd.api.store.UserRecord;
import org.junit.jupiter.api.Test;

class StoredUsersTest {

    /** The org-unit register of these tests: Oslo and Bodø. */
    static final java.util.Set<String> KNOWN = java.util.Set.of("0301", "1804");

    private final MemoryUserRecords records = new MemoryUserRecords();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final StoredUsers users = new StoredUsers(records, audit::add, KNOWN::contains);

    @Test
    void theFirstStartCreatesOneAdministratorOnlyOnceAndStoresOnlyTheHash() throws Exception {
        NewPassword first = users.createFirstAdmin("os:test").orElseThrow();
        assertEquals("admin", first.name());
        assertTrue(first.password().length() >= 20);
        assertTrue(users.createFirstAdmin("os:test").isEmpty(), "never a second time");
        assertTrue(users.authenticate("admin", first.password()).isPresent());
        assertTrue(users.authenticate("admin", first.password() + "x").isEmpty());
        assertTrue(users.authenticate("nobody", first.password()).isEmpty());

        UserRecord stored = records.find("admin").orElseThrow();
        assertEquals(UserStore.ITERATIONS, stored.iterations());
        assertTrue(!stored.toString().contains(first.password()));
        assertEquals(List.of("user.add"), audit.stream().map(AuditEntry::action).toList());
    }

    @Test
    void anAnalystNamedAdminMakesTheFirstAdministratorAdmin2() throws Exception {
        users.add("admin", Role.ANALYST, "os:test");
        NewPassword created = users.createFirstAdmin("os:test").orElseThrow();
        assertEquals("admin2", created.name());
        assertEquals(Role.ADMIN, users.authenticate("admin2", created.password()).orElseThrow().role());
    }

    @Test
    void addPasswdRoleRemoveAndTheLastAdministratorStays() throws Exception {
        users.createFirstAdmin("os:test");
        String pw = users.add("ana", Role.ANALYST, "os:kari").password();
        assertEquals(Role.ANALYST, users.authenticate("ana", pw).orElseThrow().role());
        assertThrows(IllegalArgumentException.class, () -> users.add("ana", Role.ADMIN, "os:kari"));
        assertThrows(IllegalArgumentException.class, () -> users.add("../x", Role.ADMIN, "os:kari"));

        String stamp = users.find("ana").orElseThrow().stamp();
        String pw2 = users.resetPassword("ana", "os:kari").password();
        assertTrue(users.authenticate("ana", pw).isEmpty());
        assertTrue(users.authenticate("ana", pw2).isPresent());
        String afterPasswd = users.find("ana").orElseThrow().stamp();
        assertNotEquals(stamp, afterPasswd, "a new password ends the sessions");

        users.setRole("ana", Role.ADMIN, "os:kari");
        assertNotEquals(afterPasswd, users.find("ana").orElseThrow().stamp(), "so does another role");
        assertTrue(users.authenticate("ana", pw2).isPresent(), "the password stays with the role change");
        users.setRole("ana", Role.ANALYST, "os:kari");

        assertThrows(IllegalArgumentException.class, () -> users.setRole("admin", Role.ANALYST, "os:kari"));
        assertThrows(IllegalArgumentException.class, () -> users.remove("admin", "os:kari"));
        assertThrows(IllegalArgumentException.class, () -> users.resetPassword("nobody", "os:kari"));
        users.remove("ana", "os:kari");
        assertTrue(users.find("ana").isEmpty());
        assertEquals(List.of("admin"), users.list().stream().map(u -> u.name()).toList());
        assertEquals(List.of("user.add", "user.add", "user.passwd", "user.role", "user.role", "user.remove"),
                audit.stream().map(AuditEntry::action).toList());
    }

    @Test
    void aChangeMadeThroughAnotherHostIsSeenAtOnce() throws Exception {
        StoredUsers other = new StoredUsers(records, e -> { }, KNOWN::contains);
        String pw = other.add("bo", Role.ANALYST, "os:test").password();
        assertTrue(users.authenticate("bo", pw).isPresent());
        String stamp = users.find("bo").orElseThrow().stamp();
        other.resetPassword("bo", "os:test");
        assertNotEquals(stamp, users.find("bo").orElseThrow().stamp());
        assertTrue(users.authenticate("bo", pw).isEmpty());
    }

    @Test
    void aReporterHasOrgUnitsFromTheRegisterAndTheOtherRolesNone() throws Exception {
        users.createFirstAdmin("os:test");
        String pw = users.add("rita", Role.REPORTER, List.of("1804", " 0301", "1804"), "os:kari").password();
        User rita = users.authenticate("rita", pw).orElseThrow();
        assertEquals(Role.REPORTER, rita.role());
        assertEquals(List.of("0301", "1804"), rita.orgUnits(), "each once, in code order");
        assertEquals(List.of("0301", "1804"), records.find("rita").orElseThrow().orgUnits(), "kept in the store");
        assertEquals(Map.of("role", "reporter", "orgUnits", "0301,1804"), audit.get(audit.size() - 1).details());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> users.add("rolf", Role.REPORTER, List.of("0301", "9999"), "os:kari"));
        assertTrue(unknown.getMessage().contains("unknown org unit '9999'"), unknown.getMessage());
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> users.add("rolf", Role.REPORTER, List.of("9998", "9999"), "os:kari"));
        assertTrue(two.getMessage().contains("'9998', '9999'"), two.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> users.add("rolf", Role.REPORTER, "os:kari"));
        assertTrue(none.getMessage().contains("at least one org unit"), none.getMessage());
        IllegalArgumentException analyst = assertThrows(IllegalArgumentException.class,
                () -> users.add("rolf", Role.ANALYST, List.of("0301"), "os:kari"));
        assertTrue(analyst.getMessage().contains("only a reporter has org units"), analyst.getMessage());
        assertTrue(users.find("rolf").isEmpty(), "nothing refused was stored");

        String stamp = users.find("rita").orElseThrow().stamp();
        users.setRole("rita", Role.REPORTER, List.of("1804"), "os:kari");
        assertEquals(List.of("1804"), users.find("rita").orElseThrow().orgUnits());
        assertNotEquals(stamp, users.find("rita").orElseThrow().stamp(), "other org units end the sessions");
        assertThrows(IllegalArgumentException.class,
                () -> users.setRole("rita", Role.REPORTER, List.of("5001"), "os:kari"));
        assertThrows(IllegalArgumentException.class, () -> users.setRole("rita", Role.REPORTER, "os:kari"));
        users.resetPassword("rita", "os:kari");
        assertEquals(List.of("1804"), users.find("rita").orElseThrow().orgUnits(), "a new password keeps them");

        users.setRole("rita", Role.ANALYST, "os:kari");
        assertEquals(List.of(), users.find("rita").orElseThrow().orgUnits(), "an analyst has none");
        users.setRole("rita", Role.REPORTER, List.of("0301"), "os:kari");
        assertEquals(List.of("0301"), records.find("rita").orElseThrow().orgUnits());
        users.remove("rita", "os:kari");
        assertTrue(records.find("rita").isEmpty());
    }

    @Test
    void theStampOfAUserWithoutOrgUnitsIsAsBeforeReporters() {
        UserStore.Stored ana = new UserStore.Stored("ana", Role.ANALYST, new byte[16], new byte[32], 1, "t");
        // The digest of "ana\nanalyst\n1\n", 16 zero bytes and 32 zero bytes: what the earlier versions stored in
        // their sessions, which an upgrade must not end.
        assertEquals(legacyStamp("ana\nanalyst\n1\n", 48), ana.stamp());
        assertNotEquals(ana.stamp(), new UserStore.Stored("ana", Role.REPORTER, new byte[16], new byte[32], 1, "t",
                List.of("0301")).stamp());
    }

    private static String legacyStamp(String head, int zeros) {
        try {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            d.update(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            d.update(new byte[zeros]);
            return java.util.Base64.getEncoder().encodeToString(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String ISSUER = "https://idporten.example/";

    @Test
    void anExternalUserIsAddedWithoutAPasswordAndFollowsItsClaims() throws Exception {
        User u = users.signInExternal("oidc-abc", ISSUER, Role.REPORTER, List.of("1804"), "web:127.0.0.1");
        assertEquals(java.util.Optional.of(ISSUER), u.provider());
        assertEquals(List.of("1804"), u.orgUnits());
        UserRecord stored = records.find("oidc-abc").orElseThrow();
        assertEquals("", stored.salt());
        assertEquals("oidc:" + ISSUER, stored.hash());
        // No password opens it: not the empty one, not the marker.
        assertTrue(users.authenticate("oidc-abc", "").isEmpty());
        assertTrue(users.authenticate("oidc-abc", "oidc:" + ISSUER).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> users.resetPassword("oidc-abc", "os:kari"));
        assertEquals(ISSUER, users.list().get(0).provider().orElseThrow());

        // The same claims again change nothing; other org units give another stamp (its other sessions end).
        assertEquals(u.stamp(), users.signInExternal("oidc-abc", ISSUER, Role.REPORTER, List.of("1804"), "x").stamp());
        User moved = users.signInExternal("oidc-abc", ISSUER, Role.REPORTER, List.of("0301", "1804"), "x");
        assertEquals(List.of("0301", "1804"), moved.orgUnits());
        assertNotEquals(u.stamp(), moved.stamp());
        assertEquals(List.of("user.add", "user.role"), audit.stream().map(AuditEntry::action).toList());
        assertEquals(ISSUER, audit.get(0).details().get("provider"));

        users.remove("oidc-abc", "web:admin");
        assertTrue(users.find("oidc-abc").isEmpty());
    }

    @Test
    void anExternalSignInNeverTakesOverALocalUserOrAnotherProvidersUser() throws Exception {
        String pw = users.add("kari", Role.ANALYST, "os:test").password();
        IllegalArgumentException local = assertThrows(IllegalArgumentException.class,
                () -> users.signInExternal("kari", ISSUER, Role.REPORTER, List.of("1804"), "x"));
        assertTrue(local.getMessage().contains("local user"), local.getMessage());
        assertTrue(users.authenticate("kari", pw).isPresent(), "kari keeps her password");

        users.signInExternal("oidc-abc", ISSUER, Role.REPORTER, List.of("1804"), "x");
        assertThrows(IllegalArgumentException.class,
                () -> users.signInExternal("oidc-abc", "https://other.example/", Role.REPORTER, List.of("1804"), "x"));
    }

    @Test
    void anExternalReporterNeedsKnownOrgUnits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> users.signInExternal("oidc-abc", ISSUER, Role.REPORTER, List.of("9999"), "x"));
        assertTrue(e.getMessage().contains("'9999'"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> users.signInExternal("oidc-abc", ISSUER, Role.REPORTER, List.of(), "x"));
        assertTrue(users.find("oidc-abc").isEmpty());
    }
}
