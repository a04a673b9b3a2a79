package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import no.tilskudd.store.internal.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hosts on one PostgreSQL database, as a directorate would run them behind a proxy: an import on one is in the
 * other's next indicator query (computed in the database, no regeneration step), a replacement on one replaces the
 * answers the other counts, and the same report imported on both at the same moment is stored once.
 */
class TwoHostsImportTest {

    static PostgresServer server;

    @RegisterExtension
    static final BeforeEachCallback SERVER = context -> server = PostgresServer.get(context);

    @TempDir
    Path temp;

    private static JsonNode goals(WebHost host) throws Exception {
        WebHost.Result r = host.run("indicators", "--scheme", "avdir", "--years", "2006-2008", "--json");
        assertEquals(0, r.exit(), r.out() + r.err());
        for (JsonNode t : r.json().get("indicators")) {
            if (t.get("id").asText().equals("goal-achievement")) {
                return t;
            }
        }
        throw new AssertionError("no goal-achievement table in " + r.out());
    }

    private Path file(String name, List<String> lines) throws Exception {
        Path f = temp.resolve(name);
        Files.write(f, lines);
        return f;
    }

    private static final List<String> DEMO = demo();

    private static List<String> demo() {
        try {
            return Files.readAllLines(Path.of("../plugins/scheme-avdir/src/main/resources/tilskudd/avdir/demo/"
                    + "avdir-demo.jsonl"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A demo report of 2006 (a valid one) whose goal achievement is as given, the n-th such. */
    private static com.fasterxml.jackson.databind.node.ObjectNode report(String goals, int nth) throws Exception {
        int seen = 0;
        for (String line : DEMO) {
            JsonNode n = WebHost.JSON.readTree(line);
            if (n.get("year").asInt() == 2006 && n.get("values").path("goalsReached").asText().equals(goals)
                    && seen++ == nth) {
                return (com.fasterxml.jackson.databind.node.ObjectNode) n;
            }
        }
        throw new AssertionError("no such demo report");
    }

    private static String line(JsonNode n) throws Exception {
        return WebHost.JSON.writeValueAsString(n);
    }

    @Test
    void anImportOnOneHostIsInTheOthersNextIndicatorsAndOneReportIsStoredOnce() throws Exception {
        Map<String, String> settings = server.storeSettings(server.createDatabase(),
                Files.createDirectories(temp.resolve("secrets")));
        Path plugin = WebHost.plugin("tilskudd-scheme-avdir");
        try (WebHost first = WebHost.start(Files.createDirectories(temp.resolve("first")), settings, plugin);
                WebHost second = WebHost.startSharing(Files.createDirectories(temp.resolve("second")), settings,
                        plugin)) {
            Path two = file("a.jsonl", List.of(line(report("all", 0)), line(report("notAll", 0))));
            assertEquals(0, first.run("import", two.toString()).exit());
            JsonNode before = goals(second);
            assertEquals(2, before.get("n").asInt(), before.toString());
            assertEquals(50, before.get("rows").get(0).get(1).asInt(), "one of two reached all goals: " + before);
            com.fasterxml.jackson.databind.node.ObjectNode reached = report("notAll", 0);
            com.fasterxml.jackson.databind.node.ObjectNode values =
                    (com.fasterxml.jackson.databind.node.ObjectNode) reached.get("values");
            values.put("goalsReached", "all");
            values.remove("goalsNotReachedReason");

            WebHost.Result replaced = second.run("import", "--replace",
                    file("b.jsonl", List.of(line(reached))).toString());
            assertEquals(0, replaced.exit(), replaced.out() + replaced.err());
            JsonNode after = goals(first);
            assertEquals(2, after.get("n").asInt());
            assertEquals(100, after.get("rows").get(0).get(1).asInt(), "both reached all goals now: " + after);

            Path same = file("c.jsonl", List.of(line(report("all", 1))));
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<WebHost.Result>> runs = new ArrayList<>();
                for (WebHost host : List.of(first, second)) {
                    Callable<WebHost.Result> c = () -> {
                        start.await(30, TimeUnit.SECONDS);
                        return host.run("import", same.toString());
                    };
                    runs.add(pool.submit(c));
                }
                List<Integer> exits = new ArrayList<>();
                for (Future<WebHost.Result> f : runs) {
                    exits.add(f.get(120, TimeUnit.SECONDS).exit());
                }
                exits.sort(Integer::compare);
                assertEquals(0, (int) exits.get(0), "one import stored it: " + exits);
                assertTrue(exits.get(1) != 0, "the other was refused as a duplicate: " + exits);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(3, goals(second).get("n").asInt(), "stored once, counted once");
        }
    }
}
