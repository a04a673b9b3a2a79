package no.tilskudd.format.xlsx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Writes sample reports and reads the workbooks back with POI. */
class XlsxReportExporterTest {

    private static XSSFWorkbook wb;
    private static final DataFormatter FORMAT = new DataFormatter(java.util.Locale.ROOT);

    @BeforeAll
    static void export() throws IOException {
        wb = read(export(SampleReports.report(List.of(SampleReports.dataTable(50)))));
    }

    static byte[] export(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxReportExporter().export(report, out);
        return out.toByteArray();
    }

    static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    @Test
    void identifiesItsFormat() {
        XlsxReportExporter e = new XlsxReportExporter();
        assertEquals("xlsx", e.format());
        assertEquals("xlsx", e.fileExtension());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", e.mediaType());
    }

    @Test
    void hasACoverATableSheetPerTableAndTheDataSheet() {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        assertEquals(List.of("Forside", "Måloppnåelse i bruk av", "Tilskudd og deltakere per", "Måloppnåelse",
                "Data"), names);
        for (String n : names) {
            assertTrue(n.length() <= 31 && n.chars().noneMatch(c -> "[]:*?/\\".indexOf(c) >= 0), n);
        }
        XSSFSheet cover = wb.getSheet("Forside");
        assertEquals("Eksempelordningen 2016–2017", cover.getRow(0).getCell(0).getStringCellValue());
        List<String> coverText = texts(cover);
        assertTrue(coverText.contains("Ordning"), coverText.toString());
        assertTrue(coverText.contains("Eksempelordningen: tilskudd til fritidstiltak for barn"));
        assertTrue(coverText.contains("Rapporteringsår") && coverText.contains("2016–2017"));
        assertTrue(coverText.contains("Personvern"));
        assertTrue(coverText.stream().anyMatch(t -> t.startsWith("– betyr at tallet er skjult av personvernhensyn")
                && t.contains("lavere enn 5") && t.contains("Tilskudd og deltakere per")), coverText.toString());
        assertTrue(coverText.contains("Innhold") && coverText.contains("Data"), coverText.toString());
    }

    @Test
    void everyMetadataEntryIsOnTheCover() {
        List<String> coverText = texts(wb.getSheet("Forside"));
        SampleReports.report(List.of()).metadata().forEach((k, v) -> {
            assertTrue(coverText.contains(k), k);
            assertTrue(coverText.contains(v), v);
        });
    }

    @Test
    void tableSheetsHaveABoldFrozenHeaderAnExcelTableWithAutofilterAndFittedWidths() {
        XSSFSheet s = wb.getSheet("Tilskudd og deltakere per");
        Row header = s.getRow(1);
        assertEquals("Region", header.getCell(0).getStringCellValue());
        assertTrue(wb.getFontAt(header.getCell(1).getCellStyle().getFontIndex()).getBold(), "bold header");
        PaneInformation pane = s.getPaneInformation();
        assertNotNull(pane, "frozen pane");
        assertTrue(pane.isFreezePane());
        assertEquals(2, pane.getHorizontalSplitPosition(), "title and header rows frozen");
        assertEquals(1, s.getTables().size());
        XSSFTable table = s.getTables().get(0);
        assertEquals("A2:E7", table.getCTTable().getRef(), "header + rows above the last total");
        assertTrue(table.getCTTable().isSetAutoFilter(), "autofilter");
        assertEquals(List.of("Region", "Tilskudd", "Barn", "Andel", "År"),
                table.getColumns().stream().map(c -> c.getName()).toList());
        assertTrue(s.getColumnWidth(0) >= 10 * 256 && s.getColumnWidth(0) <= 60 * 256);
        assertTrue(s.getColumnWidth(1) > s.getColumnWidth(4), "amounts are wider than years");
        Set<String> tableNames = new HashSet<>();
        wb.forEach(sheet -> ((XSSFSheet) sheet).getTables().forEach(t -> assertTrue(tableNames.add(t.getName()))));
        assertEquals(3, tableNames.size(), "two report tables and one data table");
    }

    @Test
    void numbersAreFormattedByKind() {
        XSSFSheet s = wb.getSheet("Tilskudd og deltakere per");
        Row nord = s.getRow(2);
        assertEquals("#,##0\\ \"kr\"", nord.getCell(1).getCellStyle().getDataFormatString());
        assertEquals("1,250,000 kr", FORMAT.formatCellValue(nord.getCell(1)));
        assertEquals("120", FORMAT.formatCellValue(nord.getCell(2)));
        assertEquals("40 %", FORMAT.formatCellValue(nord.getCell(3)));
        assertEquals(0.4, nord.getCell(3).getNumericCellValue(), 1e-12, "a percentage is stored as its fraction");
        assertEquals("2016", FORMAT.formatCellValue(nord.getCell(4)), "years without separator");
        assertEquals(CellType.NUMERIC, s.getRow(3).getCell(1).getCellType(), "a BigDecimal amount is a number");
        XSSFSheet goal = wb.getSheet("Måloppnåelse i bruk av");
        assertEquals("25 %", FORMAT.formatCellValue(goal.getRow(2).getCell(1)));
        assertEquals("N", goal.getRow(4).getCell(0).getStringCellValue());
        assertEquals("12", FORMAT.formatCellValue(goal.getRow(4).getCell(1)), "an N row counts, it is no percent");
        Row keyFigures = null;
        for (Row r : wb.getSheet("Forside")) {
            if (r.getCell(0) != null && r.getCell(0).getStringCellValue().equals("Tilskudd i alt")) {
                keyFigures = r;
            }
        }
        assertNotNull(keyFigures, "key figures are on the cover");
        assertEquals("6,750,000 kr", FORMAT.formatCellValue(keyFigures.getCell(1)));
    }

    @Test
    void totalRowsAreLiveSumsThatAddUp() {
        XSSFSheet s = wb.getSheet("Tilskudd og deltakere per");
        XSSFFormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
        XSSFCell sum2016 = s.getRow(4).getCell(1);
        assertEquals(CellType.FORMULA, sum2016.getCellType());
        assertEquals("SUM(B3:B4)", sum2016.getCellFormula());
        assertEquals(3_750_000.0, ev.evaluate(sum2016).getNumberValue());
        assertEquals(3_750_000.0, sum2016.getNumericCellValue(), "the cached value is written too");
        XSSFCell sum2017 = s.getRow(7).getCell(1);
        assertEquals("SUM(B6:B7)", sum2017.getCellFormula());
        assertEquals(3_000_000.0, ev.evaluate(sum2017).getNumberValue());
        assertEquals("SUM(C3:C4)", s.getRow(4).getCell(2).getCellFormula());
        assertEquals(420.0, ev.evaluate(s.getRow(4).getCell(2)).getNumberValue());
        assertTrue(wb.getFontAt(sum2016.getCellStyle().getFontIndex()).getBold());
        // A sum over hidden cells would leave them out, so the report's own total is written as a number.
        XSSFCell hiddenSum = s.getRow(7).getCell(2);
        assertEquals(CellType.NUMERIC, hiddenSum.getCellType());
        assertEquals(510.0, hiddenSum.getNumericCellValue());
        assertEquals(CellType.NUMERIC, s.getRow(4).getCell(4).getCellType(), "years are never summed");
    }

    @Test
    void suppressedCellsAreADashWithTheFootnoteAndNBelow() {
        XSSFSheet s = wb.getSheet("Tilskudd og deltakere per");
        Cell hidden = s.getRow(5).getCell(2);
        assertEquals(CellType.STRING, hidden.getCellType());
        assertEquals("–", hidden.getStringCellValue());
        List<String> text = texts(s);
        assertTrue(text.contains("N = 12"), text.toString());
        // the sample hides one cell below the threshold and one that its total would reveal
        assertTrue(text.contains("– Skjult av personvernhensyn: tallet er lavere enn 5, eller ville avsløre et skjult "
                + "tall gjennom en sum."), text.toString());
        assertEquals(1, text.stream().filter(t -> t.startsWith("N =")).count(), "N once, not twice");
        assertTrue(texts(wb.getSheet("Måloppnåelse i bruk av")).contains("N = 28"));
    }

    @Test
    void nIsAddedWhenTheFootnotesDoNotHaveIt() throws IOException {
        Table t = Table.of("x", LocalizedText.of("Uten fotnote"), List.of(Table.Column.of("a", "A", ValueKind.TEXT),
                Table.Column.of("b", "B", ValueKind.COUNT)), List.of(Table.Row.data("a", 1L))).withN(7);
        Report r = new Report("R", "nb-NO", java.util.Map.of(), List.of(new no.tilskudd.api.report.ReportSection("S",
                List.of(t))), List.of());
        try (XSSFWorkbook w = read(export(r))) {
            assertTrue(texts(w.getSheet("Uten fotnote")).contains("N = 7"));
        }
    }

    @Test
    void everyChartBlockIsANativeChartOfItsType() {
        XSSFSheet goal = wb.getSheet("Måloppnåelse i bruk av");
        List<XSSFChart> charts = goal.getDrawingPatriarch().getCharts();
        assertEquals(2, charts.size(), "bar and stacked bar beside their table");
        XDDFBarChartData bar = (XDDFBarChartData) charts.get(0).getChartSeries().get(0);
        assertEquals(org.apache.poi.xddf.usermodel.chart.BarGrouping.CLUSTERED, bar.getBarGrouping());
        assertEquals(2, bar.getSeriesCount());
        XDDFChartData.Series first = bar.getSeries(0);
        assertEquals("'Måloppnåelse i bruk av'!$B$3:$B$4", first.getValuesData().getDataRangeReference(),
                "the chart reads the table's cells");
        assertEquals("'Måloppnåelse i bruk av'!$A$3:$A$4", first.getCategoryData().getDataRangeReference());
        assertTrue(first.getShapeProperties().getFillProperties()
                instanceof org.apache.poi.xddf.usermodel.XDDFSolidFillProperties, "series have their own colours");
        XDDFBarChartData stacked = (XDDFBarChartData) charts.get(1).getChartSeries().get(0);
        assertTrue(charts.get(1).getCTChart().getPlotArea().getBarChartArray(0).xmlText().contains("overlap"),
                "stacked bars overlap fully");
        assertEquals(org.apache.poi.xddf.usermodel.chart.BarGrouping.STACKED, stacked.getBarGrouping());
        assertEquals("Måloppnåelse", charts.get(0).getTitleText().getString());

        XSSFSheet funding = wb.getSheet("Tilskudd og deltakere per");
        List<XSSFChart> line = funding.getDrawingPatriarch().getCharts();
        assertEquals(1, line.size());
        XDDFChartData lineData = line.get(0).getChartSeries().get(0);
        assertTrue(lineData instanceof XDDFLineChartData);
        String ref = lineData.getSeries(0).getValuesData().getDataRangeReference();
        assertFalse(ref.contains("$C$3"), "a series with a gap is not drawn from the '–' cells: " + ref);
        assertTrue(texts(funding).contains("Diagramdata: Barn per region"));

        XSSFSheet pie = wb.getSheet("Måloppnåelse");
        XDDFChartData pieData = pie.getDrawingPatriarch().getCharts().get(0).getChartSeries().get(0);
        assertTrue(pieData instanceof XDDFPieChartData);
        assertEquals(1, pieData.getSeriesCount(), "a pie of the first series");
    }

    @Test
    void documentPropertiesAreSet() {
        var core = wb.getProperties().getCoreProperties();
        assertEquals("Eksempelordningen 2016–2017", core.getTitle());
        assertEquals("Eksempelordningen: tilskudd til fritidstiltak for barn", core.getSubject());
        assertEquals("Tilskudd", core.getCreator());
    }

    @Test
    void textThatLooksLikeAFormulaStaysAString() {
        XSSFSheet cover = wb.getSheet("Forside");
        boolean found = false;
        for (Row r : cover) {
            for (Cell c : r) {
                assertFalse(c.getCellType() == CellType.FORMULA, "no formula on the cover: " + c.getAddress());
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(SampleReports.INJECTION)) {
                    assertTrue(c.getCellStyle().getQuotePrefixed(), "quote prefix");
                    found = true;
                }
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().startsWith("+47")) {
                    assertTrue(c.getCellStyle().getQuotePrefixed());
                }
            }
        }
        assertTrue(found, "the metadata value is on the cover");
        XSSFSheet data = wb.getSheet("Data");
        Cell at = data.getRow(2).getCell(5);
        assertEquals(CellType.STRING, at.getCellType());
        assertEquals("@SUM(A1:A2)", at.getStringCellValue());
        assertTrue(at.getCellStyle().getQuotePrefixed());
        assertEquals("-1+1", data.getRow(3).getCell(5).getStringCellValue());
        // the only formulas in the whole workbook are the sums of total rows
        wb.forEach(s -> s.forEach(r -> r.forEach(c -> {
            if (c.getCellType() == CellType.FORMULA) {
                assertTrue(c.getCellFormula().matches("SUM\\([A-Z]+\\d+:[A-Z]+\\d+\\)"), c.getCellFormula());
            }
        })));
    }

    @Test
    void dataSheetIsAStreamedExcelTable() {
        XSSFSheet data = wb.getSheet("Data");
        assertEquals(50, data.getLastRowNum(), "header + 50 rows");
        assertEquals("Kommunenr.", data.getRow(0).getCell(1).getStringCellValue());
        assertEquals("0301", data.getRow(1).getCell(1).getStringCellValue(), "codes keep their leading zero");
        assertEquals(100_000.0, data.getRow(1).getCell(3).getNumericCellValue());
        assertEquals("2017", FORMAT.formatCellValue(data.getRow(2).getCell(0)));
        assertEquals(1, data.getPaneInformation().getHorizontalSplitPosition());
        XSSFTable t = data.getTables().get(0);
        assertEquals("A1:F51", t.getCTTable().getRef());
        assertTrue(t.getCTTable().isSetAutoFilter());
        assertEquals("grantAmount", t.getColumns().get(3).getName());
    }

    @Test
    void englishReportsGetEnglishSheetNames() throws IOException {
        Report nb = SampleReports.report(List.of(SampleReports.dataTable(1)));
        Report en = new Report(nb.title(), "en", nb.metadata(), nb.sections(), nb.data());
        try (XSSFWorkbook w = read(export(en))) {
            assertEquals("Cover", w.getSheetName(0));
            assertTrue(texts(w.getSheet("Cover")).contains("Contents"));
        }
    }

    @Test
    void longAndClashingTitlesGiveValidUniqueSheetNames() throws IOException {
        List<ReportBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            blocks.add(Table.of("t" + i, LocalizedText.of("Tabell: [bruk] av midler/tiltak? * en veldig lang tittel"),
                    List.of(Table.Column.of("a", "A", ValueKind.TEXT), Table.Column.of("b", "a", ValueKind.COUNT)),
                    List.of(Table.Row.data("x", 1L))));
        }
        blocks.add(Table.of("h", LocalizedText.of("History"), List.of(Table.Column.of("a", "A", ValueKind.TEXT)),
                List.of()));
        Report r = new Report("R", "nb-NO", java.util.Map.of(), List.of(new no.tilskudd.api.report.ReportSection("S",
                blocks)), List.of());
        try (XSSFWorkbook w = read(export(r))) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < w.getNumberOfSheets(); i++) {
                String n = w.getSheetName(i);
                assertTrue(n.length() <= 31, n);
                assertTrue(n.chars().noneMatch(c -> "[]:*?/\\".indexOf(c) >= 0), n);
                assertTrue(seen.add(n.toLowerCase(java.util.Locale.ROOT)), "unique: " + n);
                assertFalse(n.equalsIgnoreCase("History"));
            }
            assertEquals(5, seen.size());
            assertEquals(List.of("A", "a (2)"), w.getSheetAt(1).getTables().get(0).getColumns().stream()
                    .map(c -> c.getName()).toList(), "table columns unique without regard to case");
        }
    }

    @Test
    void theStreamIsLeftOpen() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream out = new java.io.FilterOutputStream(bytes) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        new XlsxReportExporter().export(SampleReports.report(List.of(SampleReports.dataTable(3))), out);
        assertFalse(closed.get());
        try (XSSFWorkbook w = read(bytes.toByteArray())) {
            assertNull(w.getSheet("Data (2)"));
        }
    }

    static List<String> texts(XSSFSheet s) {
        List<String> out = new ArrayList<>();
        for (Row r : s) {
            for (Cell c : r) {
                if (c.getCellType() == CellType.STRING) {
                    out.add(c.getStringCellValue());
                }
            }
        }
        return out;
    }
}
