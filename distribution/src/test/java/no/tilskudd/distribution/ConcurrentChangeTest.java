package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins change while work runs: a scheme removed while an import validates against it, and a scheme removed while
 * its report is being exported. The work either completes or fails with a clear message, never half-done, and the
 * host stays healthy.
 */
class ConcurrentChangeTest {

    @TempDir
    Path temp;

    /**
     * The race is made, not hoped for: the scheme's own validator blocks inside the import until the test, which
     * holds the other end of a loopback socket, has removed the scheme and seen it gone. Only then is the import let
     * go, so it stores after the scheme left; the engine refuses the file with SCHEME_CHANGED and stores nothing.
     */
    @Test
    void schemeRemovedWhileAnImportIsValidatingRefusesTheFile() throws Exception {
        Path file = temp.resolve("race.jsonl");
        Files.writeString(file, raceSubmission("0301") + "\n" + raceSubmission("1804") + "\n");
        try (ServerSocket gate = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                TestHost host = TestHost.start(temp, true, Map.of("tilskudd.validator.timeout.ms", "120000"))) {
            gate.setSoTimeout(60_000);
            host.deploy(raceScheme("test.race.gated", gate.getLocalPort()), "race.jar");
            host.await("the race scheme", s -> TestHost.hasScheme(s, "race"), "schemes", "--json");

            CompletableFuture<TestHost.Result> importing = CompletableFuture.supplyAsync(
                    () -> host.run("import", "--json", file.toString()));
            try (Socket validator = gate.accept()) {
                // The import is inside the scheme's validator now, and stays there until the byte below.
                host.undeploy("race.jar");
                host.await("the race scheme gone", s -> !TestHost.hasScheme(s, "race"), "schemes", "--json");
                assertFalse(importing.isDone(), "the import must still be running when the scheme has gone");
                validator.getOutputStream().write(1);
            }
            TestHost.Result r = importing.get(60, TimeUnit.SECONDS);

            assertEquals(1, r.exit(), r.out() + r.err());
            JsonNode report = r.json().get("files").get(0);
            assertFalse(report.get("stored").asBoolean(), r.out());
            assertEquals(0, report.get("inserted").asInt(), r.out());
            assertEquals(List.of("SCHEME_CHANGED", "SCHEME_CHANGED"), report.get("findings").findValuesAsText("code"),
                    "each submission is refused because its scheme left: " + r.out());

            // The same file, with nothing racing, is stored whole: the refusal came from the race alone.
            host.deploy(raceScheme("test.race.open", 0), "race.jar");
            host.await("the race scheme back", s -> TestHost.hasScheme(s, "race"), "schemes", "--json");
            assertEquals(0, host.run("indicators", "--scheme", "race", "--years", "2016", "--json").json()
                    .get("submissions").asInt(), "the refused import stored nothing");
            TestHost.Result again = host.run("import", "--json", file.toString());
            assertEquals(0, again.exit(), again.out() + again.err());
            assertEquals(2, again.json().get("files").get(0).get("inserted").asInt(), again.out());
            host.await("a healthy host", s -> s.get("failures").isEmpty(), "status", "--json");
        }
    }

    /**
     * A scheme {@code race} whose validator, given a port, connects to it on its first call and waits for one byte:
     * the test decides when validation ends. Port 0: the validator does not wait.
     */
    private Path raceScheme(String symbolicName, int port) throws Exception {
        return TestBundles.bundle(symbolicName)
                .scheme("race", "RaceScheme",
                        "{ \"id\": \"grantAmount\", \"type\": \"amount\", \"label\": \"Tilskudd\" }")
                .component("Gate", "no.tilskudd.api.submission.Validator", """
                        public class Gate implements no.tilskudd.api.submission.Validator {
                            private static final java.util.concurrent.atomic.AtomicBoolean FIRST =
                                    new java.util.concurrent.atomic.AtomicBoolean(true);
                            public String schemeId() { return "race"; }
                            public java.util.List<no.tilskudd.api.submission.Violation> validate(
                                    no.tilskudd.api.submission.Submission s,
                                    no.tilskudd.api.submission.ValidationContext c) {
                                if (%d != 0 && FIRST.getAndSet(false)) {
                                    try (java.net.Socket test = new java.net.Socket(
                                            java.net.InetAddress.getLoopbackAddress(), %d)) {
                                        test.setSoTimeout(60_000);
                                        if (test.getInputStream().read() != 1) {
                                            throw new IllegalStateException("the test closed the gate");
                                        }
                                    } catch (java.io.IOException e) {
                                        throw new java.io.UncheckedIOException(e);
                                    }
                                }
                                return java.util.List.of();
                            }
                        }""".formatted(port, port), false)
                .build(Files.createDirectories(temp.resolve(symbolicName)));
    }

    private static String raceSubmission(String orgUnit) {
        return "{\"scheme\":\"race\",\"year\":2016,\"orgUnit\":\"" + orgUnit + "\",\"values\":{\"grantAmount\":1000}}";
    }

    @Test
    void schemeRemovedWhileItsReportIsExported() throws Exception {
        Path pdf;
        try (Stream<Path> s = Files.list(TestHost.distribution().resolve("deploy"))) {
            pdf = s.filter(p -> p.getFileName().toString().startsWith("tilskudd-format-pdf")).findFirst()
                    .orElseThrow();
        }
        List<String> outcomes = new ArrayList<>();
        try (TestHost host = TestHost.start(temp, true, Map.of())) {
            host.deploy(pdf, "format-pdf.jar");
            host.deploy(TestHost.exampleJar(), "example.jar");
            host.await("the example scheme", s -> TestHost.hasScheme(s, "example"), "schemes", "--json");
            assertEquals(0, host.run("demo", "--out", temp.resolve("demo").toString()).exit());
            for (int round = 0; round < 4; round++) {
                Path out = temp.resolve("report-" + round + ".pdf");
                CompletableFuture<TestHost.Result> exporting = CompletableFuture.supplyAsync(() -> host.run(
                        "report", "--scheme", "example", "--years", "2016-2017", "--format", "pdf", "--out",
                        out.toString()));
                Thread.sleep(round * 40L);
                host.undeploy("example.jar");
                TestHost.Result r = exporting.get();
                if (r.exit() == 0) {
                    byte[] head = Files.readAllBytes(out);
                    assertTrue(new String(head, 0, 5).equals("%PDF-"), "a finished report is a whole PDF");
                    outcomes.add("round " + round + ": written");
                } else {
                    assertEquals(1, r.exit(), r.err());
                    assertTrue(r.err().contains("example"), "the error names the scheme: " + r.err());
                    assertTrue(!Files.exists(out), "a failed export leaves no file behind");
                    outcomes.add("round " + round + ": refused (" + r.err().strip() + ")");
                }
                host.await("the scheme gone", s -> !TestHost.hasScheme(s, "example"), "schemes", "--json");
                host.deploy(TestHost.exampleJar(), "example.jar");
                host.await("the scheme back", s -> TestHost.hasScheme(s, "example"), "schemes", "--json");
            }
            JsonNode ind = host.run("indicators", "--scheme", "example", "--years", "2016-2017", "--json").json();
            assertEquals(28, ind.get("submissions").asInt(), "no stored data lost");
            host.await("a healthy host", s -> s.get("failures").isEmpty(), "status", "--json");
        }
        System.out.println("removal during export: " + outcomes);
    }
}
