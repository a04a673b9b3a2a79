package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grant register kept in Excel, imported in the framework: the core finds the xlsx plugin's row reader as a service,
 * and a finding names the cell. Without the plugin the file is refused with the formats that are readable.
 */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class GrantRegisterXlsxInFrameworkTest {

    @TempDir
    Path temp;

    /** Municipality codes typed as numbers, as Excel keeps them: 1804 survives, 0301 becomes 301. */
    private static Path register(Path file, double secondUnit) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = wb.createSheet("Tildelinger");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            String[] header = {"scheme", "year", "orgUnit", "amount", "decisionDate"};
            XSSFRow h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            double[] units = {1804, secondUnit};
            for (int r = 0; r < units.length; r++) {
                XSSFRow row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue("example");
                row.createCell(1).setCellValue(2016);
                row.createCell(2).setCellValue(units[r]);
                row.createCell(3).setCellValue(2500.5);
                row.createCell(4).setCellValue(LocalDate.of(2016, 3, 1));
                row.getCell(4).setCellStyle(date);
            }
            wb.write(out);
        }
        return file;
    }

    @Test
    void aWorkbookIsReadThroughTheXlsxPluginAndItsFindingsNameTheCell() throws Exception {
        try (TestHost host = TestHost.start(temp, false, TestHost.exampleJar(), WebHost.plugin("tilskudd-format-xlsx"))) {
            TestHost.Result bad = host.run("grants", "import", register(temp.resolve("bad.xlsx"), 301).toString());
            assertEquals(1, bad.exit(), bad.out() + bad.err());
            assertTrue(bad.out().contains("bad.xlsx:'Tildelinger'!C3: orgUnit: UNKNOWN_ORG_UNIT"), bad.out());
            assertTrue(bad.out().contains("0301"), "the code meant is named: " + bad.out());

            TestHost.Result good = host.run("grants", "import", register(temp.resolve("good.xlsx"), 1103).toString());
            assertEquals(0, good.exit(), good.out() + good.err());
            JsonNode grants = host.run("grants", "list", "--json").json();
            assertEquals(2, grants.get("count").asInt(), grants.toString());
            JsonNode first = grants.get("grants").get(0);
            assertEquals("1103", first.get("orgUnit").asText());
            assertEquals("2016-03-01", first.get("decisionDate").asText());
            assertEquals("2500.5", first.get("amount").asText());
        }
    }

    @Test
    void withoutTheXlsxPluginAWorkbookIsRefusedNamingWhatIsReadable() throws Exception {
        try (TestHost host = TestHost.start(temp, false, TestHost.exampleJar())) {
            TestHost.Result r = host.run("grants", "import", register(temp.resolve("g.xlsx"), 1103).toString());
            assertEquals(1, r.exit(), r.out() + r.err());
            assertTrue((r.out() + r.err()).contains("readable: [csv]"), r.out() + r.err());
        }
    }
}
