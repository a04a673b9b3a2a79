package no.tilskudd.store.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.naming.Referenceable;
import no.tilskudd.api.store.StoreException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The submission store on an embedded H2 database, the default. Opening it brings the schema up to date.
 *
 * <p>The data source is created directly rather than through {@code DriverManager}, which does not see drivers in
 * other bundles.
 */
public final class H2SubmissionStore extends SqlSubmissionStore {

    /** The file name of the database in the data directory (H2 adds {@code .mv.db}). */
    static final String DATABASE_NAME = "tilskudd";

    /**
     * H2's data source is a {@link Referenceable}. Naming the type here makes bnd write {@code requires java.naming}
     * into module-info (and import {@code javax.naming}); without it the data source cannot be loaded on the module
     * path, since nothing else pulls in that module.
     */
    @SuppressWarnings("unused")
    private static final Class<Referenceable> NAMING = Referenceable.class;

    /** How long opening waits for another process that has the database open, by default. */
    static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);

    private final String url;
    private final StoreCredentials credentials;

    /**
     * Opens the file database {@code tilskudd} in a data directory, and holds it open until {@link #close()}: no
     * other process can open it meanwhile (commands beside a running host go through the host). Opening waits up
     * to a minute for another process that has it open.
     *
     * @param dataDirectory an existing directory
     * @throws StoreException when the database cannot be opened or migrated
     */
    public H2SubmissionStore(Path dataDirectory) {
        this(dataDirectory, DEFAULT_LOCK_WAIT);
    }

    /**
     * Opens the file database in a data directory, waiting a given time for another process that has it open.
     *
     * @param dataDirectory an existing directory
     * @param lockWait      how long to wait for the database file
     * @throws StoreException when the database cannot be opened or migrated
     */
    public H2SubmissionStore(Path dataDirectory, Duration lockWait) {
        this(fileUrl(dataDirectory), credentialsOf(dataDirectory, lockWait), lockWait);
        makeDatabaseFilesPrivate(dataDirectory);
    }

    /**
     * H2 creates its files with the process's umask; the launcher sets a private one, but an embedding application
     * may not, so the store's own files are made private here as well.
     */
    private static void makeDatabaseFilesPrivate(Path dataDirectory) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDirectory, DATABASE_NAME + ".*")) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    StoreCredentials.makePrivate(file);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot make the database files in " + dataDirectory + " private: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Opens a database by its JDBC URL, with newly generated users (for in-memory databases).
     *
     * @param jdbcUrl an H2 URL, such as {@code jdbc:h2:mem:test;DB_CLOSE_DELAY=-1}
     * @throws StoreException when the database cannot be opened or migrated
     */
    public H2SubmissionStore(String jdbcUrl) {
        this(jdbcUrl, StoreCredentials.generate(), Duration.ZERO);
    }

    private H2SubmissionStore(String jdbcUrl, StoreCredentials credentials, Duration lockWait) {
        this(jdbcUrl, credentials, open(jdbcUrl, credentials, lockWait));
    }

    private H2SubmissionStore(String jdbcUrl, StoreCredentials credentials, Opened opened) {
        super(Dialect.H2, opened.connections(), opened.migrated());
        this.url = jdbcUrl;
        this.credentials = credentials;
    }

    private record Opened(Connections connections, List<Integer> migrated) {
    }

    private static Opened open(String jdbcUrl, StoreCredentials credentials, Duration lockWait) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Connection held = null;
        JdbcConnectionPool appPool = null;
        try (Connection owner = connect(dataSource(jdbcUrl, credentials.ownerUser(), credentials.ownerPassword()),
                lockWait)) {
            List<Integer> migrated = prepareSchema(Dialect.H2, owner, lockKey(jdbcUrl), credentials.appUser(),
                    credentials.appPassword(), Math.max(60, lockWait.toSeconds()));
            dropDefaultAdmin(owner);
            // Settings in the URL (such as DB_CLOSE_DELAY) need admin rights; the owner has applied them.
            appPool = JdbcConnectionPool.create(dataSource(lockKey(jdbcUrl), credentials.appUser(),
                    credentials.appPassword()));
            held = appPool.getConnection();
            return new Opened(connections(appPool, held), migrated);
        } catch (SQLException e) {
            close(held, appPool);
            throw new StoreException("cannot open the submission database " + jdbcUrl + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(held, appPool);
            throw e;
        }
    }

    /** The database a URL names, without its settings: the key of its migration lock in this JVM. */
    static String lockKey(String jdbcUrl) {
        return jdbcUrl.contains(";") ? jdbcUrl.substring(0, jdbcUrl.indexOf(';')) : jdbcUrl;
    }

    /** The pool, and the connection that holds the database open until the store closes. */
    private static Connections connections(JdbcConnectionPool pool, Connection keeper) {
        return new Connections() {
            @Override
            public Connection getConnection() throws SQLException {
                return pool.getConnection();
            }

            @Override
            public void close() {
                H2SubmissionStore.close(keeper, pool);
            }
        };
    }

    /**
     * The credentials of a data folder's database: those in its credentials file; for a new database, new ones,
     * written first; for a database written before the store had its own users (user {@code SA}, no password), new
     * ones given to that database as its owner, and then written.
     */
    private static StoreCredentials credentialsUnlocked(Path dataDirectory, Duration lockWait) {
        StoreCredentials known = StoreCredentials.read(dataDirectory);
        if (known != null) {
            return known;
        }
        StoreCredentials fresh = StoreCredentials.generate();
        if (Files.exists(dataDirectory.resolve(DATABASE_NAME + ".mv.db"))) {
            adoptLegacyDatabase(fileUrl(dataDirectory), fresh, lockWait);
        }
        fresh.write(dataDirectory);
        return fresh;
    }

    private static void adoptLegacyDatabase(String url, StoreCredentials fresh, Duration lockWait) {
        try (Connection sa = connect(dataSource(url, "SA", ""), lockWait); Statement st = sa.createStatement()) {
            st.execute("CREATE USER IF NOT EXISTS " + fresh.ownerUser() + " PASSWORD '" + fresh.ownerPassword()
                    + "' ADMIN");
            st.execute("ALTER USER " + fresh.ownerUser() + " SET PASSWORD '" + fresh.ownerPassword() + "'");
            st.execute("ALTER USER " + fresh.ownerUser() + " ADMIN TRUE");
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw new StoreException("the database " + url + " exists but its credentials file "
                        + StoreCredentials.FILE_NAME + " is missing from the data folder; restore the data folder "
                        + "from a backup (tilskudd restore FILE)", e);
            }
            throw new StoreException("cannot take over the database " + url + ": " + e.getMessage(), e);
        }
    }

    /** H2 creates every database with an admin {@code SA}; a store written before it had its own users still has it. */
    private static void dropDefaultAdmin(Connection owner) throws SQLException {
        try (Statement st = owner.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = 'SA'")) {
            rs.next();
            if (rs.getInt(1) > 0) {
                try (Statement drop = owner.createStatement()) {
                    drop.execute("DROP USER SA");
                }
            }
        }
    }

    private static JdbcDataSource dataSource(String url, String user, String password) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    /** Connects, waiting while another process has the database file open. */
    private static Connection connect(JdbcDataSource ds, Duration lockWait) throws SQLException {
        long deadline = System.nanoTime() + lockWait.toNanos();
        long pause = 50;
        while (true) {
            try {
                return ds.getConnection();
            } catch (SQLException e) {
                if (e.getErrorCode() != ErrorCode.DATABASE_ALREADY_OPEN_1) {
                    throw e;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new StoreException("the store " + ds.getURL() + " is in use by another tilskudd process "
                            + "(waited " + lockWait.toSeconds() + " s); commands beside a running host go through "
                            + "it, so this is another one-shot command: wait for it to finish", e);
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(500, pause * 2);
            }
        }
    }

    private static void close(Connection held, JdbcConnectionPool appPool) {
        try {
            if (held != null) {
                held.close();
            }
        } catch (SQLException e) {
            // closing after a failure: the failure is what the caller needs to see
        }
        if (appPool != null) {
            appPool.dispose();
        }
    }

    /**
     * The URL of the file database in a data directory.
     *
     * @param dataDirectory the directory
     * @return the JDBC URL
     */
    static String fileUrl(Path dataDirectory) {
        Path file = dataDirectory.toAbsolutePath().normalize().resolve(DATABASE_NAME);
        if (file.toString().indexOf(';') >= 0) {
            throw new IllegalArgumentException("the data directory must not contain ';': " + dataDirectory);
        }
        return "jdbc:h2:file:" + file;
    }

    /**
     * Writes a consistent copy of the database (H2 {@code BACKUP}, as the owner, while the store is in use) and the
     * credentials file into a directory.
     *
     * @param directory an existing, empty directory
     * @return the files written, relative to the directory
     * @throws IOException when a file cannot be written
     */
    @Override
    public List<Path> backup(Path directory) throws IOException {
        Path zip = directory.resolve(".backup-" + System.nanoTime() + ".zip");
        try (Connection owner = dataSource(url, credentials.ownerUser(), credentials.ownerPassword()).getConnection();
                PreparedStatement ps = owner.prepareStatement("BACKUP TO ?")) {
            ps.setString(1, zip.toString());
            ps.execute();
        } catch (SQLException e) {
            throw new StoreException("cannot back up " + url + ": " + e.getMessage(), e);
        }
        List<Path> written = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path name = Path.of(e.getName()).getFileName();
                if (!e.isDirectory() && name.toString().equals(DATABASE_NAME + ".mv.db")) {
                    Path target = directory.resolve(name);
                    StoreCredentials.createPrivate(target);
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    written.add(name);
                }
            }
        } finally {
            Files.deleteIfExists(zip);
        }
        if (written.isEmpty()) {
            throw new StoreException("the backup of " + url + " holds no database file");
        }
        credentials.write(directory);
        written.add(Path.of(StoreCredentials.FILE_NAME));
        return written;
    }

    /**
     * Opens a data folder's database under its migration lock, so that two stores starting in this JVM at once
     * neither write two credentials files nor migrate twice.
     */
    private static StoreCredentials credentialsOf(Path dataDirectory, Duration lockWait) {
        try (Dialect.MigrationLock lock = Dialect.H2.migrationLock(null, fileUrl(dataDirectory),
                Math.max(60, lockWait.toSeconds()))) {
            return credentialsUnlocked(dataDirectory, lockWait);
        } catch (SQLException e) {
            throw new StoreException("cannot open " + fileUrl(dataDirectory) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "H2SubmissionStore[" + url + "]";
    }
}
