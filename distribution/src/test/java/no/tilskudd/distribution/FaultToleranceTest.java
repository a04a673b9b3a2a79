package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken plugins inside a running host: each fault is reported where an administrator looks (status, the command's
 * own output), and the other schemes keep validating, importing and computing, with no stored data lost.
 */
class FaultToleranceTest {

    @TempDir
    Path temp;

    /** A component whose activate method throws. */
    private Path activationFails() throws Exception {
        return TestBundles.bundle("test.activation.fails").component("Boom",
                "no.tilskudd.api.scheme.SchemeDefinition", """
                public class Boom implements no.tilskudd.api.scheme.SchemeDefinition {
                    public void activate() { throw new IllegalStateException("boom on activation"); }
                    public java.net.URL descriptor() { return null; }
                }""", true).build(temp);
    }

    /** A second scheme whose validators throw and hang, and whose indicator throws. */
    private Path faultyScheme() throws Exception {
        return TestBundles.bundle("test.faulty.scheme")
                .scheme("faulty", "Faulty",
                        "{ \"id\": \"grantAmount\", \"type\": \"amount\", \"label\": \"Tilskudd\" }")
                .validator("Throws", "faulty", "throw new IllegalStateException(\"validator bug\");")
                .validator("Hangs", "faulty", "while (true) { Thread.onSpinWait(); }")
                .component("BadIndicator", "no.tilskudd.api.indicator.Indicator", """
                        public class BadIndicator implements no.tilskudd.api.indicator.Indicator {
                            public String id() { return "bad-indicator"; }
                            public no.tilskudd.api.form.LocalizedText title() {
                                return no.tilskudd.api.form.LocalizedText.of("Bad");
                            }
                            public java.util.Set<String> schemes() { return java.util.Set.of("faulty"); }
                            public no.tilskudd.api.report.Table compute(
                                    no.tilskudd.api.indicator.IndicatorInput in) {
                                throw new ArithmeticException("indicator bug");
                            }
                        }""", false)
                // Never returns by itself: stopped after tilskudd.indicator.timeout.ms.
                .component("SleepingIndicator", "no.tilskudd.api.indicator.Indicator", """
                        public class SleepingIndicator implements no.tilskudd.api.indicator.Indicator {
                            public String id() { return "sleeping-indicator"; }
                            public no.tilskudd.api.form.LocalizedText title() {
                                return no.tilskudd.api.form.LocalizedText.of("Sleeping");
                            }
                            public java.util.Set<String> schemes() { return java.util.Set.of("faulty"); }
                            public no.tilskudd.api.report.Table compute(
                                    no.tilskudd.api.indicator.IndicatorInput in) {
                                try {
                                    Thread.sleep(600_000);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                return null;
                            }
                        }""", false)
                // For a scheme another bundle owns: it stays out of that scheme's tables.
                .component("StrayIndicator", "no.tilskudd.api.indicator.Indicator", """
                        public class StrayIndicator implements no.tilskudd.api.indicator.Indicator {
                            public String id() { return "stray-indicator"; }
                            public no.tilskudd.api.form.LocalizedText title() {
                                return no.tilskudd.api.form.LocalizedText.of("Stray");
                            }
                            public java.util.Set<String> schemes() { return java.util.Set.of("example"); }
                            public no.tilskudd.api.report.Table compute(
                                    no.tilskudd.api.indicator.IndicatorInput in) {
                                throw new ArithmeticException("stray indicator ran");
                            }
                        }""", false)
                .build(temp);
    }

    /** Another plugin that claims the example scheme's id. */
    private Path duplicateScheme() throws Exception {
        return TestBundles.bundle("test.duplicate.scheme")
                .resource("tilskudd/dup/scheme.json", """
                        { "id": "example", "name": "Duplikat", "agency": "Test", "budgetLine": "-",
                          "firstYear": 2016, "forms": ["forms/2016.json"] }""")
                .resource("tilskudd/dup/forms/2016.json", """
                        { "scheme": "example", "version": "2016", "years": { "from": 2016, "to": 2016 },
                          "title": "D", "sections": [ { "id": "s", "title": "S", "fields": [
                            { "id": "x", "type": "text", "label": "X" } ] } ] }""")
                .component("Dup", "no.tilskudd.api.scheme.SchemeDefinition", """
                        public class Dup implements no.tilskudd.api.scheme.SchemeDefinition {
                            public java.net.URL descriptor() {
                                return Dup.class.getResource("/tilskudd/dup/scheme.json");
                            }
                        }""", false)
                .build(temp);
    }

    @Test
    void brokenPluginsAreReportedAndTheExampleSchemeKeepsWorking() throws Exception {
        Path example = temp.resolve("example.jsonl");
        Files.writeString(example, HotDeployTest.submission(2016, "1804", "") + "\n");
        Path faulty = temp.resolve("faulty.jsonl");
        Files.writeString(faulty, "{\"scheme\":\"faulty\",\"year\":2016,\"orgUnit\":\"0301\",\"values\":"
                + "{\"grantAmount\":1000}}\n");
        Path boom = activationFails();
        Path faultyJar = faultyScheme();
        Path dup = duplicateScheme();
        try (TestHost host = TestHost.start(temp, true, Map.of("tilskudd.validator.timeout.ms", "300",
                "tilskudd.indicator.timeout.ms", "500"))) {
            host.deploy(TestHost.exampleJar(), "example-scheme.jar");
            host.await("the example scheme", s -> TestHost.hasScheme(s, "example"), "schemes", "--json");
            host.deploy(boom, "boom.jar");
            host.deploy(faultyJar, "faulty.jar");
            host.deploy(dup, "duplicate.jar");
            host.await("the faulty scheme", s -> TestHost.hasScheme(s, "faulty"), "schemes", "--json");
            host.await("the faults in status", s -> mentions(s.get("failures"), "boom on activation")
                    && mentions(s.get("schemeProblems"), "scheme id 'example' belongs to no.tilskudd.example.scheme"), "status", "--json");
            JsonNode status = host.run("status", "--json").json();
            assertTrue(mentions(status.get("failures"), "boom.jar: component test.plugin.Boom failed to activate"),
                    status.toString());

            JsonNode schemes = host.run("schemes", "--json").json();
            assertEquals("no.tilskudd.example.scheme", TestHost.scheme(schemes, "example").get("bundle").asText(),
                    "the first plugin keeps the scheme id");

            TestHost.Result bad = host.run("validate", "--json", faulty.toString());
            assertEquals(1, bad.exit());
            List<String> codes = bad.json().get("files").get(0).get("findings").findValuesAsText("code");
            assertTrue(codes.contains("VALIDATOR_FAILED") && codes.contains("VALIDATOR_TIMEOUT"), codes.toString());

            TestHost.Result ok = host.run("validate", example.toString());
            assertEquals(0, ok.exit(), ok.out());
            TestHost.Result imported = host.run("import", example.toString());
            assertEquals(0, imported.exit(), imported.out());

            TestHost.Result ind = host.run("indicators", "--scheme", "example", "--years", "2016", "--json");
            assertEquals(0, ind.exit(), "another bundle's indicator for example is not run: " + ind.out());
            JsonNode json = ind.json();
            assertEquals(List.of("goal-achievement"), json.get("indicators").findValuesAsText("id"));
            assertEquals(1, json.get("submissions").asInt(), "the stored submission is there");
            JsonNode refused = host.run("status", "--json").json();
            assertTrue(mentions(refused.get("schemeProblems"), "test.faulty.scheme 1.0.0: indicator 'stray-indicator'"
                    + " for scheme 'example' is not applied"), refused.toString());

            TestHost.Result own = host.run("indicators", "--scheme", "faulty", "--years", "2016", "--json");
            assertEquals(1, own.exit(), "a failed indicator makes the command fail");
            JsonNode ownJson = own.json();
            assertTrue(mentions(ownJson.get("failures"), "bad-indicator (test.faulty.scheme 1.0.0): threw "
                    + "ArithmeticException: indicator bug"), ownJson.toString());
            assertTrue(mentions(ownJson.get("failures"), "sleeping-indicator (test.faulty.scheme 1.0.0): did not "
                    + "finish within 500 ms (tilskudd.indicator.timeout.ms) and was stopped"), ownJson.toString());
            assertFalse(ownJson.get("indicators").findValuesAsText("id").contains("sleeping-indicator"),
                    "no table in its place: " + ownJson);
            JsonNode failing = host.run("status", "--json").json();
            assertTrue(mentions(failing.get("failures"), "test.faulty.scheme 1.0.0: indicator 'sleeping-indicator' "
                    + "did not finish within 500 ms"), failing.toString());
            assertTrue(mentions(failing.get("failures"), "test.faulty.scheme 1.0.0: indicator 'bad-indicator' threw "
                    + "ArithmeticException: indicator bug"), failing.toString());
            assertTrue(mentions(failing.get("failures"), "test.faulty.scheme 1.0.0: validator for scheme 'faulty' "
                    + "threw IllegalStateException: validator bug"), failing.toString());

            // Removing the broken plugins heals the host.
            host.undeploy("boom.jar");
            host.undeploy("faulty.jar");
            host.undeploy("duplicate.jar");
            // FileInstall may take the three deletions in different polls: wait for each effect.
            host.await("the faulty scheme to leave", s -> !TestHost.hasScheme(s, "faulty"), "schemes", "--json");
            host.await("a healthy host", s -> s.get("failures").isEmpty() && s.get("schemeProblems").isEmpty(),
                    "status", "--json");
            host.await("indicators without failures", s -> s.get("failures").isEmpty(), "indicators", "--scheme",
                    "example", "--years", "2016", "--json");
            assertEquals(0, host.run("indicators", "--scheme", "example", "--years", "2016").exit());
        }
    }

    @Test
    void aJarStillBeingCopiedIsInstalledOnceItIsComplete() throws Exception {
        byte[] jar = Files.readAllBytes(TestHost.exampleJar());
        try (TestHost host = TestHost.start(temp, true)) {
            Path target = host.home.resolve("deploy/example-scheme.jar");
            int chunk = jar.length / 4 + 1;
            for (int from = 0; from < jar.length; from += chunk) {
                int to = Math.min(jar.length, from + chunk);
                Files.write(target, java.util.Arrays.copyOfRange(jar, from, to),
                        from == 0 ? new java.nio.file.OpenOption[] {java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.TRUNCATE_EXISTING}
                            : new java.nio.file.OpenOption[] {java.nio.file.StandardOpenOption.APPEND});
                Thread.sleep(150);
            }
            host.await("the example scheme", s -> TestHost.hasScheme(s, "example"), "schemes", "--json");
            host.await("no failures", s -> s.get("failures").isEmpty(), "status", "--json");
        }
    }

    @Test
    void anOlderVersionDroppedOverANewerOneLeavesAWorkingScheme() throws Exception {
        Path v2 = TestJars.exampleWithForm2018(TestHost.exampleJar(), temp.resolve("example-v2.jar"));
        Path old = temp.resolve("old.jsonl");
        Files.writeString(old, HotDeployTest.submission(2016, "1804", "") + "\n");
        try (TestHost host = TestHost.start(temp, true)) {
            host.deploy(v2, "example.jar");
            host.await("version 0.2.0", s -> TestHost.hasScheme(s, "example") && TestHost.scheme(s, "example")
                    .get("bundleVersion").asText().equals("0.2.0"), "schemes", "--json");
            assertEquals(0, host.run("import", old.toString()).exit());
            host.deploy(TestHost.exampleJar(), "example.jar");
            // The file in deploy/ is what the administrator wants: the older version replaces the newer one.
            host.await("version 0.1.0", s -> TestHost.hasScheme(s, "example") && TestHost.scheme(s, "example")
                    .get("bundleVersion").asText().startsWith("0.1.0"), "schemes", "--json");
            assertEquals(0, host.run("validate", old.toString()).exit());
            JsonNode ind = host.run("indicators", "--scheme", "example", "--years", "2016", "--json").json();
            assertEquals(1, ind.get("submissions").asInt(), "no stored data lost");
            host.await("no failures", s -> s.get("failures").isEmpty(), "status", "--json");
        }
    }

    private static boolean mentions(JsonNode array, String text) {
        for (JsonNode n : array) {
            if (n.asText().contains(text)) {
                return true;
            }
        }
        return false;
    }
}
