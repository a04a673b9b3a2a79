package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.tilskudd.store.internal.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped PostgreSQL driver bundle serves the store in the framework: a host whose {@code conf/tilskudd.properties}
 * names a PostgreSQL database (the tests' own server) starts with every bundle active, stores an import there and not
 * in its data folder, and another host with another data folder on the same database sees it.
 */
class PostgresStoreHostTest {

    static PostgresServer server;

    @RegisterExtension
    static final BeforeEachCallback SERVER = context -> server = PostgresServer.get(context);

    @TempDir
    Path temp;

    @Test
    void aHostOnPostgresqlStoresItsImportsThereWithEveryBundleActive() throws Exception {
        Map<String, String> settings = server.storeSettings(server.createDatabase(),
                Files.createDirectories(temp.resolve("secrets")));
        Path file = temp.resolve("one.jsonl");
        Files.writeString(file, HotDeployTest.submission(2016, "1804", "") + "\n");

        try (TestHost host = TestHost.start(Files.createDirectories(temp.resolve("first")), false, settings,
                TestHost.exampleJar())) {
            JsonNode status = host.run("status", "--json").json();
            assertTrue(status.get("failures").isEmpty(), "failures: " + status.get("failures"));
            List<String> notActive = new ArrayList<>();
            boolean driver = false;
            for (JsonNode b : status.get("bundles")) {
                driver |= b.get("symbolicName").asText().equals("org.postgresql.jdbc");
                if (!b.get("state").asText().equals("ACTIVE")) {
                    notActive.add(b.get("symbolicName").asText() + "=" + b.get("state").asText());
                }
            }
            assertTrue(driver, "the driver bundle is installed: " + status.get("bundles"));
            assertEquals(List.of(), notActive);

            TestHost.Result imported = host.run("import", file.toString());
            assertEquals(0, imported.exit(), imported.out() + imported.err());
            assertFalse(Files.exists(host.data.resolve("tilskudd.mv.db")), "no H2 database in the data folder");
        }
        try (TestHost other = TestHost.start(Files.createDirectories(temp.resolve("second")), false, settings,
                TestHost.exampleJar())) {
            JsonNode indicators = other.run("indicators", "--scheme", "example", "--years", "2016-2016", "--json")
                    .json();
            assertEquals(1, indicators.get("submissions").asInt(), indicators.toString());
            TestHost.Result again = other.run("import", file.toString());
            assertEquals(1, again.exit(), "stored already: " + again.out() + again.err());
            JsonNode audit = other.run("audit", "--json").json();
            assertEquals("submissions.import", audit.get("events").get(0).get("action").asText(), audit.toString());
        }
    }
}
