package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins change while work runs: a scheme updated during a large import, and a scheme removed while its report is
 * being exported. The work either completes or fails with a clear message, never half-done, and the host stays
 * healthy.
 */
class ConcurrentChangeTest {

    @TempDir
    Path temp;

    @Test
    void schemeUpdatedWhileAnImportRuns() throws Exception {
        Path big = temp.resolve("big.jsonl");
        int n = writeBigFile(big);
        Path v2 = TestJars.exampleWithForm2018(TestHost.exampleJar(), temp.resolve("example-v2.jar"));
        List<String> outcomes = new ArrayList<>();
        try (TestHost host = TestHost.start(temp, true)) {
            host.deploy(TestHost.exampleJar(), "example.jar");
            host.await("the example scheme", s -> TestHost.hasScheme(s, "example"), "schemes", "--json");
            for (int round = 0; round < 3; round++) {
                CompletableFuture<TestHost.Result> importing = CompletableFuture.supplyAsync(
                        () -> host.run("import", "--replace", "--json", big.toString()));
                Thread.sleep(150 + round * 200L);
                host.deploy(round % 2 == 0 ? v2 : TestHost.exampleJar(), "example.jar");
                TestHost.Result r = importing.get();
                JsonNode file = r.json().get("files").get(0);
                host.await("the scheme back", s -> TestHost.hasScheme(s, "example"), "schemes", "--json");
                int stored = host.run("indicators", "--scheme", "example", "--years", "2016-2017", "--json").json()
                        .get("submissions").asInt();
                if (file.get("stored").asBoolean()) {
                    assertEquals(0, r.exit(), r.out());
                    assertEquals(n, file.get("inserted").asInt() + file.get("replaced").asInt());
                } else {
                    assertEquals(1, r.exit());
                    assertTrue(file.get("findings").size() > 0, "a refused file says why: " + r.out());
                }
                assertTrue(stored == 0 || stored == n, "the store holds " + stored + " of " + n);
                outcomes.add("round " + round + ": " + (file.get("stored").asBoolean() ? "stored" : "refused ("
                        + file.get("findings").get(0).get("code").asText() + ")") + ", " + stored + " in store");
            }
            host.await("a healthy host", s -> s.get("failures").isEmpty(), "status", "--json");
        }
        System.out.println("update during import: " + outcomes);
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

    private static int writeBigFile(Path file) throws Exception {
        String[] units = {"1804", "0301", "1103", "1902", "0101", "0602", "1001", "0219", "0220", "0231", "0604",
            "0605", "0626", "0805", "0806", "1102", "1106", "1149", "1201", "1243", "1246", "1247", "1502", "1504"};
        return BigImportFile.write(file, List.of(units), 45);
    }
}
