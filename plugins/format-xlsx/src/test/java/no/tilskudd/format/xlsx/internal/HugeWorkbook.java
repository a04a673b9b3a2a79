package no.tilskudd.format.xlsx.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The filled-in example template with a great many rows pasted under its measures table, as a careless analyst (or
 * an attacker) sends it: every other protection passes (no macros, no links, no zip bomb, under the size limit), only
 * the row count is absurd. SXSSF streams the rows to disk, so even 260,000 rows take a second or two to write.
 */
final class HugeWorkbook {

    private HugeWorkbook() {
    }

    /**
     * Writes the workbook.
     *
     * @param file   where
     * @param rows   rows to add under the template's measures table
     * @param shared whether the texts go to the shared strings table (as Excel writes them) or inline
     */
    static Path write(Path file, int rows, boolean shared) throws IOException {
        try (XSSFWorkbook template = new XSSFWorkbook(new ByteArrayInputStream(Example.filled()));
                SXSSFWorkbook wb = new SXSSFWorkbook(template, 200, false, shared)) {
            SXSSFSheet s = wb.getSheet(Example.MEASURES);
            int first = template.getSheet(Example.MEASURES).getLastRowNum() + 1;
            for (int r = first; r < first + rows; r++) {
                Row row = s.createRow(r);
                row.createCell(0).setCellValue(r - 3);
                row.createCell(1).setCellValue("Tiltak " + r);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.dispose();
        }
        return file;
    }
}
