package no.tilskudd.format.xlsx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import no.tilskudd.api.submission.ReadProblem;
import no.tilskudd.api.submission.ReadResult;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Workbooks that must be refused: each gives exactly one read problem with its own code and no submission, and
 * read() throws nothing but the I/O failure of the stream itself.
 */
class HostileWorkbookTest {

    private static byte[] filled;

    @BeforeAll
    static void template() throws IOException {
        filled = Example.filled();
    }

    private static ReadProblem refused(String name, byte[] bytes, String code) throws IOException {
        ReadResult r = Example.read(name, bytes);
        assertEquals(List.of(), r.submissions(), "nothing is read from a refused file");
        assertEquals(1, r.problems().size(), r.problems().toString());
        ReadProblem p = r.problems().get(0);
        assertEquals(code, p.code(), p.message());
        assertEquals(name, p.position().file());
        return p;
    }

    @Test
    void zipBombByUnpackedSize() throws IOException {
        byte[] zeros = new byte[40 << 20];
        byte[] bomb = rezip(filled, e -> e, Map.of("docProps/custom.xml", zeros));
        assertTrue(bomb.length < 1 << 20, "40 MB of zeros packs small: " + bomb.length);
        assertTrue(refused("bomb.xlsx", bomb, "XLSX_ZIP_BOMB").message().contains("32 MB"));
    }

    @Test
    void zipBombByRatio() throws IOException {
        byte[] zeros = new byte[4 << 20];
        ReadProblem p = refused("ratio.xlsx", rezip(filled, e -> e, Map.of("docProps/custom.xml", zeros)),
                "XLSX_ZIP_BOMB");
        assertTrue(p.message().contains("times smaller"), p.message());
    }

    @Test
    void hugeSheet() throws IOException {
        byte[] big;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
            XSSFSheet s = wb.getSheet(Example.MEASURES);
            for (int r = 100; r < 6_100; r++) {
                s.createRow(r).createCell(1).setCellValue("x");
            }
            big = bytes(wb);
        }
        ReadProblem p = refused("huge.xlsx", big, "XLSX_TOO_MANY_ROWS");
        assertEquals("'Tiltak'!A5001", p.position().location());
        assertTrue(p.message().contains("'Tiltak' has more than 5000 rows (row 5001 is past the limit)"), p.message());
    }

    @Test
    void macroEnabledByName() throws IOException {
        refused("makro.xlsm", filled, "XLSX_MACROS");
    }

    @Test
    void macroProjectInside() throws IOException {
        refused("makro.xlsx", rezip(filled, e -> e, Map.of("xl/vbaProject.bin", new byte[] {1, 2, 3})),
                "XLSX_MACROS");
    }

    @Test
    void macroEnabledContentType() throws IOException {
        byte[] types = rezip(filled, e -> e.name.equals("[Content_Types].xml") ? e.replace(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "application/vnd.ms-excel.sheet.macroEnabled.main+xml") : e, Map.of());
        refused("makro.xlsx", types, "XLSX_MACROS");
    }

    @Test
    void externalLinkPart() throws IOException {
        refused("lenke.xlsx", rezip(filled, e -> e, Map.of("xl/externalLinks/externalLink1.xml",
                "<externalLink/>".getBytes(StandardCharsets.UTF_8))), "XLSX_EXTERNAL_LINKS");
    }

    @Test
    void externalRelationship() throws IOException {
        byte[] linked = rezip(filled, e -> e.name.equals("xl/_rels/workbook.xml.rels") ? e.replace("</Relationships>",
                "<Relationship Id=\"rIdX\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                        + "relationships/externalLinkPath\" Target=\"file:///etc/passwd\" TargetMode=\"External\"/>"
                        + "</Relationships>") : e, Map.of());
        ReadProblem p = refused("lenke.xlsx", linked, "XLSX_EXTERNAL_LINKS");
        assertTrue(p.message().contains("file:///etc/passwd"), p.message());
    }

    @Test
    void truncatedZip() throws IOException {
        refused("halv.xlsx", Arrays.copyOf(filled, filled.length / 2), "XLSX_BROKEN");
    }

    @Test
    void notAZipAtAll() throws IOException {
        ReadProblem p = refused("tekst.xlsx", "kommune;beløp\n0301;1000\n".getBytes(StandardCharsets.UTF_8),
                "XLSX_NOT_A_WORKBOOK");
        assertTrue(p.message().contains("not an Excel workbook"), p.message());
        refused("pdf.xlsx", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1), "XLSX_NOT_A_WORKBOOK");
        refused("tom.xlsx", new byte[0], "XLSX_EMPTY");
    }

    @Test
    void aWordDocumentRenamed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("word/document.xml"));
            z.write("<document/>".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(refused("brev.xlsx", out.toByteArray(), "XLSX_NOT_A_WORKBOOK").message().contains("Word"));
    }

    @Test
    void oldBinaryWorkbook() throws IOException {
        byte[] xls;
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            wb.createSheet("Ark1");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            xls = out.toByteArray();
        }
        assertTrue(refused("gammel.xlsx", xls, "XLSX_OLD_OR_ENCRYPTED").message().contains(".xls"));
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        byte[] xxe = rezip(filled, e -> e.name.equals("xl/workbook.xml") ? e.replace("<workbook ",
                "<!DOCTYPE workbook [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><workbook ") : e, Map.of());
        ReadProblem p = refused("xxe.xlsx", xxe, "XLSX_UNREADABLE");
        assertTrue(!p.message().contains("root:"), p.message());
    }

    @Test
    void tooLargeAFile() throws IOException {
        byte[] big = new byte[(int) TemplateReader.MAX_FILE_BYTES + 1];
        big[0] = 'P';
        big[1] = 'K';
        refused("stor.xlsx", big, "XLSX_TOO_LARGE");
    }

    @Test
    void aWorkbookThatIsNotATemplate() throws IOException {
        byte[] plain;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Ark1").createRow(0).createCell(0).setCellValue("hei");
            plain = bytes(wb);
        }
        assertTrue(refused("ark.xlsx", plain, "XLSX_NOT_A_TEMPLATE").message().contains("the sheets [Ark1]"));
        byte[] report = XlsxReportExporterTest.export(SampleReports.report(List.of()));
        assertTrue(refused("rapport.xlsx", report, "XLSX_NOT_A_TEMPLATE").message()
                .contains("a Tilskudd report workbook"));
    }

    @Test
    void aTemplateForAnotherSchemeYearOrFormVersion() throws IOException {
        assertTrue(refused("annen.xlsx", withMeta("scheme", "bufdir"), "TEMPLATE_SCHEME_UNKNOWN").message()
                .contains("'bufdir'"));
        assertTrue(refused("annen.xlsx", withMeta("formVersion", "2008"), "TEMPLATE_FORM_UNKNOWN").message()
                .contains("form version 2008"));
        assertTrue(refused("annen.xlsx", withMeta("year", "2019"), "TEMPLATE_YEAR").message().contains("2016–2017"));
        refused("annen.xlsx", withMeta("fingerprint", "0123456789abcdef"), "TEMPLATE_FORM_CHANGED");
        refused("annen.xlsx", withMeta("layout", "7"), "TEMPLATE_VERSION");
    }

    @Test
    void aRenamedSheetIsNamed() throws IOException {
        byte[] renamed;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
            wb.setSheetName(wb.getSheetIndex(Example.MEASURES), "Mine tiltak");
            renamed = bytes(wb);
        }
        assertTrue(refused("navn.xlsx", renamed, "TEMPLATE_SHEET_MISSING").message().contains("'Tiltak'"));
    }

    @Test
    void rowsBelowTheTemplateAreReportedNotLost() throws IOException {
        byte[] more;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
            wb.getSheet(Example.MEASURES).createRow(60).createCell(1).setCellValue("Et tiltak for mye");
            more = bytes(wb);
        }
        ReadResult r = Example.read("flere.xlsx", more);
        assertEquals(1, r.problems().size());
        assertEquals("TEMPLATE_ROW_OUTSIDE", r.problems().get(0).code());
        assertEquals("'Tiltak'!B61", r.problems().get(0).position().location());
    }

    @Test
    void onlyAFailingStreamThrows() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk gone");
            }
        };
        IOException e = assertThrows(IOException.class, () -> new XlsxSubmissionImporter().read("x.xlsx", broken,
                id -> Optional.empty()));
        assertEquals("disk gone", e.getMessage());
    }

    // ------------------------------------------------------------------ helpers

    private static byte[] withMeta(String key, String value) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
            XSSFSheet meta = wb.getSheet("_tilskudd");
            meta.forEach(r -> {
                if (r.getCell(0).getStringCellValue().equals(key)) {
                    r.getCell(1).setCellValue(value);
                }
            });
            return bytes(wb);
        }
    }

    static byte[] bytes(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    /** One zip entry, as text where it is XML. */
    record Entry(String name, byte[] data) {
        Entry replace(String from, String to) {
            String s = new String(data, StandardCharsets.UTF_8);
            if (!s.contains(from)) {
                throw new AssertionError(name + " has no " + from);
            }
            return new Entry(name, s.replace(from, to).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Copies a zip, changing entries and adding some, as a hostile sender would. */
    static byte[] rezip(byte[] zip, UnaryOperator<Entry> change, Map<String, byte[]> add) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                Entry changed = change.apply(new Entry(e.getName(), in.readAllBytes()));
                out.put(changed.name(), changed.data());
            }
        }
        out.putAll(add);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.setLevel(9);
            for (Map.Entry<String, byte[]> e : out.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
