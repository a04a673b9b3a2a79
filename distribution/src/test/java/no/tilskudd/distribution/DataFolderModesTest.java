package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: data/ (the store with every submission, the password hashes, the logs) was 0755 with files 0644, so
 * any local user could read it. A host started with {@code bin/tilskudd serve} keeps it private, and another user
 * can neither read it nor use the host's socket.
 */
class DataFolderModesTest {

    /** nobody, present on every Debian system. */
    private static final int OTHER_USER = 65534;

    @TempDir
    Path temp;

    @Test
    void everythingInDataIsPrivateAndAnotherUserCanUseNothing() throws Exception {
        // Only data/'s own modes may protect it: the folders above are open to everyone.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path analyst = Files.createDirectories(temp.resolve("analyst"));
        Files.copy(WebHost.demoFile(), analyst.resolve("demo.jsonl"));
        try (ServeProcess host = ServeProcess.start(temp, WebHost.plugin("tilskudd-example-scheme"))) {
            ServeProcess.Result imported = host.tilskudd(analyst, "import", "demo.jsonl");
            assertEquals(0, imported.exit(), imported.out() + imported.err());

            // The shipped data/README.txt (0644 in the zip) is tightened too, and every file the host wrote since.
            List<String> loose = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            try (Stream<Path> s = Files.walk(host.data)) {
                for (Path p : s.toList()) {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p,
                            LinkOption.NOFOLLOW_LINKS));
                    if (!mode.equals(a.isDirectory() ? "rwx------" : "rw-------")) {
                        loose.add(host.data.relativize(p) + " " + mode);
                    }
                    if (a.isRegularFile()) {
                        files.add(p);
                    }
                }
            }
            assertEquals(List.of(), loose.subList(0, Math.min(loose.size(), 12)), loose.size() + " entries are "
                    + "not private");
            assertTrue(files.contains(host.data.resolve("README.txt")) && files.contains(host.data.resolve(
                    "tilskudd.mv.db")) && files.contains(host.data.resolve("log/tilskudd.log")), files.toString());
            assertTrue(Files.readAttributes(host.data.resolve("host.sock"), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).isOther(), "data/host.sock is a socket");

            if (!ServeProcess.canSwitchUser()) {
                System.out.println("DataFolderModesTest: not root, so the other-user part is left to CI; the modes "
                        + "above were checked");
                return;
            }
            for (Path f : files) {
                ServeProcess.Result cat = host.as(OTHER_USER, temp, "cat", f.toString());
                assertNotEquals(0, cat.exit(), "another user read " + f);
                assertEquals("", cat.out(), f.toString());
            }
            assertNotEquals(0, host.as(OTHER_USER, temp, "ls", host.data.toString()).exit());

            // Another user's bin/tilskudd does not get at the host, nor at the data folder instead.
            Path bin = host.home.resolve("bin/tilskudd");
            ServeProcess.Result blocked = host.as(OTHER_USER, analyst, bin.toString(), "status", "--json");
            assertEquals(1, blocked.exit(), blocked.out() + blocked.err());
            assertEquals("", blocked.out());
            assertTrue(blocked.err().contains("the data folder " + host.data + " is not open to this user"),
                    blocked.err());

            // Root's view: even where the modes let someone reach the socket, the host checks who connects.
            Files.setPosixFilePermissions(host.data, PosixFilePermissions.fromString("rwx--x--x"));
            Files.setPosixFilePermissions(host.data.resolve("host.sock"), PosixFilePermissions.fromString(
                    "rw-rw-rw-"));
            ServeProcess.Result refused;
            try {
                refused = host.as(OTHER_USER, analyst, bin.toString(), "status", "--json");
            } finally {
                Files.setPosixFilePermissions(host.data, PosixFilePermissions.fromString("rwx------"));
                Files.setPosixFilePermissions(host.data.resolve("host.sock"), PosixFilePermissions.fromString(
                        "rw-------"));
            }
            assertEquals(1, refused.exit(), refused.out() + refused.err());
            assertEquals("", refused.out());
            assertTrue(refused.err().startsWith("tilskudd: the running host refused the command: the running host "
                    + "accepts commands only from its own user"), refused.err());
            assertTrue(host.hostLog().contains("host.sock: refused a connection from user "), host.hostLog());
            assertFalse(host.hostLog().contains("running 'status --json'"), "the refused command did not run");
        }
    }
}
