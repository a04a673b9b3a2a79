package no.tilskudd.host.internal.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import no.tilskudd.api.host.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserStoreTest {

    @TempDir
    Path data;

    @Test
    void theFirstStartCreatesOneAdministratorWithAGeneratedPasswordOnlyOnce() throws Exception {
        UserStore users = new UserStore(data);
        Optional<UserStore.Created> first = users.createIfMissing();
        assertTrue(first.isPresent());
        assertEquals("admin", first.get().name());
        assertTrue(first.get().password().length() >= 20);
        assertTrue(users.createIfMissing().isEmpty(), "never a second time");
        assertTrue(users.authenticate("admin", first.get().password()).isPresent());
        assertTrue(users.authenticate("admin", first.get().password() + "x").isEmpty());
        assertTrue(users.authenticate("nobody", first.get().password()).isEmpty());

        String file = Files.readString(data.resolve(UserStore.FILE));
        assertFalse(file.contains(first.get().password()));
        assertTrue(file.contains("\"iterations\" : 210000"), file);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve(UserStore.FILE))));
    }

    @Test
    void aFileWithoutAnAdministratorGetsOneAtTheFirstStart() throws Exception {
        UserStore users = new UserStore(data);
        users.add("admin", Role.ANALYST);
        UserStore.Created created = users.createIfMissing().orElseThrow();
        assertEquals("admin2", created.name(), "the name is taken by an analyst");
        assertEquals(Role.ADMIN, users.authenticate("admin2", created.password()).orElseThrow().role());
        assertTrue(users.createIfMissing().isEmpty());
    }

    @Test
    void twoPasswordsNeverShareASaltOrAHash() throws Exception {
        UserStore users = new UserStore(data);
        users.createIfMissing();
        users.add("a", Role.ANALYST);
        users.add("b", Role.ANALYST);
        UserStore.Stored a = users.stored("a").orElseThrow();
        UserStore.Stored b = users.stored("b").orElseThrow();
        assertNotEquals(java.util.Arrays.toString(a.salt()), java.util.Arrays.toString(b.salt()));
        assertNotEquals(java.util.Arrays.toString(a.hash()), java.util.Arrays.toString(b.hash()));
        assertEquals(32, a.hash().length);
    }

    @Test
    void addPasswdRemoveAndTheLastAdministratorStays() throws Exception {
        UserStore users = new UserStore(data);
        users.createIfMissing();
        String pw = users.add("ana", Role.ANALYST);
        assertEquals(Role.ANALYST, users.authenticate("ana", pw).orElseThrow().role());
        assertThrows(IllegalArgumentException.class, () -> users.add("ana", Role.ADMIN));
        assertThrows(IllegalArgumentException.class, () -> users.add("../x", Role.ADMIN));
        String pw2 = users.resetPassword("ana");
        assertTrue(users.authenticate("ana", pw).isEmpty());
        assertTrue(users.authenticate("ana", pw2).isPresent());
        users.remove("ana");
        assertTrue(users.find("ana").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> users.remove("admin"));
    }

    @Test
    void aChangeByAnotherProcessIsSeen() throws Exception {
        UserStore running = new UserStore(data);
        running.createIfMissing();
        assertTrue(running.find("ola").isEmpty());
        UserStore other = new UserStore(data);
        String pw = other.add("ola", Role.ANALYST);
        Files.setLastModifiedTime(data.resolve(UserStore.FILE), FileTime.fromMillis(System.currentTimeMillis() + 2000));
        assertTrue(running.authenticate("ola", pw).isPresent());
    }

    @Test
    void aPasswordResetInAnotherProcessIsSeenEvenWithTheSameSizeAndTime() throws Exception {
        UserStore running = new UserStore(data);
        running.createIfMissing();
        String pw = running.add("ola", Role.ANALYST);
        String stamp = running.find("ola").orElseThrow().stamp();
        Path file = data.resolve(UserStore.FILE);
        FileTime before = Files.getLastModifiedTime(file);
        long size = Files.size(file);

        String pw2 = new UserStore(data).resetPassword("ola");
        // A coarse clock, or a fast second write: same size, same modification time; only the file is another.
        Files.setLastModifiedTime(file, before);
        assertEquals(size, Files.size(file));

        assertTrue(running.authenticate("ola", pw).isEmpty());
        assertTrue(running.authenticate("ola", pw2).isPresent());
        assertNotEquals(stamp, running.find("ola").orElseThrow().stamp());
    }

    @Test
    void theStampChangesWithPasswordAndRoleOnly() throws Exception {
        UserStore users = new UserStore(data);
        users.createIfMissing();
        users.add("ana", Role.ANALYST);
        String s1 = users.find("ana").orElseThrow().stamp();
        users.add("bo", Role.ANALYST);
        assertEquals(s1, users.find("ana").orElseThrow().stamp(), "another user's change leaves ana's sessions");
        users.setRole("ana", Role.ADMIN);
        String s2 = users.find("ana").orElseThrow().stamp();
        assertNotEquals(s1, s2);
        users.resetPassword("ana");
        assertNotEquals(s2, users.find("ana").orElseThrow().stamp());
        users.setRole("admin", Role.ANALYST);
        assertThrows(IllegalArgumentException.class, () -> users.setRole("ana", Role.ANALYST),
                "ana is now the last administrator");
        assertThrows(IllegalArgumentException.class, () -> users.setRole("nobody", Role.ADMIN));
    }

    @Test
    void rolesIncludeWhatTheyShould() {
        assertTrue(Role.ADMIN.includes(Role.ANALYST));
        assertTrue(Role.ANALYST.includes(Role.ANALYST));
        assertFalse(Role.ANALYST.includes(Role.ADMIN));
        assertEquals(Role.ADMIN, Role.parse("admin"));
        assertThrows(IllegalArgumentException.class, () -> Role.parse("root"));
    }
}
