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
                WebHost.plugin("tilskudd-format-pdf"), WebHost.plugin("tilskudd-format-xlsx"));
        for (String scheme : List.of("avdir", "bufdir", "urban-youth")) {
            WebHost.Result imported = host.run("import", SeveralSchemesThroughAdaptersTest.demoFile(scheme)
                    .toString());
            assertEquals(0, imported.exit(), imported.out() + imported.err());
        }
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
        assertEquals(List.of(), List.copyOf(found));
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
    }
}
