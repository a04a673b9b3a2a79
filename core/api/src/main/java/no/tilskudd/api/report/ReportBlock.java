package no.tilskudd.api.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A piece of report content. Exporters render each kind in their own way. */
public sealed interface ReportBlock {

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
     * A table. Cells hold {@link String}, {@link Number} or null; a null cell is shown empty, and a suppressed cell is
     * a {@link Suppressed} marker.
     *
     * @param id        a stable id (e.g. the indicator id), usable as a sheet or anchor name
     * @param title     the caption
     * @param columns   the columns
     * @param rows      the rows
     * @param n         the number of units the table is based on, if it has one
     * @param footnotes notes printed under the table
     * @param totalRows indices of rows whose numeric cells are the sums of the rows above them (back to the previous
     *                  total row), so that formats with formulas can write them as live sums
     * @param rowKinds  rows whose numbers are of another kind than their columns, by row index (e.g. the "N" row of a
     *                  percent table holds counts)
     */
    record Table(String id, String title, List<TableColumn> columns, List<List<Object>> rows, Optional<Long> n,
            List<String> footnotes, java.util.Set<Integer> totalRows, java.util.Map<Integer, ValueKind> rowKinds)
            implements ReportBlock {

        /**
         * A table whose rows all hold what their columns say.
         *
         * @param id        a stable id
         * @param title     the caption
         * @param columns   the columns
         * @param rows      the rows
         * @param n         the number of units, if any
         * @param footnotes notes under the table
         * @param totalRows indices of total rows
         */
        public Table(String id, String title, List<TableColumn> columns, List<List<Object>> rows, Optional<Long> n,
                List<String> footnotes, java.util.Set<Integer> totalRows) {
            this(id, title, columns, rows, n, footnotes, totalRows, java.util.Map.of());
        }

        /**
         * A table without total rows.
         *
         * @param id        a stable id
         * @param title     the caption
         * @param columns   the columns
         * @param rows      the rows
         * @param n         the number of units, if any
         * @param footnotes notes under the table
         */
        public Table(String id, String title, List<TableColumn> columns, List<List<Object>> rows, Optional<Long> n,
                List<String> footnotes) {
            this(id, title, columns, rows, n, footnotes, java.util.Set.of(), java.util.Map.of());
        }

        /**
         * Checks the parts and freezes the lists.
         *
         * @param id a stable id (e.g. the indicator id), usable as a sheet or anchor name
         * @param title the caption
         * @param columns the columns
         * @param rows the rows
         * @param n the number of units the table is based on, if it has one
         * @param footnotes notes printed under the table
         * @param totalRows indices of rows whose numeric cells are the sums of the rows above them (back to the previous total row), so that formats with formulas can write them as live sums
         * @param rowKinds rows whose numbers are of another kind than their columns
         */
        public Table {
            totalRows = java.util.Set.copyOf(totalRows);
            rowKinds = java.util.Map.copyOf(rowKinds);
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            columns = List.copyOf(columns);
            rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
            Objects.requireNonNull(n, "n");
            footnotes = List.copyOf(footnotes);
            for (List<Object> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("table " + id + ": a row has " + row.size() + " cells, the table "
                            + columns.size() + " columns");
                }
            }
            for (int t : totalRows) {
                if (t < 0 || t >= rows.size()) {
                    throw new IllegalArgumentException("table " + id + ": total row " + t + " does not exist");
                }
            }
            for (int r : rowKinds.keySet()) {
                if (r < 0 || r >= rows.size()) {
                    throw new IllegalArgumentException("table " + id + ": row " + r + " does not exist");
                }
            }
        }

        /**
         * What a cell holds: its row's kind if the row has one (text columns stay text), else its column's.
         *
         * @param row    the row index
         * @param column the column index
         * @return the kind
         */
        public ValueKind kind(int row, int column) {
            ValueKind k = rowKinds.get(row);
            ValueKind c = columns.get(column).kind();
            return k != null && c != ValueKind.TEXT ? k : c;
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
     * One series of a chart. A null value is a gap (e.g. a suppressed cell).
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

    /**
     * A cell hidden to protect small groups of persons.
     *
     * @param reason why, e.g. "fewer than 5"
     */
    record Suppressed(String reason) {
        /**
         * Checks the reason.
         *
         * @param reason why, e.g. "fewer than 5"
         */
        public Suppressed {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "–";
        }
    }
}
