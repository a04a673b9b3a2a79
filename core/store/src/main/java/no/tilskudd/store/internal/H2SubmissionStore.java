package no.tilskudd.store.internal;

import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.naming.Referenceable;
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

    private final String url;
    private final JdbcConnectionPool pool;
    private final ValuesCodec codec = new ValuesCodec();

    /**
     * Opens the file database {@code tilskudd} in a data directory. Other processes may open it at the same time
     * (H2 {@code AUTO_SERVER}): the first one serves it to the others.
     *
     * @param dataDirectory an existing directory
     * @throws StoreException when the database cannot be opened or migrated
     */
    public H2SubmissionStore(Path dataDirectory) {
        this(fileUrl(dataDirectory));
    }

    /**
     * Opens a database by its JDBC URL.
     *
     * @param jdbcUrl an H2 URL, such as {@code jdbc:h2:mem:test;DB_CLOSE_DELAY=-1}
     * @throws StoreException when the database cannot be opened or migrated
     */
    public H2SubmissionStore(String jdbcUrl) {
        this.url = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        this.pool = JdbcConnectionPool.create(dataSource);
        try (Connection c = pool.getConnection()) {
            Migrations.store().apply(c);
        } catch (SQLException e) {
            pool.dispose();
            throw new StoreException("cannot open the submission database " + jdbcUrl + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /**
     * The URL of the shared file database in a data directory.
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

    @Override
    public SaveResult save(List<Submission> submissions, boolean replace, String source) {
        Objects.requireNonNull(source, "source");
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

    /** Closes all connections; the database file is closed when no other process uses it. */
    @Override
    public void close() {
        pool.dispose();
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
