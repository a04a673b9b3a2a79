package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
