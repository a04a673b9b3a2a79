package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same resource is the same JSON document over HTTP and from {@code tilskudd ... --json}: schemes, indicators,
 * status (and bundles, which shows it), org units and the audit trail, compared whole against one serving host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class SameDocumentOverHttpAndCliTest {

    @TempDir
    static Path temp;

    private WebHost host;
    private String admin;

    @BeforeAll
    void start() throws Exception {
        host = WebHost.start(temp, WebHost.plugin("tilskudd-example-scheme"));
        admin = WebHost.basic("admin", host.adminPassword);
        WebHost.Result imported = host.run("import", WebHost.demoFile().toString());
        assertEquals(0, imported.exit(), imported.out() + imported.err());
    }

    @AfterAll
    void stop() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    private JsonNode cli(String... args) {
        WebHost.Result r = host.run(args);
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.out() + r.err());
        return r.json();
    }

    private JsonNode http(String path) throws Exception {
        return WebHost.json(host.get(path, admin));
    }

    @Test
    void schemes() throws Exception {
        JsonNode cli = cli("schemes", "--json");
        assertEquals(cli, http("/api/schemes"));
        assertEquals("example", cli.get("schemes").get(0).get("id").asText(), cli.toString());
        assertTrue(cli.get("schemes").get(0).get("forms").size() > 0, "forms with their years, in both");
        assertEquals(cli("schemes", "--json", "--lang", "en"), http("/api/schemes?lang=en"));
    }

    @Test
    void indicators() throws Exception {
        JsonNode cli = cli("indicators", "--scheme", "example", "--years", "2016-2017", "--json");
        assertEquals(cli, http("/api/indicators?scheme=example&years=2016-2017"));
        assertTrue(cli.get("submissions").asInt() > 0, cli.toString());
        JsonNode table = cli.get("indicators").get(0);
        assertTrue(table.has("totalRows") && table.has("chart") && table.has("rowKinds"), table.toString());
        assertEquals(cli("indicators", "--scheme", "example", "--json", "--lang", "en"),
                http("/api/indicators?scheme=example&lang=en"));
    }

    @Test
    void statusAndBundles() throws Exception {
        JsonNode cli = withoutTime(cli("status", "--json"));
        assertEquals(cli, withoutTime(http("/api/status")));
        assertEquals(cli, withoutTime(http("/api/bundles")));
        assertTrue(cli.get("serving").asBoolean(), cli.toString());
        assertTrue(cli.get("bundles").size() > 5, cli.toString());
    }

    @Test
    void orgUnitsAndAudit() throws Exception {
        assertEquals(cli("org-units", "--year", "2016", "--json"), http("/api/org-units?year=2016"));
        JsonNode audit = cli("audit", "--json");
        assertEquals(audit, http("/api/audit"));
        assertTrue(audit.get("events").size() > 0, "the import is in it: " + audit);
    }

    /** When the status was taken is the one field two requests cannot share. */
    private static JsonNode withoutTime(JsonNode status) {
        ObjectNode copy = status.deepCopy();
        assertTrue(copy.remove("time") != null, "a status says when it was taken: " + status);
        return copy;
    }
}
