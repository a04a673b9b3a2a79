package no.tilskudd.format.pdf.internal;

import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGraphics2D;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.List;
import no.tilskudd.api.report.ReportBlock.Chart;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.ReportBlock.Series;
import no.tilskudd.api.report.ValueKind;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;

/**
 * Draws a chart block with JFreeChart straight into a PDF form XObject through OpenPDF's {@link PdfGraphics2D}, so
 * the chart stays vector graphics and its labels stay real text in the embedded font.
 */
final class ChartRenderer {

    /**
     * Series colours whose lightness steps apart (CIE L* about 22, 78, 50, 92, 36, 64), in that order, so that
     * neighbouring series stay apart when printed in grey; every bar and slice also gets a dark outline, and lines
     * differ in dash and marker as well.
     */
    static final List<Color> PALETTE = List.of(
            new Color(0x14, 0x32, 0x5C),   // dark blue
            new Color(0xE9, 0xB2, 0x4A),   // amber
            new Color(0x3D, 0x7E, 0xA6),   // mid blue
            new Color(0xD6, 0xE8, 0xF0),   // pale blue
            new Color(0x8E, 0x2C, 0x48),   // wine
            new Color(0x8F, 0xB9, 0x8B));  // sage

    private static final Color OUTLINE = new Color(0x33, 0x33, 0x33);
    private static final Color GRID = new Color(0xCC, 0xCC, 0xCC);
    private static final Color TEXT = new Color(0x1A, 0x1A, 0x1A);
    private static final float[][] DASHES = {null, {6f, 3f}, {2f, 2f}, {8f, 3f, 2f, 3f}, {4f, 4f}, {1f, 3f}};

    private ChartRenderer() {
    }

    /** A category key that keeps repeated labels apart and sorts in report order. */
    private record Key(int index, String label) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * Draws a chart into a form XObject that the layout places inside the chart's Figure element.
     *
     * @param chart  the chart block
     * @param cb     the writer's direct content, where the form XObject is made
     * @param fonts  the document's fonts
     * @param words  the report language's words
     * @param width  the width in points
     * @param height the height in points
     * @return the chart, or null when it has nothing to draw
     */
    static PdfTemplate draw(Chart chart, PdfContentByte cb, EmbeddedFonts fonts, Words words, float width,
            float height) {
        JFreeChart jf = build(chart, words);
        if (jf == null) {
            return null;
        }
        PdfTemplate template = cb.createTemplate(width, height);
        Graphics2D g2 = new PdfGraphics2D(template, width, height, fonts, false, false, 0f);
        try {
            jf.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return template;
    }

    /**
     * The chart in words, for its alternate text: what kind of chart, its caption, and every value it shows by
     * category and series, so that a reader who cannot see it gets the same numbers.
     *
     * @param chart   the chart block
     * @param caption the caption as printed (with its figure number)
     * @param words   the report language's words
     * @return the text
     */
    static String describe(Chart chart, String caption, Words words) {
        StringBuilder b = new StringBuilder(words.chartKind(chart.type())).append(": ").append(caption);
        boolean one = chart.type() == ChartType.PIE || chart.series().size() == 1;
        if (!chart.categories().isEmpty() && !chart.series().isEmpty() && words.axis(chart.valueKind()).length() > 0) {
            b.append(" (").append(words.axis(chart.valueKind()).toLowerCase(java.util.Locale.ROOT)).append(')');
        }
        b.append('.');
        for (int c = 0; c < chart.categories().size(); c++) {
            b.append(' ').append(chart.categories().get(c)).append(':');
            int series = one ? 1 : chart.series().size();
            for (int s = 0; s < series; s++) {
                Series serie = chart.series().get(s);
                Number v = serie.values().get(c);
                b.append(' ');
                if (!one) {
                    b.append(serie.name()).append(' ');
                }
                b.append(v == null ? words.notShown()
                        : NorwegianNumbers.format(v, chart.valueKind(), words == Words.ENGLISH));
                b.append(s == series - 1 ? (c == chart.categories().size() - 1 ? "." : ";") : ",");
            }
        }
        if (chart.categories().isEmpty() || chart.series().isEmpty()) {
            b.append(' ').append(words.noData());
        }
        return b.toString();
    }

    static JFreeChart build(Chart chart, Words words) {
        if (chart.categories().isEmpty() || chart.series().isEmpty()) {
            return null;
        }
        NumberFormat format = NorwegianNumbers.asFormat(chart.valueKind(), words == Words.ENGLISH);
        JFreeChart jf = switch (chart.type()) {
            case PIE -> pie(chart, format);
            case BAR, STACKED_BAR, LINE -> category(chart, format, words);
        };
        if (jf == null) {
            return null;
        }
        theme().apply(jf);
        jf.setBackgroundPaint(Color.WHITE);
        jf.setPadding(new RectangleInsets(2, 2, 2, 2));
        jf.setTextAntiAlias(true);
        LegendTitle legend = jf.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setItemFont(EmbeddedFonts.awtRegular(8.5f));
            legend.setItemPaint(TEXT);
        }
        styleAfterTheme(jf, chart, format, words == Words.ENGLISH);
        return jf;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("tilskudd");
        t.setExtraLargeFont(EmbeddedFonts.awtBold(11f));
        t.setLargeFont(EmbeddedFonts.awtBold(9f));
        t.setRegularFont(EmbeddedFonts.awtRegular(8.5f));
        t.setSmallFont(EmbeddedFonts.awtRegular(8f));
        t.setBarPainter(new StandardBarPainter());
        t.setShadowVisible(false);
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setPlotOutlinePaint(Color.WHITE);
        t.setLegendBackgroundPaint(Color.WHITE);
        t.setDomainGridlinePaint(GRID);
        t.setRangeGridlinePaint(GRID);
        t.setAxisLabelPaint(TEXT);
        t.setTickLabelPaint(TEXT);
        t.setItemLabelPaint(TEXT);
        t.setLegendItemPaint(TEXT);
        t.setLabelLinkPaint(OUTLINE);
        t.setDrawingSupplier(new DefaultDrawingSupplier(PALETTE.toArray(new Paint[0]), new Paint[] {OUTLINE},
                new Stroke[] {new BasicStroke(1.8f)}, new Stroke[] {new BasicStroke(0.5f)}, shapes()));
        return t;
    }

    private static JFreeChart category(Chart chart, NumberFormat format, Words words) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (int s = 0; s < chart.series().size(); s++) {
            Series series = chart.series().get(s);
            for (int c = 0; c < chart.categories().size(); c++) {
                dataset.addValue(series.values().get(c), new Key(s, series.name()),
                        new Key(c, chart.categories().get(c)));
            }
        }
        boolean legend = chart.series().size() > 1;
        String axis = words.axis(chart.valueKind());
        int longest = chart.categories().stream().mapToInt(String::length).max().orElse(0);
        // Long category labels read better down the side than squeezed under narrow bars.
        PlotOrientation orientation = chart.type() != ChartType.LINE && (longest > 18 || chart.categories().size() > 8)
                ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL;
        return switch (chart.type()) {
            case BAR -> ChartFactory.createBarChart(null, null, axis, dataset, orientation, legend, false, false);
            case STACKED_BAR -> ChartFactory.createStackedBarChart(null, null, axis, dataset, orientation, legend,
                    false, false);
            default -> ChartFactory.createLineChart(null, null, axis, dataset, PlotOrientation.VERTICAL, legend,
                    false, false);
        };
    }

    private static JFreeChart pie(Chart chart, NumberFormat format) {
        DefaultPieDataset<Key> dataset = new DefaultPieDataset<>();
        Series first = chart.series().get(0);
        for (int c = 0; c < chart.categories().size(); c++) {
            Number v = first.values().get(c);
            if (v != null && v.doubleValue() > 0) {
                dataset.setValue(new Key(c, chart.categories().get(c)), v);
            }
        }
        if (dataset.getItemCount() == 0) {
            return null;
        }
        return ChartFactory.createPieChart(null, dataset, false, false, false);
    }

    @SuppressWarnings("unchecked")
    private static void styleAfterTheme(JFreeChart jf, Chart chart, NumberFormat format, boolean english) {
        if (jf.getPlot() instanceof PiePlot<?> p) {
            PiePlot<Key> pie = (PiePlot<Key>) p;
            for (int i = 0; i < pie.getDataset().getItemCount(); i++) {
                Key key = pie.getDataset().getKey(i);
                pie.setSectionPaint(key, PALETTE.get(i % PALETTE.size()));
                pie.setSectionOutlinePaint(key, OUTLINE);
                pie.setSectionOutlineStroke(key, new BasicStroke(0.6f));
            }
            pie.setSectionOutlinesVisible(true);
            // Percent values already are shares; other values also get their share of the whole.
            String pattern = chart.valueKind() == ValueKind.PERCENT ? "{0}: {1}" : "{0}: {1} ({2})";
            pie.setLabelGenerator(new StandardPieSectionLabelGenerator(pattern, format, percentOfWhole(english)));
            pie.setLabelFont(EmbeddedFonts.awtRegular(8f));
            pie.setLabelBackgroundPaint(Color.WHITE);
            pie.setLabelOutlinePaint(GRID);
            pie.setLabelShadowPaint(null);
            pie.setShadowPaint(null);
            pie.setOutlineVisible(false);
            pie.setBackgroundPaint(Color.WHITE);
            return;
        }
        CategoryPlot plot = jf.getCategoryPlot();
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(true);
        plot.setRangeGridlineStroke(new BasicStroke(0.4f));
        CategoryAxis domain = plot.getDomainAxis();
        domain.setMaximumCategoryLabelLines(3);
        domain.setMaximumCategoryLabelWidthRatio(plot.getOrientation() == PlotOrientation.HORIZONTAL ? 0.3f : 1f);
        domain.setTickLabelFont(EmbeddedFonts.awtRegular(8f));
        domain.setCategoryMargin(0.2);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setNumberFormatOverride(format);
        range.setTickLabelFont(EmbeddedFonts.awtRegular(8f));
        range.setLabelFont(EmbeddedFonts.awtRegular(8.5f));
        range.setUpperMargin(0.12);
        int n = chart.series().size();
        boolean fewItems = n * chart.categories().size() <= 24;
        if (plot.getRenderer() instanceof LineAndShapeRenderer line) {
            Shape[] shapes = shapes();
            for (int s = 0; s < n; s++) {
                float[] dash = DASHES[s % DASHES.length];
                line.setSeriesStroke(s, dash == null ? new BasicStroke(2f)
                        : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, dash, 0f));
                line.setSeriesShape(s, shapes[s % shapes.length]);
                line.setSeriesPaint(s, lineColour(s));
                line.setSeriesShapesVisible(s, true);
            }
            line.setDefaultShapesFilled(true);
            labels(line, format, fewItems && n <= 2, new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                    TextAnchor.BOTTOM_CENTER));
        } else if (plot.getRenderer() instanceof BarRenderer bar) {
            for (int s = 0; s < n; s++) {
                bar.setSeriesPaint(s, PALETTE.get(s % PALETTE.size()));
            }
            bar.setDrawBarOutline(true);
            bar.setDefaultOutlinePaint(OUTLINE);
            bar.setDefaultOutlineStroke(new BasicStroke(0.5f));
            bar.setItemMargin(0.06);
            bar.setMaximumBarWidth(0.14);
            boolean stacked = chart.type() == ChartType.STACKED_BAR;
            ItemLabelPosition pos = plot.getOrientation() == PlotOrientation.HORIZONTAL
                    ? new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT)
                    : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER);
            labels(bar, format, fewItems && !stacked, pos);
        }
    }

    private static void labels(org.jfree.chart.renderer.category.AbstractCategoryItemRenderer r, NumberFormat format,
            boolean visible, ItemLabelPosition position) {
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
        r.setDefaultItemLabelsVisible(visible);
        r.setDefaultItemLabelFont(EmbeddedFonts.awtRegular(7.5f));
        r.setDefaultItemLabelPaint(TEXT);
        r.setDefaultPositiveItemLabelPosition(position);
    }

    /** Lines are thin, so pale palette entries would vanish: lines use only the darker half, plus dashes. */
    private static Color lineColour(int s) {
        Color[] dark = {PALETTE.get(0), PALETTE.get(4), PALETTE.get(2), new Color(0x5A, 0x5A, 0x5A)};
        return dark[s % dark.length];
    }

    private static NumberFormat percentOfWhole(boolean english) {
        NumberFormat f = NumberFormat.getPercentInstance(english ? java.util.Locale.UK
                : java.util.Locale.forLanguageTag("nb-NO"));
        f.setMaximumFractionDigits(0);
        return f;
    }

    private static Shape[] shapes() {
        Path2D.Double triangle = new Path2D.Double();
        triangle.moveTo(0, -4);
        triangle.lineTo(4, 3.5);
        triangle.lineTo(-4, 3.5);
        triangle.closePath();
        Path2D.Double diamond = new Path2D.Double();
        diamond.moveTo(0, -4.5);
        diamond.lineTo(4.5, 0);
        diamond.lineTo(0, 4.5);
        diamond.lineTo(-4.5, 0);
        diamond.closePath();
        return new Shape[] {new Ellipse2D.Double(-3.5, -3.5, 7, 7), new Rectangle2D.Double(-3.2, -3.2, 6.4, 6.4),
            triangle, diamond};
    }
}
