package no.tilskudd.format.xlsx.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.Table;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;

/**
 * Native, editable Excel charts (DrawingML, through POI's XDDF) beside the table they come from.
 *
 * <p>When the chart's categories and series are exactly the table's data rows and columns, the chart points at the
 * table's cells, so that it follows edits. Otherwise (a series with gaps for hidden cells, which would be drawn as
 * zeros from the "–" text, or data that is not in the table) the chart's data is written as a small block under the
 * table and the chart points there.
 */
final class ReportCharts {

    private static final int WIDTH_COLS = 9;
    private static final int HEIGHT_ROWS = 18;

    private final ReportStyles st;
    private final Cells cells;
    private final Texts tx;

    ReportCharts(XSSFWorkbook wb, ReportStyles st, Cells cells, Texts tx) {
        this.st = st;
        this.cells = cells;
        this.tx = tx;
    }

    /** The cell ranges a chart reads. */
    private record Ranges(String categories, List<String> series, List<CellReference> titles) {
    }

    ReportWorkbook.Placed chart(ReportWorkbook.Placed placed, ReportBlock.Chart chart) {
        XSSFSheet sheet = placed.sheet();
        int nextFree = placed.nextFreeRow();
        Ranges ranges = placed.table() == null ? null : matchTable(placed, chart);
        if (ranges == null) {
            int r = nextFree;
            cells.text(sheet.createRow(r++).createCell(0), tx.chartData() + ": " + chart.title(), st.note);
            int head = r++;
            Row h = sheet.createRow(head);
            cells.text(h.createCell(0), "", st.header);
            List<String> series = new ArrayList<>();
            List<CellReference> titles = new ArrayList<>();
            for (int s = 0; s < chart.series().size(); s++) {
                cells.text(h.createCell(s + 1), chart.series().get(s).name(), st.headerNumber);
                titles.add(new CellReference(sheet.getSheetName(), head, s + 1, true, true));
            }
            for (int i = 0; i < chart.categories().size(); i++) {
                Row row = sheet.createRow(r + i);
                cells.text(row.createCell(0), chart.categories().get(i), st.text);
                for (int s = 0; s < chart.series().size(); s++) {
                    Number v = chart.series().get(s).values().get(i);
                    if (v != null) {
                        Cell c = row.createCell(s + 1);
                        no.tilskudd.api.report.ValueKind kind = chart.valueKind() == null
                                ? no.tilskudd.api.report.ValueKind.DECIMAL : chart.valueKind();
                        c.setCellStyle(st.number(kind, v));
                        ReportWorkbook.setNumber(c, v, kind, cells);
                    }
                }
            }
            int last = r + Math.max(0, chart.categories().size() - 1);
            String cats = new CellRangeAddress(r, last, 0, 0).formatAsString(sheet.getSheetName(), true);
            for (int s = 0; s < chart.series().size(); s++) {
                series.add(new CellRangeAddress(r, last, s + 1, s + 1).formatAsString(sheet.getSheetName(), true));
            }
            ranges = new Ranges(cats, series, titles);
            nextFree = r + chart.categories().size() + 1;
            if (placed.table() == null) {
                int width = chart.categories().stream().mapToInt(String::length).max().orElse(8);
                sheet.setColumnWidth(0, Math.min(60, Math.max(10, width + 2)) * 256);
                for (int s = 0; s < chart.series().size(); s++) {
                    sheet.setColumnWidth(s + 1, Math.min(40, Math.max(10, chart.series().get(s).name().length() + 2))
                            * 256);
                }
            }
        }
        int col = placed.table() == null ? chart.series().size() + 2 : placed.table().columns().size() + 1;
        int row = placed.headerRow() + placed.chartCount() * (HEIGHT_ROWS + 2);
        draw(sheet, chart, ranges, col, row);
        return new ReportWorkbook.Placed(sheet, placed.table(), placed.headerRow(), nextFree,
                placed.chartCount() + 1);
    }

    /** Finds the table cells that hold exactly the chart's data, if the chart is a view of its table. */
    private Ranges matchTable(ReportWorkbook.Placed placed, ReportBlock.Chart chart) {
        Table t = placed.table();
        int k = chart.categories().size();
        if (k == 0 || k > t.rows().size() || t.columns().size() < 2) {
            return null;
        }
        for (int i = 0; i < k; i++) {
            // a chart is drawn from the data rows only, never from a total or a row of counts
            if (t.rows().get(i).kind() != Table.RowKind.DATA) {
                return null;
            }
            if (!String.valueOf(t.rows().get(i).cellsIn(tx.locale()).get(0)).equals(chart.categories().get(i))) {
                return null;
            }
        }
        String sheet = placed.sheet().getSheetName();
        int first = placed.headerRow() + 1;
        List<String> series = new ArrayList<>();
        List<CellReference> titles = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (ReportBlock.Series s : chart.series()) {
            int found = -1;
            for (int c = 1; c < t.columns().size() && found < 0; c++) {
                if (!used.contains(c) && t.columns().get(c).label().in(tx.locale()).equals(s.name()) && sameValues(t, c, s, k)) {
                    found = c;
                }
            }
            for (int c = 1; c < t.columns().size() && found < 0; c++) {
                if (!used.contains(c) && sameValues(t, c, s, k)) {
                    found = c;
                }
            }
            if (found < 0) {
                return null;
            }
            used.add(found);
            series.add(new CellRangeAddress(first, first + k - 1, found, found).formatAsString(sheet, true));
            titles.add(new CellReference(sheet, placed.headerRow(), found, true, true));
        }
        return new Ranges(new CellRangeAddress(first, first + k - 1, 0, 0).formatAsString(sheet, true), series,
                titles);
    }

    private static boolean sameValues(Table t, int col, ReportBlock.Series s, int k) {
        for (int i = 0; i < k; i++) {
            Number want = s.values().get(i);
            Object have = t.rows().get(i).cells().get(col);
            if (want == null || !(have instanceof Number n) || Math.abs(n.doubleValue() - want.doubleValue()) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    /**
     * Excel draws stacked bars on top of each other only with {@code <c:overlap val="100"/>}. POI's setter for it
     * needs a schema type that poi-ooxml-lite leaves out, so the element is written with a cursor, in its place in
     * the schema's sequence (after the gap width, before the axis ids).
     */
    private static void stackedOverlap(XSSFChart chart) {
        var plotArea = chart.getCTChart().getPlotArea();
        if (plotArea.sizeOfBarChartArray() == 0) {
            return;
        }
        try (XmlCursor cursor = plotArea.getBarChartArray(0).newCursor()) {
            if (cursor.toChild(new QName(CHART_NS, "axId"))) {
                cursor.beginElement(new QName(CHART_NS, "overlap"));
                cursor.insertAttributeWithValue("val", "100");
            }
        }
    }

    private static final String CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";

    /**
     * Series get explicit colours (the Office palette): Excel colours series that have none, but LibreOffice then
     * draws no bars at all.
     */
    private static final int[] PALETTE = {0x4472C4, 0xED7D31, 0xA5A5A5, 0xFFC000, 0x5B9BD5, 0x70AD47, 0x264478,
        0x9E480E};

    private static XDDFSolidFillProperties fill(int index) {
        int rgb = PALETTE[index % PALETTE.length];
        // from(byte[]) is sRGB; from(int, int, int) would be percentages
        return new XDDFSolidFillProperties(XDDFColor.from(new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8),
            (byte) rgb}));
    }

    private void draw(XSSFSheet sheet, ReportBlock.Chart c, Ranges ranges, int col, int row) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col, row, col + WIDTH_COLS, row + HEIGHT_ROWS);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(Cells.clean(c.title()));
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        // a missing value (a hidden count) is a gap, not a zero
        chart.displayBlanksAs(DisplayBlanks.GAP);
        XDDFCategoryDataSource categories = XDDFDataSourcesFactory.fromArray(
                c.categories().stream().map(Cells::clean).toArray(String[]::new), ranges.categories());
        XDDFChartData data;
        if (c.type() == ChartType.PIE) {
            data = chart.createData(ChartTypes.PIE, null, null);
            data.setVaryColors(true);
        } else {
            XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
            left.setCrosses(AxisCrosses.AUTO_ZERO);
            left.setCrossBetween(AxisCrossBetween.BETWEEN);
            String axisTitle = tx.axisTitle(c.valueKind());
            if (!axisTitle.isEmpty()) {
                left.setTitle(axisTitle);
            }
            if (c.valueKind() != null) {
                left.setNumberFormat(ReportStyles.format(c.valueKind()));
            }
            // a value axis starts at 0, so that bars compare by their length (negative values keep Excel's own)
            if (c.series().stream().flatMap(x -> x.values().stream())
                    .allMatch(v -> v == null || v.doubleValue() >= 0)) {
                left.setMinimum(0);
            }
            if (c.type() == ChartType.LINE) {
                data = chart.createData(ChartTypes.LINE, bottom, left);
            } else {
                XDDFBarChartData bar = (XDDFBarChartData) chart.createData(ChartTypes.BAR, bottom, left);
                bar.setBarDirection(BarDirection.COL);
                if (c.type() == ChartType.STACKED_BAR) {
                    bar.setBarGrouping(BarGrouping.STACKED);
                } else {
                    bar.setBarGrouping(BarGrouping.CLUSTERED);
                }
                data = bar;
            }
            data.setVaryColors(false);
        }
        int count = c.type() == ChartType.PIE ? Math.min(1, c.series().size()) : c.series().size();
        for (int s = 0; s < count; s++) {
            ReportBlock.Series series = c.series().get(s);
            no.tilskudd.api.report.ValueKind kind = c.valueKind() == null
                    ? no.tilskudd.api.report.ValueKind.DECIMAL : c.valueKind();
            Double[] values = series.values().stream()
                    .map(v -> v == null ? null : ReportWorkbook.cellValue(v, kind)).toArray(Double[]::new);
            XDDFNumericalDataSource<Double> source = XDDFDataSourcesFactory.fromArray(values,
                    ranges.series().get(s));
            XDDFChartData.Series added = data.addSeries(categories, source);
            added.setTitle(Cells.clean(series.name()), ranges.titles().get(s));
            XDDFSolidFillProperties fill = fill(s);
            if (added instanceof XDDFLineChartData.Series line) {
                line.setMarkerStyle(MarkerStyle.CIRCLE);
                line.setSmooth(false);
                XDDFLineProperties stroke = new XDDFLineProperties(fill);
                stroke.setWidth(2.25);
                line.setLineProperties(stroke);
            } else if (c.type() == ChartType.PIE) {
                for (int i = 0; i < c.categories().size(); i++) {
                    added.getDataPoint(i).setFillProperties(fill(i));
                }
            } else {
                added.setFillProperties(fill);
            }
        }
        chart.plot(data);
        if (c.type() == ChartType.STACKED_BAR) {
            stackedOverlap(chart);
        }
        var frameName = chart.getGraphicFrame().getCTGraphicalObjectFrame().getNvGraphicFramePr().getCNvPr();
        frameName.setTitle(Cells.clean(c.title()));
        frameName.setDescr(Cells.clean(altText(c, tx)));
    }

    /**
     * What a screen reader says for a chart: its title and every number it draws, series by series, formatted for
     * the report's language, so that the chart needs no eyes.
     */
    static String altText(ReportBlock.Chart c, Texts tx) {
        java.text.NumberFormat nf = java.text.NumberFormat.getNumberInstance(tx.locale());
        nf.setMaximumFractionDigits(1);
        String unit = c.valueKind() == no.tilskudd.api.report.ValueKind.PERCENT ? " %"
                : c.valueKind() == no.tilskudd.api.report.ValueKind.AMOUNT ? " kr" : "";
        StringBuilder b = new StringBuilder(tx.chartAlt(c.title()));
        for (ReportBlock.Series s : c.series()) {
            b.append(' ').append(s.name()).append(": ");
            for (int i = 0; i < c.categories().size(); i++) {
                Number v = i < s.values().size() ? s.values().get(i) : null;
                b.append(i == 0 ? "" : ", ").append(c.categories().get(i)).append(' ')
                        .append(v == null ? "–" : nf.format(v.doubleValue()) + unit);
            }
            b.append('.');
        }
        return b.toString();
    }
}
