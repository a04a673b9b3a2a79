package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed evaluation's questionnaire and grant-register figures as an analyst gets them after {@code tilskudd demo}
 * in a real host, through the CLI's JSON: the response rate 62 of 86 (72 %) computed from the grant register and the
 * stored answers, Tabell 8.1 (79/11/10 %, N 62) and continuation (61/3/35 %) from the questionnaire, "Hvem får
 * støtte?" (AVdir 57, BLD 29, 86 scheme-units, 67 units, 19 in both) and the "Tilskuddsordning (N=86)" table from
 * the grant register.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyFiguresThroughCliTest {

    private WebHost host;
    private Path out;
    private JsonNode survey;
    private JsonNode avdirAndBufdir;

    @BeforeAll
    void runTheDemoAndAsk(@TempDir Path temp) throws Exception {
        host = WebHost.start(temp, WebHost.plugin("tilskudd-scheme-avdir"), WebHost.plugin("tilskudd-scheme-bufdir"),
                WebHost.plugin("tilskudd-scheme-urban-youth"), WebHost.plugin("tilskudd-cross-scheme-indicators"),
                WebHost.plugin("tilskudd-survey-evaluering-2009"), WebHost.plugin("tilskudd-format-xlsx"));
        out = temp.resolve("out");
        WebHost.Result demo = host.run("demo", "--out", out.toString());
        assertEquals(0, demo.exit(), demo.out() + demo.err());
        assertTrue(demo.out().contains("survey-2009: 262 grants read, 262 stored"), demo.out());
        assertTrue(demo.out().contains("survey-2009: 52 submissions read, 52 stored"), demo.out());
        survey = json("indicators", "--scheme", "survey-2009", "--json");
        avdirAndBufdir = json("indicators", "--scheme", "avdir,bufdir", "--years", "2006-2008", "--json");
    }

    @AfterAll
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private JsonNode json(String... args) {
        WebHost.Result r = host.run(args);
        assertEquals(0, r.exit(), r.out() + r.err());
        return r.json();
    }

    private static JsonNode table(JsonNode doc, String id) {
        for (JsonNode t : doc.get("indicators")) {
            if (t.get("id").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no table " + id + " in " + doc);
    }

    private static List<Long> column(JsonNode table, int c) {
        List<Long> col = new ArrayList<>();
        for (JsonNode row : table.get("rows")) {
            col.add(row.get(c).isNumber() ? row.get(c).asLong() : null);
        }
        return col;
    }

    private static List<Long> numbers(JsonNode row) {
        List<Long> r = new ArrayList<>();
        row.forEach(c -> r.add(c.isNumber() ? c.asLong() : null));
        return r;
    }

    @Test
    void responsesCountTheRespondentListFromTheGrantRegister() throws Exception {
        JsonNode r = json("responses", "--scheme", "survey-2009", "--json");
        assertEquals(86, r.get("expected").asInt());
        assertEquals(62, r.get("reported").asInt());
        assertEquals(24, r.get("missingCount").asInt());
        assertEquals(72, r.get("rate").asInt());
        assertEquals("scheme-unit", r.get("questionnaire").get("respondent").asText());
        assertEquals("[2006,2008]", r.get("questionnaire").get("years").toString());
        assertTrue(r.get("missing").get(0).has("scheme"), r.get("missing").get(0).toString());
        assertEquals(0, r.get("withoutGrant").size());
        // The same document over HTTP; a year, which a client may name for every scheme, changes nothing.
        String analyst = WebHost.basic("kari", host.addUser("kari", "analyst"));
        assertEquals(r, WebHost.json(host.get("/api/responses?scheme=survey-2009", analyst)));
        assertEquals(r, WebHost.json(host.get("/api/responses?scheme=survey-2009&year=2009", analyst)));
        assertEquals(r, json("responses", "--scheme", "survey-2009", "--year", "2009", "--json"));
    }

    @Test
    void theResponseRateIsATableOfTheQuestionnaire() {
        JsonNode t = table(survey, "survey-response-rate");
        assertEquals(86, t.get("n").asInt());
        assertEquals(List.of("group", "expected", "answered", "missing", "rate"), ids(t.get("columnIds")));
        assertEquals(Arrays.asList(null, 86L, 62L, 24L, 72L), numbers(t.get("rows").get(0)));
        assertEquals(Arrays.asList(null, 57L, 41L, 16L, 72L), numbers(t.get("rows").get(1)));
        assertEquals(Arrays.asList(null, 29L, 21L, 8L, 72L), numbers(t.get("rows").get(2)));
        assertTrue(t.get("notes").get(0).asText().contains("62 av 86 svarte (72 %)"), t.get("notes").toString());
    }

    @Test
    void tabell81AndContinuationFromTheQuestionnaire() {
        assertEquals(Arrays.asList(79L, 11L, 10L, null), column(table(survey, "survey-national-goals"), 1));
        assertEquals(62, table(survey, "survey-national-goals").get("n").asInt());
        assertEquals(Arrays.asList(61L, 3L, 35L, null), column(table(survey, "survey-continuation"), 1));
        assertEquals(62, table(survey, "survey-continuation").get("n").asInt());
        assertEquals(62, table(survey, "survey-agencies").get("n").asInt());
        assertEquals(62, table(survey, "survey-collaboration").get("n").asInt());
        assertEquals(62, table(survey, "survey-collaboration-present").get("n").asInt());
        assertEquals(40, table(survey, "survey-nav-office").get("n").asInt());
        assertEquals(62, table(survey, "survey-nav-office-future").get("n").asInt());
        assertEquals(List.of(), ids(survey.get("failures")));
    }

    @Test
    void whoGetsSupportFromTheGrantRegister() {
        JsonNode t = table(avdirAndBufdir, "grant-units-by-scheme");
        assertEquals(List.of(57L, 29L, 86L, 67L, 19L), column(t, 1));
        assertEquals(67, t.get("n").asInt());
        assertEquals("[2]", t.get("totalRows").toString());
    }

    @Test
    void theSchemesTableWithN86FromTheGrantRegister() {
        JsonNode t = table(avdirAndBufdir, "grant-scheme-overlap");
        assertEquals(86, t.get("n").asInt());
        assertEquals(List.of("group", "units", "percent"), ids(t.get("columnIds")));
        assertEquals(List.of(23L, 77L, 44L), column(t, 2).subList(0, 3));
        assertEquals(20, t.get("rows").get(0).get(1).asInt());
        assertEquals(66, t.get("rows").get(1).get(1).asInt());
        assertEquals(38, t.get("rows").get(2).get(1).asInt());
        assertEquals(24, percentOf(t, "(urban-youth)"));
        assertEquals(8, percentOf(t, "(unge-utenfor)"));
        assertEquals(12, percentOf(t, "(utsatte-unge)"));
        assertEquals(6, percentOf(t, "(ungdom-i-svevet)"));
    }

    @Test
    void theReportsResponseRatesComeFromTheSameRegister() {
        JsonNode avdir = json("responses", "--scheme", "avdir", "--year", "2008", "--json");
        assertEquals(List.of(44, 40, 91), List.of(avdir.get("expected").asInt(), avdir.get("reported").asInt(),
                avdir.get("rate").asInt()));
        JsonNode bufdir = json("responses", "--scheme", "bufdir", "--year", "2007", "--json");
        assertEquals(1, bufdir.get("withoutGrant").size(), bufdir.toString());
    }

    @Test
    void theQuestionnairesReportHasItsResponseRateSheet() throws IOException {
        Path xlsx = out.resolve("survey-2009-2009-2009.xlsx");
        assertTrue(Files.isRegularFile(xlsx), "the demo writes the questionnaire's report: " + xlsx);
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            String workbook = read(zip, "xl/workbook.xml");
            // A sheet is named by its table's title.
            assertTrue(workbook.contains("<sheet name=\"Svarprosent\""), workbook);
            assertTrue(read(zip, "xl/sharedStrings.xml").contains("62 av 86 svarte (72 %)"));
        }
    }

    private static String read(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        assertTrue(e != null, "no " + name);
        try (InputStream in = zip.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long percentOf(JsonNode table, String labelEnd) {
        for (JsonNode row : table.get("rows")) {
            if (row.get(0).asText().endsWith(labelEnd)) {
                return row.get(2).asLong();
            }
        }
        throw new AssertionError("no row " + labelEnd + " in " + table);
    }

    private static List<String> ids(JsonNode array) {
        List<String> r = new ArrayList<>();
        array.forEach(n -> r.add(n.asText()));
        return r;
    }
}
