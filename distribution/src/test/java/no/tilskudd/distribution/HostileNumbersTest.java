package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression for issue 12 through the real host and its HTTP API: one malformed number disabled a scheme for
 * everyone. {@code 1e99999999} sent to {@code POST /api/submissions/validate} made the example scheme's budget
 * validator spin; it timed out and was quarantined, and from then on every submission of the scheme failed with
 * {@code VALIDATOR_TIMEOUT} until a restart. Also: a plugin that really hangs is quarantined on its own, visibly, and
 * comes back when it is updated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class HostileNumbersTest {

    /** The exact payload of the report. */
    static final String PAYLOAD = "{\"scheme\":\"example\",\"year\":2016,\"orgUnit\":\"1804\",\"values\":"
            + "{\"grantAmount\":1e99999999,\"goalsReached\":\"all\"}}";

    /** Lets the test plugin's stuck validators go when the test is over (the host runs in this JVM). */
    private static final String RELEASE = "tilskudd.test.spin.release";

    @TempDir
    static Path temp;

    private WebHost host;
    private String admin;
    private String analyst;

    @BeforeAll
    void start() throws Exception {
        // A short time limit and a low stuck-worker limit keep the test short; the old code failed with any limit.
        host = WebHost.start(temp, Map.of("tilskudd.validator.timeout.ms", "1000",
                "tilskudd.validator.maxStuckWorkers", "2"), WebHost.plugin("tilskudd-example-scheme"));
        admin = WebHost.basic("admin", host.adminPassword);
        analyst = WebHost.basic("ana", host.addUser("ana", "analyst"));
    }

    @AfterAll
    void stop() {
        System.setProperty(RELEASE, "true");
        if (host != null) {
            host.close();
        }
    }

    private JsonNode validate(String name, String content) throws Exception {
        HttpResponse<String> r = host.post("/api/submissions/validate", analyst, new WebHost.Multipart()
                .file(name, "application/json", content.getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, r.statusCode(), r.body());
        return WebHost.json(r).get("files").get(0);
    }

    private static List<String> codes(JsonNode file) {
        List<String> out = new ArrayList<>();
        file.get("findings").forEach(f -> out.add(f.get("code").asText()));
        return out;
    }

    private JsonNode bundles() throws Exception {
        HttpResponse<String> r = host.get("/api/bundles", admin);
        assertEquals(200, r.statusCode(), r.body());
        return WebHost.json(r);
    }

    @Test
    @Order(1)
    void theExactPayloadIsRefusedAtOnceAndTheExampleSchemeKeepsWorking() throws Exception {
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            JsonNode file = validate("hostile.json", PAYLOAD);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(List.of("NUMBER_OUT_OF_RANGE"), codes(file), file.toString());
            JsonNode finding = file.get("findings").get(0);
            assertEquals("1:" + (PAYLOAD.indexOf("1e9") + 1), finding.get("location").asText());
            assertTrue(finding.get("message").asText().contains("grantAmount"), finding.toString());
            assertTrue(ms < 5_000, ms + " ms (the old code waited for the validator time limit)");
        }
        String demo = Files.readString(WebHost.demoFile());
        JsonNode good = validate("example-demo.jsonl", demo);
        assertFalse(codes(good).contains("VALIDATOR_TIMEOUT"), good.toString());
        assertFalse(codes(good).contains("VALIDATOR_QUARANTINED"), good.toString());
        assertEquals(0, good.get("errors").asInt(), good.toString());
        assertEquals(28, good.get("submissions").asInt());
        assertEquals(0, bundles().get("quarantined").size(), bundles().toString());

        // The command line goes through the same engine.
        Path file = Files.writeString(temp.resolve("hostile.jsonl"), PAYLOAD + "\n");
        WebHost.Result cli = host.run("validate", "--json", file.toString());
        assertEquals(1, cli.exit(), cli.out());
        assertTrue(cli.out().contains("NUMBER_OUT_OF_RANGE"), cli.out());
        assertFalse(cli.out().contains("VALIDATOR_TIMEOUT"), cli.out());
    }

    /** A scheme whose validator gets stuck, ignoring interrupts, on submissions with mode "stuck". */
    private Path stuckPlugin(String build) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("build-" + build));
        return TestBundles.bundle("test.stuck.scheme")
                .scheme("stuck", "Stuck", "{ \"id\": \"mode\", \"type\": \"text\", \"label\": \"Modus\" }")
                .resource("build.txt", build)
                // Swallows interrupts like a stuck library call, without burning a core meanwhile.
                .validator("Hangs", "stuck", """
                        while ("stuck".equals(s.values().get("mode")) && !Boolean.getBoolean("%s")) {
                            Thread.interrupted();
                            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
                        }
                        return java.util.List.of();""".formatted(RELEASE))
                .build(dir);
    }

    private void deploy(Path jar) throws Exception {
        Path tmp = host.home.resolve("stuck.jar.part");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, host.home.resolve("deploy/stuck.jar"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private JsonNode awaitBundles(String what, java.util.function.Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = bundles();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited in vain for " + what + ": " + last);
    }

    private static String submission(String mode) {
        return "{\"scheme\":\"stuck\",\"year\":2016,\"orgUnit\":\"0301\",\"values\":{\"mode\":\"" + mode + "\"}}";
    }

    @Test
    @Order(2)
    void aPluginThatLeavesWorkersStuckIsQuarantinedVisiblyUntilItIsUpdated() throws Exception {
        deploy(stuckPlugin("1"));
        awaitBundles("the stuck scheme", b -> b.get("schemes").toString().contains("stuck ["));

        JsonNode first = validate("a.json", submission("stuck"));
        assertEquals(List.of("VALIDATOR_TIMEOUT"), codes(first), first.toString());
        assertTrue(first.get("findings").get(0).get("message").asText().contains("i tillegget test.stuck.scheme "
                + "1.0.0 ble ikke ferdig"), "names the bundle: " + first);
        assertTrue(bundles().get("failures").toString().contains("test.stuck.scheme 1.0.0: validator for scheme "
                + "'stuck' did not finish a submission within"), "a time-out is a failure of the bundle in status");
        JsonNode calm = validate("b.json", submission("calm"));
        assertEquals(List.of(), codes(calm), "the next submission gets a fresh worker: " + calm);
        assertEquals(0, bundles().get("quarantined").size());

        assertEquals(List.of("VALIDATOR_TIMEOUT"), codes(validate("c.json", submission("stuck"))));
        JsonNode status = bundles();
        assertEquals(1, status.get("quarantined").size(), status.toString());
        assertTrue(status.get("quarantined").get(0).asText().startsWith("test.stuck.scheme 1.0.0: 2 validation "
                + "workers stuck"), status.toString());
        assertFalse(status.get("healthy").asBoolean());
        WebHost.Result text = host.run("status");
        assertTrue(text.out().contains("QUARANTINED test.stuck.scheme 1.0.0"), text.out());
        String log = Files.readString(host.data.resolve("log/tilskudd.log"));
        assertTrue(log.contains("plugin test.stuck.scheme 1.0.0 is quarantined"), log);

        assertEquals(List.of("VALIDATOR_QUARANTINED"), codes(validate("d.json", submission("calm"))));
        JsonNode demo = validate("example-demo.jsonl", Files.readString(WebHost.demoFile()));
        assertEquals(0, demo.get("errors").asInt(), "other schemes are not affected: " + demo);

        // An update (a new revision of the bundle) lifts the quarantine.
        deploy(stuckPlugin("2"));
        awaitBundles("the quarantine to end", b -> b.get("quarantined").isEmpty());
        JsonNode after = awaitValid();
        assertEquals(List.of(), codes(after), after.toString());
    }

    /** Validates a calm submission until the updated plugin's scheme and validator are both back. */
    private JsonNode awaitValid() throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = validate("e.json", submission("calm"));
            if (codes(last).isEmpty()) {
                return last;
            }
            Thread.sleep(100);
        }
        return last;
    }
}
