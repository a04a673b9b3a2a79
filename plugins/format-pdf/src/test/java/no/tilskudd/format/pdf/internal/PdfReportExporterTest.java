package no.tilskudd.format.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfBoolean;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.SimpleBookmark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tilskudd.api.report.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a report with every kind of block, Norwegian letters everywhere and a 500-row table, then reads the PDF
 * back with poppler-utils and with OpenPDF's reader.
 */
class PdfReportExporterTest {

    @TempDir
    static Path temp;

    static Report report;
    static Path pdf;
    static byte[] bytes;
    static String text;

    @BeforeAll
    static void render() throws IOException {
        report = TestReports.full("nb-NO");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportExporter().export(report, out);
        bytes = out.toByteArray();
        pdf = temp.resolve("report.pdf");
        Files.write(pdf, bytes);
        String keep = System.getProperty("tilskudd.pdf.keep");
        if (keep != null) { // a folder to keep the PDF in, to look at it
            Files.createDirectories(Path.of(keep));
            Files.write(Path.of(keep, "test-report.pdf"), bytes);
        }
        text = Poppler.text(pdf);
    }

    @Test
    void norwegianLettersSurviveTextExtraction() {
        assertTrue(text.contains("Ærøy, Østre Ål og Åsnes"), text.substring(0, Math.min(600, text.length())));
        assertTrue(text.contains("Måloppnåelse i bruk av tilskuddsmidlene"), "table caption");
        assertTrue(text.contains("æøå og ÆØÅ"), "paragraph");
        assertTrue(text.contains("Nådde ikke alle målsettinger"), "table cell");
        assertTrue(text.contains("Øvre Direktorat for Æ, Ø og Å"), "cover metadata");
        assertTrue(text.contains("Gruppe/nærmiljø"), "chart legend drawn through PdfGraphics2D");
        assertTrue(text.contains("Østlandet"), "pie label");
    }

    @Test
    void everyFontIsEmbeddedAndUnicodeMapped() {
        String fonts = Poppler.run("pdffonts", pdf.toString());
        List<String[]> rows = pdffontsRows(fonts);
        assertFalse(rows.isEmpty(), fonts);
        for (String[] row : rows) {
            assertEquals("yes", row[3], "not embedded: " + String.join(" | ", row) + "\n" + fonts);
            assertEquals("yes", row[5], "no ToUnicode map, so text would not extract: " + String.join(" | ", row));
            assertTrue(row[0].contains("DejaVuSans"), "only the bundled font is used: " + row[0]);
        }
    }

    @Test
    void pageCountAndOutlineMatchSectionsAndTables() throws IOException {
        PdfReader reader = new PdfReader(bytes);
        try {
            assertTrue(reader.getNumberOfPages() > 3, "pages: " + reader.getNumberOfPages());
            List<String> outline = new ArrayList<>();
            flatten(SimpleBookmark.getBookmarkList(reader), "", outline);
            assertEquals(TestReports.expectedOutline(report, "Tabell"), outline);
        } finally {
            reader.close();
        }
    }

    @Test
    void noTableRowIsLostAcrossPageBreaksAndTheHeaderRepeats() throws IOException {
        Set<String> labels = new HashSet<>();
        Matcher m = Pattern.compile("Rad \\d{3} Ærøskøbing–Øksnes").matcher(text);
        while (m.find()) {
            labels.add(m.group());
        }
        assertEquals(TestReports.LONG_ROWS, labels.size(), "distinct row labels found");
        for (int i = 0; i < TestReports.LONG_ROWS; i++) {
            assertTrue(labels.contains(TestReports.rowLabel(i)), "row " + (i + 1) + " is missing");
        }
        int pagesWithHeader = 0;
        int pagesWithRows = 0;
        String[] pages = text.split("\f");
        for (String page : pages) {
            boolean rows = page.contains("Ærøskøbing–Øksnes");
            pagesWithRows += rows ? 1 : 0;
            // The header wraps ("Deltakende barn / (personer)"), so look for its first words and the first column.
            pagesWithHeader += rows && page.contains("Deltakende barn") && page.contains("Kommune\n") ? 1 : 0;
        }
        assertTrue(pagesWithRows >= 5, "the long table should span several pages, spans " + pagesWithRows);
        assertEquals(pagesWithRows, pagesWithHeader, "every page of the table repeats the header row");
        assertTrue(text.contains("Sum"), "the total row");
    }

    @Test
    void footerCountsPagesAndHeaderRepeatsTheTitle() throws IOException {
        int n = new PdfReader(bytes).getNumberOfPages();
        String[] pages = text.split("\f");
        assertTrue(pages[0].contains("side 1 av " + n), pages[0]);
        assertTrue(pages[n - 1].contains("side " + n + " av " + n), pages[n - 1]);
        assertTrue(pages[1].contains(TestReports.TITLE), "running header on page 2");
    }

    @Test
    void documentMetadataHasTitleSubjectCreatorAndLanguage() throws IOException {
        String info = Poppler.run("pdfinfo", pdf.toString());
        assertEquals(TestReports.TITLE, field(info, "Title"), info);
        assertEquals("Fritidstiltak for barn i Ærøy og Åsnes (fiktiv)", field(info, "Subject"), info);
        assertEquals("Tilskudd, PDF-eksport", field(info, "Creator"), info);
        assertEquals("yes", field(info, "Tagged"), "poppler sees a tagged PDF:\n" + info);
        PdfReader reader = new PdfReader(bytes);
        try {
            PdfObject lang = reader.getCatalog().get(PdfName.LANG);
            assertNotNull(lang, "no /Lang in the catalog");
            assertEquals("nb-NO", lang.toString());
            assertEquals(TestReports.TITLE, reader.getInfo().get("Title"));
            assertNotNull(reader.getCatalog().get(PdfName.METADATA), "XMP metadata");
            PdfDictionary prefs = reader.getCatalog().getAsDict(PdfName.VIEWERPREFERENCES);
            assertNotNull(prefs, "viewer preferences");
            assertEquals(PdfBoolean.PDFTRUE, prefs.get(PdfName.DISPLAYDOCTITLE), "viewers show the title");
            assertEquals(PdfBoolean.PDFTRUE, reader.getCatalog().getAsDict(PdfName.MARKINFO).get(PdfName.MARKED));
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                assertEquals(PdfName.S, reader.getPageN(p).get(PdfName.TABS), "tab order by structure, page " + p);
            }
            String xmp = new String(reader.getMetadata(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(xmp.contains("<pdfaid:part>2</pdfaid:part>") && xmp.contains("<pdfaid:conformance>U<")
                    && xmp.contains("<pdfuaid:part>1</pdfuaid:part>"), xmp);
            PdfDictionary intent = reader.getCatalog().getAsArray(PdfName.OUTPUTINTENTS).getAsDict(0);
            assertEquals("/GTS_PDFA1", intent.get(PdfName.S).toString(), "a PDF/A output intent, not PDF/X");
        } finally {
            reader.close();
        }
    }

    @Test
    void numbersAreFormattedTheNorwegianWay() {
        // DejaVu draws U+00A0 with its space glyph, so extracted text has plain spaces where the layout kept
        // no-break ones (NorwegianNumbersTest checks the characters themselves).
        String flat = text.replace('\u00A0', ' ');
        assertTrue(flat.contains("12 345 678 kr"), "amount key figure");
        assertTrue(flat.contains("45,5 %"), "percent key figure");
        assertTrue(flat.contains("10 000 kr"), "first amount in the long table");
        assertTrue(flat.contains("30,5 %"), "percent cell");
        assertTrue(flat.contains("0,25"), "decimal cell");
        assertTrue(flat.contains("N = 128"), "N under the goal table");
        assertTrue(flat.contains("N = 500"), "N under the long table");
        // The row labelled N holds counts, not percentages (61, 67 in the 2016, 2017 columns).
        assertFalse(flat.contains("67 %"), "the N row must not be shown as percent");
    }

    @Test
    void suppressedCellShowsADashAndTheReasonUnderTheTable() {
        assertTrue(text.contains("–"), "dash");
        assertTrue(text.contains(TestReports.HIDDEN_NOTE), text);
    }

    @Test
    void chartsAreVectorGraphicsNotImages() {
        String images = Poppler.run("pdfimages", "-list", pdf.toString());
        long rows = images.lines().skip(2).filter(l -> !l.isBlank()).count();
        assertEquals(0, rows, "charts must be drawn as vectors, found raster images:\n" + images);
        assertTrue(text.contains("Figur 4.1 Tiltak etter kategori, stablet"), "figure caption");
        assertTrue(text.contains("Tildelt beløp"), "line chart legend");
    }

    @Test
    void coverListsMetadataAndSaysDataTablesAreLeftOut() {
        String cover = text.split("\f")[0];
        assertTrue(cover.contains("Rapporteringsår"), cover);
        assertTrue(cover.contains("2016–2017"), cover);
        assertTrue(cover.contains("Laget"), cover);
        assertTrue(cover.contains("Datatabellene (1) er ikke med i PDF-en"), cover);
        String contents = text.split("\f")[1];
        assertTrue(contents.contains("Innhold"), contents);
        assertTrue(contents.contains("Tabell 3.1 Deltakere og tilskudd per kommune i Ærøy-regionen"), contents);
    }

    // ------------------------------------------------------------------ helpers

    static String field(String pdfinfo, String name) {
        Matcher m = Pattern.compile("^" + name + ":\\s+(.*)$", Pattern.MULTILINE).matcher(pdfinfo);
        return m.find() ? m.group(1).strip() : null;
    }

    @SuppressWarnings("unchecked")
    static void flatten(List<Map<String, Object>> marks, String indent, List<String> out) {
        if (marks == null) {
            return;
        }
        for (Map<String, Object> m : marks) {
            out.add(indent + m.get("Title"));
            flatten((List<Map<String, Object>>) m.get("Kids"), indent + "  ", out);
        }
    }

    /** pdffonts rows split by the dashed ruler's column widths: name, type, encoding, emb, sub, uni, object, id. */
    static List<String[]> pdffontsRows(String output) {
        List<String> lines = output.lines().toList();
        int ruler = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("----")) {
                ruler = i;
                break;
            }
        }
        if (ruler < 0) {
            throw new AssertionError("unexpected pdffonts output:\n" + output);
        }
        List<int[]> spans = new ArrayList<>();
        Matcher dashes = Pattern.compile("-+").matcher(lines.get(ruler));
        while (dashes.find()) {
            spans.add(new int[] {dashes.start(), dashes.end()});
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(ruler + 1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cols = new String[spans.size()];
            for (int c = 0; c < spans.size(); c++) {
                int from = Math.min(spans.get(c)[0], line.length());
                int to = c == spans.size() - 1 ? line.length() : Math.min(spans.get(c)[1], line.length());
                cols[c] = line.substring(from, to).trim();
            }
            rows.add(cols);
        }
        return rows;
    }
}
