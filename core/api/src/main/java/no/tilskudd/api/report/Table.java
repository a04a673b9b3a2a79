package no.tilskudd.api.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.ReportBlock.ChartType;

/**
 * A table, the one table type from an indicator to a report file. An indicator returns it; the report service passes
 * it on, with small person counts hidden; exporters render it. It is language-neutral: titles, headings, notes and
 * text cells may be {@link LocalizedText}, and whoever presents the table picks the language.
 *
 * <p>What a reader must be told about the table is a field, never a convention in a note's text: the number of units
 * the table rests on ({@link #n()}), which rows are totals or counts ({@link Row#kind()}), which cells are hidden and
 * by which rule ({@link Suppressed} cells and {@link #suppression()}). Exporters write the "N = …" line and the
 * explanation of hidden cells from these fields; {@link #notes()} hold only what the table's author has to add.
 *
 * @param id          a stable id (e.g. the indicator id), usable as a sheet or anchor name
 * @param title       the caption
 * @param columns     the columns
 * @param rows        the rows, each with one cell per column
 * @param n           how many units (reports, measures, org units) the table is based on, if it is based on a count
 * @param notes       what the author adds under the table
 * @param chart       the chart that suits the table, if any
 * @param suppression the rule by which cells were hidden; present exactly when some cell is {@link Suppressed}
 */
public record Table(String id, LocalizedText title, List<Column> columns, List<Row> rows, Optional<Count> n,
        List<Note> notes, Optional<ChartType> chart, Optional<Suppression> suppression) implements ReportBlock {

    /**
     * Checks the table: every row as wide as the columns, every total row the sum of a group of rows above it, and
     * hidden cells only with the rule that hid them.
     *
     * @param id a stable id (e.g. the indicator id), usable as a sheet or anchor name
     * @param title the caption
     * @param columns the columns
     * @param rows the rows, each with one cell per column
     * @param n how many units (reports, measures, org units) the table is based on, if it is based on a count
     * @param notes what the author adds under the table
     * @param chart the chart that suits the table, if any
     * @param suppression the rule by which cells were hidden; present exactly when some cell is {@link Suppressed}
     * @throws IllegalArgumentException naming the table, and the row and column, when a part does not fit
     */
    public Table {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        Objects.requireNonNull(n, "n");
        notes = List.copyOf(notes);
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(suppression, "suppression");
        int hidden = 0;
        int groupStart = 0;
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.cells().size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + ": row " + r + " has " + row.cells().size()
                        + " cells, the table " + columns.size() + " columns");
            }
            for (Object cell : row.cells()) {
                hidden += cell instanceof Suppressed ? 1 : 0;
            }
            if (row.kind() == RowKind.TOTAL) {
                if (groupStart == r) {
                    throw new IllegalArgumentException("table " + id + ": total row " + r
                            + " has no rows above it to sum (back to the previous total)");
                }
                checkSums(id, columns, rows, groupStart, r);
                groupStart = r + 1;
            }
        }
        if (hidden > 0 && suppression.isEmpty()) {
            throw new IllegalArgumentException("table " + id + ": " + hidden
                    + " cells are suppressed, but the table names no suppression rule");
        }
        if (hidden == 0 && suppression.isPresent()) {
            throw new IllegalArgumentException("table " + id
                    + ": it names a suppression rule, but no cell is suppressed");
        }
    }

    /**
     * A table with rows and columns only; add the rest with the {@code with} methods.
     *
     * @param id      a stable id
     * @param title   the caption
     * @param columns the columns
     * @param rows    the rows
     * @return the table
     */
    public static Table of(String id, LocalizedText title, List<Column> columns, List<Row> rows) {
        return new Table(id, title, columns, rows, Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }

    /**
     * This table with its N.
     *
     * @param count how many units the table is based on, and what they are
     * @return the table
     */
    public Table withN(Count count) {
        return new Table(id, title, columns, rows, Optional.of(count), notes, chart, suppression);
    }

    /**
     * This table with its N, without saying what is counted.
     *
     * @param value how many units the table is based on
     * @return the table
     */
    public Table withN(long value) {
        return withN(new Count(value, Optional.empty()));
    }

    /**
     * This table with notes, instead of those it had.
     *
     * @param notes the notes
     * @return the table
     */
    public Table withNotes(List<Note> notes) {
        return new Table(id, title, columns, rows, n, notes, chart, suppression);
    }

    /**
     * This table with a suggested chart.
     *
     * @param type the chart
     * @return the table
     */
    public Table withChart(ChartType type) {
        return new Table(id, title, columns, rows, n, notes, Optional.of(type), suppression);
    }

    /**
     * What a cell holds: the column's kind, except that the numbers of a {@link RowKind#COUNT} row are counts (text
     * columns stay text).
     *
     * @param row    the row index
     * @param column the column index
     * @return the kind
     */
    public ValueKind kind(int row, int column) {
        ValueKind c = columns.get(column).kind();
        return rows.get(row).kind() == RowKind.COUNT && c != ValueKind.TEXT ? ValueKind.COUNT : c;
    }

    /**
     * The indices of the rows of a kind, in order.
     *
     * @param kind the kind
     * @return the row indices
     */
    public List<Integer> rowsOf(RowKind kind) {
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).kind() == kind) {
                out.add(r);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * How many cells are hidden.
     *
     * @return the number of {@link Suppressed} cells
     */
    public int hiddenCells() {
        int hidden = 0;
        for (Row r : rows) {
            for (Object cell : r.cells()) {
                hidden += cell instanceof Suppressed ? 1 : 0;
            }
        }
        return hidden;
    }

    /**
     * Tells whether some cell was hidden for a reason.
     *
     * @param reason the reason
     * @return true if at least one cell is {@link Suppressed} for it
     */
    public boolean hides(Suppressed.Reason reason) {
        for (Row r : rows) {
            for (Object cell : r.cells()) {
                if (cell instanceof Suppressed s && s.reason() == reason) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A total's shown numbers must be the sums that formats with formulas will compute from the rows above it. */
    private static void checkSums(String id, List<Column> columns, List<Row> rows, int from, int total) {
        columns:
        for (int c = 0; c < columns.size(); c++) {
            ValueKind kind = columns.get(c).kind();
            if (kind == ValueKind.TEXT || kind == ValueKind.YEAR
                    || !(rows.get(total).cells().get(c) instanceof Number shown) || !finite(shown)) {
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            boolean approximate = floating(shown);
            for (int r = from; r < total; r++) {
                Object v = rows.get(r).cells().get(c);
                if (v instanceof Suppressed || v instanceof Number x && !finite(x)) {
                    continue columns; // the total is then the one figure that still shows the group
                }
                if (v instanceof Number x) {
                    approximate |= floating(x);
                    sum = sum.add(decimal(x));
                }
            }
            BigDecimal s = decimal(shown);
            boolean same = approximate
                    ? Math.abs(s.doubleValue() - sum.doubleValue()) <= 1e-9 * Math.max(1.0, Math.abs(sum.doubleValue()))
                    : s.compareTo(sum) == 0;
            if (!same) {
                throw new IllegalArgumentException("table " + id + ": total row " + total + ", column "
                        + columns.get(c).id() + " shows " + shown + ", but rows " + from + "-" + (total - 1)
                        + " sum to " + sum.stripTrailingZeros().toPlainString());
            }
        }
    }

    private static boolean floating(Number x) {
        return x instanceof Double || x instanceof Float;
    }

    private static boolean finite(Number x) {
        return !floating(x) || Double.isFinite(x.doubleValue());
    }

    private static BigDecimal decimal(Number x) {
        if (x instanceof BigDecimal b) {
            return b;
        }
        if (x instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (x instanceof Double || x instanceof Float) {
            return BigDecimal.valueOf(x.doubleValue());
        }
        return BigDecimal.valueOf(x.longValue());
    }

    /**
     * A column.
     *
     * @param id    stable id, used as the key in JSON output
     * @param label the heading
     * @param kind  what the column holds
     */
    public record Column(String id, LocalizedText label, ValueKind kind) {

        /**
         * Checks the parts.
         *
         * @param id stable id, used as the key in JSON output
         * @param label the heading
         * @param kind what the column holds
         */
        public Column {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(kind, "kind");
        }

        /**
         * A column whose heading is the same in both languages.
         *
         * @param id    stable id, used as the key in JSON output
         * @param label the heading
         * @param kind  what the column holds
         * @return the column
         */
        public static Column of(String id, String label, ValueKind kind) {
            return new Column(id, LocalizedText.of(label), kind);
        }
    }

    /** What a row is. */
    public enum RowKind {
        /** An ordinary row. */
        DATA,
        /**
         * A total: each number is the sum of the rows above it, back to the previous total row. Formats with formulas
         * write live sums, and small-count suppression makes sure a hidden cell cannot be worked out from it.
         */
        TOTAL,
        /**
         * The counts behind a table of shares, such as the "N" row under a percent table: its numbers are
         * {@link ValueKind#COUNT}s whatever their columns hold, and it is not a category of the table's chart.
         */
        COUNT
    }

    /**
     * A row. Cells hold {@link String}, {@link LocalizedText}, {@link Number}, {@link Suppressed} or null (an empty
     * cell).
     *
     * @param kind  what the row is
     * @param cells the cells, one per column
     */
    public record Row(RowKind kind, List<Object> cells) {

        /**
         * Checks the cells and copies them (they may hold nulls).
         *
         * @param kind what the row is
         * @param cells the cells, one per column
         * @throws IllegalArgumentException when a cell is of another type
         */
        public Row {
            Objects.requireNonNull(kind, "kind");
            cells = Collections.unmodifiableList(new ArrayList<>(cells));
            for (int c = 0; c < cells.size(); c++) {
                Object v = cells.get(c);
                if (v != null && !(v instanceof String || v instanceof LocalizedText || v instanceof Number
                        || v instanceof Suppressed)) {
                    throw new IllegalArgumentException("cell " + c + " is a " + v.getClass().getName()
                            + "; a cell holds a String, LocalizedText, Number, Suppressed or null");
                }
            }
        }

        /**
         * An ordinary row.
         *
         * @param cells the cells (null for an empty cell)
         * @return the row
         */
        public static Row data(Object... cells) {
            return new Row(RowKind.DATA, Arrays.asList(cells));
        }

        /**
         * A total row.
         *
         * @param cells the cells (null for an empty cell)
         * @return the row
         */
        public static Row total(Object... cells) {
            return new Row(RowKind.TOTAL, Arrays.asList(cells));
        }

        /**
         * A row of counts under shares.
         *
         * @param cells the cells (null for an empty cell)
         * @return the row
         */
        public static Row count(Object... cells) {
            return new Row(RowKind.COUNT, Arrays.asList(cells));
        }

        /**
         * The cells with their texts in one language, for views that show one (JSON, the console).
         *
         * @param locale the language
         * @return the cells, a {@link LocalizedText} replaced by its text in that language
         */
        public List<Object> cellsIn(Locale locale) {
            List<Object> out = new ArrayList<>(cells.size());
            for (Object v : cells) {
                out.add(v instanceof LocalizedText t ? t.in(locale) : v);
            }
            return Collections.unmodifiableList(out);
        }
    }

    /**
     * The N of a table: how many units it is based on.
     *
     * @param value   the number
     * @param counted what the units are (e.g. "measures with a budget"), if the table says
     */
    public record Count(long value, Optional<LocalizedText> counted) {

        /**
         * Checks the parts.
         *
         * @param value the number
         * @param counted what the units are, if the table says
         */
        public Count {
            if (value < 0) {
                throw new IllegalArgumentException("N cannot be negative: " + value);
            }
            Objects.requireNonNull(counted, "counted");
        }

        /**
         * An N that says what it counts.
         *
         * @param value   the number
         * @param counted what the units are
         * @return the count
         */
        public static Count of(long value, LocalizedText counted) {
            return new Count(value, Optional.of(counted));
        }
    }

    /** What a note is. */
    public enum NoteKind {
        /** A remark on how to read the table (rounding, what a share is of). */
        REMARK,
        /** Where the figures come from. */
        SOURCE
    }

    /**
     * A note under a table, in the author's words.
     *
     * @param kind what the note is
     * @param text the text
     */
    public record Note(NoteKind kind, LocalizedText text) {

        /**
         * Checks the parts.
         *
         * @param kind what the note is
         * @param text the text
         */
        public Note {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }

        /**
         * A remark.
         *
         * @param text the text
         * @return the note
         */
        public static Note remark(LocalizedText text) {
            return new Note(NoteKind.REMARK, text);
        }

        /**
         * A source.
         *
         * @param text the text
         * @return the note
         */
        public static Note source(LocalizedText text) {
            return new Note(NoteKind.SOURCE, text);
        }
    }

    /**
     * The rule by which small person counts were hidden.
     *
     * @param threshold the smallest count shown; counts from 1 to {@code threshold - 1} are hidden
     */
    public record Suppression(int threshold) {

        /**
         * Checks the threshold.
         *
         * @param threshold the smallest count shown; counts from 1 to {@code threshold - 1} are hidden
         */
        public Suppression {
            if (threshold < 2) {
                throw new IllegalArgumentException("a suppression threshold below 2 hides nothing: " + threshold);
            }
        }
    }

    /**
     * A cell hidden to protect small groups of persons. Shown as "–".
     *
     * @param reason why
     */
    public record Suppressed(Reason reason) {

        /**
         * Checks the reason.
         *
         * @param reason why
         */
        public Suppressed {
            Objects.requireNonNull(reason, "reason");
        }

        /** Why a cell is hidden. */
        public enum Reason {
            /** The count is below the table's {@link Suppression#threshold()}. */
            BELOW_THRESHOLD,
            /** The count would reveal a hidden one through a total. */
            REVEALS_HIDDEN
        }

        @Override
        public String toString() {
            return "–";
        }
    }
}
