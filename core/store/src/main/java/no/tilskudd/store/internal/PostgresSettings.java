package no.tilskudd.store.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import no.tilskudd.api.store.StoreException;

/**
 * Where the store's PostgreSQL database is and who connects to it: the owner, who runs migrations, and the
 * application user, with least privileges. The passwords are read from files that only the service user may read.
 *
 * @param url           a {@code jdbc:postgresql:} URL ({@value #URL})
 * @param owner         the database owner ({@value #OWNER})
 * @param ownerPassword the owner's password, from {@value #OWNER_PASSWORD_FILE}
 * @param user          the application user ({@value #USER})
 * @param password      its password, from {@value #PASSWORD_FILE}
 */
record PostgresSettings(String url, String owner, String ownerPassword, String user, String password) {

    static final String URL = "store.url";
    static final String OWNER = "store.owner";
    static final String OWNER_PASSWORD_FILE = "store.owner.passwordFile";
    static final String USER = "store.user";
    static final String PASSWORD_FILE = "store.passwordFile";

    /** The URLs that select PostgreSQL. */
    static final String PREFIX = "jdbc:postgresql:";

    private static final Set<PosixFilePermission> NOT_PRIVATE = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @Override
    public String toString() {
        // Never the passwords: this record ends up in log lines and exception messages.
        return "PostgresSettings[" + url + ", owner=" + owner + ", user=" + user + "]";
    }

    /**
     * The settings, when {@value #URL} names PostgreSQL.
     *
     * @param setting a setting by key, or null where it is not set
     * @param base    the folder relative password file names are read from
     * @return the settings, or null when {@value #URL} is not set (the embedded H2 store)
     * @throws StoreException naming the setting, when one is missing, names another database, or a password file is
     *                        missing, empty or readable by others
     */
    static PostgresSettings of(Function<String, String> setting, Path base) {
        String url = value(setting, URL);
        if (url == null) {
            return null;
        }
        if (!url.startsWith(PREFIX)) {
            throw new StoreException(URL + "=" + url + ": only PostgreSQL (" + PREFIX + "//host:port/database) can be "
                    + "named here; leave " + URL + " out for the embedded H2 store in the data folder");
        }
        String owner = required(setting, OWNER);
        String user = required(setting, USER);
        if (owner.equals(user)) {
            throw new StoreException(USER + " and " + OWNER + " are both " + user + ": the application must "
                    + "connect as a user without the owner's rights");
        }
        return new PostgresSettings(url, owner, password(setting, OWNER_PASSWORD_FILE, base), user,
                password(setting, PASSWORD_FILE, base));
    }

    private static String value(Function<String, String> setting, String key) {
        String v = setting.apply(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String required(Function<String, String> setting, String key) {
        String v = value(setting, key);
        if (v == null) {
            throw new StoreException(key + " is not set; " + URL + " names PostgreSQL, which needs " + OWNER + ", "
                    + OWNER_PASSWORD_FILE + ", " + USER + " and " + PASSWORD_FILE);
        }
        return v;
    }

    /** The first line of a password file that only its owner may read (as ssh wants of a private key). */
    private static String password(Function<String, String> setting, String key, Path base) {
        Path file = base.resolve(required(setting, key)).toAbsolutePath().normalize();
        try {
            if (!Files.isRegularFile(file)) {
                throw new StoreException(key + "=" + file + ": no such file");
            }
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> mode = EnumSet.copyOf(Files.getPosixFilePermissions(file));
                mode.retainAll(NOT_PRIVATE);
                if (!mode.isEmpty()) {
                    throw new StoreException(key + "=" + file + ": readable by others than its owner; make it "
                            + "private: chmod 600 " + file);
                }
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String first = text.lines().findFirst().orElse("").strip();
            if (first.isEmpty()) {
                throw new StoreException(key + "=" + file + ": the file is empty; it must hold the password on "
                        + "its first line");
            }
            return first;
        } catch (IOException e) {
            throw new StoreException(key + "=" + file + ": cannot read it: " + e.getMessage(), e);
        }
    }
}
