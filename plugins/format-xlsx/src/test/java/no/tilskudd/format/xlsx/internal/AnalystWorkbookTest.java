package no.tilskudd.format.xlsx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A workbook an analyst can compute with, read back with POI: percentages are fractions, counts are numbers (the
 * cover's too), value axes start at 0, charts carry their numbers as alternative text, header rows are marked for
 * screen readers, and sheet names end on whole words.
 */
class AnalystWorkbookTest {

    private static XSSFWorkbook wb;
    private static final DataFormatter FORMAT = new DataFormatter(java.util.Locale.ROOT);

    @BeforeAll
    static void export() throws IOException {
        wb = XlsxReportExporterTest.read(XlsxReportExporterTest.export(withCounts(SampleReports.report(
                List.of(SampleReports.dataTable(5))))));
    }

    /** The sample report with a count on its cover, as the engine writes one ("Antall rapporter (N)"). */
    private static Report withCounts(Report r) {
        Map<String, String> meta = new LinkedHashMap<>(r.metadata());
        meta.put("Antall rapporter (N)", "249");
        List<ReportSection> sections = new ArrayList<>(r.sections());
        sections.add(new ReportSection("Andeler", List.of(Table.of("fine", no.tilskudd.api.form.LocalizedText.of(
                "Andel med desimal"), List.of(Table.Column.of("what", "Hva", ValueKind.TEXT),
                        Table.Column.of("share", "Andel", ValueKind.PERCENT)),
                List.of(Table.Row.data("Halvparten og litt", new java.math.BigDecimal("50.5")))))));
        return new Report(r.title(), r.language(), meta, sections, r.data());
    }

    @Test
    void aPercentageIsItsFractionShownWithAPercentSign() {
        XSSFSheet goal = wb.getSheet("Måloppnåelse i bruk av");
        Cell c = goal.getRow(2).getCell(1);
        assertEquals(0.25, c.getNumericCellValue(), 1e-12);
        assertEquals("25 %", FORMAT.formatCellValue(c));
        Cell fine = wb.getSheet("Andel med desimal").getRow(2).getCell(1);
        assertEquals(0.505, fine.getNumericCellValue(), 1e-12);
        assertEquals("50.5 %", FORMAT.formatCellValue(fine));
    }

    @Test
    void aFormulaOverPercentagesComputesWithFractions() {
        XSSFSheet goal = wb.getSheet("Måloppnåelse i bruk av");
        Cell spare = goal.getRow(2).createCell(10);
        spare.setCellFormula("B3+B4");
        XSSFFormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
        assertEquals(1.0, ev.evaluate(spare).getNumberValue(), 1e-12, "25 % + 75 % is a whole");
    }

    @Test
    void theCoversCountIsANumber() {
        Cell count = null;
        for (Row r : wb.getSheet("Forside")) {
            if (r.getCell(0) != null && r.getCell(0).getCellType() == CellType.STRING
                    && r.getCell(0).getStringCellValue().equals("Antall rapporter (N)")) {
                count = r.getCell(1);
            }
        }
        assertNotNull(count);
        assertEquals(CellType.NUMERIC, count.getCellType());
        assertEquals(249.0, count.getNumericCellValue());
    }

    @Test
    void valueAxesStartAtZeroAndPercentAxesShowPercent() {
        XSSFChart chart = wb.getSheet("Måloppnåelse i bruk av").getDrawingPatriarch().getCharts().get(0);
        var axis = chart.getCTChart().getPlotArea().getValAxArray(0);
        assertTrue(axis.getScaling().isSetMin(), "an explicit minimum");
        assertEquals(0.0, axis.getScaling().getMin().getVal());
        assertEquals("0\\ %", axis.getNumFmt().getFormatCode());
    }

    /** The alternative texts of a sheet's drawn charts, as a reader of the file finds them. */
    private static List<String> chartDescriptions(XSSFSheet sheet) {
        List<String> out = new ArrayList<>();
        var drawing = sheet.getDrawingPatriarch();
        if (drawing != null) {
            for (var anchor : drawing.getCTDrawing().getTwoCellAnchorList()) {
                if (anchor.isSetGraphicFrame()) {
                    out.add(anchor.getGraphicFrame().getNvGraphicFramePr().getCNvPr().getDescr());
                }
            }
        }
        return out;
    }

    @Test
    void everyChartHasItsNumbersAsAlternativeText() {
        int charts = 0;
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            for (String descr : chartDescriptions(wb.getSheetAt(i))) {
                assertNotNull(descr, wb.getSheetName(i));
                assertTrue(descr.startsWith("Diagram: "), descr);
                charts++;
            }
        }
        assertTrue(charts >= 3, "the sample has bar, stacked, line and pie charts: " + charts);
        String descr = chartDescriptions(wb.getSheet("Måloppnåelse i bruk av")).get(0);
        assertTrue(descr.contains("2016: Nådde alle sine målsettinger 25 %, Nådde ikke alle målsettinger 75 %"),
                descr);
    }

    @Test
    void headerRowsAreNamedForScreenReadersAndRepeatOnPrint() {
        XSSFSheet goal = wb.getSheet("Måloppnåelse i bruk av");
        int index = wb.getSheetIndex(goal);
        Name title = wb.getAllNames().stream()
                .filter(n -> n.getNameName().equals("ColumnTitle") && n.getSheetIndex() == index).findFirst()
                .orElseThrow(() -> new AssertionError("no ColumnTitle name on " + goal.getSheetName()));
        assertEquals("'Måloppnåelse i bruk av'!$A$2", title.getRefersToFormula());
        assertEquals("2:2", goal.getRepeatingRows().formatAsString());
        assertTrue(wb.getAllNames().stream().anyMatch(n -> n.getNameName().equals("ColumnTitle")
                && n.getSheetIndex() == wb.getSheetIndex("Data")), "the data sheet too");
    }

    @Test
    void sheetNamesEndOnAWholeWord() {
        assertEquals("Tilskudd og deltakere per", SheetNames.cut("Tilskudd og deltakere per region og fylke", 31));
        assertEquals("Antall barn og unge som deltok", SheetNames.cut("Antall barn og unge som deltok, etter kategori", 31),
                "the comma after the last whole word goes");
        assertEquals("Måloppnåelse", SheetNames.cut("Måloppnåelse – tilskuddsmidlenesbruksomfangsvurdering", 31),
                "a dangling dash goes with the half word");
        assertEquals(31, SheetNames.cut("Tilskuddsmidlenesbruksomfangsvurderingene", 31).length(),
                "only one long word is cut inside");
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            assertFalse(wb.getSheetName(i).endsWith("per reg"), wb.getSheetName(i));
        }
    }
}
