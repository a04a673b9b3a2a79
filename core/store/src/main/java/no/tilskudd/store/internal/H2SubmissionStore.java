package no.tilskudd.store.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.naming.Referenceable;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.audit.AuditEvent;
import no.tilskudd.api.audit.AuditQuery;
import no.tilskudd.api.store.DuplicateSubmissionException;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.api.store.StoreException;
import no.tilskudd.api.store.StoredSubmission;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.SubmissionKey;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The submission store on an embedded H2 database. Opening it brings the schema up to date.
 *
 * <p>The data source is created directly rather than through {@code DriverManager}, which does not see drivers in
 * other bundles.
 */
public final class H2SubmissionStore implements SubmissionStore, AutoCloseable {

    /** The file name of the database in the data directory (H2 adds {@code .mv.db}). */
    static final String DATABASE_NAME = "tilskudd";

    private static final int BATCH_SIZE = 1000;

    private static final String COLUMNS =
            "scheme_id, report_year, org_unit, form_version, values_json, source, imported_at";
    private static final String INSERT = "INSERT INTO submission (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE =
            "DELETE FROM submission WHERE scheme_id = ? AND report_year = ? AND org_unit = ?";
    private static final String STORED_UNITS =
            "SELECT org_unit FROM submission WHERE scheme_id = ? AND report_year = ?";

    /**
     * H2's data source is a {@link Referenceable}. Naming the type here makes bnd write {@code requires java.naming}
     * into module-info (and import {@code javax.naming}); without it the data source cannot be loaded on the module
     * path, since nothing else pulls in that module.
     */
    @SuppressWarnings("unused")
    private static final Class<Referenceable> NAMING = Referenceable.class;

    /** How long opening waits for another process that has the database open, by default. */
    static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);

    /**
     * What the application user may do with each table. A table that a migration adds must be listed here, or the
     * application cannot use it; the audit trail may only grow.
     */
    static final Map<String, String> APP_PRIVILEGES = Map.of(
            "SUBMISSION", "SELECT, INSERT, UPDATE, DELETE",
            "AUDIT_EVENT", "SELECT, INSERT");

    private final String url;
    private final StoreCredentials credentials;
    private final JdbcConnectionPool pool;
    /** Holds the database open while the store is, so that no other process opens the file between two uses. */
    private final Connection keeper;
    private final ValuesCodec codec = new ValuesCodec();
    private final AuditTable audit = new AuditTable();

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
        this.url = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.credentials = credentials;
        Connection held = null;
        JdbcConnectionPool appPool = null;
        try (Connection owner = connect(dataSource(jdbcUrl, credentials.ownerUser(), credentials.ownerPassword()),
                lockWait)) {
            Migrations.store().apply(owner);
            grantApplication(owner, credentials);
            dropDefaultAdmin(owner);
            // Settings in the URL (such as DB_CLOSE_DELAY) need admin rights; the owner has applied them.
            String appUrl = jdbcUrl.contains(";") ? jdbcUrl.substring(0, jdbcUrl.indexOf(';')) : jdbcUrl;
            appPool = JdbcConnectionPool.create(dataSource(appUrl, credentials.appUser(), credentials.appPassword()));
            held = appPool.getConnection();
        } catch (SQLException e) {
            close(held, appPool);
            throw new StoreException("cannot open the submission database " + jdbcUrl + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(held, appPool);
            throw e;
        }
        this.pool = appPool;
        this.keeper = held;
    }

    /**
     * The credentials of a data folder's database: those in its credentials file; for a new database, new ones,
     * written first; for a database written before the store had its own users (user {@code SA}, no password), new
     * ones given to that database as its owner, and then written.
     */
    private static StoreCredentials credentialsOf(Path dataDirectory, Duration lockWait) {
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

    /** Creates or updates the application user and gives it exactly the rights of {@link #APP_PRIVILEGES}. */
    private static void grantApplication(Connection owner, StoreCredentials credentials) throws SQLException {
        String app = credentials.appUser();
        try (Statement st = owner.createStatement()) {
            // Generated passwords are URL-safe base64: nothing in them can end the literal.
            st.execute("CREATE USER IF NOT EXISTS " + app + " PASSWORD '" + credentials.appPassword() + "'");
            st.execute("ALTER USER " + app + " SET PASSWORD '" + credentials.appPassword() + "'");
            st.execute("ALTER USER " + app + " ADMIN FALSE");
            for (Map.Entry<String, String> table : APP_PRIVILEGES.entrySet()) {
                st.execute("REVOKE ALL ON " + table.getKey() + " FROM " + app);
                st.execute("GRANT " + table.getValue() + " ON " + table.getKey() + " TO " + app);
            }
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
     * Appends an event to the audit trail.
     *
     * @param entry what to record
     * @return the recorded event
     */
    public AuditEvent record(AuditEntry entry) {
        try (Connection c = pool.getConnection()) {
            return audit.insert(c, entry, Instant.now().truncatedTo(ChronoUnit.MICROS));
        } catch (SQLException e) {
            throw new StoreException("cannot record " + entry.action() + " in the audit trail: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the audit trail, oldest first.
     *
     * @param query which events
     * @return the events
     */
    public List<AuditEvent> read(AuditQuery query) {
        try (Connection c = pool.getConnection()) {
            return audit.read(c, query);
        } catch (SQLException e) {
            throw new StoreException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    @Override
    public SaveResult save(List<Submission> submissions, boolean replace, String source, String actor) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actor, "actor");
        List<Submission> batch = List.copyOf(submissions);
        if (batch.isEmpty()) {
            return new SaveResult(0, 0);
        }
        List<String> json = new ArrayList<>(batch.size());
        for (Submission s : batch) {
            if (s.formVersion().isEmpty()) {
                throw new IllegalArgumentException("submission " + s.key()
                        + " has no form version; resolve the form version before saving");
            }
            json.add(codec.write(s));
        }
        Instant importedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // The pool rolls back and restores auto-commit when a connection is handed back.
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                SaveResult result = save(c, batch, json, replace, source, importedAt);
                audit.insert(c, AuditTable.saved(actor, source, batch, result), importedAt);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                Migrations.rollback(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot save " + batch.size() + " submissions from " + source + ": "
                    + e.getMessage(), e);
        }
    }

    private SaveResult save(Connection c, List<Submission> batch, List<String> json, boolean replace, String source,
            Instant importedAt) throws SQLException {
        Set<SubmissionKey> seen = new HashSet<>();
        Set<SubmissionKey> repeated = new HashSet<>();
        for (Submission s : batch) {
            if (!seen.add(s.key())) {
                repeated.add(s.key());
            }
        }
        Set<SubmissionKey> stored = storedKeys(c, batch);
        Set<SubmissionKey> existing = new LinkedHashSet<>();
        Set<SubmissionKey> duplicates = new LinkedHashSet<>();
        for (Submission s : batch) {
            SubmissionKey key = s.key();
            if (stored.contains(key)) {
                existing.add(key);
            }
            if (repeated.contains(key) || (!replace && stored.contains(key))) {
                duplicates.add(key);
            }
        }
        if (!duplicates.isEmpty()) {
            throw new DuplicateSubmissionException(List.copyOf(duplicates));
        }
        delete(c, List.copyOf(existing));
        insert(c, batch, json, replace, source, OffsetDateTime.ofInstant(importedAt, ZoneOffset.UTC));
        return new SaveResult(batch.size() - existing.size(), existing.size());
    }

    /** The keys of the batch that are already stored, found with one query per scheme and year. */
    private static Set<SubmissionKey> storedKeys(Connection c, List<Submission> batch) throws SQLException {
        Set<SchemeYear> schemeYears = new LinkedHashSet<>();
        for (Submission s : batch) {
            schemeYears.add(new SchemeYear(s.schemeId(), s.year()));
        }
        Set<SubmissionKey> stored = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(STORED_UNITS)) {
            for (SchemeYear sy : schemeYears) {
                ps.setString(1, sy.schemeId());
                ps.setInt(2, sy.year());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.add(new SubmissionKey(sy.schemeId(), sy.year(), rs.getString(1)));
                    }
                }
            }
        }
        return stored;
    }

    private static void delete(Connection c, List<SubmissionKey> keys) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DELETE)) {
            for (int start = 0; start < keys.size(); start += BATCH_SIZE) {
                List<SubmissionKey> chunk = keys.subList(start, Math.min(keys.size(), start + BATCH_SIZE));
                for (SubmissionKey k : chunk) {
                    ps.setString(1, k.schemeId());
                    ps.setInt(2, k.year());
                    ps.setString(3, k.orgUnit());
                    ps.addBatch();
                }
                try {
                    ps.executeBatch();
                } catch (BatchUpdateException e) {
                    SubmissionKey failed = chunk.get(failedIndex(e, chunk.size()));
                    throw new StoreException("cannot replace stored submission " + failed + ": "
                            + cause(e).getMessage(), e);
                }
            }
        }
    }

    private static void insert(Connection c, List<Submission> batch, List<String> json, boolean replace,
            String source, OffsetDateTime importedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (int start = 0; start < batch.size(); start += BATCH_SIZE) {
                int end = Math.min(batch.size(), start + BATCH_SIZE);
                for (int i = start; i < end; i++) {
                    Submission s = batch.get(i);
                    ps.setString(1, s.schemeId());
                    ps.setInt(2, s.year());
                    ps.setString(3, s.orgUnit());
                    ps.setString(4, s.formVersion().orElseThrow());
                    ps.setString(5, json.get(i));
                    ps.setString(6, source);
                    ps.setObject(7, importedAt);
                    ps.addBatch();
                }
                try {
                    ps.executeBatch();
                } catch (BatchUpdateException e) {
                    SubmissionKey failed = batch.get(start + failedIndex(e, end - start)).key();
                    SQLException cause = cause(e);
                    if (cause.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
                        // Stored by another process after this transaction looked for duplicates.
                        if (!replace) {
                            DuplicateSubmissionException d = new DuplicateSubmissionException(List.of(failed));
                            d.initCause(e);
                            throw d;
                        }
                        throw new StoreException("submission " + failed
                                + " was stored by another process during this save; try again", e);
                    }
                    throw new StoreException("cannot store submission " + failed + " (from " + source + "): "
                            + cause.getMessage(), e);
                }
            }
        }
    }

    /** The position in a batch of the first statement that failed. */
    private static int failedIndex(BatchUpdateException e, int size) {
        int[] counts = e.getUpdateCounts();
        if (counts != null) {
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == Statement.EXECUTE_FAILED) {
                    return i;
                }
            }
            // A driver that stops at the first failure reports only the statements before it.
            if (counts.length < size) {
                return counts.length;
            }
        }
        return 0;
    }

    private static SQLException cause(BatchUpdateException e) {
        SQLException next = e.getNextException();
        return next != null ? next : e;
    }

    @Override
    public List<StoredSubmission> find(SubmissionQuery query) {
        Where where = Where.of(query);
        String sql = "SELECT " + COLUMNS + " FROM submission" + where.sql()
                + " ORDER BY scheme_id, report_year, org_unit";
        List<StoredSubmission> found = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            where.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SubmissionKey key = new SubmissionKey(rs.getString(1), rs.getInt(2), rs.getString(3));
                    Submission submission = new Submission(key.schemeId(), key.year(), key.orgUnit(),
                            Optional.of(rs.getString(4)), codec.read(rs.getString(5), key));
                    found.add(new StoredSubmission(submission, rs.getString(6),
                            rs.getObject(7, OffsetDateTime.class).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read submissions (" + query + "): " + e.getMessage(), e);
        }
        return found;
    }

    @Override
    public long count(SubmissionQuery query) {
        Where where = Where.of(query);
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM submission" + where.sql())) {
            where.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count submissions (" + query + "): " + e.getMessage(), e);
        }
    }

    /** Closes all connections, and so the database file. */
    @Override
    public void close() {
        close(keeper, pool);
    }

    @Override
    public String toString() {
        return "H2SubmissionStore[" + url + "]";
    }

    private record SchemeYear(String schemeId, int year) {
    }

    /** The WHERE clause of a query and its parameters. */
    private record Where(String sql, List<Object> parameters) {

        static Where of(SubmissionQuery query) {
            List<String> conditions = new ArrayList<>();
            List<Object> parameters = new ArrayList<>();
            query.schemeId().ifPresent(id -> {
                conditions.add("scheme_id = ?");
                parameters.add(id);
            });
            query.fromYear().ifPresent(year -> {
                conditions.add("report_year >= ?");
                parameters.add(year);
            });
            query.toYear().ifPresent(year -> {
                conditions.add("report_year <= ?");
                parameters.add(year);
            });
            if (!query.orgUnits().isEmpty()) {
                conditions.add("org_unit = ANY(?)");
                parameters.add(query.orgUnits().toArray(String[]::new));
            }
            return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions),
                    parameters);
        }

        void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
        }
    }
}
