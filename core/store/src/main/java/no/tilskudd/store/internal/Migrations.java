package no.tilskudd.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tilskudd.api.store.StoreException;

/**
 * Brings a database schema up to date with ordered SQL scripts named {@code V<n>__<what>.sql}, recording each applied
 * script in {@code schema_version}.
 *
 * <p>The scripts are listed by name rather than discovered, because a bundle's class loader cannot list a resource
 * folder. Statements in a script end with a semicolon at the end of a line; lines starting with {@code --} are
 * comments.
 *
 * <p>Each script runs in its own transaction, but note that H2 commits implicitly after DDL, so only the data changes
 * of a failed script are rolled back; its version is recorded only when all of it succeeded.
 */
final class Migrations {

    /** The scripts of the submission store, in order. */
    static final List<String> STORE_SCRIPTS = List.of("V1__submissions.sql", "V2__audit.sql", "V3__users.sql", "V4__sessions.sql",
            "V5__answers.sql", "V6__user_org_units.sql", "V7__grants.sql", "V8__scheme_owners.sql",
            "V9__answer_index_order.sql", "V10__publications.sql", "V11__scheme_extensions.sql",
            "V12__report_drafts.sql", "V13__form_use.sql",
            "V14__answer_code.sql", "V15__answer_by_submission.sql");

    /** Where the submission store's scripts for H2 are ({@link Dialect#migrationBase()} for each database). */
    static final String STORE_BASE = "/no/tilskudd/store/internal/migration/";

    private static final Pattern NAME = Pattern.compile("V([1-9][0-9]*)__[A-Za-z0-9_\\-]+\\.sql");
    private static final Pattern STATEMENT_END = Pattern.compile(";[ \\t]*(?:\\r?\\n|$)");

    private final String base;
    private final TreeMap<Integer, String> scripts = new TreeMap<>();

    /**
     * @param base    the resource folder, absolute, ending with a slash
     * @param scripts the script names, in ascending version order
     */
    Migrations(String base, List<String> scripts) {
        this.base = Objects.requireNonNull(base, "base");
        int previous = 0;
        for (String script : scripts) {
            int version = version(script);
            if (version <= previous) {
                throw new IllegalArgumentException("migration scripts out of order: " + scripts);
            }
            previous = version;
            this.scripts.put(version, script);
        }
    }

    /** The migrations of the submission store on H2. */
    static Migrations store() {
        return store(Dialect.H2);
    }

    /** The migrations of the submission store on a database: the same script names on each. */
    static Migrations store(Dialect dialect) {
        return new Migrations(dialect.migrationBase(), STORE_SCRIPTS);
    }

    /**
     * Applies the scripts the database does not have yet.
     *
     * @param connection a connection; its auto-commit is switched off and restored
     * @return the versions applied now, in order
     * @throws StoreException when a script fails, or the database has versions this build does not know
     */
    List<Integer> apply(Connection connection) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            try {
                connection.setAutoCommit(true);
                try (Statement st = connection.createStatement()) {
                    st.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                            + " version INTEGER NOT NULL PRIMARY KEY,"
                            + " script VARCHAR(200) NOT NULL,"
                            + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
                }
                connection.setAutoCommit(false);
                return applyPending(connection);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read or create the schema_version table: " + e.getMessage(), e);
        }
    }

    private List<Integer> applyPending(Connection connection) throws SQLException {
        Map<Integer, String> applied = applied(connection);
        for (Map.Entry<Integer, String> done : applied.entrySet()) {
            String known = scripts.get(done.getKey());
            if (known == null) {
                throw new StoreException("the database has schema version " + done.getKey() + " (" + done.getValue()
                        + "), which this build does not know; it was written by a newer version of Tilskudd");
            }
            if (!known.equals(done.getValue())) {
                throw new StoreException("schema version " + done.getKey() + " of the database is " + done.getValue()
                        + ", but this build calls it " + known);
            }
        }
        List<Integer> now = new ArrayList<>();
        for (Map.Entry<Integer, String> script : scripts.entrySet()) {
            if (applied.containsKey(script.getKey())) {
                continue;
            }
            List<String> statements = statements(read(script.getValue()));
            try {
                try (Statement st = connection.createStatement()) {
                    for (String sql : statements) {
                        st.execute(sql);
                    }
                }
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, script.getKey());
                    ps.setString(2, script.getValue());
                    ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                    ps.executeUpdate();
                }
                connection.commit();
                now.add(script.getKey());
            } catch (SQLException e) {
                rollback(connection, e);
                if (appliedMeanwhile(connection, script.getKey(), e)) {
                    continue;
                }
                throw new StoreException("schema migration " + script.getValue() + " failed: " + e.getMessage(), e);
            }
        }
        return now;
    }

    /**
     * The applied versions and their script names.
     *
     * @param connection a connection
     * @return script names by version, ascending
     * @throws SQLException when the table cannot be read
     */
    static Map<Integer, String> applied(Connection connection) throws SQLException {
        Map<Integer, String> applied = new TreeMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT version, script FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        return applied;
    }

    /** Whether another host sharing the database applied the version at the same moment. */
    private static boolean appliedMeanwhile(Connection connection, int version, SQLException failure) {
        try {
            return applied(connection).containsKey(version);
        } catch (SQLException e) {
            failure.addSuppressed(e);
            return false;
        }
    }

    private static int version(String script) {
        Matcher m = NAME.matcher(script);
        if (!m.matches()) {
            throw new IllegalArgumentException("migration script name must look like V1__what.sql: " + script);
        }
        return Integer.parseInt(m.group(1));
    }

    private String read(String script) {
        String path = base + script;
        try (InputStream in = Migrations.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new StoreException("schema migration script not found: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read schema migration script " + path + ": " + e.getMessage(), e);
        }
    }

    static List<String> statements(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\\r?\\n")) {
            if (!line.strip().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        return Arrays.stream(STATEMENT_END.split(code))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
