package no.tilskudd.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.tilskudd.api.store.StoreException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    private static final String BASE = "/no/tilskudd/store/internal/testmigration/";

    @TempDir
    Path dir;

    private Connection connect() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("m"));
        ds.setUser("sa");
        return ds.getConnection();
    }

    private static long rows(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A connection whose statements note the SQL they execute. */
    private static Connection recording(Connection c, List<String> executed) {
        return (Connection) Proxy.newProxyInstance(MigrationsTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(method, c, args);
                    if (result instanceof Statement st && !method.getName().equals("prepareStatement")) {
                        return Proxy.newProxyInstance(MigrationsTest.class.getClassLoader(),
                                new Class<?>[] {Statement.class}, (p2, m2, a2) -> {
                                    if (m2.getName().equals("execute")) {
                                        executed.add((String) a2[0]);
                                    }
                                    return invoke(m2, st, a2);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void onlyPendingScriptsAreApplied() throws SQLException {
        try (Connection c = connect()) {
            List<String> executed = new ArrayList<>();
            Connection recording = recording(c, executed);
            assertEquals(List.of(1), new Migrations(BASE, List.of("V1__first.sql")).apply(recording));
            assertTrue(executed.stream().anyMatch(sql -> sql.startsWith("CREATE TABLE a")), executed.toString());
            executed.clear();

            assertEquals(List.of(2), new Migrations(BASE, List.of("V1__first.sql", "V2__second.sql")).apply(recording));
            assertEquals(List.of("CREATE TABLE b (id INTEGER PRIMARY KEY)", "INSERT INTO a VALUES (2, 'two')"),
                    executed.subList(1, executed.size()), "after creating schema_version if missing");
            executed.clear();

            assertEquals(List.of(), new Migrations(BASE, List.of("V1__first.sql", "V2__second.sql")).apply(recording));
            assertEquals(1, executed.size(), executed.toString());
            assertEquals(Map.of(1, "V1__first.sql", 2, "V2__second.sql"), Migrations.applied(c));
            assertEquals(2, rows(c, "a"));
            assertTrue(c.getAutoCommit());
        }
    }

    @Test
    void aFailingScriptIsRolledBackAndNotRecorded() throws SQLException {
        try (Connection c = connect()) {
            Migrations all = new Migrations(BASE, List.of("V1__first.sql", "V2__second.sql", "V3__broken.sql"));

            StoreException e = assertThrows(StoreException.class, () -> all.apply(c));

            assertTrue(e.getMessage().contains("V3__broken.sql"), e.getMessage());
            assertEquals(Map.of(1, "V1__first.sql", 2, "V2__second.sql"), Migrations.applied(c));
            assertEquals(2, rows(c, "a"));
        }
    }

    @Test
    void aDatabaseFromANewerBuildIsRefused() throws SQLException {
        try (Connection c = connect()) {
            new Migrations(BASE, List.of("V1__first.sql", "V2__second.sql")).apply(c);

            StoreException e = assertThrows(StoreException.class,
                    () -> new Migrations(BASE, List.of("V1__first.sql")).apply(c));

            assertTrue(e.getMessage().contains("schema version 2"), e.getMessage());
        }
    }

    @Test
    void scriptsMustBeNamedAndOrdered() {
        assertThrows(IllegalArgumentException.class, () -> new Migrations(BASE, List.of("first.sql")));
        assertThrows(IllegalArgumentException.class,
                () -> new Migrations(BASE, List.of("V2__second.sql", "V1__first.sql")));
    }

    @Test
    void statementsAreSplitAtSemicolonsEndingALine() {
        assertEquals(List.of("CREATE TABLE t (\n  a VARCHAR(3) DEFAULT ';'\n)", "INSERT INTO t VALUES ('x')"),
                Migrations.statements("-- comment; not a statement\nCREATE TABLE t (\n  a VARCHAR(3) DEFAULT ';'\n);\n"
                        + "\n  ;\nINSERT INTO t VALUES ('x');"));
    }

    @Test
    void theStoreScriptsExist() {
        for (String script : Migrations.STORE_SCRIPTS) {
            assertTrue(Migrations.class.getResource(Migrations.STORE_BASE + script) != null, script);
        }
    }
}
