package no.tilskudd.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.BeforeEachCallback;
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
