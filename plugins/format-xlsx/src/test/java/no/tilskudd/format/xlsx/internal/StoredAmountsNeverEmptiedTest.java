package no.tilskudd.format.xlsx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression (issue 12, item 2): "an amount that was stored is never silently emptied in an export". A number beyond
 * a double's range (a stored {@code 1E+400}) became an empty cell, and one with more digits than Excel keeps (a
 * BigDecimal of 19 digits, a Long past 2^53) was silently rounded. Every stored representation of an amount must come
 * out of a report table, a total row, a key figure and a data sheet with its value: as a number when Excel holds it
 * exactly, else as text digit for digit, with a note that says so.
 */
class StoredAmountsNeverEmptiedTest {

    /** Amounts as they can come out of the store, each with a label. */
    private static final Map<String, BigDecimal> AMOUNTS = new java.util.LinkedHashMap<>();

    static {
        AMOUNTS.put("exponent", new BigDecimal("1E+12"));
        AMOUNTS.put("scale 4", new BigDecimal("1234.5678"));
        AMOUNTS.put("negative zero", new BigDecimal("-0.00"));
        AMOUNTS.put("whole as decimal", new BigDecimal("500000.00"));
        AMOUNTS.put("19 digits", new BigDecimal("12345678901234567.89"));
        AMOUNTS.put("beyond a double", new BigDecimal("1E+400"));
        AMOUNTS.put("tiny", new BigDecimal("1E-400"));
        AMOUNTS.put("long past 2^53", new BigDecimal(9_007_199_254_740_993L));
    }

    /** The exact sum of the amounts: a total row must be the sum of the rows above it. */
    private static final BigDecimal TOTAL = AMOUNTS.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);

    private static XSSFWorkbook wb;

    @BeforeAll
    static void export() throws IOException {
        List<Table.Column> cols = List.of(Table.Column.of("what", "Hva", ValueKind.TEXT),
                Table.Column.of("amount", "Beløp", ValueKind.AMOUNT));
        List<Table.Row> rows = new ArrayList<>();
        List<Table.Row> data = new ArrayList<>();
        AMOUNTS.forEach((label, amount) -> {
            rows.add(Table.Row.data(label, amount));
            // a data sheet holds what the store gave: the long as a Long, the rest as BigDecimal
            data.add(Table.Row.data(label, label.startsWith("long") ? (Object) amount.longValueExact() : amount));
        });
        // a total row under rows that cannot all be summed by a formula
        rows.add(Table.Row.total("Sum", TOTAL));
        Table table = Table.of("amounts", LocalizedText.of("Beløp"), cols, rows).withN(8);
        Table dataTable = Table.of("data-submissions", LocalizedText.of("Rapporter"), cols, data).withN(8);
        Report report = new Report("Store tall", "nb-NO", Map.of(), List.of(new ReportSection("Sammendrag", List.of(
                new ReportBlock.KeyFigures(List.of(new ReportBlock.KeyFigure("Tilskudd i alt",
                        new BigDecimal("1E+400"), ValueKind.AMOUNT))), table))), List.of(dataTable));
        wb = XlsxReportExporterTest.read(XlsxReportExporterTest.export(report));
    }

    /** The value a cell holds, exactly: a numeric cell's double, or the text of a number written as text. */
    private static BigDecimal value(Cell c, String what) {
        assertTrue(c != null && c.getCellType() != CellType.BLANK, what + " is empty");
        if (c.getCellType() == CellType.NUMERIC) {
            return new BigDecimal(c.getNumericCellValue());
        }
        assertEquals(CellType.STRING, c.getCellType(), what);
        return new BigDecimal(c.getStringCellValue());
    }

    private static void assertSame(BigDecimal want, Cell c, String what) {
        BigDecimal have = value(c, what);
        // a numeric cell holds the nearest double, which Excel shows to 15 digits: that must be the stored value
        BigDecimal shown = c.getCellType() == CellType.NUMERIC ? have.round(new java.math.MathContext(15)) : have;
        assertEquals(0, want.compareTo(shown), what + ": stored " + want + ", the cell holds " + have);
    }

    private static Row rowLabelled(XSSFSheet s, String label) {
        for (Row r : s) {
            Cell a = r.getCell(0);
            if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals(label)) {
                return r;
            }
        }
        throw new AssertionError("no row '" + label + "' on " + s.getSheetName());
    }

    @Test
    void everyAmountAppearsInTheReportTable() {
        XSSFSheet s = wb.getSheet("Beløp");
        AMOUNTS.forEach((label, amount) -> assertSame(amount, rowLabelled(s, label).getCell(1), "table: " + label));
        assertEquals(CellType.NUMERIC, rowLabelled(s, "exponent").getCell(1).getCellType(), "1E+12 is a number");
        assertEquals(CellType.NUMERIC, rowLabelled(s, "scale 4").getCell(1).getCellType());
        assertEquals("0.0", String.valueOf(rowLabelled(s, "negative zero").getCell(1).getNumericCellValue()));
        assertEquals("12345678901234567.89", rowLabelled(s, "19 digits").getCell(1).getStringCellValue());
        assertTrue(XlsxReportExporterTest.texts(s).stream().anyMatch(t -> t.startsWith("Tall med flere enn 15 sifre")),
                "the table says why some numbers are text: " + XlsxReportExporterTest.texts(s));
    }

    @Test
    void aTotalOverNumbersWrittenAsTextIsTheStoredTotalNotAFormulaThatSkipsThem() {
        Cell total = rowLabelled(wb.getSheet("Beløp"), "Sum").getCell(1);
        assertNotEquals(CellType.FORMULA, total.getCellType(), "SUM() would leave out the text cells");
        assertSame(TOTAL, total, "total");
    }

    @Test
    void everyAmountAppearsOnTheDataSheet() {
        XSSFSheet s = wb.getSheet("Data");
        AMOUNTS.forEach((label, amount) -> assertSame(amount, rowLabelled(s, label).getCell(1), "data: " + label));
        assertEquals("9007199254740993", rowLabelled(s, "long past 2^53").getCell(1).getStringCellValue());
    }

    @Test
    void aKeyFigureBeyondADoubleAppearsAndTheCoverSaysWhere() {
        XSSFSheet cover = wb.getSheet("Forside");
        assertSame(new BigDecimal("1E+400"), rowLabelled(cover, "Tilskudd i alt").getCell(1), "key figure");
        String note = XlsxReportExporterTest.texts(cover).stream().filter(t -> t.startsWith("Tall som Excel ikke"))
                .findFirst().orElseThrow(() -> new AssertionError(XlsxReportExporterTest.texts(cover)));
        assertTrue(note.contains("Gjelder: Forside, Beløp, Data."), note);
    }

    @Test
    void whatExcelHoldsIsTold() {
        assertTrue(ReportWorkbook.fitsExcel(new BigDecimal("999999999999.99")), "the largest amount the forms allow");
        assertTrue(ReportWorkbook.fitsExcel(new BigDecimal("1E+300")));
        assertTrue(ReportWorkbook.fitsExcel(Double.valueOf(0.1 + 0.2)), "a double is what a cell holds");
        assertTrue(ReportWorkbook.fitsExcel(1_000_000_000_000_000_000L), "one significant digit");
        assertTrue(!ReportWorkbook.fitsExcel(9_007_199_254_740_993L));
        assertTrue(!ReportWorkbook.fitsExcel(Double.NaN));
        assertEquals("NaN", ReportWorkbook.exactText(Double.NaN));
        assertEquals("1E+400", ReportWorkbook.exactText(new BigDecimal("1E+400")));
        assertEquals("1000000000000", ReportWorkbook.exactText(new BigDecimal("1E+12")));
    }
}
