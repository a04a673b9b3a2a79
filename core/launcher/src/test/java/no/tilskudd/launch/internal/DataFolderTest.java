package no.tilskudd.launch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: data/ and its files were created 0755/0644, readable by every local user. */
class DataFolderTest {

    @TempDir
    Path temp;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private static void chmod(Path p, String mode) throws Exception {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    @Test
    void aNewDataFolderIsPrivate() throws Exception {
        Path data = temp.resolve("home/data");
        assertEquals(List.of(), DataFolder.prepare(data));
        assertEquals("rwx------", mode(data));
    }

    @Test
    void everyStartClosesWhatAnOlderReleaseLeftOpen() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Path log = Files.createDirectories(data.resolve("log"));
        Path store = Files.writeString(data.resolve("tilskudd.mv.db"), "x");
        Path lock = Files.writeString(data.resolve("tilskudd.lock.db"), "server=1.2.3.4:9092");
        Path entry = Files.writeString(log.resolve("tilskudd.log"), "x");
        chmod(data, "rwxr-xr-x");
        chmod(log, "rwxrwxrwx");
        chmod(store, "rw-r--r--");
        chmod(lock, "rw-rw-rw-");
        chmod(entry, "r--r--r--");
        // A link to something outside is neither followed nor changed.
        Path outside = Files.writeString(temp.resolve("outside.txt"), "not ours");
        chmod(outside, "rw-r--r--");
        Files.createSymbolicLink(data.resolve("link"), outside);

        assertEquals(List.of(), DataFolder.prepare(data));

        assertEquals("rwx------", mode(data));
        assertEquals("rwx------", mode(log));
        assertEquals("rw-------", mode(store));
        assertEquals("rw-------", mode(lock));
        assertEquals("rw-------", mode(entry));
        assertEquals("rw-r--r--", mode(outside));
    }

    @Test
    void aSemicolonInThePathIsRefusedWithTheReason() {
        assertEquals(Optional.of("the folder's path must not contain ';' (the database URL cannot carry it)"),
                DataFolder.unusable(temp.resolve("a;b")));
        assertEquals(Optional.empty(), DataFolder.unusable(temp.resolve("rapporter 2008 æøå #1 'x' %20")));
    }

    @Test
    void theLogIsCreatedPrivate() throws Exception {
        Path file = temp.resolve("tilskudd.log");
        FileLogger log = new FileLogger(file, null);
        log.write(1, "first", null);
        log.write(2, "second", new IllegalStateException("why"));
        assertEquals("rw-------", mode(file));
        String text = Files.readString(file);
        assertTrue(text.contains(" ERROR first\n") && text.contains(" WARN second\n")
                && text.contains("java.lang.IllegalStateException: why"), text);
    }
}
