package no.tilskudd.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.audit.AuditLog;
import no.tilskudd.api.store.StoreMaintenance;

/**
 * {@code tilskudd backup FILE}: a consistent copy of the store, taken while it is in use, and the other files of the
 * data folder that hold state (users, an imported org-unit register), in one zip that only the service user can read
 * (it holds the store's credentials). {@code tilskudd restore FILE} unpacks it into an empty data folder.
 */
final class BackupCommand {

    /** The data folder's own files that a backup carries beside the store's. */
    static final List<String> DATA_FILES = List.of("users.json", "org-units.csv");

    private BackupCommand() {
    }

    static int run(StoreMaintenance store, AuditLog audit, Path data, Path target, String actor, PrintStream out)
            throws IOException {
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " exists already; a backup never overwrites a file");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("the folder of " + target + " does not exist");
        }
        Path work = Files.createTempDirectory(data, ".backup-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path partial = Files.createTempFile(parent, "." + target.getFileName(), ".partial",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            List<Path> files = new ArrayList<>(store.backup(work));
            for (String name : DATA_FILES) {
                if (Files.isRegularFile(data.resolve(name))) {
                    Files.copy(data.resolve(name), work.resolve(name));
                    files.add(Path.of(name));
                }
            }
            try (OutputStream raw = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(raw)) {
                for (Path f : files) {
                    zip.putNextEntry(new ZipEntry(f.toString()));
                    Files.copy(work.resolve(f), zip);
                    zip.closeEntry();
                }
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            audit.record(new AuditEntry(actor, "store.backup", target.toAbsolutePath().toString(),
                    Map.of("files", String.join(", ", files.stream().map(Path::toString).toList()),
                            "bytes", Long.toString(Files.size(target)))));
            out.println("backed up " + files.size() + " file(s) to " + target + " (" + Files.size(target)
                    + " bytes, readable by this user only) at " + Instant.now());
            return 0;
        } finally {
            Files.deleteIfExists(partial);
            deleteTree(work);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
