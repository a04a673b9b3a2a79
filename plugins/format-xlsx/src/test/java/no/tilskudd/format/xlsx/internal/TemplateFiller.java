package no.tilskudd.format.xlsx.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Fills in a template the way a person does, by finding questions by their labels and group columns by their
 * headers, and typing into the answer cells only (it fails on a locked cell). It knows nothing of the layout code.
 */
final class TemplateFiller implements AutoCloseable {

    final XSSFWorkbook wb;

    TemplateFiller(byte[] template) throws IOException {
        wb = new XSSFWorkbook(new ByteArrayInputStream(template));
    }

    /** The answer cell of a question: column B of the row whose label (column A) is the label, starred or not. */
    Cell answer(String sheet, String label) {
        XSSFSheet s = sheet(sheet);
        for (Row r : s) {
            Cell a = r.getCell(0);
            if (a != null && a.getCellType() == CellType.STRING) {
                String t = a.getStringCellValue();
                if (t.equals(label) || t.equals(label + " *") || t.equals("   • " + label)) {
                    return input(r.getCell(1), sheet + "/" + label);
                }
            }
        }
        throw new AssertionError("no question '" + label + "' on sheet " + sheet);
    }

    /** The answer cell of a group row (1-based, as numbered in column A) under the column headed by the label. */
    Cell groupCell(String sheet, int number, String header) {
        XSSFSheet s = sheet(sheet);
        int col = -1;
        Row dataRow = null;
        for (Row r : s) {
            Cell a = r.getCell(0);
            if (a == null) {
                continue;
            }
            if (a.getCellType() == CellType.STRING && a.getStringCellValue().equals("Nr.")) {
                for (Cell c : r) {
                    if (c.getCellType() == CellType.STRING && (c.getStringCellValue().equals(header)
                            || c.getStringCellValue().equals(header + " *"))) {
                        col = c.getColumnIndex();
                    }
                }
            }
            if (a.getCellType() == CellType.NUMERIC && a.getNumericCellValue() == number) {
                dataRow = r;
            }
        }
        if (col < 0 || dataRow == null) {
            throw new AssertionError("no column '" + header + "' or row " + number + " on sheet " + sheet);
        }
        Cell c = dataRow.getCell(col);
        return input(c == null ? dataRow.createCell(col) : c, sheet + "/" + header + "/" + number);
    }

    private static Cell input(Cell c, String what) {
        if (c == null || c.getCellStyle().getLocked()) {
            throw new AssertionError("the answer cell for " + what + " is locked or missing");
        }
        return c;
    }

    private XSSFSheet sheet(String name) {
        XSSFSheet s = wb.getSheet(name);
        if (s == null) {
            throw new AssertionError("no sheet " + name);
        }
        return s;
    }

    TemplateFiller set(String sheet, String label, Object value) {
        put(answer(sheet, label), value);
        return this;
    }

    TemplateFiller row(String sheet, int number, String header, Object value) {
        put(groupCell(sheet, number, header), value);
        return this;
    }

    /** Types a value: numbers as numbers, dates as date cells, text as text. */
    void put(Cell c, Object value) {
        if (value instanceof Number n) {
            c.setCellValue(n.doubleValue());
        } else if (value instanceof LocalDate d) {
            c.setCellValue(d);
            XSSFCellStyle st = wb.createCellStyle();
            st.cloneStyleFrom(c.getCellStyle());
            st.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            c.setCellStyle(st);
        } else if (value == null) {
            c.setBlank();
        } else {
            c.setCellValue(String.valueOf(value));
        }
    }

    byte[] bytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        wb.close();
    }
}
