package no.tilskudd.format.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.format.pdf.internal.StructureTree.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The structure tree holds the report itself, not just a tree that passes a validator (veraPDF passes a file whose
 * content is all artifacts): read back with OpenPDF's reader, the headings are there in order, every table has its
 * header cells with a scope and its data cells, and a table's numbers are the text of its TD elements.
 */
class TaggedStructureTest {

    static Report report;
    static Node root;
    static Node document;

    @BeforeAll
    static void read() throws IOException {
        report = TestReports.full("nb-NO");
        root = StructureTree.read(ArchivalAndAccessiblePdfTest.export(report));
        assertEquals(1, root.kids().size(), "one Document element under the root");
        document = root.kids().get(0);
    }

    @Test
    void theRootIsADocumentWithTheTitleAsTheOneH1() {
        assertEquals("Document", document.type());
        List<Node> h1 = document.all("H1");
        assertEquals(1, h1.size());
        assertEquals(TestReports.TITLE, h1.get(0).text());
        assertEquals("H1", document.kids().get(0).type(), "the title comes first");
    }

    @Test
    void everySectionTitleIsAnH2OnceAndEveryTableCaptionAnH3() {
        List<String> h2 = document.all("H2").stream().map(Node::text).toList();
        List<String> expected = new ArrayList<>(List.of("Innhold"));
        List<String> captions = new ArrayList<>();
        int s = 0;
        for (ReportSection section : report.sections()) {
            s++;
            expected.add(s + " " + section.title());
            int t = 0;
            for (ReportBlock b : section.blocks()) {
                if (b instanceof Table table) {
                    captions.add("Tabell " + s + "." + (++t) + " " + table.title().in(report.locale()));
                }
            }
        }
        assertEquals(expected, h2);
        assertEquals(captions, document.all("H3").stream().map(Node::text).toList());
        for (Node sect : document.all("Sect")) {
            assertEquals("H2", sect.kids().get(0).type(), "a section starts with its heading");
        }
    }

    @Test
    void everyTableHasScopedHeaderCellsAndDataCells() {
        List<Node> tables = document.all("Table");
        assertEquals(3, tables.size(), "the cover's facts and the two tables of the report");
        for (Node table : tables) {
            List<Node> th = table.all("TH");
            List<Node> td = table.all("TD");
            assertFalse(th.isEmpty(), "no TH in " + table.fullText().substring(0, 80));
            assertFalse(td.isEmpty(), "no TD in " + table.fullText().substring(0, 80));
            for (Node h : th) {
                assertTrue(List.of("Column", "Row").contains(h.scope()), "TH without scope: " + h.text());
            }
            for (Node row : table.kids()) {
                assertEquals("TR", row.type());
            }
        }
    }

    @Test
    void theNumbersOfATableAreItsDataCellsText() {
        Node goals = table("Måloppnåelse");
        List<Node> rows = goals.kids();
        assertEquals(4, rows.size(), "header and three rows");
        assertEquals(List.of("Måloppnåelse", "2016", "2017"), texts(rows.get(0).kids()));
        assertTrue(rows.get(0).kids().stream().allMatch(c -> c.type().equals("TH") && "Column".equals(c.scope())));
        Node first = rows.get(1);
        assertEquals("TH", first.kids().get(0).type(), "the row label heads its row");
        assertEquals("Row", first.kids().get(0).scope());
        assertEquals(List.of("Nådde alle sine målsettinger", "61\u00A0%", "58\u00A0%"), texts(first.kids()));
        assertEquals("TD", first.kids().get(1).type());
        assertEquals(List.of("Nådde ikke alle målsettinger", "39\u00A0%", "–"), texts(rows.get(2).kids()));

        Node large = table("Kommune");
        // The header row is in the structure once, however many pages repeat it.
        assertEquals(1 + TestReports.LONG_ROWS + 1, large.kids().size(), "header, 500 rows and the total");
        assertEquals(1, large.all(n -> n.type().equals("TH") && n.text().equals("Kommune")).size());
        List<String> row = texts(large.kids().get(1).kids());
        assertEquals(List.of(TestReports.rowLabel(0), "5", "10\u00A0000\u00A0kr", "30,5\u00A0%", "0,25"), row);
        List<String> last = texts(large.kids().get(TestReports.LONG_ROWS).kids());
        assertEquals(TestReports.rowLabel(TestReports.LONG_ROWS - 1), last.get(0), "the last row, pages later");
    }

    @Test
    void notesKeyFiguresContentsAndChartsAreTagged() {
        List<String> paragraphs = document.all("P").stream().map(Node::text).toList();
        assertTrue(paragraphs.contains("N = 128"), paragraphs.toString());
        assertTrue(paragraphs.contains(TestReports.HIDDEN_NOTE), paragraphs.toString());
        assertTrue(paragraphs.contains("Tabellen under går over flere sider."), paragraphs.toString());

        List<Node> items = document.all("LI");
        assertEquals(3, items.size(), "one list item per key figure");
        assertEquals("12\u00A0345\u00A0678\u00A0kr Tilskudd i alt", items.get(1).fullText());

        List<Node> links = document.all("Link");
        assertEquals(6, links.size(), "four sections and two tables in the contents");
        for (Node link : links) {
            assertTrue(link.linksAnnot(), "the Link element holds its annotation: " + link.text());
        }
        assertTrue(links.get(0).text().startsWith("1 Sammendrag for Ærøy og Østfold"), links.get(0).text());

        List<Node> figures = document.all("Figure");
        assertEquals(4, figures.size());
        String alt = figures.get(0).alt();
        assertNotNull(alt);
        assertTrue(alt.startsWith("Stolpediagram: Figur 2.1 Måloppnåelse per år"), alt);
        assertTrue(alt.contains("Nådde alle sine målsettinger: 2016 61\u00A0%, 2017 58\u00A0%"), alt);
        assertTrue(alt.contains("2017 ikke vist"), alt);
    }

    @Test
    void runningHeadersAndPageNumbersAreNotInTheStructure() {
        String all = document.fullText();
        assertFalse(all.contains("side 1 av"), "page numbers are artifacts");
        assertEquals(1, count(all, TestReports.TITLE), "the title once, not on every page");
    }

    private static Node table(String firstHeader) {
        for (Node t : document.all("Table")) {
            if (!t.kids().isEmpty() && !t.kids().get(0).kids().isEmpty()
                    && t.kids().get(0).kids().get(0).text().equals(firstHeader)) {
                return t;
            }
        }
        throw new AssertionError("no table headed " + firstHeader);
    }

    private static List<String> texts(List<Node> cells) {
        return cells.stream().map(Node::text).toList();
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
