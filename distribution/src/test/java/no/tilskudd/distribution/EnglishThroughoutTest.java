package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With {@code --lang en} every word a reader of the output meets is English: the JSON of the indicators, the report
 * workbook and the PDF of every shipped scheme, through the CLI of a real host with the demo data. Place names and
 * the measures' own names typed by the municipalities are data and stay as they are; the words looked for are the
 * ones Tilskudd itself writes (answers, categories, partners, regions, totals, notes, headings).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnglishThroughoutTest {

    /** Norwegian words Tilskudd writes in its own tables and texts; none may be in an English output. */
    static final List<String> NORWEGIAN = List.of("Nådde", "Tiltakene", "Usikker", "I alt", "i alt", "kommuner",
            "Kommuner", "bydeler", "Ukjent", "Nord", "Midt", "Sør", "Vest", "Øst/Oslo", "Prosent", "prosent", "Antall",
            "antall", "Ja", "Nei", "Bare", "Både", "Telleenhet", "rapporter", "Rapporter", "Svarprosent", "Forside",
            "Innhold", "Merknader", "Kilde", "tiltak", "Tiltak", "Måloppnåelse", "Videreføring", "Ordning",
            "Rapporteringsår", "Utvalg", "Laget", "og", "eller", "ikke", "med", "uten", "av", "etter", "fra");

    private static final Pattern WORD;

    static {
        StringBuilder b = new StringBuilder("(?<![\\p{L}\\-])(");
        for (int i = 0; i < NORWEGIAN.size(); i++) {
            b.append(i == 0 ? "" : "|").append(Pattern.quote(NORWEGIAN.get(i)));
        }
        WORD = Pattern.compile(b.append(")(?![\\p{L}\\-])").toString());
    }

    private Path temp;
    private WebHost host;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        temp = dir;
        host = WebHost.start(temp, WebHost.plugin("tilskudd-scheme-avdir"), WebHost.plugin("tilskudd-scheme-bufdir"),
                WebHost.plugin("tilskudd-scheme-urban-youth"), WebHost.plugin("tilskudd-cross-scheme-indicators"),
                WebHost.plugin("tilskudd-survey-evaluering-2009"),
                WebHost.plugin("tilskudd-format-pdf"), WebHost.plugin("tilskudd-format-xlsx"));
        for (String scheme : List.of("avdir", "bufdir", "urban-youth")) {
            WebHost.Result imported = host.run("import", SeveralSchemesThroughAdaptersTest.demoFile(scheme)
                    .toString());
            assertEquals(0, imported.exit(), imported.out() + imported.err());
        }
        Path survey = WebHost.distribution().resolve(
                "../../../plugins/survey-evaluering-2009/src/main/resources/tilskudd/survey-2009/demo").normalize();
        WebHost.Result grants = host.run("grants", "import", survey.resolve("grants-2006-2008.csv").toString());
        assertEquals(0, grants.exit(), grants.out() + grants.err());
        WebHost.Result answers = host.run("import", survey.resolve("survey-2009-demo.jsonl").toString());
        assertEquals(0, answers.exit(), answers.out() + answers.err());
    }

    /** The publication's text, key figures and tables, as {@code indicators --publication} gives them. */
    @org.junit.jupiter.api.Test
    void thePublicationsJsonIsEnglish() {
        WebHost.Result r = host.run("--lang", "en", "indicators", "--publication", "evaluering-2009", "--json");
        assertEquals(0, r.exit(), r.out() + r.err());
        List<String> texts = new ArrayList<>();
        strings(r.json(), texts);
        String all = String.join("\n", texts);
        assertEquals(List.of(), norwegianIn("evaluering-2009 JSON", all));
        assertEquals(List.of(), norwegianNumbersIn("evaluering-2009 JSON", all));
    }

    @org.junit.jupiter.api.Test
    void thePublicationsWorkbookIsEnglish() throws Exception {
        Path xlsx = temp.resolve("evaluering-2009-en.xlsx");
        WebHost.Result r = host.run("report", "--publication", "evaluering-2009", "--format", "xlsx", "--out",
                xlsx.toString(), "--lang", "en");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(List.of(), norwegianInWorkbook("evaluering-2009", xlsx));
    }

    @AfterAll
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    /** Each Norwegian word found, with a little of the text around it, so that a failure says where. */
    static List<String> norwegianIn(String where, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(where + ": «" + m.group(1) + "» in …" + text.substring(Math.max(0, m.start() - 40),
                    Math.min(text.length(), m.end() + 40)).replaceAll("\\s+", " ") + "…");
        }
        return out;
    }

    private static void strings(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> strings(child, out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"avdir", "bufdir", "urban-youth"})
    void theJsonIsEnglish(String scheme) {
        WebHost.Result r = host.run("--lang", "en", "indicators", "--scheme", scheme, "--json");
        assertEquals(0, r.exit(), r.out() + r.err());
        List<String> texts = new ArrayList<>();
        JsonNode doc = r.json();
        // the org units' names are data; everything else in the document is Tilskudd's
        strings(doc.get("indicators"), texts);
        assertEquals(List.of(), norwegianIn(scheme + " JSON", String.join("\n", texts)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"avdir", "bufdir", "urban-youth"})
    void theWorkbookIsEnglish(String scheme) throws Exception {
        Path xlsx = temp.resolve(scheme + "-en.xlsx");
        WebHost.Result r = host.run("report", "--scheme", scheme, "--format", "xlsx", "--out", xlsx.toString(),
                "--lang", "en");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(List.of(), norwegianInWorkbook(scheme, xlsx));
    }

    private static List<String> norwegianInWorkbook(String scheme, Path xlsx) throws Exception {
        TreeSet<String> found = new TreeSet<>();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet sheet : wb) {
                found.addAll(norwegianIn(scheme + " sheet name", sheet.getSheetName()));
                for (Row row : sheet) {
                    for (Cell c : row) {
                        if (c.getCellType() == CellType.STRING) {
                            found.addAll(norwegianIn(scheme + " '" + sheet.getSheetName() + "'!"
                                    + c.getAddress(), c.getStringCellValue()));
                        }
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    @ParameterizedTest
    @ValueSource(strings = {"avdir", "bufdir", "urban-youth"})
    void thePdfIsEnglish(String scheme) throws Exception {
        Path pdf = temp.resolve(scheme + "-en.pdf");
        WebHost.Result r = host.run("report", "--scheme", scheme, "--format", "pdf", "--out", pdf.toString(),
                "--lang", "en");
        assertEquals(0, r.exit(), r.out() + r.err());
        String text = PdfInFrameworkTest.run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
        assertEquals(List.of(), norwegianIn(scheme + " PDF", text));
        assertEquals(List.of(), norwegianNumbersIn(scheme + " PDF", text));
    }

    /** A decimal comma (86,7) or a space between digit groups (1 250): Norwegian numbers in an English text. */
    static List<String> norwegianNumbersIn(String where, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?<![\\d,.])\\d+(,\\d{1,2}|\u00A0\\d{3})(?![\\d])").matcher(text);
        while (m.find()) {
            out.add(where + ": «" + m.group() + "» in …" + text.substring(Math.max(0, m.start() - 30),
                    Math.min(text.length(), m.end() + 30)).replaceAll("\\s+", " ") + "…");
        }
        return out;
    }
}
