package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's "done when", in headless Chromium: a reporter fills in the AVdir 2011 form by keyboard with two
 * measures, sees the cross-field error at its field, fixes it, saves a draft, reloads, submits and downloads the
 * receipt; a second reporter cannot open the first one's unit; the analyst's status page shows the unit as
 * submitted, and the report counts in the indicators at once (src/test/browser/console-reporting.cjs).
 */
@org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class BrowserReportingTest {

    static final String UNIT = "1804";

    @TempDir
    Path temp;

    @Test
    void aMunicipalityReportsInTheBrowserAndTheAnalystSeesIt() throws Exception {
        Path chromium = Path.of(System.getProperty("tilskudd.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium is not installed at " + chromium + ": apt-get install chromium (.ci/run does)");
        }
        Path node = BrowserConsoleTest.which("node");
        Path playwright = BrowserConsoleTest.playwrightCore();
        Path axe = BrowserConsoleTest.npmModule("axe-core", BrowserAccessibilityTest.AXE_VERSION).resolve("axe.min.js");
        Path out = Path.of(System.getProperty("tilskudd.browserOut", "target/browser")).toAbsolutePath();
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("reporting.png"));
        Path script = Path.of("src/test/browser/console-reporting.cjs").toAbsolutePath();
        try (WebHost host = WebHost.start(temp, WebHost.plugin("tilskudd-scheme-avdir"),
                WebHost.plugin("tilskudd-format-pdf"))) {
            Path demo = WebHost.distribution().resolve("../../../plugins/scheme-avdir/src/main/resources/tilskudd/avdir/"
                    + "demo/avdir-demo.jsonl").normalize();
            WebHost.Result imported = host.run("import", demo.toString());
            assertEquals(0, imported.exit(), imported.out() + imported.err());
            Path grants = Files.writeString(temp.resolve("grants-2011.csv"),
                    "scheme,year,orgUnit,amount\navdir,2011," + UNIT + ",100000\navdir,2011,0301,200000\n");
            WebHost.Result g = host.run("grants", "import", grants.toString());
            assertEquals(0, g.exit(), g.out() + g.err());
            String rita = host.addReporter("rita", UNIT);
            String rolf = host.addReporter("rolf", "0301");
            String admin = WebHost.basic("admin", host.adminPassword);
            Map<String, Integer> before = indicators2011(host, admin);

            ProcessBuilder pb = new ProcessBuilder(node.toString(), script.toString()).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.put("PLAYWRIGHT_CORE", playwright.toString());
            env.put("CHROMIUM", chromium.toString());
            env.put("AXE_FILE", axe.toString());
            env.put("BASE_URL", host.base.toString());
            env.put("ADMIN_PASSWORD", host.adminPassword);
            env.put("RITA_PASSWORD", rita);
            env.put("ROLF_PASSWORD", rolf);
            env.put("REPORTER_UNIT", UNIT);
            env.put("OUT_DIR", out.toString());
            List<String> lines = BrowserConsoleTest.run(pb, 300);
            String result = lines.stream().filter(l -> l.startsWith("RESULT ")).findFirst()
                    .orElseThrow(() -> new AssertionError("the browser run did not finish:\n" + String.join("\n",
                            lines)));
            JsonNode r = WebHost.JSON.readTree(result.substring(7));
            assertTrue(r.get("crossField").asText().contains("AVDIR_ACTION_PLAN_EXCEEDS_GRANT"), r.toString());
            assertTrue(r.get("receiptBytes").asInt() > 1000, r.toString());
            assertTrue(r.get("denied").asText().contains(UNIT), r.toString());
            assertTrue(r.get("nynorsk").asText().startsWith("Namn på tiltaket"), r.toString());
            assertTrue(r.get("statusRow").asText().contains("Sendt inn"), r.toString());
            assertTrue(Files.size(out.resolve("reporting.png")) > 10_000, "a screenshot was taken");
            assertEquals(4, r.get("audited").size(), "axe-core ran on every reporting state: " + r);

            // stored as an ordinary submission: the indicators count it at once
            Map<String, Integer> after = indicators2011(host, admin);
            assertEquals(before.get("submissions") + 1, after.get("submissions"), before + " -> " + after);
            // the goal-achievement table counts reports: its N goes up by one
            assertTrue(after.keySet().stream().anyMatch(id -> !id.equals("submissions")
                    && after.get(id) == before.getOrDefault(id, 0) + 1), before + " -> " + after);
            JsonNode status = WebHost.json(host.get("/api/reporting/status?scheme=avdir&year=2011", admin));
            assertEquals(1, status.get("submitted").asInt(), status.toString());
        }
    }

    /** The AVdir indicators for 2011: how many reports they count, and each table's N by id. */
    private static Map<String, Integer> indicators2011(WebHost host, String auth) throws Exception {
        JsonNode ind = WebHost.json(host.get("/api/indicators?scheme=avdir&years=2011", auth));
        Map<String, Integer> n = new java.util.TreeMap<>();
        n.put("submissions", ind.get("submissions").asInt());
        for (JsonNode t : ind.get("indicators")) {
            n.put(t.get("id").asText(), t.path("n").asInt(0));
        }
        return n;
    }
}
