package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins change while work runs: a scheme removed while an import validates against it, and a scheme removed while
 * its report is made. Each race is made to happen, and each has one outcome: the work is refused with
 * SCHEME_CHANGED, nothing half-done is left, and the host stays healthy.
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
            host.deploy(raceScheme("test.race", gate.getLocalPort()), "race.jar");
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
            // The same bundle again (the scheme id "race" is its own since its first deployment), without the gate.
            host.deploy(raceScheme("test.race", 0), "race.jar");
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

    /**
     * The same made race for a report: the scheme's own indicator blocks inside {@code report} until the test has
     * removed the scheme and seen its bundle gone. The report would otherwise be finished from a plugin that is no
     * longer installed; it is refused with SCHEME_CHANGED, and no file (whole, partial or temporary) is left.
     */
    @Test
    void schemeRemovedWhileItsReportIsMadeRefusesTheReport() throws Exception {
        Path pdf;
        try (Stream<Path> s = Files.list(TestHost.distribution().resolve("deploy"))) {
            pdf = s.filter(p -> p.getFileName().toString().startsWith("tilskudd-format-pdf")).findFirst()
                    .orElseThrow();
        }
        Path folder = Files.createDirectories(temp.resolve("reports"));
        Path out = folder.resolve("race.pdf");
        String[] report = {"report", "--scheme", "race", "--years", "2016", "--format", "pdf", "--out",
            out.toString()};
        try (ServerSocket gate = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                TestHost host = TestHost.start(temp, true, Map.of())) {
            gate.setSoTimeout(60_000);
            host.deploy(pdf, "format-pdf.jar");
            host.deploy(raceIndicatorScheme("test.race.report", gate.getLocalPort()), "race.jar");
            host.await("the race scheme", s -> TestHost.hasScheme(s, "race"), "schemes", "--json");

            CompletableFuture<TestHost.Result> reporting = CompletableFuture.supplyAsync(() -> host.run(report));
            try (Socket indicator = gate.accept()) {
                // The report is inside the scheme's indicator now, and stays there until the byte below.
                host.undeploy("race.jar");
                host.await("the race scheme gone", s -> !TestHost.hasScheme(s, "race"), "schemes", "--json");
                host.await("the race bundle gone", s -> !hasBundle(s, "test.race.report"), "status",
                        "--json");
                assertFalse(reporting.isDone(), "the report must still be running when the scheme has gone");
                indicator.getOutputStream().write(1);
            }
            TestHost.Result r = reporting.get(60, TimeUnit.SECONDS);

            assertEquals(1, r.exit(), r.out() + r.err());
            // The indicator's plugin is gone by then, so the engine refuses the tables it gave, before any report.
            assertTrue(r.err().contains("SCHEME_CHANGED: indicator 'gate' (test.plugin.GateIndicator) of scheme "
                    + "'race' was removed or replaced while it ran; its results are refused. Try again."),
                    "the error says the scheme changed and names it: " + r.err());
            try (Stream<Path> left = Files.list(folder)) {
                assertEquals(List.of(), left.toList(), "a refused report leaves no file behind");
            }

            // The same command, with nothing racing, writes the report: the refusal came from the race alone.
            // The same bundle again (the scheme id "race" is its own since its first deployment), without the gate.
            host.deploy(raceIndicatorScheme("test.race.report", 0), "race.jar");
            host.await("the race scheme back", s -> TestHost.hasScheme(s, "race"), "schemes", "--json");
            TestHost.Result again = host.run(report);
            assertEquals(0, again.exit(), again.out() + again.err());
            assertEquals("%PDF-", new String(Files.readAllBytes(out), 0, 5, StandardCharsets.ISO_8859_1));
            host.await("a healthy host", s -> s.get("failures").isEmpty(), "status", "--json");
        }
    }

    private static boolean hasBundle(JsonNode status, String symbolicName) {
        for (JsonNode b : status.get("bundles")) {
            if (symbolicName.equals(b.path("symbolicName").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A scheme {@code race} with one indicator that, given a port, connects to it on its first call and waits for
     * one byte: the test decides when the indicator ends. Port 0: the indicator does not wait.
     */
    private Path raceIndicatorScheme(String symbolicName, int port) throws Exception {
        return TestBundles.bundle(symbolicName)
                .scheme("race", "RaceScheme",
                        "{ \"id\": \"grantAmount\", \"type\": \"amount\", \"label\": \"Tilskudd\" }")
                .component("GateIndicator", "no.tilskudd.api.indicator.Indicator", """
                        import no.tilskudd.api.form.LocalizedText;
                        import no.tilskudd.api.report.Table;
                        import no.tilskudd.api.report.ValueKind;
                        public class GateIndicator implements no.tilskudd.api.indicator.Indicator {
                            private static final java.util.concurrent.atomic.AtomicBoolean FIRST =
                                    new java.util.concurrent.atomic.AtomicBoolean(true);
                            public String id() { return "gate"; }
                            public LocalizedText title() { return LocalizedText.of("Gate"); }
                            public java.util.Set<String> schemes() { return java.util.Set.of("race"); }
                            public Table compute(no.tilskudd.api.indicator.IndicatorInput input) {
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
                                long n = input.submissions().size();
                                return Table.of("gate", LocalizedText.of("Gate"),
                                        java.util.List.of(Table.Column.of("n", "N", ValueKind.COUNT)),
                                        java.util.List.of(Table.Row.data(n))).withN(n);
                            }
                        }""".formatted(port, port), false)
                .build(Files.createDirectories(temp.resolve(symbolicName)));
    }
}
