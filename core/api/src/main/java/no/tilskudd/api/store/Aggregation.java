package no.tilskudd.api.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an {@link AnswerAggregates} computes: items (reports, units or rows of a repeating group) of a scope that
 * meet every condition, laid out by a row axis and an optional column axis, with per cell the number of items and,
 * per number field, the sum, how many items give it, and the median where asked.
 *
 * <p>An item is counted in a cell when it has a value on both axes; it counts once in each row value it has (a
 * multi-choice field), and once in its column. The unit countings first pick one item per unit ({@code latest}) or
 * count each unit once in each cell any of its items falls in ({@code !latest}; numbers are then not summed).
 *
 * @param scope     which submissions
 * @param forms     only submissions made against these forms (keys as {@link FormUse#key()}); empty means all
 * @param counting  what one item is
 * @param group     the repeating group whose rows are the items, for {@link Counting#ROW}; the fields named are
 *                  then the row's fields
 * @param latest    for the unit countings: whether a unit's latest qualifying item (by year, then scheme id) is
 *                  its item, or each of its qualifying items names cells it counts in once
 * @param filter    conditions every item meets
 * @param rows      the row axis
 * @param columns   the column axis, if any
 * @param numbers   the number fields summed per cell, in order
 * @param medians   the positions in {@code numbers} whose medians are wanted
 * @since 1.3
 */
public record Aggregation(AnswerScope scope, Set<FormUse> forms, Counting counting, Optional<String> group,
        boolean latest, List<Condition> filter, Axis rows, Optional<Axis> columns, List<String> numbers,
        Set<Integer> medians) {

    /**
     * Checks the parts and freezes the collections.
     *
     * @param scope    which submissions
     * @param forms    only submissions made against these forms; empty means all
     * @param counting what one item is
     * @param group    the repeating group, for {@link Counting#ROW}
     * @param latest   for the unit countings: one latest item per unit, or every item
     * @param filter   conditions every item meets
     * @param rows     the row axis
     * @param columns  the column axis, if any
     * @param numbers  the number fields summed per cell
     * @param medians  the positions in {@code numbers} whose medians are wanted
     */
    public Aggregation {
        Objects.requireNonNull(scope, "scope");
        forms = Set.copyOf(forms);
        Objects.requireNonNull(counting, "counting");
        Objects.requireNonNull(group, "group");
        if ((counting == Counting.ROW) != group.isPresent()) {
            throw new IllegalArgumentException("a group is named exactly when rows of it are counted");
        }
        filter = List.copyOf(filter);
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(columns, "columns");
        if (columns.isPresent() && !columns.get().single()) {
            throw new IllegalArgumentException("a column axis must have one value per item");
        }
        numbers = List.copyOf(numbers);
        medians = Set.copyOf(medians);
        for (int m : medians) {
            if (m < 0 || m >= numbers.size()) {
                throw new IllegalArgumentException("median position " + m + " is not a number field");
            }
        }
    }

    /** What one item is. */
    public enum Counting {
        /** One submission. */
        REPORT,
        /** An org unit once per scheme. */
        SCHEME_UNIT,
        /** A distinct org unit. */
        UNIT,
        /** A row of a repeating group. */
        ROW
    }

    /**
     * A condition on a field of the item.
     *
     * @param field  the field id
     * @param op     the operator
     * @param number the number compared with, for the order operators
     * @param codes  the codes, for {@link Op#IN}
     * @param flag   the value, for {@link Op#IS}
     */
    public record Condition(String field, Op op, Optional<BigDecimal> number, List<String> codes,
            Optional<Boolean> flag) {

        /**
         * Checks that the operator has what it compares with, and freezes the codes.
         *
         * @param field  the field id
         * @param op     the operator
         * @param number the number compared with, for the order operators
         * @param codes  the codes, for {@link Op#IN}
         * @param flag   the value, for {@link Op#IS}
         */
        public Condition {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(op, "op");
            codes = List.copyOf(codes);
            boolean order = op == Op.GT || op == Op.GE || op == Op.LT || op == Op.LE;
            if (order != number.isPresent() || (op == Op.IN) == codes.isEmpty() || (op == Op.IS) != flag.isPresent()) {
                throw new IllegalArgumentException("condition on '" + field + "': " + op
                        + " needs exactly its own operand");
            }
        }

        /** The operators. */
        public enum Op {
            /** The field has a value: a number, a yes/no value, a non-blank text or a non-empty list. */
            PRESENT,
            /** A number greater than. */
            GT,
            /** A number greater than or equal. */
            GE,
            /** A number less than. */
            LT,
            /** A number less than or equal. */
            LE,
            /** A code among the given ones (for a list: any of its codes). */
            IN,
            /** A yes/no value. */
            IS
        }
    }

    /**
     * An axis: what the rows or columns are. Its values, as the cells give them, are: the code, or "true"/"false"
     * for a yes/no field ({@link Kind#CODE}); the band's index from 0 ({@link Kind#BAND}); the year; the scheme id;
     * {@code orgUnit + "@" + year} ({@link Kind#ORG_UNIT_YEAR}, from which a caller derives regions).
     *
     * @param kind   the kind
     * @param field  the field, for {@link Kind#CODE} and {@link Kind#BAND}
     * @param codes  the codes that count, for {@link Kind#CODE} (a yes/no field: "true", "false")
     * @param limits the ascending lower limits of every band but the first, for {@link Kind#BAND}; a limit starts
     *               its band
     * @param single whether an item has at most one value on the axis (anything but a multi-choice field); a column
     *               axis must be single
     */
    public record Axis(Kind kind, Optional<String> field, List<String> codes, List<BigDecimal> limits,
            boolean single) {

        /**
         * Checks that a field axis names its field, and freezes the lists.
         *
         * @param kind   the kind
         * @param field  the field, for {@link Kind#CODE} and {@link Kind#BAND}
         * @param codes  the codes that count, for {@link Kind#CODE}
         * @param limits the ascending limits, for {@link Kind#BAND}
         * @param single whether an item has at most one value on the axis
         */
        public Axis {
            Objects.requireNonNull(kind, "kind");
            codes = List.copyOf(codes);
            limits = List.copyOf(limits);
            boolean onField = kind == Kind.CODE || kind == Kind.BAND;
            if (onField != field.isPresent()) {
                throw new IllegalArgumentException(kind + " axis: a field is named exactly for CODE and BAND");
            }
            if (kind == Kind.CODE && codes.isEmpty()) {
                throw new IllegalArgumentException("CODE axis on '" + field.get() + "' has no codes");
            }
            if (kind != Kind.CODE && !single) {
                throw new IllegalArgumentException(kind + " axis: only a code axis can have several values");
            }
        }

        /**
         * The codes of a field.
         *
         * @param field  the field
         * @param codes  the codes that count
         * @param single false for a multi-choice field
         * @return the axis
         */
        public static Axis codes(String field, List<String> codes, boolean single) {
            return new Axis(Kind.CODE, Optional.of(field), codes, List.of(), single);
        }

        /**
         * The bands of a number field.
         *
         * @param field  the field
         * @param limits the ascending lower limits of every band but the first
         * @return the axis
         */
        public static Axis bands(String field, List<BigDecimal> limits) {
            return new Axis(Kind.BAND, Optional.of(field), List.of(), limits, true);
        }

        /**
         * An axis of a fixed kind (year, scheme, org unit and year).
         *
         * @param kind the kind
         * @return the axis
         */
        public static Axis of(Kind kind) {
            return new Axis(kind, Optional.empty(), List.of(), List.of(), true);
        }

        /** The kinds of axis. */
        public enum Kind {
            /** The code(s) a choice, multi-choice or yes/no field holds. */
            CODE,
            /** The band a number falls in. */
            BAND,
            /** The reporting year. */
            YEAR,
            /** The scheme. */
            SCHEME,
            /** The org unit and the year, from which the caller derives a region. */
            ORG_UNIT_YEAR
        }
    }
}
