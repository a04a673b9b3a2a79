package no.tilskudd.api.report;

import java.util.List;
import java.util.Objects;

/** A piece of report content. Exporters render each kind in their own way. */
public sealed interface ReportBlock
        permits Table, ReportBlock.Paragraph, ReportBlock.Chart, ReportBlock.KeyFigures {

    /**
     * A paragraph of text.
     *
     * @param text the text
     */
    record Paragraph(String text) implements ReportBlock {
        /**
         * Checks the text.
         *
         * @param text the text
         */
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A chart.
     *
     * @param id         a stable id
     * @param title      the caption
     * @param type       bar, stacked bar, line or pie
     * @param categories the category axis labels (or pie slices)
     * @param series     the series, each with one value per category
     * @param valueKind  what the values are (e.g. percent), for axis labels
     */
    record Chart(String id, String title, ChartType type, List<String> categories, List<Series> series,
            ValueKind valueKind) implements ReportBlock {
        /**
         * Checks the parts and freezes the lists.
         *
         * @param id a stable id
         * @param title the caption
         * @param type bar, stacked bar, line or pie
         * @param categories the category axis labels (or pie slices)
         * @param series the series, each with one value per category
         * @param valueKind what the values are (e.g. percent), for axis labels
         */
        public Chart {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(type, "type");
            categories = List.copyOf(categories);
            series = List.copyOf(series);
            for (Series s : series) {
                if (s.values().size() != categories.size()) {
                    throw new IllegalArgumentException("chart " + id + ": series " + s.name() + " has "
                            + s.values().size() + " values for " + categories.size() + " categories");
                }
            }
        }
    }

    /**
     * A row of headline numbers.
     *
     * @param figures the figures
     */
    record KeyFigures(List<KeyFigure> figures) implements ReportBlock {
        /**
         * Freezes the list.
         *
         * @param figures the figures
         */
        public KeyFigures {
            figures = List.copyOf(figures);
        }
    }

    /**
     * One headline number.
     *
     * @param label what it is
     * @param value the number
     * @param kind  how to format it
     */
    record KeyFigure(String label, Number value, ValueKind kind) {
        /**
         * Checks the parts.
         *
         * @param label what it is
         * @param value the number
         * @param kind how to format it
         */
        public KeyFigure {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * One series of a chart. A null value is a gap (e.g. a hidden cell).
     *
     * @param name   the legend text
     * @param values one value per category
     */
    record Series(String name, List<Number> values) {
        /**
         * Checks the parts and copies the list (which may hold nulls).
         *
         * @param name the legend text
         * @param values one value per category
         */
        public Series {
            Objects.requireNonNull(name, "name");
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    /** The kinds of chart. */
    enum ChartType {
        /** Vertical bars, one group per category. */
        BAR,
        /** Bars with the series stacked. */
        STACKED_BAR,
        /** Lines over the categories (e.g. years). */
        LINE,
        /** A pie of the first series. */
        PIE
    }
}
