package no.tilskudd.launch.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code tilskudd restore FILE}: unpacks a backup made by {@code tilskudd backup} into an empty data folder. It runs
 * before the framework starts, since starting it would create a new, empty store in that folder.
 */
final class Restore {

    /** The files a backup may hold; anything else in the zip is refused, so no entry can land outside data/. */
    static final Set<String> ENTRIES = Set.of("tilskudd.mv.db", "store.credentials", "users.json", "org-units.csv");

    /** No file of a backup is larger than this; a larger entry is not one of ours. */
    static final long MAX_ENTRY_BYTES = 64L << 30;

    private Restore() {
    }

    static int run(Path backup, Path data, PrintStream out, PrintStream err) {
        try {
            if (!Files.isRegularFile(backup)) {
                err.println("tilskudd restore: " + backup + (Files.isDirectory(backup) ? " is a directory" : " does not "
                        + "exist") + "; give the zip that tilskudd backup wrote");
                return 1;
            }
            if (Files.exists(data) && !isEmpty(data)) {
                err.println("tilskudd restore: " + data + " is not empty; restore into a new or empty data folder "
                        + "(--data DIR), so that nothing stored there is lost");
                return 1;
            }
            Files.createDirectories(data, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            List<String> restored = unpack(backup, data);
            if (!restored.contains("tilskudd.mv.db") || !restored.contains("store.credentials")) {
                for (String name : restored) {
                    Files.deleteIfExists(data.resolve(name));
                }
                err.println("tilskudd restore: " + backup + " holds no store (tilskudd.mv.db and store.credentials)"
                        + "; it is not a backup of tilskudd");
                return 1;
            }
            out.println("restored " + String.join(", ", restored) + " into " + data);
            return 0;
        } catch (IOException e) {
            err.println("tilskudd restore: " + backup + ": " + e.getMessage());
            return 1;
        }
    }

    private static List<String> unpack(Path backup, Path data) throws IOException {
        List<String> restored = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(backup); ZipInputStream zip = new ZipInputStream(raw)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (e.isDirectory() || !ENTRIES.contains(name) || restored.contains(name)) {
                    throw new IOException("unexpected entry '" + name + "': a backup holds only " + ENTRIES);
                }
                Path target = data.resolve(name);
                Files.createFile(target, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
                restored.add(name);
                long copied = copy(zip, target);
                if (copied > MAX_ENTRY_BYTES) {
                    throw new IOException("entry '" + name + "' is larger than any backup entry can be");
                }
            }
        } catch (IOException e) {
            for (String name : restored) {
                Files.deleteIfExists(data.resolve(name));
            }
            throw e;
        }
        return restored;
    }

    private static long copy(InputStream in, Path target) throws IOException {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (var out = Files.newOutputStream(target)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > MAX_ENTRY_BYTES) {
                    return total;
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
