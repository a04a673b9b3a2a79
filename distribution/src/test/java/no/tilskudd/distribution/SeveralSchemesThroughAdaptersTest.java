package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * AVdir and Bufdir selected together through every adapter of a serving host: {@code indicators --scheme
 * avdir,bufdir --json} and {@code GET /api/indicators?scheme=avdir,bufdir} give the seed's Tabell 8.2 (N 61/67/64,
 * which neither scheme gives alone) as one document; an unknown or twice-named scheme is refused in both; a report of
 * both, in PDF and in Excel, names both schemes on its cover.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class SeveralSchemesThroughAdaptersTest {

    static final String AVDIR_NB = "Tilskudd til bekjempelse av barnefattigdom";
    static final String BUFDIR_NB = "Kompetanse- og utviklingstiltak i barnevernet";

    @TempDir
    static Path temp;

    private WebHost host;
    private String admin;

    @BeforeAll
    void start() throws Exception {
        host = WebHost.start(temp, WebHost.plugin("tilskudd-scheme-avdir"), WebHost.plugin("tilskudd-scheme-bufdir"),
                WebHost.plugin("tilskudd-format-pdf"), WebHost.plugin("tilskudd-format-xlsx"));
        admin = WebHost.basic("admin", host.adminPassword);
        for (String scheme : List.of("avdir", "bufdir")) {
            WebHost.Result imported = host.run("import", demoFile(scheme).toString());
            assertEquals(0, imported.exit(), imported.out() + imported.err());
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    static Path demoFile(String scheme) {
        Path p = WebHost.distribution().resolve("../../../plugins/scheme-" + scheme + "/src/main/resources/tilskudd/"
                + scheme + "/demo/" + scheme + "-demo.jsonl").normalize();
        assertTrue(Files.isRegularFile(p), "no demo file at " + p);
        return p;
    }

    private static JsonNode table(JsonNode indicators, String id) {
        for (JsonNode t : indicators.get("indicators")) {
            if (t.get("id").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no table " + id + " in " + indicators);
    }

    /** The N row of Tabell 8.2 (labelled "N"): the reports counted each year. */
    private static List<Long> nRow(JsonNode doc) {
        for (JsonNode row : table(doc, "goal-achievement").get("rows")) {
            if (row.get(0).asText().equals("N")) {
                return numbers(row);
            }
        }
        throw new AssertionError("no N row in " + table(doc, "goal-achievement"));
    }

    @Test
    void theCommandLineGivesTabell82OfBothSchemes() {
        WebHost.Result r = host.run("indicators", "--scheme", "avdir,bufdir", "--years", "2006-2008", "--json");
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode doc = r.json();
        assertEquals("avdir", doc.get("scheme").asText(), "the first, for clients of one scheme");
        assertEquals("[\"avdir\",\"bufdir\"]", doc.get("schemes").toString());
        assertEquals(List.of(61L, 67L, 64L), nRow(doc));
        assertEquals(List.of(36L, 41L, 40L), nRow(host.run("indicators", "--scheme", "avdir", "--years", "2006-2008",
                "--json").json()), "AVdir alone is another table");
        assertEquals(List.of(44L, 27L, 49L, 33L, 48L, 31L), numbers(table(doc, "goal-achievement").get("rows").get(0)));
    }

    private static List<Long> numbers(JsonNode row) {
        List<Long> out = new ArrayList<>();
        row.forEach(c -> {
            if (c.isNumber()) {
                out.add(c.asLong());
            }
        });
        return out;
    }

    @Test
    void withoutYearsTheSelectionSpansEverySchemesForms() {
        JsonNode schemes = host.run("schemes", "--json").json();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (JsonNode s : schemes.get("schemes")) {
            for (JsonNode f : s.get("forms")) {
                first = Math.min(first, f.get("firstYear").asInt());
                last = Math.max(last, f.get("lastYear").asInt());
            }
        }
        WebHost.Result r = host.run("indicators", "--scheme", "bufdir,avdir", "--json");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("[" + first + "," + last + "]", r.json().get("years").toString());
    }

    @Test
    void theCommandLineRefusesAnUnknownOrTwiceNamedScheme() {
        WebHost.Result unknown = host.run("indicators", "--scheme", "avdir,nosuch", "--json");
        assertEquals(1, unknown.exit(), unknown.out() + unknown.err());
        assertTrue(unknown.err().contains("scheme 'nosuch' is not installed (installed: [avdir, bufdir])"),
                unknown.err());
        WebHost.Result twice = host.run("report", "--scheme", "avdir,bufdir,avdir", "--format", "pdf", "--out",
                temp.resolve("never.pdf").toString());
        assertEquals(2, twice.exit(), twice.out() + twice.err());
        assertTrue(twice.err().contains("--scheme names 'avdir' twice"), twice.err());
        assertTrue(!Files.exists(temp.resolve("never.pdf")));
    }

    @Test
    void theApiGivesTheSameDocumentAsTheCommandLine() throws Exception {
        JsonNode cli = host.run("indicators", "--scheme", "avdir,bufdir", "--years", "2006-2008", "--json").json();
        HttpResponse<String> comma = host.get("/api/indicators?scheme=avdir,bufdir&years=2006-2008", admin);
        assertEquals(200, comma.statusCode(), comma.body());
        assertEquals(cli, WebHost.json(comma));
        assertEquals(cli, WebHost.json(host.get("/api/indicators?scheme=avdir&scheme=bufdir&years=2006-2008",
                admin)), "the scheme parameter given twice");
        assertEquals(List.of(61L, 67L, 64L), nRow(WebHost.json(comma)));
    }

    @Test
    void theApiRefusesAnUnknownOrTwiceNamedScheme() throws Exception {
        HttpResponse<String> unknown = host.get("/api/indicators?scheme=avdir,nosuch&years=2006-2008", admin);
        assertEquals(404, unknown.statusCode(), unknown.body());
        JsonNode error = WebHost.json(unknown);
        assertEquals("unknown_scheme", error.get("error").asText());
        assertEquals("scheme 'nosuch' is not installed", error.get("detail").asText());
        assertEquals("[\"avdir\",\"bufdir\"]", error.get("schemes").toString());
        for (String query : List.of("scheme=avdir,bufdir,avdir", "scheme=avdir&scheme=avdir", "scheme=avdir,")) {
            HttpResponse<String> r = host.get("/api/reports?" + query + "&format=pdf", admin);
            assertEquals(400, r.statusCode(), query + ": " + r.body());
            assertEquals("bad_request", WebHost.json(r).get("error").asText(), r.body());
        }
    }

    @Test
    void aPdfReportOfBothSchemesNamesBoth() throws Exception {
        Path pdf = temp.resolve("both.pdf");
        WebHost.Result r = host.run("report", "--scheme", "avdir,bufdir", "--years", "2006-2008", "--format", "pdf",
                "--out", pdf.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        String text = PdfInFrameworkTest.run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-")
                .replaceAll("\\s+", " ");
        assertTrue(text.contains("Ordninger"), text);
        assertTrue(text.contains(AVDIR_NB) && text.contains(BUFDIR_NB), text);
        assertTrue(text.contains("avdir: ") && text.contains("bufdir: "), "each scheme's own lines: " + text);
    }

    @Test
    void anExcelReportOfBothSchemesFromTheApiNamesBoth() throws Exception {
        HttpResponse<byte[]> r = host.sendBytes(host.request(
                "/api/reports?scheme=avdir,bufdir&years=2006-2008&format=xlsx&lang=en")
                .header("Authorization", admin).GET().build());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("avdir-bufdir-2006-2008.xlsx"),
                r.headers().map().toString());
        String cover = cells(r.body(), 0);
        assertTrue(cover.contains("Schemes"), cover);
        assertTrue(cover.contains("Grants to combat child poverty") && cover.contains(
                "Competence and development measures in child welfare"), cover);
        assertTrue(cover.contains("Agencies") && cover.contains("Budget lines"), cover);
    }

    private static String cells(byte[] xlsx, int sheet) throws IOException {
        StringBuilder out = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet s = wb.getSheetAt(sheet);
            for (Row row : s) {
                for (Cell c : row) {
                    out.append(c.toString()).append(" | ");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
