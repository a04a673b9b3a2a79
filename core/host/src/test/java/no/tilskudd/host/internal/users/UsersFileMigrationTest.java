package no.tilskudd.host.internal.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.host.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileMigrationTest {

    @TempDir
    Path data;

    private final MemoryUserRecords records = new MemoryUserRecords();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final StoredUsers users = new StoredUsers(records, audit::add, StoredUsersTest.KNOWN::contains);

    @Test
    void theFilesUsersMoveIntoTheStoreWithTheirPasswordsOnceAndTheFileIsSetAside() throws Exception {
        UserStore file = new UserStore(data);
        String admin = file.createIfMissing().orElseThrow().password();
        String ana = file.add("ana", Role.ANALYST);
        String stamp = file.find("ana").orElseThrow().stamp();

        UsersFileMigration.Result r = UsersFileMigration.migrate(data, users, audit::add, "os:test");

        assertEquals(List.of("admin", "ana"), r.added());
        assertEquals(Role.ADMIN, users.authenticate("admin", admin).orElseThrow().role());
        assertEquals(Role.ANALYST, users.authenticate("ana", ana).orElseThrow().role());
        assertEquals(stamp, users.find("ana").orElseThrow().stamp(), "the same user, hash and all");
        assertFalse(Files.exists(data.resolve(UserStore.FILE)));
        assertTrue(Files.exists(data.resolve(UsersFileMigration.MIGRATED)));
        assertEquals("users.migrate", audit.get(0).action());
        assertTrue(users.createFirstAdmin("os:test").isEmpty(), "the file's administrator counts");

        users.resetPassword("ana", "os:test");
        UsersFileMigration.Result again = UsersFileMigration.migrate(data, users, audit::add, "os:test");
        assertEquals(List.of(), again.added(), "the set-aside file is not read again");
        assertTrue(users.authenticate("ana", ana).isEmpty(), "nor does it bring the old password back");
    }

    @Test
    void aNameTheStoreHasAlreadyKeepsTheStoresPassword() throws Exception {
        String inStore = users.add("ana", Role.ADMIN, "os:other-host").password();
        String inFile = new UserStore(data).add("ana", Role.ANALYST);
        new UserStore(data).add("bo", Role.ANALYST);

        UsersFileMigration.Result r = UsersFileMigration.migrate(data, users, audit::add, "os:test");

        assertEquals(List.of("bo"), r.added());
        assertEquals(List.of("ana"), r.kept());
        assertTrue(users.authenticate("ana", inStore).isPresent());
        assertTrue(users.authenticate("ana", inFile).isEmpty());
    }

    @Test
    void anUnreadableFileStopsTheStartNamingTheFileAndIsLeftInPlace() throws Exception {
        Files.writeString(data.resolve(UserStore.FILE), "{\"users\": [{\"name\": \"x\"}]}");
        IOException e = assertThrows(IOException.class,
                () -> UsersFileMigration.migrate(data, users, audit::add, "os:test"));
        assertTrue(e.getMessage().contains(data.resolve(UserStore.FILE).toString()), e.getMessage());
        assertTrue(Files.exists(data.resolve(UserStore.FILE)));
        assertEquals(List.of(), users.list());
    }
}
