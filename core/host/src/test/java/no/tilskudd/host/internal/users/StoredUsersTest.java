package no.tilskudd.host.internal.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.host.NewPassword;
import no.tilskudd.api.host.Role;
import no.tilskudd.api.store.UserRecord;
import org.junit.jupiter.api.Test;

class StoredUsersTest {

    private final MemoryUserRecords records = new MemoryUserRecords();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final StoredUsers users = new StoredUsers(records, audit::add);

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
        StoredUsers other = new StoredUsers(records, e -> { });
        String pw = other.add("bo", Role.ANALYST, "os:test").password();
        assertTrue(users.authenticate("bo", pw).isPresent());
        String stamp = users.find("bo").orElseThrow().stamp();
        other.resetPassword("bo", "os:test");
        assertNotEquals(stamp, users.find("bo").orElseThrow().stamp());
        assertTrue(users.authenticate("bo", pw).isEmpty());
    }
}
