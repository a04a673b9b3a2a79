package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: a jar with nothing but a throwing validator for {@code avdir} made all 249 AVdir demo reports fail with
 * {@code VALIDATOR_FAILED} while its dry run said "safe", and another bundle's indicator showed up in {@code indicators
 * --scheme avdir}. Now a contribution stays in its scheme: it applies to the schemes its bundle owns, or to a scheme it
 * declares as an extension ({@code Tilskudd-Extends}) that an administrator approved at deploy. The dry run (CLI and
 * HTTP alike) says what the jar would contribute and refuses the rest; status names a refused contribution; an approved
 * one runs, and when it throws, status (exit 1), the log, {@code /api/bundles} and the violation name its bundle and
 * version, not its class.
 */
class StrayContributionTest {

    static final String STRAY = "test.stray.validator";
    static final String EXTENSION = "test.avdir.checks";
    static final String INDICATOR_ONLY = "test.avdir.indicator";

    @TempDir
    Path temp;

    private Path avdirDemo() throws IOException {
        Path target = temp.resolve("avdir-demo.jsonl");
        try (JarFile jar = new JarFile(SchemeBundlesTest.jar("tilskudd-scheme-avdir").toFile());
                InputStream in = jar.getInputStream(jar.getEntry("tilskudd/avdir/demo/avdir-demo.jsonl"))) {
            Files.copy(in, target);
        }
        return target;
    }

    /** A validator of AVdir that throws for every report, and an indicator of AVdir. */
    private TestBundles throwingFor(String symbolicName) {
        return TestBundles.bundle(symbolicName)
                .validator("Throws", "avdir", "throw new IllegalStateException(\"stray bug\");")
                .component("StrayIndicator", "no.tilskudd.api.indicator.Indicator", STRAY_INDICATOR, false);
    }

    /** An indicator of AVdir that throws whatever the data. */
    static final String STRAY_INDICATOR = """
            public class StrayIndicator implements no.tilskudd.api.indicator.Indicator {
                public String id() { return "stray-indicator"; }
                public no.tilskudd.api.form.LocalizedText title() {
                    return no.tilskudd.api.form.LocalizedText.of("Stray");
                }
                public java.util.Set<String> schemes() { return java.util.Set.of("avdir"); }
                public no.tilskudd.api.report.Table compute(
                        no.tilskudd.api.indicator.IndicatorInput in) {
                    throw new ArithmeticException("stray indicator ran");
                }
            }""";

    private static boolean mentions(JsonNode array, String text) {
        for (JsonNode n : array) {
            if (n.asText().contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode contribution(JsonNode dryRun, String kind) {
        for (JsonNode c : dryRun.get("contributions")) {
            if (c.get("kind").asText().equals(kind)) {
                return c;
            }
        }
        throw new AssertionError("no " + kind + " among " + dryRun.get("contributions"));
    }

    private static void await(WebHost host, String what, Predicate<JsonNode> condition, String... command)
            throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            WebHost.Result r = host.run(command);
            last = r.out() + r.err();
            try {
                if (condition.test(r.json())) {
                    return;
                }
            } catch (AssertionError | RuntimeException e) {
                // not JSON yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited 30 s for " + what + "; last: " + last);
    }

    @Test
    void aValidatorForAnotherBundlesSchemeAppliesOnlyAsAnApprovedExtensionAndItsFailuresNameItsBundle()
            throws Exception {
        Path demo = avdirDemo();
        Path stray = throwingFor(STRAY).build(temp);
        Path extension = throwingFor(EXTENSION).header("Tilskudd-Extends", "avdir").build(temp);
        try (WebHost host = WebHost.start(temp, SchemeBundlesTest.jar("tilskudd-scheme-avdir"))) {
            String admin = WebHost.basic("admin", host.adminPassword);
            await(host, "avdir", s -> TestHost.hasScheme(s, "avdir"), "schemes", "--json");
            WebHost.Result imported = host.run("import", demo.toString());
            assertEquals(0, imported.exit(), imported.out() + imported.err());

            // The dry run no longer calls it safe: it says what the jar contributes where, and why it would not apply.
            WebHost.Result dry = host.run("deploy", "--dry-run", "--json", stray.toString());
            assertEquals(1, dry.exit(), dry.out());
            JsonNode check = dry.json();
            assertFalse(check.get("safe").asBoolean(), dry.out());
            JsonNode v = contribution(check, "validator");
            assertEquals("avdir", v.get("scheme").asText());
            assertEquals("NOT_DECLARED", v.get("standing").asText());
            assertEquals("NOT_DECLARED", contribution(check, "indicator").get("standing").asText());
            assertTrue(mentions(check.get("problems"), "validator test.plugin.Throws is for scheme 'avdir', which "
                    + "belongs to no.tilskudd.scheme.avdir, not to " + STRAY + " 1.0.0"), dry.out());
            WebHost.Result text = host.run("deploy", "--dry-run", stray.toString());
            assertTrue(text.out().contains("validator test.plugin.Throws for scheme avdir: would NOT apply"),
                    text.out());

            // An upload goes through the same dry run, and is refused unless forced.
            HttpResponse<String> upload = host.post("/api/bundles", admin,
                    new WebHost.Multipart().file(stray, "application/java-archive"));
            assertEquals(422, upload.statusCode(), upload.body());
            assertEquals("not_safe", WebHost.json(upload).get("error").asText());
            assertTrue(mentions(WebHost.json(upload).get("check").get("problems"), "not to " + STRAY + " 1.0.0"),
                    upload.body());
            assertFalse(Files.exists(host.home.resolve("deploy/" + STRAY + ".jar")), "nothing was deployed");

            // Copied into deploy/ by hand, the README's main path: installed, named in status, not applied.
            Path tmp = host.home.resolve("stray.jar.tmp");
            Files.copy(stray, tmp);
            Files.move(tmp, host.home.resolve("deploy/stray.jar"), StandardCopyOption.ATOMIC_MOVE);
            String refusal = STRAY + " 1.0.0: validator test.plugin.Throws for scheme 'avdir' is not applied: the "
                    + "scheme belongs to no.tilskudd.scheme.avdir; " + STRAY + " does not declare it as an extension";
            await(host, "the refusal in status", s -> mentions(s.get("schemeProblems"), refusal), "status", "--json");
            WebHost.Result valid = host.run("validate", demo.toString());
            assertEquals(0, valid.exit(), "the 249 AVdir reports validate as before: " + valid.out());
            JsonNode ind = host.run("indicators", "--scheme", "avdir", "--years", "2006-2008", "--json").json();
            assertTrue(ind.get("failures").isEmpty(), ind.toString());
            assertFalse(ind.get("indicators").findValuesAsText("id").contains("stray-indicator"), ind.toString());
            WebHost.Result status = host.run("status");
            assertEquals(1, status.exit(), status.out());
            assertTrue(status.out().contains(refusal), status.out());
            assertTrue(mentions(WebHost.json(host.get("/api/bundles", admin)).get("schemeProblems"),
                    STRAY + " 1.0.0: indicator 'stray-indicator' for scheme 'avdir' is not applied"));

            // Declared as an extension but not approved: the dry run asks for the approval ...
            JsonNode unapproved = host.run("deploy", "--dry-run", "--json", extension.toString()).json();
            assertEquals("UNAPPROVED_EXTENSION", contribution(unapproved, "validator").get("standing").asText());
            assertTrue(mentions(unapproved.get("problems"), "--allow-extension avdir"), unapproved.toString());
            // ... and with it, shows what the validator would do to the stored reports.
            JsonNode approved = host.run("deploy", "--dry-run", "--json", "--allow-extension", "avdir",
                    extension.toString()).json();
            assertEquals("APPROVED_EXTENSION", contribution(approved, "validator").get("standing").asText());
            assertEquals(249, approved.get("becomeInvalid").asInt(), approved.toString());
            assertEquals("VALIDATOR_FAILED", approved.get("byCode").get(0).get("code").asText());
            assertFalse(approved.get("safe").asBoolean());
            assertTrue(host.run("schemes", "extensions", "--json").json().get("extensions").isEmpty(),
                    "a dry run approves nothing");
            // An approved extension with nothing but an indicator that throws on the stored reports: the dry run
            // runs it on them, names it by bundle and version, and does not call the jar safe.
            Path indicatorOnly = TestBundles.bundle(INDICATOR_ONLY).header("Tilskudd-Extends", "avdir")
                    .component("StrayIndicator", "no.tilskudd.api.indicator.Indicator", STRAY_INDICATOR, false)
                    .build(temp);
            WebHost.Result throwing = host.run("deploy", "--dry-run", "--json", "--allow-extension", "avdir",
                    indicatorOnly.toString());
            JsonNode thrown = throwing.json();
            assertEquals(0, thrown.get("becomeInvalid").asInt(), thrown.toString());
            assertFalse(thrown.get("safe").asBoolean(), thrown.toString());
            assertTrue(mentions(thrown.get("problems"), "indicator 'stray-indicator' (" + INDICATOR_ONLY + " 1.0.0) "
                    + "threw ArithmeticException: stray indicator ran on the 249 stored submissions of scheme "
                    + "'avdir'"), thrown.toString());
            WebHost.Result notForced = host.run("deploy", "--allow-extension", "avdir", extension.toString());
            assertEquals(1, notForced.exit(), notForced.out() + notForced.err());
            WebHost.Result deployed = host.run("deploy", "--allow-extension", "avdir", "--force",
                    extension.toString());
            assertEquals(0, deployed.exit(), deployed.out() + deployed.err());
            JsonNode approvals = host.run("schemes", "extensions", "--json").json().get("extensions");
            assertEquals(1, approvals.size(), approvals.toString());
            assertEquals(EXTENSION, approvals.get(0).get("symbolicName").asText());

            // Now it runs: every AVdir report fails it, and the message names the bundle, not the class.
            await(host, "the extension's validator", r -> r.get("files").get(0).get("findings")
                    .findValuesAsText("code").contains("VALIDATOR_FAILED"), "validate", "--json", demo.toString());
            JsonNode failed = host.run("validate", "--json", demo.toString()).json();
            List<String> messages = failed.get("files").get(0).get("findings").findValuesAsText("message");
            String message = messages.stream().filter(m -> m.contains("stray bug")).findFirst().orElseThrow();
            assertTrue(message.contains(EXTENSION + " 1.0.0"), message);
            assertFalse(message.contains("test.plugin.Throws"), message);
            assertEquals(249, failed.get("files").get(0).get("findings").findValuesAsText("code").stream()
                    .filter("VALIDATOR_FAILED"::equals).count(), failed.toString());

            String failure = EXTENSION + " 1.0.0: validator for scheme 'avdir' threw IllegalStateException: stray bug";
            await(host, "the failure in status", s -> mentions(s.get("failures"), failure), "status", "--json");
            WebHost.Result unhealthy = host.run("status");
            assertEquals(1, unhealthy.exit(), unhealthy.out());
            assertTrue(unhealthy.out().contains(failure), unhealthy.out());
            HttpResponse<String> bundles = host.get("/api/bundles", admin);
            assertTrue(mentions(WebHost.json(bundles).get("failures"), failure), bundles.body());
            assertFalse(WebHost.json(bundles).get("healthy").asBoolean());
            String log = Files.readString(host.data.resolve("log/tilskudd.log"));
            assertTrue(log.contains(failure), log);
            assertTrue(log.contains(refusal), log);
            String audit = host.run("audit", "--json").out();
            assertTrue(audit.contains("\"scheme.extension.approve\""), audit);

            // Withdrawn, the extension stops applying at once.
            WebHost.Result revoked = host.run("schemes", "revoke-extension", "avdir", "--from", EXTENSION);
            assertEquals(0, revoked.exit(), revoked.out() + revoked.err());
            assertEquals(0, host.run("validate", demo.toString()).exit());
        }
    }
}
