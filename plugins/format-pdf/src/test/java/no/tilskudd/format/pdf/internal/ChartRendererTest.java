package no.tilskudd.format.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import no.tilskudd.api.report.ReportBlock.Chart;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.ReportBlock.Series;
import no.tilskudd.api.report.ValueKind;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.junit.jupiter.api.Test;

class ChartRendererTest {

    private static Chart chart(ChartType type, List<String> categories, List<Series> series) {
        return new Chart("c", "Figur", type, categories, series, ValueKind.PERCENT);
    }

    @Test
    void eachChartTypeGetsItsPlotAndGapsStayGaps() {
        List<String> years = List.of("2016", "2017", "2018");
        List<Series> series = List.of(new Series("A", Arrays.asList(1, null, 3)), new Series("A", List.of(4, 5, 6)));
        CategoryPlot stacked = ChartRenderer.build(chart(ChartType.STACKED_BAR, years, series), Words.BOKMAL)
                .getCategoryPlot();
        assertInstanceOf(StackedBarRenderer.class, stacked.getRenderer());
        assertEquals(2, stacked.getDataset().getRowCount(), "two series with the same name stay two");
        assertNull(stacked.getDataset().getValue(0, 1));
        CategoryPlot line = ChartRenderer.build(chart(ChartType.LINE, years, series), Words.BOKMAL)
                .getCategoryPlot();
        assertInstanceOf(LineAndShapeRenderer.class, line.getRenderer());
        assertEquals(PlotOrientation.VERTICAL, line.getOrientation());
        JFreeChart pie = ChartRenderer.build(chart(ChartType.PIE, years, series), Words.BOKMAL);
        assertEquals(2, ((PiePlot<?>) pie.getPlot()).getDataset().getItemCount(), "the gap is no slice");
    }

    @Test
    void longCategoryLabelsTurnBarsSideways() {
        CategoryPlot shortLabels = ChartRenderer.build(chart(ChartType.BAR, List.of("2016", "2017"),
                List.of(new Series("S", List.of(1, 2)))), Words.BOKMAL).getCategoryPlot();
        CategoryPlot longLabels = ChartRenderer.build(chart(ChartType.BAR, List.of("Nådde alle sine målsettinger",
                "Nådde ikke alle målsettinger"), List.of(new Series("S", List.of(1, 2)))), Words.BOKMAL)
                .getCategoryPlot();
        assertEquals(PlotOrientation.VERTICAL, shortLabels.getOrientation());
        assertEquals(PlotOrientation.HORIZONTAL, longLabels.getOrientation());
    }
}
