package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed evaluation's published figures for AVdir and Bufdir 2006–2008, as an analyst gets them: from the demo
 * data through {@code tilskudd indicators --scheme avdir,bufdir --years 2006-2008 --json} in a real host, never
 * through internal classes. Tabell 8.2 (44/49/48 % of N 61/67/64 reports), the regions (21/9/29/9/18 = 86
 * scheme-units), Tabell 8.1 (79/11/10 % of 62 scheme-units) and continuation (61/3/35 %).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedFiguresThroughCliTest {

    private WebHost host;
    private JsonNode doc;

    @BeforeAll
    void importTheDemoDataAndAskOnce(@TempDir Path temp) throws Exception {
        host = WebHost.start(temp, WebHost.plugin("tilskudd-scheme-avdir"), WebHost.plugin("tilskudd-scheme-bufdir"));
        for (String scheme : List.of("avdir", "bufdir")) {
            WebHost.Result imported = host.run("import", SeveralSchemesThroughAdaptersTest.demoFile(scheme).toString());
            assertEquals(0, imported.exit(), imported.out() + imported.err());
        }
        WebHost.Result r = host.run("indicators", "--scheme", "avdir,bufdir", "--years", "2006-2008", "--json");
        assertEquals(0, r.exit(), r.out() + r.err());
        doc = r.json();
    }

    @AfterAll
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private JsonNode table(String id) {
        for (JsonNode t : doc.get("indicators")) {
            if (t.get("id").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no table " + id + " in " + doc);
    }

    /** One column of a table, numbers as longs and empty cells as null. */
    private List<Long> column(String id, int c) {
        List<Long> out = new ArrayList<>();
        for (JsonNode row : table(id).get("rows")) {
            out.add(row.get(c).isNumber() ? row.get(c).asLong() : null);
        }
        return out;
    }

    @Test
    void tabell82() {
        JsonNode rows = table("goal-achievement").get("rows");
        assertEquals(Arrays.asList(null, 44L, 27L, 49L, 33L, 48L, 31L), numbers(rows.get(0)));
        assertEquals(Arrays.asList(null, null, 61L, null, 67L, null, 64L), numbers(rows.get(2)));
    }

    @Test
    void theRegionsCount86SchemeUnits() {
        assertEquals(List.of(21L, 9L, 29L, 9L, 18L, 86L), column("units-by-region", 1));
        assertEquals(86, table("units-by-region").get("n").asInt());
    }

    @Test
    void tabell81AndContinuationCount62SchemeUnitsWithTheirLatestAnswer() {
        assertEquals(Arrays.asList(79L, 11L, 10L, null), column("national-goals", 1));
        assertEquals(62, table("national-goals").get("n").asInt());
        assertEquals(Arrays.asList(61L, 3L, 35L, null), column("continuation", 1));
    }

    private static List<Long> numbers(JsonNode row) {
        List<Long> out = new ArrayList<>();
        row.forEach(c -> out.add(c.isNumber() ? c.asLong() : null));
        return out;
    }
}
