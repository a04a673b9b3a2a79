package no.tilskudd.launch.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The data folder holds every submission, the users' password hashes and the logs: only the user the host runs as
 * may read it. It is created 0700, and on every start the launcher sets every folder in it to 0700 and everything
 * else to 0600, so that files an older release or another tool left readable are closed too.
 */
final class DataFolder {

    /** The framework property (and configuration key) that names the data folder for the bundles. */
    static final String SETTING = "tilskudd.data";

    static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

    private DataFolder() {
    }

    /**
     * The data folder, found the one way every host start uses ({@code bin/tilskudd}, an embedded host, a test): the
     * folder given by {@code --data}, else {@code home/data}, relative to the working directory. The launcher then
     * gives it to the bundles both as the {@link no.tilskudd.launch.Host#data()} fact and as the framework property
     * {@value #SETTING}, which the store and the org-unit register read.
     *
     * @param home             the distribution folder
     * @param given            the folder {@code --data} names, or null
     * @param workingDirectory the folder relative paths are resolved against
     * @return the absolute, normalised data folder
     */
    static Path locate(Path home, Path given, Path workingDirectory) {
        Path data = given != null ? given : home.resolve("data");
        return workingDirectory.resolve(data).toAbsolutePath().normalize();
    }

    /**
     * Why a folder cannot be the data folder, if it cannot.
     *
     * @param data the folder
     * @return the reason, for a message
     */
    static Optional<String> unusable(Path data) {
        // The store's JDBC URL is the path followed by ;settings, so a ';' in the path would be read as a setting.
        if (data.toAbsolutePath().toString().indexOf(';') >= 0) {
            return Optional.of("the folder's path must not contain ';' (the database URL cannot carry it)");
        }
        return Optional.empty();
    }

    /**
     * Creates the data folder (0700) if it is missing, checks that this user may use it, and makes everything in it
     * private.
     *
     * @param data the folder
     * @return what could not be made private, with the reason (for a warning; the start goes on)
     * @throws IOException when the folder cannot be created or is not this user's to use
     */
    static List<String> prepare(Path data) throws IOException {
        Files.createDirectories(data, privateDir());
        if (!Files.isReadable(data) || !Files.isWritable(data) || !Files.isExecutable(data)) {
            String owner;
            try {
                owner = Files.getOwner(data).getName();
            } catch (IOException e) {
                owner = "another user";
            }
            throw new IOException("the data folder " + data + " is not open to this user (it belongs to " + owner
                    + "); run tilskudd as that user");
        }
        return tighten(data);
    }

    /** A folder to create inside the data folder, 0700 (empty where the file system has no POSIX modes). */
    static FileAttribute<?>[] privateDir() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PRIVATE_DIR)}
                : new FileAttribute<?>[0];
    }

    /** A file to create inside the data folder, 0600 (empty where the file system has no POSIX modes). */
    static FileAttribute<?>[] privateFile() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PRIVATE_FILE)}
                : new FileAttribute<?>[0];
    }

    /** Sets one file (or socket) to 0600. */
    static void makePrivate(Path file) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(file, PRIVATE_FILE);
        }
    }

    /**
     * Sets every folder under {@code root} (and itself) to 0700 and every other entry to 0600. Symbolic links are
     * neither followed nor changed: what they point to is outside the data folder's care.
     *
     * @param root the data folder
     * @return the entries that could not be changed, with the reason
     * @throws IOException when the folder cannot be walked
     */
    static List<String> tighten(Path root) throws IOException {
        List<String> failures = new ArrayList<>();
        if (!posix()) {
            return failures;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                set(dir, PRIVATE_DIR, failures);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isSymbolicLink()) {
                    set(file, PRIVATE_FILE, failures);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                failures.add(file + ": " + e.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
        return failures;
    }

    /**
     * The walk has told symbolic links apart already. A change "without following links" would open the entry
     * first, which fails for sockets and for files the owner may not read, so the mode is set by path.
     */
    private static void set(Path p, Set<PosixFilePermission> perms, List<String> failures) {
        try {
            if (!Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).equals(perms)) {
                Files.setPosixFilePermissions(p, perms);
            }
        } catch (IOException | SecurityException e) {
            failures.add(p + ": " + e.getMessage());
        }
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
