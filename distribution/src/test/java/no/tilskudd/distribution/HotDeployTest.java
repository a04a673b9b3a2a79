package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running host (Felix FileInstall watching deploy/) takes a scheme plugin when its jar is dropped in, uses a
 * replaced jar's new form version for new submissions while old ones still validate, and lets the scheme go when
 * the jar is deleted, without a restart.
 */
class HotDeployTest {

    private static final String JAR = "example-scheme.jar";

    @TempDir
    Path temp;

    @Test
    void dropReplaceAndDeleteASchemeJarWhileTheHostRuns() throws Exception {
        Path v2 = TestJars.exampleWithForm2018(TestHost.exampleJar(), temp.resolve("example-v2.jar"));
        Path old = temp.resolve("old.jsonl");
        Files.writeString(old, submission(2016, "1804", "") + "\n");
        Path next = temp.resolve("next.jsonl");
        Files.writeString(next, submission(2018, "1804", "\"actionPlanGrant\": 50000, ") + "\n");
        Path nextWithout = temp.resolve("next-without.jsonl");
        Files.writeString(nextWithout, submission(2018, "1804", "") + "\n");

        try (TestHost host = TestHost.start(temp, true)) {
            assertFalse(TestHost.hasScheme(host.run("schemes", "--json").json(), "example"));
            assertEquals(1, host.run("validate", old.toString()).exit(), "no scheme yet, so SCHEME_UNKNOWN");

            host.deploy(TestHost.exampleJar(), JAR);
            long dropped = host.await("the scheme to appear", s -> TestHost.hasScheme(s, "example"),
                    "schemes", "--json");
            System.out.println("hot deploy: jar dropped -> scheme usable in " + dropped + " ms (poll 50 ms)");
            TestHost.Result imported = host.run("import", old.toString());
            assertEquals(0, imported.exit(), imported.out() + imported.err());
            assertEquals(1, host.run("validate", next.toString()).exit(), "version 1 has no form for 2018");

            host.deploy(v2, JAR);
            long replaced = host.await("form 2018 to appear", s -> TestHost.hasScheme(s, "example")
                    && TestHost.texts(TestHost.scheme(s, "example").get("formVersions")).contains("2018"),
                    "schemes", "--json");
            System.out.println("hot deploy: jar replaced -> new form version usable in " + replaced + " ms");
            JsonNode scheme = TestHost.scheme(host.run("schemes", "--json").json(), "example");
            assertEquals("0.2.0", scheme.get("bundleVersion").asText());
            TestHost.Result newForm = host.run("validate", next.toString());
            assertEquals(0, newForm.exit(), newForm.out());
            TestHost.Result missingNewField = host.run("validate", "--json", nextWithout.toString());
            assertEquals(1, missingNewField.exit());
            JsonNode finding = missingNewField.json().get("files").get(0).get("findings").get(0);
            assertEquals("FIELD_REQUIRED", finding.get("code").asText());
            assertEquals("actionPlanGrant", finding.get("path").asText());
            TestHost.Result oldStillValid = host.run("validate", old.toString());
            assertEquals(0, oldStillValid.exit(), oldStillValid.out());
            JsonNode ind = host.run("indicators", "--scheme", "example", "--years", "2016", "--json").json();
            assertEquals(1, ind.get("submissions").asInt(), "the stored submission survives the update");

            host.undeploy(JAR);
            long removed = host.await("the scheme to leave", s -> !TestHost.hasScheme(s, "example"),
                    "schemes", "--json");
            System.out.println("hot deploy: jar deleted -> scheme gone in " + removed + " ms");
            TestHost.Result gone = host.run("validate", "--json", old.toString());
            assertEquals("SCHEME_UNKNOWN", gone.json().get("files").get(0).get("findings").get(0).get("code").asText());
            // FileInstall uninstalls the bundle after its services have gone: while it does, the bundle is still
            // listed (on Equinox as unresolved), so wait for the host to settle rather than sample it once.
            host.await("the host to report no failures", st -> st.get("failures").isEmpty(), "status", "--json");
        }
    }

    static String submission(int year, String orgUnit, String extra) {
        return "{\"scheme\":\"example\",\"year\":" + year + ",\"orgUnit\":\"" + orgUnit + "\",\"values\":{" + extra
                + "\"grantAmount\":100000,\"goalsReached\":\"all\",\"measures\":[{\"name\":\"Leksehjelp\","
                + "\"category\":\"individ\",\"participantsChildren\":12,\"participantsFamilies\":3,"
                + "\"newOrContinued\":\"new\",\"firstFundedYear\":" + year + "}]}}";
    }
}
