package no.tilskudd.api.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of an {@link Aggregation}.
 *
 * @param cells        one per row and column value that has items
 * @param columnTotals one per column value that has items, each item once ({@link Cell#row()} is empty)
 * @param overall      every item once ({@link Cell#row()} and {@link Cell#column()} are empty)
 * @since 1.3
 */
public record Aggregate(List<Cell> cells, List<Cell> columnTotals, Cell overall) {

    /**
     * Freezes the lists.
     *
     * @param cells        one per row and column value that has items
     * @param columnTotals one per column value that has items
     * @param overall      every item once
     */
    public Aggregate {
        cells = List.copyOf(cells);
        columnTotals = List.copyOf(columnTotals);
        Objects.requireNonNull(overall, "overall");
    }

    /**
     * A cell.
     *
     * @param row     the row value (empty in totals)
     * @param column  the column value; empty without a column axis and in the overall total
     * @param count   the items
     * @param sums    per number field, the sum of the values given (zero when none)
     * @param given   per number field, how many items give a value
     * @param medians per number field, the median of the values given, where asked and some are given
     */
    public record Cell(String row, String column, long count, List<BigDecimal> sums, List<Long> given,
            List<Optional<BigDecimal>> medians) {

        /**
         * Checks the parts and freezes the lists.
         *
         * @param row     the row value
         * @param column  the column value
         * @param count   the items
         * @param sums    per number field, the sum
         * @param given   per number field, how many give it
         * @param medians per number field, the median where asked
         */
        public Cell {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(column, "column");
            sums = List.copyOf(sums);
            given = List.copyOf(given);
            medians = List.copyOf(medians);
            if (sums.size() != given.size() || sums.size() != medians.size()) {
                throw new IllegalArgumentException("a cell has one sum, count and median per number field");
            }
        }
    }
}
