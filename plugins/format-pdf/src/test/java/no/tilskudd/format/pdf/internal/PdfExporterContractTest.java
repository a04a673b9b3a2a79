package no.tilskudd.format.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.SimpleBookmark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock.Chart;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.ReportBlock.Series;
import no.tilskudd.api.report.ReportExporter;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exporter contract, the English words, empty content, and exports running at the same time. */
class PdfExporterContractTest {

    @TempDir
    Path temp;

    @Test
    void isFoundByServiceLoaderAndNamesItsFormat() {
        List<ReportExporter> pdf = ServiceLoader.load(ReportExporter.class).stream().map(ServiceLoader.Provider::get)
                .filter(e -> e.format().equals("pdf")).toList();
        assertEquals(1, pdf.size(), "one pdf exporter on the class path");
        assertEquals("application/pdf", pdf.get(0).mediaType());
        assertEquals("pdf", pdf.get(0).fileExtension());
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new PdfReportExporter().export(TestReports.full("nb-NO"), out);
        assertFalse(closed[0], "the exporter closed the caller's stream");
        byte[] pdf = out.toByteArray();
        assertEquals("%PDF-", new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        String tail = new String(pdf, pdf.length - 8, 8, java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(tail.contains("%%EOF"), "the whole document was flushed: " + tail);
    }

    @Test
    void emptyReportStillGivesAReadableDocument() throws IOException {
        Report empty = new Report("Tom rapport", "nb-NO", Map.of(), List.of(), List.of());
        Path file = write(empty);
        String text = Poppler.text(file);
        assertTrue(text.contains("Tom rapport"), text);
        assertTrue(text.contains("side 1 av 2"), text);
    }

    @Test
    void emptyTablesAndChartsSaySoInsteadOfFailing() throws IOException {
        Table noRows = Table.of("none", LocalizedText.of("Tabell uten rader"), List.of(Table.Column.of("unit",
                "Kommune", ValueKind.TEXT), Table.Column.of("count", "Antall", ValueKind.COUNT)), List.of());
        Chart noCategories = new Chart("c1", "Tom figur", ChartType.BAR, List.of(), List.of(), ValueKind.COUNT);
        Chart allGaps = new Chart("c2", "Kake uten tall", ChartType.PIE, List.of("A", "B"),
                List.of(new Series("S", Arrays.asList(null, null))), ValueKind.COUNT);
        Report r = new Report("Tomt innhold", "nb-NO", Map.of("Ordning", "Test"), List.of(new ReportSection(
                "Ingenting", List.of(noRows, noCategories, allGaps))), List.of());
        String text = Poppler.text(write(r));
        assertTrue(text.contains("Ingen rader."), text);
        assertEquals(2, text.split("Ingen tall å vise\\.", -1).length - 1, text);
    }

    @Test
    void englishReportsGetEnglishWordsAndLanguage() throws IOException {
        Path file = write(TestReports.full("en"));
        String text = Poppler.text(file);
        assertTrue(text.contains("page 1 of "), "footer");
        assertTrue(text.contains("Contents"), "contents heading");
        assertTrue(text.contains("Figure 2.1 Måloppnåelse per år"), "figure caption");
        PdfReader reader = new PdfReader(Files.readAllBytes(file));
        try {
            assertEquals("en", reader.getCatalog().get(PdfName.LANG).toString());
            List<String> outline = new ArrayList<>();
            PdfReportExporterTest.flatten(SimpleBookmark.getBookmarkList(reader), "", outline);
            assertEquals(TestReports.expectedOutline(TestReports.full("en"), "Table"), outline);
        } finally {
            reader.close();
        }
    }

    /**
     * Guards the choice to give each document its own font objects: an OpenPDF font keeps a read position while a
     * document is closed, so exports that share one would corrupt each other.
     */
    @Test
    void exportsRunningAtTheSameTimeDoNotDisturbEachOther() throws Exception {
        Report report = TestReports.full("nb-NO");
        ByteArrayOutputStream alone = new ByteArrayOutputStream();
        new PdfReportExporter().export(report, alone);
        int expectedPages = new PdfReader(alone.toByteArray()).getNumberOfPages();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    new PdfReportExporter().export(report, out);
                    return out.toByteArray();
                }));
            }
            for (Future<byte[]> run : runs) {
                byte[] pdf = run.get();
                PdfReader reader = new PdfReader(pdf);
                assertEquals(expectedPages, reader.getNumberOfPages());
                reader.close();
                Path file = Files.write(temp.resolve("concurrent.pdf"), pdf);
                String text = Poppler.text(file);
                assertTrue(text.contains("Rad 500 Ærøskøbing–Øksnes"), "last row of the long table");
                // Every font must still parse: pdffonts reads each embedded font program.
                for (String[] row : PdfReportExporterTest.pdffontsRows(Poppler.run("pdffonts", file.toString()))) {
                    assertArrayEquals(new String[] {"yes", "yes"}, new String[] {row[3], row[5]});
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Path write(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportExporter().export(report, out);
        Path file = Files.createTempFile(temp, "report", ".pdf");
        Files.write(file, out.toByteArray());
        return file;
    }

}
