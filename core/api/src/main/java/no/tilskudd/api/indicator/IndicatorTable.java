package no.tilskudd.api.indicator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.ValueKind;

/**
 * The result of an indicator. Cells hold {@link String}, {@link Number} or null.
 *
 * @param id      the indicator id
 * @param title   the caption
 * @param n       how many units (submissions, org units) the table is based on
 * @param columns the columns
 * @param rows    the rows
 * @param notes   notes to print under the table
 * @param chart     the chart that suits the table, if any
 * @param totalRows indices of rows whose numeric cells sum the rows above them (back to the previous total row);
 *                  formats write them as formulas, and small-count suppression protects them
 * @param rowKinds  rows whose numbers are of another kind than their columns, by row index: e.g. the "N" row of a
 *                  percent table holds counts ({@link ValueKind#COUNT}); such rows are not chart categories
 */
public record IndicatorTable(String id, LocalizedText title, long n, List<IndicatorColumn> columns,
        List<List<Object>> rows, List<LocalizedText> notes, Optional<ChartType> chart, Set<Integer> totalRows,
        Map<Integer, ValueKind> rowKinds) {

    /**
     * A table whose rows all hold what their columns say.
     *
     * @param id        the indicator id
     * @param title     the caption
     * @param n         the number of units
     * @param columns   the columns
     * @param rows      the rows
     * @param notes     notes under the table
     * @param chart     the suitable chart, if any
     * @param totalRows indices of total rows
     */
    public IndicatorTable(String id, LocalizedText title, long n, List<IndicatorColumn> columns,
            List<List<Object>> rows, List<LocalizedText> notes, Optional<ChartType> chart, Set<Integer> totalRows) {
        this(id, title, n, columns, rows, notes, chart, totalRows, Map.of());
    }

    /**
     * A table without total rows.
     *
     * @param id      the indicator id
     * @param title   the caption
     * @param n       the number of units
     * @param columns the columns
     * @param rows    the rows
     * @param notes   notes under the table
     * @param chart   the suitable chart, if any
     */
    public IndicatorTable(String id, LocalizedText title, long n, List<IndicatorColumn> columns,
            List<List<Object>> rows, List<LocalizedText> notes, Optional<ChartType> chart) {
        this(id, title, n, columns, rows, notes, chart, Set.of(), Map.of());
    }

    /**
     * Checks the parts and freezes the lists (rows may hold nulls).
     *
     * @param id the indicator id
     * @param title the caption
     * @param n how many units (submissions, org units) the table is based on
     * @param columns the columns
     * @param rows the rows
     * @param notes notes to print under the table
     * @param chart the chart that suits the table, if any
     * @param totalRows indices of rows whose numeric cells sum the rows above them (back to the previous total row); formats write them as formulas, and small-count suppression protects them
     * @param rowKinds rows whose numbers are of another kind than their columns
     */
    public IndicatorTable {
        totalRows = Set.copyOf(totalRows);
        rowKinds = Map.copyOf(rowKinds);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        List<List<Object>> frozen = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("indicator " + id + ": a row has " + row.size()
                        + " cells, the table " + columns.size() + " columns");
            }
            frozen.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(frozen);
        notes = List.copyOf(notes);
        Objects.requireNonNull(chart, "chart");
        for (int t : totalRows) {
            if (t < 0 || t >= rows.size()) {
                throw new IllegalArgumentException("indicator " + id + ": total row " + t + " does not exist");
            }
        }
        for (int r : rowKinds.keySet()) {
            if (r < 0 || r >= rows.size()) {
                throw new IllegalArgumentException("indicator " + id + ": row " + r + " does not exist");
            }
        }
    }

    /**
     * What a cell holds: its row's kind if the row has one, else its column's.
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
