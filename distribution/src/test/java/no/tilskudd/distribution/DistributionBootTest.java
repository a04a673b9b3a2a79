package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped distribution boots in Felix with every bundle active, and its commands work end to end. */
class DistributionBootTest {

    @TempDir
    Path temp;

    @Test
    void everyShippedBundleIsActiveAndTheExampleSchemeIsListed() throws Exception {
        try (TestHost host = TestHost.start(temp, false, TestHost.exampleJar())) {
            TestHost.Result status = host.run("status", "--json");
            JsonNode s = status.json();
            assertEquals(0, status.exit(), status.out());
            assertTrue(s.get("failures").isEmpty(), "failures: " + s.get("failures"));
            List<String> notActive = new ArrayList<>();
            int bundles = 0;
            for (JsonNode b : s.get("bundles")) {
                bundles++;
                if (!b.get("state").asText().equals("ACTIVE")) {
                    notActive.add(b.get("symbolicName").asText() + "=" + b.get("state").asText());
                }
            }
            assertTrue(notActive.isEmpty(), "not active: " + notActive);
            long shipped;
            try (Stream<Path> jars = Files.list(host.home.resolve("bundle"))) {
                shipped = jars.filter(p -> p.toString().endsWith(".jar")).count();
            }
            // system bundle + bundle/*.jar + the example plugin
            assertEquals(shipped + 2, bundles);
            // The build runs this test on Felix and again on Equinox: make sure each run is on the one it names.
            String systemBundle = StreamSupport.stream(s.get("bundles").spliterator(), false)
                    .filter(b -> b.get("id").asLong() == 0).findFirst().orElseThrow().get("symbolicName").asText();
            assertEquals("equinox".equals(System.getProperty("tilskudd.framework")) ? "org.eclipse.osgi"
                    : "org.apache.felix.framework", systemBundle);

            JsonNode schemes = host.run("schemes", "--json").json();
            JsonNode example = TestHost.scheme(schemes, "example");
            assertEquals("no.tilskudd.example.scheme", example.get("bundle").asText());
            assertEquals(List.of("2016"), TestHost.texts(example.get("formVersions")));
        }
    }

    @Test
    void demoImportsTheDemoDataAndNamesTheMissingFormats() throws Exception {
        try (TestHost host = TestHost.start(temp, false, TestHost.exampleJar())) {
            TestHost.Result demo = host.run("demo", "--out", temp.resolve("out").toString());
            assertEquals(0, demo.exit(), demo.out() + demo.err());
            assertTrue(demo.out().contains("example: 28 submissions read, 28 stored"), demo.out());
            assertTrue(demo.out().contains("Missing report formats: xlsx, pdf"), demo.out());

            JsonNode ind = host.run("indicators", "--scheme", "example", "--years", "2016-2017", "--json").json();
            assertEquals(28, ind.get("submissions").asInt());
            JsonNode goal = ind.get("indicators").get(0);
            assertEquals("goal-achievement", goal.get("id").asText());
            assertEquals(28, goal.get("n").asInt());

            // Running the demo again replaces the demo reports instead of duplicating them.
            TestHost.Result again = host.run("demo", "--out", temp.resolve("out").toString());
            assertTrue(again.out().contains("28 stored (0 new, 28 replaced)"), again.out());
        }
    }

    @Test
    void anImportedOrgUnitRegisterReplacesTheShippedOneAndABadOneChangesNothing() throws Exception {
        Path ok = temp.resolve("ok.jsonl");
        Files.writeString(ok, HotDeployTest.submission(2016, "1804", "") + "\n");
        Path register = temp.resolve("units.csv");
        Files.writeString(register, "code,name,county,region,validFrom,validTo\n"
                + "1804,Bodø,Nordland,Nord,,\n9901,\"Testby, nord\",Nordland,Nord,2010,\n");
        Path broken = temp.resolve("broken.csv");
        Files.writeString(broken, "code,name,county,region,validFrom,validTo\n0301,Oslo,Oslo,Øst/Oslo,,\n"
                + "12,Kort,Fylke,Region,,\n");
        try (TestHost host = TestHost.start(temp, false, TestHost.exampleJar())) {
            assertEquals(450, host.run("org-units", "--json").json().get("orgUnits").size(), "the shipped register");
            TestHost.Result bad = host.run("org-units", "import", broken.toString());
            assertEquals(1, bad.exit());
            assertTrue(bad.err().contains("broken.csv:3: code '12' must be a 4-digit municipality or 6-digit "
                    + "district number"), bad.err());
            assertEquals(450, host.run("org-units", "--json").json().get("orgUnits").size(), "nothing changed");

            TestHost.Result imported = host.run("org-units", "import", register.toString());
            assertEquals(0, imported.exit(), imported.err());
            assertTrue(imported.out().contains("2 org units"), imported.out());
            JsonNode units = host.run("org-units", "--json").json().get("orgUnits");
            assertEquals(List.of("1804", "9901"), units.findValuesAsText("code"));
            assertEquals("Testby, nord", units.get(1).get("name").asText());
            assertEquals(0, host.run("validate", ok.toString()).exit(), "1804 is still known");
            Files.writeString(ok, HotDeployTest.submission(2016, "0301", "") + "\n");
            TestHost.Result oslo = host.run("validate", "--json", ok.toString());
            assertEquals("ORG_UNIT_UNKNOWN", oslo.json().get("files").get(0).get("findings").get(0).get("code")
                    .asText(), "0301 is not in the imported register");
        }
        try (TestHost again = TestHost.start(temp.resolve("again"), false, TestHost.exampleJar())) {
            assertEquals(450, again.run("org-units", "--json").json().get("orgUnits").size(),
                    "a new data folder starts from the shipped register");
        }
    }

    @Test
    void reportInAFormatThatIsNotInstalledListsTheInstalledOnes() throws Exception {
        try (TestHost host = TestHost.start(temp, false, TestHost.exampleJar())) {
            TestHost.Result r = host.run("report", "--scheme", "example", "--format", "xlsx", "--out",
                    temp.resolve("r.xlsx").toString());
            assertEquals(1, r.exit());
            assertTrue(r.err().contains("no installed exporter writes format 'xlsx'; installed: none"), r.err());
            TestHost.Result usage = host.run("report", "--scheme", "example");
            assertEquals(2, usage.exit(), usage.err());
        }
    }
}
