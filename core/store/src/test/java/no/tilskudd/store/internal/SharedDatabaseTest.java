package no.tilskudd.store.internal;

import static no.tilskudd.store.internal.H2SubmissionStoreTest.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.submission.Submission;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database file outlives a store, and one process at a time has it open: a second waits for it and then gives
 * up with a message that says why (no database server is ever started for other processes).
 */
class SharedDatabaseTest {

    @TempDir
    Path dir;

    private List<String> schemaVersion() throws Exception {
        StoreCredentials credentials = StoreCredentials.read(dir);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(H2SubmissionStore.fileUrl(dir));
        ds.setUser(credentials.ownerUser());
        ds.setPassword(credentials.ownerPassword());
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT version, script, applied_at FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getObject(3, OffsetDateTime.class));
            }
        }
        return rows;
    }

    @Test
    void reopeningKeepsTheDataAndAppliesNoMigrationTwice() throws Exception {
        try (H2SubmissionStore store = new H2SubmissionStore(dir)) {
            store.save(List.of(submission("ks", 2024, "0301", Map.of("amount", new BigDecimal("1500.50")))),
                    false, "first.csv");
        }
        List<String> firstVersions = schemaVersion();
        assertEquals(Migrations.STORE_SCRIPTS.size(), firstVersions.size(), firstVersions.toString());
        assertTrue(firstVersions.get(0).startsWith("1 V1__submissions.sql "), firstVersions.toString());

        try (H2SubmissionStore store = new H2SubmissionStore(dir)) {
            assertEquals(1, store.count(SubmissionQuery.all()));
            assertEquals(Map.of("amount", new BigDecimal("1500.50")),
                    store.find(SubmissionQuery.all()).get(0).submission().values());
            assertEquals(new SaveResult(1, 0), store.save(List.of(submission("ks", 2024, "1103")), false, "2.csv"));
        }
        try (H2SubmissionStore store = new H2SubmissionStore(dir)) {
            assertEquals(2, store.count(SubmissionQuery.all()));
        }
        assertEquals(firstVersions, schemaVersion());
    }

    @Test
    void aSecondProcessWaitsForTheFirstAndSaysWhyWhenItGivesUp() throws Exception {
        try (H2SubmissionStore host = new H2SubmissionStore(dir)) {
            host.save(List.of(submission("ks", 2024, "0301")), false, "host.csv");

            String refused = runStoreProcess("1103", 1_000);
            assertTrue(refused.startsWith("exit 3\nrefused: "), refused);
            assertTrue(refused.contains("in use by another tilskudd process"), refused);
            assertEquals(1, host.count(SubmissionQuery.all()));
        }
        String stored = runStoreProcess("1103", 30_000);
        assertTrue(stored.startsWith("exit 0"), stored);
        assertTrue(stored.contains("before=1 after=2"), stored);
        try (H2SubmissionStore again = new H2SubmissionStore(dir)) {
            assertEquals(2, again.count(SubmissionQuery.all()));
        }
    }

    private String runStoreProcess(String orgUnit, long waitMillis) throws Exception {
        Process cli = new ProcessBuilder(javaExecutable(), "-cp", classPath(), StoreProcess.class.getName(),
                dir.toString(), orgUnit, Long.toString(waitMillis)).redirectErrorStream(true).start();
        String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(cli.waitFor(120, TimeUnit.SECONDS), "the second process did not end: " + out);
        return "exit " + cli.exitValue() + "\n" + out;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The class path of the second process, from where the classes it needs were loaded. Jars are copied first, so
     * that a concurrent {@code mvn install} rewriting one in the local repository cannot break the second process.
     */
    private String classPath() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : List.of(StoreProcess.class, H2SubmissionStore.class, Submission.class, JdbcDataSource.class,
                ObjectMapper.class, JsonFactory.class, JsonProperty.class)) {
            Path entry = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(entry)) {
                entry = Files.copy(entry, lib.resolve(entry.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            entries.add(entry.toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
