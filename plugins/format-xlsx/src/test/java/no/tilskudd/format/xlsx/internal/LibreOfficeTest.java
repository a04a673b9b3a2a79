package no.tilskudd.format.xlsx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.tilskudd.api.submission.ReadResult;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second spreadsheet program opens what this plugin writes: LibreOffice converts a report and a filled-in template,
 * recalculating every formula on load, and the values come back as written. LibreOffice must be installed; without it
 * this test fails rather than being skipped.
 */
class LibreOfficeTest {

    /** CSV, comma-separated, UTF-8, raw values (not as shown), every sheet to its own file (LibreOffice 7.2+). */
    private static final String CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
    private static final String XLSX = "xlsx:Calc MS Excel 2007 XML";

    @TempDir
    Path temp;
    private Path soffice;
    private Path profile;

    @BeforeEach
    void libreOffice() throws IOException {
        soffice = findOnPath("soffice");
        if (soffice == null) {
            fail("LibreOffice is not installed (no 'soffice' on the PATH). Install it with "
                    + "'apt-get install -y libreoffice-calc-nogui' (CI installs it in .ci/run).");
        }
        // A profile of our own, set to recalculate OOXML formulas on load instead of trusting the cached values.
        profile = temp.resolve("profile");
        Files.createDirectories(profile.resolve("user"));
        Files.writeString(profile.resolve("user/registrymodifications.xcu"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <oor:items xmlns:oor="http://openoffice.org/2001/registry" \
                xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                <item oor:path="/org.openoffice.Office.Calc/Formula/Load">\
                <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
                </oor:items>
                """);
    }

    @Test
    void aReportWorkbookOpensWithItsValuesAndRecalculatedSums() throws Exception {
        Path report = temp.resolve("rapport.xlsx");
        Files.write(report, XlsxReportExporterTest.export(SampleReports.report(List.of(SampleReports.dataTable(50)))));
        // Proof that this profile recalculates: a sum whose cached value is wrong must come back right.
        Path canary = temp.resolve("canary.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet("S");
            s.createRow(0).createCell(0).setCellValue(2);
            s.createRow(1).createCell(0).setCellValue(3);
            XSSFCell sum = s.createRow(2).createCell(0);
            sum.setCellFormula("SUM(A1:A2)");
            sum.setCellValue(999);
            try (var out = Files.newOutputStream(canary)) {
                wb.write(out);
            }
        }
        Path out = temp.resolve("csv");
        convert(CSV, out, canary, report);
        assertEquals(List.of(List.of("2"), List.of("3"), List.of("5")), csv(out.resolve("canary-S.csv")),
                "LibreOffice recalculated on load");

        List<List<String>> table = csv(out.resolve("rapport-Tilskudd og deltakere per.csv"));
        assertEquals(List.of("Region", "Tilskudd", "Barn", "Andel", "År"), table.get(1));
        assertEquals(List.of("Nord", "1250000", "120", "40%", "2016"), table.get(2),
                "a percentage is a fraction LibreOffice shows as one");
        assertEquals(List.of("Sum 2016", "3750000", "420", "100%", "2016"), table.get(4), "recalculated sums");
        assertEquals(List.of("Nord", "1000000", "–", "35%", "2017"), table.get(5));
        assertEquals(List.of("Sum 2017", "3000000", "510", "100%", "2017"), table.get(7));
        List<List<String>> cover = csv(out.resolve("rapport-Forside.csv"));
        assertTrue(cover.stream().anyMatch(r -> r.contains(SampleReports.INJECTION)),
                "the formula-like text is still text: " + cover);
        List<List<String>> data = csv(out.resolve("rapport-Data.csv"));
        assertEquals(51, data.size());
        assertEquals(List.of("2016", "0301", "Kommune 0", "100000", "0", ""), data.get(1));
        assertEquals("@SUM(A1:A2)", data.get(2).get(5));
    }

    @Test
    void aFilledTemplateSavedByLibreOfficeImportsToTheSameSubmission() throws Exception {
        Path template = temp.resolve("mal.xlsx");
        Files.write(template, Example.template(java.util.Optional.empty()));
        Path filled = temp.resolve("utfylt.xlsx");
        Files.write(filled, Example.filled());
        Path csvOut = temp.resolve("csv");
        convert(CSV, csvOut, template);
        List<List<String>> cover = csv(csvOut.resolve("mal-Forside.csv"));
        assertTrue(cover.contains(List.of("Rapporteringsår", "2016", "")) || cover.stream().anyMatch(
                r -> r.size() >= 2 && r.get(0).equals("Rapporteringsår") && r.get(1).equals("2016")), cover.toString());
        List<List<String>> grant = csv(csvOut.resolve("mal-Tilskudd og finansiering.csv"));
        assertEquals("Tildelt tilskudd (kr) *", grant.get(3).get(0));

        Path saved = temp.resolve("lagret");
        convert(XLSX, saved, filled);
        byte[] bytes = Files.readAllBytes(saved.resolve("utfylt.xlsx"));
        ReadResult r = Example.read("utfylt.xlsx", bytes);
        assertEquals(List.of(), r.problems());
        assertEquals(Example.expected(), r.submissions().get(0).submission());
    }

    private void convert(String filter, Path outDir, Path... files) throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        List<String> cmd = new ArrayList<>(List.of(soffice.toString(), "--headless", "--norestore", "--nolockcheck",
                "-env:UserInstallation=" + profile.toUri(), "--convert-to", filter, "--outdir", outDir.toString()));
        for (Path f : files) {
            cmd.add(f.toString());
        }
        Path log = temp.resolve("soffice.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("soffice did not finish in 180 s: " + Files.readString(log));
        }
        String output = Files.readString(log);
        assertEquals(0, p.exitValue(), output);
        try (var listing = Files.list(outDir)) {
            assertTrue(listing.findAny().isPresent(), "soffice wrote nothing: " + output);
        }
    }

    /** A small CSV reader: commas, double quotes, UTF-8. */
    static List<List<String>> csv(Path file) throws IOException {
        assertTrue(Files.exists(file), "no " + file.getFileName() + " among " + listing(file.getParent()));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    private static List<String> listing(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
