package no.tilskudd.format.xlsx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.submission.RowReader;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A grant register kept in Excel, read as the rows of text the core checks. */
class XlsxRowReaderTest {

    private static byte[] register() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("Tildelinger");
            wb.createSheet("Notater").createRow(0).createCell(0).setCellValue("not read");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            XSSFRow h = sheet.createRow(0);
            String[] header = {"scheme", "year", "orgUnit", "amount", "decisionDate"};
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            XSSFRow r = sheet.createRow(1);
            r.createCell(0).setCellValue("avdir");
            r.createCell(1).setCellValue(2008);
            r.createCell(2).setCellValue("1804");
            r.createCell(3).setCellValue(250000.5);
            r.createCell(4).setCellValue(LocalDate.of(2008, 3, 14));
            r.getCell(4).setCellStyle(date);
            // Row 3 is left empty; row 4 has a formula and an error.
            XSSFRow f = sheet.createRow(3);
            f.createCell(0).setCellValue("unge-utenfor");
            f.createCell(1).setCellFormula("2000+8");
            f.createCell(2).setCellValue("0301");
            f.createCell(3).setCellFormula("1/0");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            sheet.createRow(6).createCell(3).setCellValue("");
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void theFirstSheetIsReadAsTextWithNumbersAndDatesAsTheCoreReadsThem() throws IOException {
        RowReader.Rows rows = new XlsxRowReader().read("grants.xlsx", new ByteArrayInputStream(register()));

        assertEquals(List.of(), rows.problems());
        assertEquals(Optional.of("Tildelinger"), rows.sheet());
        assertEquals(List.of(
                new RowReader.Row(1, List.of("scheme", "year", "orgUnit", "amount", "decisionDate")),
                new RowReader.Row(2, List.of("avdir", "2008", "1804", "250000.5", "2008-03-14")),
                new RowReader.Row(4, List.of("unge-utenfor", "2008", "0301", "#DIV/0!"))), rows.rows());
    }

    @Test
    void aFileThatIsNotAWorkbookIsAProblemNotAnException() throws IOException {
        RowReader.Rows rows = new XlsxRowReader().read("grants.xlsx",
                new ByteArrayInputStream("scheme,year\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), rows.rows());
        assertEquals("XLSX_NOT_A_WORKBOOK", rows.problems().get(0).code());
        assertEquals("XLSX_MACROS", new XlsxRowReader().read("grants.xlsm", new ByteArrayInputStream(register()))
                .problems().get(0).code());
        assertTrue(new XlsxRowReader().canRead("Tildelinger 2008.XLSX"));
    }
}
