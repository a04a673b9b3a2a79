package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped publication evaluering-2009 as an analyst makes it, in a real host: listed by {@code publications},
 * its text filled with the computed figures by {@code indicators --publication ... --json} (the 86 scheme-units, the
 * 67 distinct units, Tabell 8.2), written as PDF and Excel, uploaded definitions versioned and refused with their
 * JSON pointer, and a frozen edition that stays as it was after {@code import --replace} while {@code compare} names
 * the replaced report. Over HTTP the same documents.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicationThroughCliTest {

    private static final String ID = "evaluering-2009";

    @TempDir
    static Path temp;

    private WebHost host;
    private String analyst;

    @BeforeAll
    void importTheDemoData() throws Exception {
        host = WebHost.start(temp, WebHost.plugin("tilskudd-scheme-avdir"), WebHost.plugin("tilskudd-scheme-bufdir"),
                WebHost.plugin("tilskudd-survey-evaluering-2009"), WebHost.plugin("tilskudd-cross-scheme-indicators"),
                WebHost.plugin("tilskudd-format-pdf"), WebHost.plugin("tilskudd-format-xlsx"));
        analyst = WebHost.basic("kari", host.addUser("kari", "analyst"));
        importEvaluationData(host);
    }

    /** The AVdir and Bufdir demo reports, the questionnaire's demo grant register and its demo responses. */
    static void importEvaluationData(WebHost host) {
        for (String scheme : List.of("avdir", "bufdir")) {
            WebHost.Result imported = host.run("import", SeveralSchemesThroughAdaptersTest.demoFile(scheme).toString());
            assertEquals(0, imported.exit(), imported.out() + imported.err());
        }
        java.nio.file.Path demo = WebHost.distribution().resolve(
                "../../../plugins/survey-evaluering-2009/src/main/resources/tilskudd/survey-2009/demo").normalize();
        WebHost.Result grants = host.run("grants", "import", demo.resolve("grants-2006-2008.csv").toString());
        assertEquals(0, grants.exit(), grants.out() + grants.err());
        WebHost.Result answers = host.run("import", demo.resolve("survey-2009-demo.jsonl").toString());
        assertEquals(0, answers.exit(), answers.out() + answers.err());
    }

    @AfterAll
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private JsonNode run(String... args) {
        WebHost.Result r = host.run(args);
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.out() + r.err());
        return r.json();
    }

    private static List<Long> column(JsonNode table, int c) {
        List<Long> out = new ArrayList<>();
        for (JsonNode row : table.get("rows")) {
            out.add(row.get(c).isNumber() ? row.get(c).asLong() : null);
        }
        return out;
    }

    private static List<String> paragraphs(JsonNode doc) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : doc.get("sections")) {
            for (JsonNode b : s.get("blocks")) {
                if (b.get("type").asText().equals("paragraph")) {
                    out.add(b.get("text").asText());
                }
            }
        }
        return out;
    }

    @Test
    @Order(1)
    void theShippedPublicationIsListedAndCanBeMade() {
        JsonNode list = run("publications", "--json");
        JsonNode p = null;
        for (JsonNode x : list.get("publications")) {
            if (x.get("id").asText().equals(ID)) {
                p = x;
            }
        }
        assertTrue(p != null, list.toString());
        assertTrue(p.get("source").asText().startsWith("plugin no.tilskudd.cross.scheme"), p.toString());
        assertEquals(0, p.get("problems").size(), p.toString());
    }

    @Test
    @Order(2)
    void theTextIsFilledWithTheComputedFiguresOfTheSeed() {
        JsonNode doc = run("indicators", "--publication", ID, "--json");
        JsonNode tables = doc.get("tables");
        assertEquals(List.of(21L, 9L, 29L, 9L, 18L, 86L), column(tables.get("regions"), 1));
        // "Hvem får støtte": 86 scheme-units, 67 distinct municipalities and districts.
        assertEquals(List.of(16L, 7L, 22L, 8L, 14L, 67L), column(tables.get("units"), 1));
        long distinct = tables.get("units").get("n").asLong();
        assertEquals(67, distinct);
        assertEquals(java.util.Arrays.asList(79L, 11L, 10L, null), column(tables.get("national-goals"), 1));
        assertEquals(62, tables.get("national-goals").get("n").asInt());
        assertEquals(java.util.Arrays.asList(61L, 3L, 35L, null), column(tables.get("continuation"), 1));
        String all = String.join("\n", paragraphs(doc));
        assertTrue(all.contains("86 kommuner og bydeler hadde tilskudd"), all);
        assertTrue(all.contains(distinct + " ulike kommuner og bydeler"), all);
        assertTrue(all.contains("44 % i 2006 (N = 61), 49 % i 2007 (N = 67) og 48 % i 2008 (N = 64)"), all);
        assertTrue(all.contains("79 % av de 62 kommunene og bydelene"), all);
        assertFalse(all.contains("{"), "every placeholder is filled: " + all);
        // The years as rows: one row per year, the share that reached all their goals in the first column after it.
        assertEquals(List.of(2006L, 2007L, 2008L), column(tables.get("goals-by-year"), 0));
        assertEquals(List.of(44L, 49L, 48L), column(tables.get("goals-by-year"), 1));
        JsonNode figures = doc.get("sections").get(0).get("blocks").get(0);
        assertEquals("keyFigures", figures.get("type").asText());
        assertEquals(86, figures.get("figures").get(0).get("value").asInt());

        JsonNode en = run("indicators", "--publication", ID, "--lang", "en", "--json");
        String english = String.join("\n", paragraphs(en));
        assertTrue(english.contains("86 municipalities and districts had a grant"), english);
        assertTrue(en.get("title").asText().startsWith("Evaluation"), en.get("title").asText());
    }

    @Test
    @Order(3)
    void itIsWrittenAsPdfAndExcel() throws Exception {
        for (String format : List.of("pdf", "xlsx")) {
            Path out = temp.resolve(ID + "." + format);
            WebHost.Result r = host.run("report", "--publication", ID, "--format", format, "--out", out.toString());
            assertEquals(0, r.exit(), r.out() + r.err());
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(out), 4);
            assertEquals(format.equals("pdf") ? "%PDF" : "PK\u0003\u0004", new String(head, StandardCharsets.ISO_8859_1));
        }
        WebHost.Result both = host.run("report", "--publication", ID, "--scheme", "avdir", "--format", "pdf",
                "--out", temp.resolve("x.pdf").toString());
        assertEquals(2, both.exit(), both.err());
    }

    @Test
    @Order(4)
    void anUploadedDefinitionIsVersionedAndABrokenOneIsRefusedWithItsPointer() throws Exception {
        String good = """
                {"formatVersion": 1, "id": "svarprosent-notat", "version": "1", "title": {"nb": "Notat", "en": "Note"},
                 "selection": {"schemes": ["avdir"], "years": {"from": 2006, "to": 2008}},
                 "sections": [{"heading": {"nb": "Videreføring", "en": "Continuation"}, "blocks": [
                   {"type": "paragraph", "text": {"nb": "{c.#1.percent} % av {c.n}", "en": "{c.#1.percent} % of {c.n}"}},
                   {"type": "table", "id": "c", "indicator": "continuation"}]}]}""";
        Path file = temp.resolve("notat.json");
        Files.writeString(file, good);
        assertEquals(1, run("publications", "add", file.toString(), "--json").get("revision").asInt());
        JsonNode second = run("publications", "add", file.toString(), "--json");
        assertEquals(2, second.get("revision").asInt());
        assertTrue(second.get("addedBy").asText().startsWith("os:"), second.toString());

        Files.writeString(file, good.replace("\"continuation\"}", "\"goal-achievment\"}"));
        WebHost.Result refused = host.run("publications", "add", file.toString());
        assertEquals(1, refused.exit(), refused.out());
        assertTrue(refused.err().contains("notat.json: /sections/0/blocks/1/indicator: unknown indicator "
                + "'goal-achievment'"), refused.err());
        Files.writeString(file, good.replace("{c.n}\"", "{rate.expected}\""));
        WebHost.Result placeholder = host.run("publications", "add", file.toString());
        assertTrue(placeholder.err().contains("notat.json: /sections/0/blocks/0/text/nb: unknown table 'rate'"),
                placeholder.err());
        Files.writeString(file, good.replace("\"id\": \"svarprosent-notat\"", "\"id\": \"" + ID + "\""));
        WebHost.Result shipped = host.run("publications", "add", file.toString());
        assertTrue(shipped.err().contains("is shipped by plugin"), shipped.err());

        String audit = run("audit", "--json").toString();
        assertTrue(audit.contains("\"action\":\"publication.add\""), audit);

        JsonNode doc = run("indicators", "--publication", "svarprosent-notat", "--json");
        assertTrue(paragraphs(doc).get(0).matches("[0-9]+ % av [0-9]+"), paragraphs(doc).toString());
    }

    @Test
    @Order(5)
    void aFrozenEditionStaysAsItWasAndTheComparisonNamesTheReplacedReport() throws Exception {
        JsonNode frozen = run("publications", "freeze", ID, "--as", "2009-11", "--json");
        // Every AVdir and Bufdir report of 2006-2008 that the demo has, and every response to the questionnaire.
        long reports = run("indicators", "--scheme", "avdir,bufdir", "--years", "2006-2008", "--json")
                .get("submissions").asLong();
        long responses = run("indicators", "--scheme", "survey-2009", "--years", "2009", "--json")
                .get("submissions").asLong();
        assertEquals(52, responses, "the questionnaire's demo responses, one per unit");
        assertEquals(reports + responses, frozen.get("submissions").asLong(), frozen.toString());
        String before = run("indicators", "--publication", ID, "--edition", "2009-11", "--json").toString();
        JsonNode unchanged = run("publications", "compare", ID, "--edition", "2009-11", "--json");
        assertTrue(unchanged.get("unchanged").asBoolean(), unchanged.toString());
        assertTrue(run("audit", "--json").toString().contains("\"action\":\"publication.freeze\""));
        WebHost.Result again = host.run("publications", "freeze", ID, "--as", "2009-11");
        assertEquals(1, again.exit(), again.err());

        // One AVdir report of 2008 that reached all its goals now says it did not.
        String line = Files.readAllLines(SeveralSchemesThroughAdaptersTest.demoFile("avdir")).stream()
                .filter(l -> l.contains("\"year\": 2008") && l.contains("\"goalsReached\": \"all\"")).findFirst()
                .orElseThrow();
        JsonNode sub = WebHost.JSON.readTree(line);
        ((ObjectNode) sub.get("values")).put("goalsReached", "notAll");
        ((ObjectNode) sub.get("values")).putArray("goalsNotReachedReason").add("time");
        Path changed = temp.resolve("avdir-2008-" + sub.get("orgUnit").asText() + ".json");
        Files.writeString(changed, WebHost.JSON.writeValueAsString(sub));
        WebHost.Result replaced = host.run("import", "--replace", changed.toString());
        assertEquals(0, replaced.exit(), replaced.out() + replaced.err());

        assertEquals(before, run("indicators", "--publication", ID, "--edition", "2009-11", "--json").toString(),
                "the edition is exported as it was frozen");
        JsonNode live = run("indicators", "--publication", ID, "--json");
        assertNotEquals(48, live.get("tables").get("goals").get("rows").get(0).get(5).asInt());
        JsonNode c = run("publications", "compare", ID, "--edition", "2009-11", "--json");
        assertFalse(c.get("unchanged").asBoolean(), c.toString());
        boolean goals = false;
        for (JsonNode f : c.get("figures")) {
            goals |= f.get("table").asText().equals("goals") && f.get("column").asText().equals("2008")
                    && f.get("frozen").asText().equals("48");
        }
        assertTrue(goals, c.toString());
        assertEquals(1, c.get("submissions").size(), c.toString());
        JsonNode s = c.get("submissions").get(0);
        assertEquals("replaced", s.get("change").asText());
        assertEquals("avdir", s.get("scheme").asText());
        assertEquals(2008, s.get("year").asInt());
        assertEquals(sub.get("orgUnit").asText(), s.get("orgUnit").asText());
        WebHost.Result text = host.run("publications", "compare", ID, "--edition", "2009-11");
        assertTrue(text.out().contains("replaced avdir 2008 " + sub.get("orgUnit").asText()), text.out());

        Path pdf = temp.resolve("edition.pdf");
        WebHost.Result r = host.run("report", "--publication", ID, "--edition", "2009-11", "--format", "pdf", "--out",
                pdf.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode listed = run("publications", "--json");
        assertTrue(listed.toString().contains("\"edition\":\"2009-11\""), listed.toString());
    }

    @Test
    @Order(6)
    void overHttpTheSameDocumentsAndTheFile() throws Exception {
        HttpResponse<String> list = host.get("/api/publications", analyst);
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("\"id\":\"" + ID + "\""), list.body());
        HttpResponse<String> one = host.get("/api/publications/" + ID, analyst);
        assertEquals(200, one.statusCode(), one.body());
        JsonNode http = WebHost.json(one);
        JsonNode cli = run("indicators", "--publication", ID, "--json");
        assertEquals(cli.get("tables"), http.get("tables"));
        assertEquals(cli.get("sections").get(1), http.get("sections").get(1));
        HttpResponse<byte[]> file = host.sendBytes(host.request("/api/publications/" + ID
                + "/report?format=pdf&edition=2009-11").header("Authorization", analyst).GET().build());
        assertEquals(200, file.statusCode());
        assertEquals("%PDF", new String(file.body(), 0, 4, StandardCharsets.ISO_8859_1));
        assertEquals(404, host.get("/api/publications/nope", analyst).statusCode());
        HttpResponse<String> bad = host.post("/api/publications", analyst, new WebHost.Multipart().file("b.json",
                "application/json", "{\"formatVersion\": 1, \"id\": \"b\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("b.json: /: "), bad.body());
    }

    @Test
    @Order(7)
    void theDemoAlsoPrintsAndWritesThePublication() throws Exception {
        Path out = temp.resolve("demo-out");
        WebHost.Result demo = host.run("demo", "--out", out.toString());
        assertEquals(0, demo.exit(), demo.out() + demo.err());
        assertTrue(demo.out().contains("86 kommuner og bydeler hadde tilskudd"), demo.out());
        for (String ext : List.of("pdf", "xlsx")) {
            assertTrue(Files.size(out.resolve(ID + "." + ext)) > 1000, ext);
            assertTrue(demo.out().contains(out.resolve(ID + "." + ext).toString()), demo.out());
        }
    }
}
