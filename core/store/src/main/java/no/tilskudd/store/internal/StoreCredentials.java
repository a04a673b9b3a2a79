package no.tilskudd.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import no.tilskudd.api.store.StoreException;

/**
 * The two database users of the store and their passwords. The owner creates the schema, runs migrations and
 * backups; the application connects as the app user, which may only read and write rows (no {@code ADMIN}, so no
 * {@code CREATE ALIAS}, {@code CSVWRITE}, {@code RUNSCRIPT} or {@code LINK_SCHEMA}), and may only add to the audit
 * trail. The passwords are generated and kept in {@value #FILE_NAME} in the data folder, readable by the service user
 * only.
 *
 * @param ownerUser     the owner's user name
 * @param ownerPassword the owner's password
 * @param appUser       the application's user name
 * @param appPassword   the application's password
 */
record StoreCredentials(String ownerUser, String ownerPassword, String appUser, String appPassword) {

    /** The file in the data folder. */
    static final String FILE_NAME = "store.credentials";

    static final String OWNER = "TILSKUDD_OWNER";
    static final String APP = "TILSKUDD_APP";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

    @Override
    public String toString() {
        // Never the passwords: this record ends up in log lines and exception messages.
        return "StoreCredentials[owner=" + ownerUser + ", app=" + appUser + "]";
    }

    /**
     * New credentials with random passwords, kept nowhere (in-memory databases).
     *
     * @return the credentials
     */
    static StoreCredentials generate() {
        return new StoreCredentials(OWNER, password(), APP, password());
    }

    /**
     * Reads the credentials file of a data folder.
     *
     * @param dataDirectory the data folder
     * @return the credentials, or null when the file does not exist
     * @throws StoreException when the file is unreadable or incomplete
     */
    static StoreCredentials read(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String[] keys = {"owner.user", "owner.password", "app.user", "app.password"};
        for (String key : keys) {
            if (p.getProperty(key, "").isBlank()) {
                throw new StoreException(file + ": " + key + " is missing");
            }
        }
        return new StoreCredentials(p.getProperty(keys[0]), p.getProperty(keys[1]), p.getProperty(keys[2]),
                p.getProperty(keys[3]));
    }

    /**
     * Writes the credentials file, private to the service user, atomically: a reader sees the whole file or none.
     *
     * @param dataDirectory the data folder
     * @throws StoreException when the file exists already or cannot be written
     */
    void write(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        Path temp = dataDirectory.resolve("." + FILE_NAME + ".tmp");
        try {
            Files.deleteIfExists(temp);
            createPrivate(temp);
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                w.write("# The database users of this data folder, generated. Keep this file private (mode 0600):\n"
                        + "# the owner runs migrations and backups, the application connects as the app user.\n");
                w.write("owner.user=" + ownerUser + "\nowner.password=" + ownerPassword + "\n");
                w.write("app.user=" + appUser + "\napp.password=" + appPassword + "\n");
            }
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString());
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // a leftover temporary file is private and replaced on the next start
            }
        }
    }

    /**
     * Creates an empty file that only the owner can read and write, where the file system has POSIX modes.
     *
     * @param file the file
     * @throws IOException when it exists or cannot be created
     */
    static void createPrivate(Path file) throws IOException {
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PRIVATE));
        } else {
            Files.createFile(file);
        }
    }

    /**
     * Makes an existing file readable by its owner only, where the file system has POSIX modes.
     *
     * @param file the file
     * @throws IOException when the mode cannot be changed
     */
    static void makePrivate(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PRIVATE);
        }
    }

    private static String password() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
