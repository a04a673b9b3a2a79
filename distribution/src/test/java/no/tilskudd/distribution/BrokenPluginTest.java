package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corrupt jar and a jar with an unresolvable import are reported, and everything else keeps working. */
class BrokenPluginTest {

    @TempDir
    Path temp;

    @Test
    void brokenJarsDroppedIntoARunningHostAreReportedAndTheOtherSchemeKeepsWorking() throws Exception {
        Path corrupt = TestJars.corrupt(temp.resolve("corrupt.jar"));
        Path missing = TestJars.missingImport(temp.resolve("missing-import.jar"));
        Path ok = temp.resolve("ok.jsonl");
        Files.writeString(ok, HotDeployTest.submission(2016, "0301", "") + "\n");
        try (TestHost host = TestHost.start(temp, true)) {
            host.deploy(TestHost.exampleJar(), "example-scheme.jar");
            host.await("the example scheme", s -> TestHost.hasScheme(s, "example"), "schemes", "--json");
            host.deploy(corrupt, "corrupt.jar");
            host.deploy(missing, "missing-import.jar");
            host.await("both failures in status", s -> mentions(s, "corrupt.jar")
                    && mentions(s, "missing-import.jar") && mentions(s, "no.such.pkg"), "status", "--json");

            TestHost.Result status = host.run("status", "--json");
            assertEquals(1, status.exit(), "a host with failures is not healthy");
            // FileInstall writes locations as file:/x and the launcher as file:///x; a healthy plugin installed by
            // FileInstall must not be reported as "not installed".
            assertEquals(2, status.json().get("failures").size(), status.out());
            assertTrue(!mentions(status.json(), "example-scheme.jar"), status.out());
            TestHost.Result validate = host.run("validate", ok.toString());
            assertEquals(0, validate.exit(), validate.out() + validate.err());
            TestHost.Result imported = host.run("import", ok.toString());
            assertEquals(0, imported.exit(), imported.out() + imported.err());
            assertTrue(TestHost.hasScheme(host.run("schemes", "--json").json(), "example"));
            boolean exampleActive = false;
            for (JsonNode b : host.run("status", "--json").json().get("bundles")) {
                exampleActive |= b.get("symbolicName").asText().equals("no.tilskudd.example.scheme")
                        && b.get("state").asText().equals("ACTIVE");
            }
            assertTrue(exampleActive, "the example plugin stays active beside the broken ones");
        }
    }

    @Test
    void brokenJarsInDeployDoNotStopAOneShotCommand() throws Exception {
        Path corrupt = TestJars.corrupt(temp.resolve("corrupt.jar"));
        Path missing = TestJars.missingImport(temp.resolve("missing-import.jar"));
        try (TestHost host = TestHost.start(temp, false, TestHost.exampleJar(), corrupt, missing)) {
            JsonNode schemes = host.run("schemes", "--json").json();
            assertTrue(TestHost.hasScheme(schemes, "example"));
            TestHost.Result status = host.run("status", "--json");
            assertEquals(1, status.exit());
            List<String> failures = TestHost.texts(status.json().get("failures"));
            assertTrue(failures.stream().anyMatch(f -> f.startsWith("corrupt.jar: not installed")), failures.toString());
            assertTrue(failures.stream().anyMatch(f -> f.startsWith("missing-import.jar") && f.contains("no.such.pkg")),
                    failures.toString());
            TestHost.Result text = host.run("status");
            assertTrue(text.out().contains("FAILED corrupt.jar"), text.out());
        }
    }

    private static boolean mentions(JsonNode status, String text) {
        for (JsonNode f : status.get("failures")) {
            if (f.asText().contains(text)) {
                return true;
            }
        }
        return false;
    }
}
