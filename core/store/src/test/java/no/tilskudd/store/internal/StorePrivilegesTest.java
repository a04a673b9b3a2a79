package no.tilskudd.store.internal;

import static no.tilskudd.store.internal.H2SubmissionStoreTest.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.store.SubmissionQuery;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's database cannot be used to run code or read files: the default admin {@code SA} without a password is
 * gone, the application's user has no admin rights and may only add to the audit trail, and the credentials are
 * private. Each statement below ran as {@code SA} before the store had its own users.
 */
class StorePrivilegesTest {

    @TempDir
    Path dir;

    private StoreCredentials credentials;

    @BeforeEach
    void open() {
        try (H2SubmissionStore store = new H2SubmissionStore(dir)) {
            store.save(List.of(submission("ks", 2024, "0301")), false, "a.json", "os:test");
        }
        credentials = StoreCredentials.read(dir);
    }

    private Connection connect(String user, String password) throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(H2SubmissionStore.fileUrl(dir));
        ds.setUser(user);
        ds.setPassword(password);
        return ds.getConnection();
    }

    private Connection app() throws SQLException {
        return connect(credentials.appUser(), credentials.appPassword());
    }

    @Test
    void theDefaultAdminWithoutPasswordCannotConnect() {
        assertThrows(SQLException.class, () -> connect("sa", "").close());
        assertThrows(SQLException.class, () -> connect("SA", "").close());
    }

    @Test
    void theApplicationUserCannotRunCodeReadFilesOrLinkDatabases() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "not for the database");
        List<String> attacks = List.of(
                "CREATE ALIAS EXEC AS 'String exec(String c) throws Exception { return c; }'",
                "CALL CSVWRITE('" + dir.resolve("out.csv") + "', 'SELECT * FROM submission')",
                "SELECT * FROM CSVREAD('" + secret + "')",
                "CALL FILE_READ('" + secret + "')",
                "RUNSCRIPT FROM '" + secret + "'",
                "SCRIPT TO '" + dir.resolve("dump.sql") + "'",
                "BACKUP TO '" + dir.resolve("copy.zip") + "'",
                "CALL LINK_SCHEMA('X', '', 'jdbc:h2:mem:x', 'sa', '', 'PUBLIC')",
                "CREATE LINKED TABLE L('', 'jdbc:h2:mem:x', 'sa', '', 'T')",
                "CREATE USER INTRUDER PASSWORD 'x' ADMIN",
                "DROP TABLE submission",
                "CREATE TABLE smuggled (x INT)",
                "ALTER TABLE submission ADD COLUMN x INT",
                "UPDATE audit_event SET actor = 'nobody'",
                "DELETE FROM audit_event",
                "UPDATE schema_version SET script = 'x'");
        List<String> allowed = new ArrayList<>();
        try (Connection c = app()) {
            for (String sql : attacks) {
                try (Statement st = c.createStatement()) {
                    st.execute(sql);
                    allowed.add(sql);
                } catch (SQLException expected) {
                    // refused, as it must be
                }
            }
        }
        assertEquals(List.of(), allowed);
        assertFalse(Files.exists(dir.resolve("out.csv")));
        assertFalse(Files.exists(dir.resolve("dump.sql")));
        assertFalse(Files.exists(dir.resolve("copy.zip")));
    }

    @Test
    void theApplicationUserReadsAndWritesSubmissionsAndAppendsToTheTrail() throws Exception {
        try (Connection c = app(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM submission")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            assertEquals(1, st.executeUpdate("UPDATE submission SET source = 'b.json'"));
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM audit_event")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
        try (H2SubmissionStore store = new H2SubmissionStore(dir)) {
            store.record(new AuditEntry("os:test", "user.add", "kari", Map.of("role", "analyst")));
            assertEquals(1, store.count(SubmissionQuery.all()));
        }
    }

    @Test
    void everyTableButTheSchemaVersionHasItsApplicationRightsDeclared() throws Exception {
        Set<String> tables = new TreeSet<>();
        try (Connection c = connect(credentials.ownerUser(), credentials.ownerPassword());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        tables.remove("SCHEMA_VERSION");
        assertEquals(new TreeSet<>(H2SubmissionStore.APP_PRIVILEGES.keySet()), tables);
    }

    @Test
    void theCredentialsAndTheDatabaseFilesAreReadableByTheServiceUserOnly() throws Exception {
        String text = Files.readString(dir.resolve(StoreCredentials.FILE_NAME));
        assertTrue(text.contains("owner.password=" + credentials.ownerPassword()), "the file holds the passwords");
        assertFalse(credentials.toString().contains(credentials.ownerPassword()));
        assertFalse(credentials.toString().contains(credentials.appPassword()));
        for (String name : List.of(StoreCredentials.FILE_NAME, "tilskudd.mv.db")) {
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve(name))), name);
        }
    }
}
