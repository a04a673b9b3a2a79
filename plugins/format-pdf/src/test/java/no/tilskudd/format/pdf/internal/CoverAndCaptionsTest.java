package no.tilskudd.format.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock.Chart;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.ReportBlock.Series;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.Table.Column;
import no.tilskudd.api.report.Table.Row;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.format.pdf.internal.StructureTree.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report on synthetic demo data says so on the cover and on every page; a section that is one table (as a scheme's
 * report makes them) shows its title once: the table's caption and the chart's give only their numbers, and the
 * contents list the section alone. Header words are never broken: a table too wide for the page goes in parts.
 */
class CoverAndCaptionsTest {

    static final String SECTION = "Måloppnåelse i bruk av tilskuddsmidlene. Prosent";

    static Report report(boolean synthetic, String language) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("Ordning", "Testordningen");
        Table t = Table.of("goals", LocalizedText.of(SECTION), List.of(Column.of("a", "Svar", ValueKind.TEXT),
                Column.of("2008", "2008", ValueKind.PERCENT)), List.of(Row.data("Nådde alle", 61L),
                Row.data("Nådde ikke alle", 39L))).withN(64);
        Chart c = new Chart("goals-chart", SECTION, ChartType.BAR, List.of("Nådde alle", "Nådde ikke alle"),
                List.of(new Series("2008", List.of(61, 39))), ValueKind.PERCENT);
        return new Report("Testordningen 2008", language, meta, List.of(new ReportSection(SECTION, List.of(t, c))),
                List.of(), synthetic);
    }

    @Test
    void syntheticDataIsSaidOnTheCoverAndInTheRunningHeader(@TempDir Path temp) throws IOException {
        byte[] pdf = ArchivalAndAccessiblePdfTest.export(report(true, "nb-NO"));
        String[] pages = text(temp, pdf).split("\f");
        assertTrue(pages[0].contains("Syntetiske data"), pages[0]);
        for (int p = 1; p < pages.length; p++) {
            assertTrue(pages[p].contains("Testordningen 2008 – Syntetiske data"), "page " + (p + 1) + ":\n" + pages[p]);
        }
        List<String> paragraphs = StructureTree.read(pdf).all("P").stream().map(Node::text).toList();
        assertTrue(paragraphs.contains("Syntetiske data"), "the mark is text a screen reader reads: " + paragraphs);
        assertTrue(VeraPdf.pdfUa1(pdf).passed());

        String english = text(temp, ArchivalAndAccessiblePdfTest.export(report(true, "en")));
        assertTrue(english.split("\f")[0].contains("Synthetic data"), english);
    }

    @Test
    void aReportOnRealDataCarriesNoSuchMark(@TempDir Path temp) throws IOException {
        assertFalse(text(temp, ArchivalAndAccessiblePdfTest.export(report(false, "nb-NO"))).contains("Syntetisk"));
    }

    @Test
    void aSectionThatIsOneTableShowsItsTitleOnce(@TempDir Path temp) throws IOException {
        byte[] pdf = ArchivalAndAccessiblePdfTest.export(report(false, "nb-NO"));
        String text = text(temp, pdf).replaceAll("\\s+", " ");
        Node doc = StructureTree.read(pdf);
        assertEquals(List.of("Tabell 1.1"), doc.all("H3").stream().map(Node::text).toList());
        assertEquals(List.of("Innhold", "1 " + SECTION), doc.all("H2").stream().map(Node::text).toList());
        assertEquals(1, doc.all("Link").size(), "the contents list the section, not the table again");
        assertTrue(text.contains("Figur 1.1 "), text);
        // The title on the contents page and as the section's heading, nowhere else.
        assertEquals(2, count(text, SECTION), text);
        assertTrue(doc.all("Figure").get(0).alt().contains("Figur 1.1 " + SECTION), "the alt text keeps the title");
    }

    @Test
    void theHeadersOfAWideTableAreNeverBrokenInsideAWord() throws IOException {
        List<Column> columns = new java.util.ArrayList<>(List.of(Column.of("answer", "Måloppnåelse", ValueKind.TEXT)));
        List<Object> row = new java.util.ArrayList<>(List.of("Nådde alle sine målsettinger"));
        for (int year = 2006; year <= 2011; year++) {
            columns.add(Column.of(year + "p", year + " (prosent)", ValueKind.PERCENT));
            columns.add(Column.of(year + "n", year + " (antall rapporter)", ValueKind.COUNT));
            row.add(47L);
            row.add(1234L);
        }
        columns.add(Column.of("all", "Gjennomsnittsprosent", ValueKind.PERCENT));
        row.add(50L);
        Table wide = Table.of("wide", LocalizedText.of("Bred tabell"), columns, List.of(Row.data(row.toArray())));
        Report r = new Report("Bred", "nb-NO", Map.of(), List.of(new ReportSection("Bredt", List.of(wide))),
                List.of());
        byte[] pdf = ArchivalAndAccessiblePdfTest.export(r);
        // Too wide for the page even in the smallest type: the columns go in two groups, each with the label column.
        List<Node> tables = StructureTree.read(pdf).all("Table");
        assertEquals(2, tables.size());
        List<String> headers = new java.util.ArrayList<>();
        for (Node t : tables) {
            List<String> th = t.kids().get(0).kids().stream().map(Node::text).toList();
            assertEquals("Måloppnåelse", th.get(0), "each part repeats the label column");
            headers.addAll(th.subList(1, th.size()));
            assertEquals("Nådde alle sine målsettinger", t.kids().get(1).kids().get(0).text());
        }
        // Header lines are joined with a space where they wrap, so a word cut in two would read "Gjennomsnitts prosent".
        assertEquals(columns.stream().skip(1).map(c -> c.label().in(r.locale())).toList(), headers);
        assertTrue(VeraPdf.pdfUa1(pdf).passed());
        assertTrue(VeraPdf.pdfA2u(pdf).passed());
    }

    private static String text(Path temp, byte[] pdf) throws IOException {
        Path file = Files.createTempFile(temp, "report", ".pdf");
        Files.write(file, pdf);
        return Poppler.text(file);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
