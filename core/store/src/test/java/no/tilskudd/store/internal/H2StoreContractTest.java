package no.tilskudd.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/** The store's contract on embedded H2, in a data folder of its own. */
class H2StoreContractTest extends StoreContractTest {

    @TempDir
    Path dir;

    @Override
    SqlSubmissionStore openStore() {
        return new H2SubmissionStore(dir);
    }

    private Connection connect(boolean asOwner) throws SQLException {
        StoreCredentials credentials = StoreCredentials.read(dir);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(H2SubmissionStore.fileUrl(dir));
        ds.setUser(asOwner ? credentials.ownerUser() : credentials.appUser());
        ds.setPassword(asOwner ? credentials.ownerPassword() : credentials.appPassword());
        return ds.getConnection();
    }

    @Override
    Connection app() throws SQLException {
        return connect(false);
    }

    @Override
    Connection owner() throws SQLException {
        return connect(true);
    }

    @Override
    AutoCloseable holdMigrationLock() throws Exception {
        return Dialect.H2.migrationLock(null, H2SubmissionStore.fileUrl(dir), 1);
    }

    @Override
    List<String> dialectAttacks() {
        Path secret = dir.resolve(StoreCredentials.FILE_NAME);
        return List.of(
                "CREATE ALIAS EXEC AS 'String exec(String c) throws Exception { return c; }'",
                "CALL CSVWRITE('" + dir.resolve("out.csv") + "', 'SELECT * FROM submission')",
                "SELECT * FROM CSVREAD('" + secret + "')",
                "CALL FILE_READ('" + secret + "')",
                "RUNSCRIPT FROM '" + secret + "'",
                "SCRIPT TO '" + dir.resolve("dump.sql") + "'",
                "CREATE USER INTRUDER PASSWORD 'x' ADMIN",
                "CREATE SCHEMA smuggled");
    }
}
