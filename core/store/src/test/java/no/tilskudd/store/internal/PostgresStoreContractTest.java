package no.tilskudd.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's contract on a real PostgreSQL server (the tests' own, see {@link PostgresServer}), each test in a new
 * database owned by {@value PostgresServer#OWNER}, as a database administrator would set it up.
 */
class PostgresStoreContractTest extends StoreContractTest {

    static PostgresServer server;

    @RegisterExtension
    static final BeforeEachCallback SERVER = context -> server = PostgresServer.get(context);

    @TempDir
    Path dir;

    private String database;
    private PostgresSettings settings;

    @BeforeEach
    void createDatabase() throws Exception {
        database = server.createDatabase();
        settings = server.settings(database, dir);
    }

    @Override
    SqlSubmissionStore openStore() {
        return new PostgresSubmissionStore(settings);
    }

    @Override
    Connection app() throws SQLException {
        return PostgresSubmissionStore.dataSource(settings.url(), settings.user(), settings.password())
                .getConnection();
    }

    @Override
    Connection owner() throws SQLException {
        return PostgresSubmissionStore.dataSource(settings.url(), settings.owner(), settings.ownerPassword())
                .getConnection();
    }

    @Override
    AutoCloseable holdMigrationLock() throws Exception {
        Connection c = owner();
        Dialect.MigrationLock lock = Dialect.POSTGRESQL.migrationLock(c, database, 1);
        return () -> {
            try (c) {
                lock.close();
            }
        };
    }

    /** The two dialects' scripts make the same tables: the same columns, nullability and text lengths. */
    @Test
    void theTablesAreTheSameAsOnH2() throws Exception {
        open();
        Path h2Folder = Files.createDirectories(dir.resolve("h2"));
        try (H2SubmissionStore h2 = new H2SubmissionStore(h2Folder)) {
            StoreCredentials credentials = StoreCredentials.read(h2Folder);
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(H2SubmissionStore.fileUrl(h2Folder));
            ds.setUser(credentials.ownerUser());
            ds.setPassword(credentials.ownerPassword());
            try (Connection onH2 = ds.getConnection(); Connection onPostgres = owner()) {
                List<String> h2Columns = columns(onH2);
                assertTrue(h2Columns.size() > 10, h2Columns.toString());
                assertEquals(h2Columns, columns(onPostgres));
            }
        }
    }

    private static List<String> columns(Connection c) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT table_name, column_name, "
                + "is_nullable, character_maximum_length, data_type FROM information_schema.columns "
                + "WHERE table_schema = CURRENT_SCHEMA ORDER BY table_name, column_name")) {
            while (rs.next()) {
                String type = rs.getString(5).toUpperCase(Locale.ROOT);
                // CLOB on H2 is TEXT on PostgreSQL: both unbounded.
                boolean bounded = type.equals("CHARACTER VARYING");
                columns.add((rs.getString(1) + "." + rs.getString(2)).toLowerCase(Locale.ROOT) + " "
                        + rs.getString(3) + (bounded ? " " + rs.getInt(4) : "")
                        + (type.contains("TIME ZONE") ? " timestamptz" : type.contains("INT") ? " " + type : ""));
            }
        }
        return columns;
    }

    @Override
    List<String> dialectAttacks() {
        return List.of(
                "CREATE SCHEMA smuggled",
                "CREATE TEMPORARY TABLE smuggled (x INT)",
                "CREATE FUNCTION smuggled() RETURNS INT LANGUAGE SQL AS 'SELECT 1'",
                "CREATE ROLE intruder LOGIN PASSWORD 'x'",
                "ALTER ROLE " + PostgresServer.APP + " SUPERUSER",
                "SELECT pg_read_file('/etc/passwd')",
                "COPY submission TO '/tmp/tilskudd-smuggled.csv'",
                "COPY audit_event FROM PROGRAM 'id'",
                "SELECT lo_import('/etc/passwd')",
                "CREATE EXTENSION IF NOT EXISTS dblink");
    }
}
