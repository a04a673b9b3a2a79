package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Excel plugin from the distribution's deploy/ works inside Felix beside the example scheme: the demo writes an
 * Excel report, a template comes out of the host, is filled in here with POI (the POI inside the plugin jar, on this
 * JVM's class path), and the host validates and imports it, naming the cell of a wrong answer. POI stays private to
 * the bundle and log4j-api stays quiet.
 */
class XlsxInFrameworkTest {

    @TempDir
    Path temp;

    private static Path deployed(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(TestHost.distribution().resolve("deploy"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + prefix + " jar in the distribution"));
        }
    }

    @Test
    void demoTemplateValidateAndImportInsideTheFramework() throws Exception {
        PrintStream realErr = System.err;
        ByteArrayOutputStream errCopy = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new Tee(realErr, errCopy), true, StandardCharsets.UTF_8));
        try (TestHost host = TestHost.start(temp, false, TestHost.exampleJar(), deployed("tilskudd-format-xlsx"))) {
            JsonNode status = host.run("status", "--json").json();
            assertTrue(status.get("failures").isEmpty(), "failures: " + status.get("failures"));
            boolean active = false;
            for (JsonNode b : status.get("bundles")) {
                if (b.get("symbolicName").asText().equals("no.tilskudd.format.xlsx")) {
                    active = b.get("state").asText().equals("ACTIVE");
                }
            }
            assertTrue(active, "the xlsx bundle resolves and starts: " + status.get("bundles"));

            // the demo writes the report in every installed format, now including xlsx
            Path out = temp.resolve("out");
            TestHost.Result demo = host.run("demo", "--out", out.toString());
            assertEquals(0, demo.exit(), demo.out() + demo.err());
            assertFalse(demo.out().contains("Missing report formats: xlsx"), demo.out());
            Path report = out.resolve("example-2016-2017.xlsx");
            assertTrue(Files.exists(report), demo.out());
            try (InputStream in = Files.newInputStream(report); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                assertEquals("Forside", wb.getSheetName(0));
                assertEquals("Tilskudd", wb.getProperties().getCoreProperties().getCreator());
                int tables = 0;
                for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                    tables += wb.getSheetAt(i).getTables().size();
                }
                assertTrue(tables >= 2, "an indicator table and the data tables are Excel tables");
                XSSFSheet data = wb.getSheet("Data");
                assertEquals(28, data.getLastRowNum(), "the 28 demo reports, one row each");
                assertTrue(wb.getSheet("Måloppnåelse i bruk av").getDrawingPatriarch().getCharts().size() == 1,
                        "the indicator's bar chart");
            }

            // a template out of the host, filled in here
            Path template = temp.resolve("T.xlsx");
            TestHost.Result t = host.run("template", "--scheme", "example", "--year", "2016", "--format", "xlsx",
                    "--out", template.toString());
            assertEquals(0, t.exit(), t.out() + t.err());
            Path good = temp.resolve("bodo.xlsx");
            fill(template, good, 2016);
            TestHost.Result valid = host.run("validate", good.toString());
            assertEquals(0, valid.exit(), valid.out() + valid.err());

            Path bad = temp.resolve("feil.xlsx");
            fill(template, bad, 2030);
            TestHost.Result invalid = host.run("validate", "--json", bad.toString());
            assertEquals(1, invalid.exit(), invalid.out() + invalid.err());
            List<String> found = new ArrayList<>();
            for (JsonNode f : invalid.json().get("files").get(0).get("findings")) {
                found.add(f.get("code").asText() + " " + f.get("path").asText() + " @ " + f.get("location").asText());
            }
            assertTrue(found.contains("EXAMPLE_FIRST_FUNDED_AFTER_REPORT measures[0].firstFundedYear @ 'Tiltak'!I5"),
                    found.toString());
            TestHost.Result text = host.run("validate", bad.toString());
            assertTrue(text.out().contains("feil.xlsx:'Tiltak'!I5: measures[0].firstFundedYear"), text.out());

            TestHost.Result imported = host.run("import", good.toString());
            assertEquals(0, imported.exit(), imported.out() + imported.err());
            JsonNode ind = host.run("indicators", "--scheme", "example", "--years", "2016", "--json").json();
            assertTrue(ind.get("submissions").asInt() >= 1, ind.toString());
        } finally {
            System.setErr(realErr);
        }
        String err = errCopy.toString(StandardCharsets.UTF_8);
        assertFalse(err.contains("StatusLogger") || err.contains("Log4j API could not find"),
                "log4j-api inside the plugin stays quiet: " + err);
    }

    /** Types answers the way a case worker would: into the cells next to the questions' labels. */
    private static void fill(Path template, Path target, int firstFundedYear) throws IOException {
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            answer(wb, "Forside", "Kommune-/bydelsnummer *").setCellValue("1804");
            answer(wb, "Tilskudd og finansiering", "Tildelt tilskudd (kr) *").setCellValue(100_000);
            answer(wb, "Måloppnåelse", "Nådde kommunen alle målsettingene for tilskuddet? *")
                    .setCellValue("Nådde alle målsettinger");
            XSSFSheet measures = wb.getSheet("Tiltak");
            Row header = measures.getRow(2);
            Row first = measures.getRow(4);
            assertEquals(1.0, first.getCell(0).getNumericCellValue(), "the first measure row");
            cell(first, header, "Navn på tiltaket *").setCellValue("Leksehjelp");
            cell(first, header, "Kategori *").setCellValue("Individuell støtte");
            cell(first, header, "Antall barn og unge som deltok").setCellValue(12);
            cell(first, header, "Antall familier som deltok").setCellValue(3);
            cell(first, header, "Nytt eller videreført tiltak *").setCellValue("Videreføring");
            cell(first, header, "Hvis videreføring, hvilket år fikk tiltaket støtte første gang?")
                    .setCellValue(firstFundedYear);
            try (OutputStream out = Files.newOutputStream(target)) {
                wb.write(out);
            }
        }
    }

    private static Cell answer(XSSFWorkbook wb, String sheet, String label) {
        for (Row r : wb.getSheet(sheet)) {
            Cell a = r.getCell(0);
            if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals(label)) {
                Cell b = r.getCell(1);
                assertFalse(b.getCellStyle().getLocked(), label + " has an answer cell");
                return b;
            }
        }
        throw new AssertionError("no question '" + label + "' on " + sheet);
    }

    private static Cell cell(Row row, Row header, String label) {
        for (Cell h : header) {
            if (h.getStringCellValue().equals(label)) {
                Cell c = row.getCell(h.getColumnIndex());
                assertFalse(c.getCellStyle().getLocked(), label + " is an answer column");
                return c;
            }
        }
        throw new AssertionError("no column '" + label + "'");
    }

    /** Copies what is written to the real stream. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
