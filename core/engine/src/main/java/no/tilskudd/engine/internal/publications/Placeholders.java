package no.tilskudd.engine.internal.publications;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;

/**
 * The numbers of a publication's text: placeholders such as {@code {rate.answered}} or
 * {@code {goals.[Nådde alle sine målsettinger].2008}} that name a figure of one of the publication's tables, filled in
 * from the computed table, so that no number in the text is typed.
 *
 * <pre>
 *   {T.n}                 N of table T
 *   {T.COLUMN}            column COLUMN (its id) of the first data row
 *   {T.total.COLUMN}      of the total row
 *   {T.n.COLUMN}          of the row of N (a percent table's counts)
 *   {T.#3.COLUMN}         of the third data row
 *   {T.[Label].COLUMN}    of the row whose label (bokmål or English) is Label
 * </pre>
 */
public final class Placeholders {

    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern INDEX = Pattern.compile("#([1-9][0-9]*)");
    /** A number in the text outside a placeholder, which is refused unless it is a year. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]+(?:[.,][0-9]+)*");

    private Placeholders() {
    }

    /** Which row a reference names. */
    public enum RowKind {
        /** The first data row. */
        FIRST,
        /** The total row. */
        TOTAL,
        /** The row of N. */
        N,
        /** A data row by its position, from 1. */
        INDEX,
        /** A row by its label. */
        LABEL
    }

    /**
     * A reference to one figure of a table.
     *
     * @param table  the table's id in the publication
     * @param row    which row
     * @param index  the position, for {@link RowKind#INDEX}
     * @param label  the label, for {@link RowKind#LABEL}
     * @param column the column id, or empty for the table's N
     */
    public record Ref(String table, RowKind row, int index, String label, Optional<String> column) {
        /** Checks the parts. */
        public Ref {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(column, "column");
        }

        /** @return the reference as written, without braces */
        @Override
        public String toString() {
            String r = switch (row) {
                case FIRST -> "";
                case TOTAL -> "total.";
                case N -> "n.";
                case INDEX -> "#" + index + ".";
                case LABEL -> "[" + label + "].";
            };
            return table + "." + r + column.orElse("n");
        }
    }

    /** A piece of text: literal text, or a reference. */
    public sealed interface Part permits Literal, Figure {
    }

    /** @param text literal text */
    public record Literal(String text) implements Part {
    }

    /** @param ref the figure */
    public record Figure(Ref ref) implements Part {
    }

    /**
     * Parses a reference written without braces.
     *
     * @param s the reference, e.g. {@code regions.total.units}
     * @return the reference
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Ref ref(String s) {
        int dot = s.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("'" + s + "' names no figure: write TABLE.COLUMN, TABLE.n, "
                    + "TABLE.total.COLUMN, TABLE.#2.COLUMN or TABLE.[row label].COLUMN");
        }
        String table = s.substring(0, dot);
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("'" + table + "' is not a table id (lower case letters, digits, "
                    + "hyphens)");
        }
        String rest = s.substring(dot + 1);
        RowKind kind = RowKind.FIRST;
        int index = 0;
        String label = "";
        String column;
        if (rest.startsWith("[")) {
            int end = rest.indexOf("].");
            if (end < 0) {
                throw new IllegalArgumentException("'" + s + "': a row label in [ ] is followed by .COLUMN");
            }
            kind = RowKind.LABEL;
            label = rest.substring(1, end);
            if (label.isBlank()) {
                throw new IllegalArgumentException("'" + s + "': the row label is empty");
            }
            column = rest.substring(end + 2);
        } else {
            int second = rest.indexOf('.');
            if (second < 0) {
                column = rest;
            } else {
                String row = rest.substring(0, second);
                column = rest.substring(second + 1);
                Matcher m = INDEX.matcher(row);
                if (row.equals("total")) {
                    kind = RowKind.TOTAL;
                } else if (row.equals("n")) {
                    kind = RowKind.N;
                } else if (m.matches()) {
                    kind = RowKind.INDEX;
                    index = Integer.parseInt(m.group(1));
                } else {
                    throw new IllegalArgumentException("'" + s + "': unknown row '" + row + "' (a row is total, n, "
                            + "#1, #2, ... or [its label])");
                }
            }
        }
        if (!COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("'" + s + "': '" + column + "' is not a column id");
        }
        Optional<String> col = kind == RowKind.FIRST && column.equals("n") ? Optional.empty() : Optional.of(column);
        return new Ref(table, kind, index, label, col);
    }

    /**
     * Splits a text into literal parts and figures.
     *
     * @param text the text
     * @return the parts in order
     * @throws IllegalArgumentException for a placeholder that is not closed or names no figure, or a number typed
     *                                  outside a placeholder (other than a year)
     */
    public static List<Part> parse(String text) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            int close = text.indexOf('}', i);
            if (close >= 0 && (open < 0 || close < open)) {
                throw new IllegalArgumentException("a '}' at character " + (close + 1) + " closes no placeholder");
            }
            if (open < 0) {
                literal(parts, text.substring(i));
                break;
            }
            literal(parts, text.substring(i, open));
            int end = text.indexOf('}', open);
            int next = text.indexOf('{', open + 1);
            if (end < 0 || next >= 0 && next < end) {
                throw new IllegalArgumentException("the placeholder at character " + (open + 1) + " is not closed");
            }
            parts.add(new Figure(ref(text.substring(open + 1, end))));
            i = end + 1;
        }
        return parts;
    }

    private static void literal(List<Part> parts, String s) {
        Matcher m = DIGITS.matcher(s);
        while (m.find()) {
            String d = m.group();
            boolean year = d.length() == 4 && d.chars().allMatch(Character::isDigit)
                    && Integer.parseInt(d) >= 1900 && Integer.parseInt(d) <= 2100;
            if (!year) {
                throw new IllegalArgumentException("the number '" + d + "' is typed into the text; a number other "
                        + "than a year is a placeholder such as {table.column}, filled from the computed table");
            }
        }
        if (!s.isEmpty()) {
            parts.add(new Literal(s));
        }
    }

    /**
     * A figure of a computed table, as shown: a hidden cell stays hidden.
     *
     * @param ref   the reference
     * @param table the table as published (after suppression)
     * @return the value (a number, a {@link Table.Suppressed}, or null for an empty cell) and its kind
     * @throws IllegalArgumentException when the table has no such row or column
     */
    public static Value resolve(Ref ref, Table table) {
        if (ref.column().isEmpty()) {
            long n = table.n().orElseThrow(() -> new IllegalArgumentException("table '" + ref.table()
                    + "' has no N")).value();
            return new Value(n, ValueKind.COUNT);
        }
        String column = ref.column().get();
        int c = -1;
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).id().equals(column)) {
                c = i;
            }
        }
        if (c < 0) {
            throw new IllegalArgumentException("table '" + ref.table() + "' has no column '" + column
                    + "' (columns: " + table.columns().stream().map(Table.Column::id).toList() + ")");
        }
        int r = row(ref, table);
        Object v = table.rows().get(r).cells().get(c);
        if (v != null && !(v instanceof Number) && !(v instanceof Table.Suppressed)) {
            throw new IllegalArgumentException("{" + ref + "} is text, not a figure");
        }
        return new Value(v, table.kind(r, c));
    }

    private static int row(Ref ref, Table table) {
        List<Table.Row> rows = table.rows();
        switch (ref.row()) {
            case TOTAL, N -> {
                Table.RowKind kind = ref.row() == RowKind.TOTAL ? Table.RowKind.TOTAL : Table.RowKind.COUNT;
                List<Integer> found = table.rowsOf(kind);
                if (found.isEmpty()) {
                    throw new IllegalArgumentException("table '" + ref.table() + "' has no "
                            + (kind == Table.RowKind.TOTAL ? "total row" : "row of N"));
                }
                return found.get(0);
            }
            case FIRST, INDEX -> {
                int wanted = ref.row() == RowKind.FIRST ? 1 : ref.index();
                List<Integer> data = table.rowsOf(Table.RowKind.DATA);
                if (wanted > data.size()) {
                    throw new IllegalArgumentException("table '" + ref.table() + "' has " + data.size()
                            + " data rows, not " + wanted);
                }
                return data.get(wanted - 1);
            }
            default -> {
                List<String> labels = new ArrayList<>();
                for (int r = 0; r < rows.size(); r++) {
                    Object first = rows.get(r).cells().isEmpty() ? null : rows.get(r).cells().get(0);
                    String nb = first instanceof LocalizedText t ? t.nb() : String.valueOf(first);
                    String en = first instanceof LocalizedText t ? t.in(Locale.ENGLISH) : nb;
                    if (ref.label().equalsIgnoreCase(nb) || ref.label().equalsIgnoreCase(en)) {
                        return r;
                    }
                    labels.add(nb);
                }
                throw new IllegalArgumentException("table '" + ref.table() + "' has no row '" + ref.label()
                        + "' (rows: " + labels + ")");
            }
        }
    }

    /**
     * A figure and how it is shown.
     *
     * @param value a number, a hidden cell, or null
     * @param kind  what the number is
     */
    public record Value(Object value, ValueKind kind) {

        /**
         * As text in a sentence: a whole number as is, a decimal with the language's separator, a hidden cell as
         * "–", an empty one as "–" too.
         *
         * @param locale the language
         * @return the text
         */
        public String text(Locale locale) {
            if (!(value instanceof Number n)) {
                return "–";
            }
            BigDecimal d = n instanceof BigDecimal b ? b : n instanceof Double || n instanceof Float
                    ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
            String s = d.stripTrailingZeros().toPlainString();
            return "en".equals(locale.getLanguage()) ? s : s.replace('.', ',');
        }

        /** @return the number, or empty for a hidden or empty cell */
        public Optional<Number> number() {
            return value instanceof Number n ? Optional.of(n) : Optional.empty();
        }
    }

    /**
     * Fills the placeholders of a text.
     *
     * @param parts  the parsed text
     * @param tables the publication's tables as published, by id
     * @param locale the language
     * @return the text
     */
    public static String fill(List<Part> parts, java.util.function.Function<String, Table> tables, Locale locale) {
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Literal l) {
                b.append(l.text());
            } else if (p instanceof Figure f) {
                b.append(resolve(f.ref(), tables.apply(f.ref().table())).text(locale));
            }
        }
        return b.toString();
    }
}
