package no.tilskudd.engine.internal.declared;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.ValueKind;

/**
 * A declared indicator, as read from its JSON file ({@code docs/indicator-format.md}). It says what is counted, which
 * of the counted items pass, how they are laid out (a row dimension and an optional column dimension) and what is
 * computed per cell; the evaluator ({@link Evaluation}) and any other back end compute the same table from it.
 *
 * @param id       the stable id (also the table's id)
 * @param title    the caption
 * @param counting what one counted item is
 * @param group    the repeating group whose rows are counted, for {@link Counting#ROW}
 * @param answers  how several reports of one unit combine, for the unit countings
 * @param filter   conditions every counted item meets
 * @param rows     the row dimension
 * @param columns  the column dimension, if any
 * @param measures what each cell holds, in column order
 * @param total    the label of the total row, if the table has one
 * @param counted  what N counts, in words, if the table says
 * @param notes    the author's notes; {@code {n}} and {@code {all:<measure>}} are filled in
 * @param chart    the suggested chart, if any
 */
public record IndicatorDefinition(String id, LocalizedText title, Counting counting, Optional<String> group,
        Answers answers, List<Condition> filter, Dimension rows, Optional<Dimension> columns, List<Measure> measures,
        Optional<LocalizedText> total, Optional<LocalizedText> counted, List<LocalizedText> notes,
        Optional<ChartType> chart) {

    /** Freezes the lists. */
    public IndicatorDefinition {
        Objects.requireNonNull(id, "id");
        filter = List.copyOf(filter);
        measures = List.copyOf(measures);
        notes = List.copyOf(notes);
    }

    /** What one counted item is. */
    public enum Counting {
        /** One submission. */
        REPORT("report"),
        /** An org unit once per scheme, with its reports in the period combined as {@link Answers} says. */
        SCHEME_UNIT("scheme-unit"),
        /** A distinct org unit, whatever the schemes, its reports combined as {@link Answers} says. */
        UNIT("unit"),
        /** A row of a repeating group (e.g. a measure). */
        ROW("row");

        private final String json;

        Counting(String json) {
            this.json = json;
        }

        /** @return the name in the JSON format */
        public String json() {
            return json;
        }
    }

    /** How the reports of one unit combine. */
    public enum Answers {
        /** The latest report in the period that passes the filter and answers (by year, then scheme id). */
        LATEST,
        /** Every answer any of its reports gives: the unit counts once in each row it names. */
        ANY
    }

    /**
     * A condition on a field of the counted item (a row field when rows are counted).
     *
     * @param field the field id
     * @param op    the operator
     * @param number the number compared with, for the order operators
     * @param codes the codes, for {@link Op#IN}
     * @param flag  the value, for {@link Op#IS}
     */
    public record Condition(String field, Op op, Optional<BigDecimal> number, List<String> codes,
            Optional<Boolean> flag) {

        /** Freezes the codes. */
        public Condition {
            codes = List.copyOf(codes);
        }

        /** The operators. */
        public enum Op {
            /** The field has a value. */
            PRESENT,
            /** A number greater than. */
            GT,
            /** A number greater than or equal. */
            GE,
            /** A number less than. */
            LT,
            /** A number less than or equal. */
            LE,
            /** A code among the given ones (for a multi-choice: any of its codes). */
            IN,
            /** A yes/no field with the given value. */
            IS
        }
    }

    /**
     * A dimension: what the rows (or columns) are.
     *
     * @param by       the kind
     * @param field    the field, for {@link By#FIELD} and {@link By#BAND}
     * @param heading  the id and heading of the label column (rows only)
     * @param codes    the codes with their labels, in order, for {@link By#FIELD}; for a yes/no field "true" and
     *                 "false"
     * @param limits   the lower limits of every band but the first, ascending, for {@link By#BAND}
     * @param bandLabels a label per band (one more than the limits), for {@link By#BAND}
     * @param regions  the regions that always get a row, in order, for {@link By#REGION}
     */
    public record Dimension(By by, Optional<String> field, Optional<Heading> heading, List<Code> codes,
            List<BigDecimal> limits, List<LocalizedText> bandLabels, List<String> regions) {

        /** Freezes the lists. */
        public Dimension {
            codes = List.copyOf(codes);
            limits = List.copyOf(limits);
            bandLabels = List.copyOf(bandLabels);
            regions = List.copyOf(regions);
        }

        /** The kinds of dimension. */
        public enum By {
            /** The answer to a choice, multi-choice or yes/no field. */
            FIELD,
            /** The band an amount falls in. */
            BAND,
            /** The org unit's region in the item's year. */
            REGION,
            /** The reporting year. */
            YEAR,
            /** The scheme. */
            SCHEME
        }
    }

    /**
     * The label column of the rows.
     *
     * @param id    the column id
     * @param label the heading
     */
    public record Heading(String id, LocalizedText label) {
    }

    /**
     * A code of a dimension with the label its row gets.
     *
     * @param code  the code
     * @param label the label
     */
    public record Code(String code, LocalizedText label) {
    }

    /**
     * What a cell holds.
     *
     * @param id       the column id; with a column dimension, {@code {column}} is replaced by the column's value
     * @param label    the heading, likewise
     * @param type     what is computed
     * @param field    the number field, for sum, mean and median
     * @param kind     the kind of the column
     * @param decimals the decimals kept, for mean and median
     */
    public record Measure(String id, LocalizedText label, Type type, Optional<String> field, ValueKind kind,
            int decimals) {

        /** What a measure computes. */
        public enum Type {
            /** The number of counted items. */
            COUNT,
            /** The count in percent of the counted items in the same column, whole, a half rounded up. */
            SHARE,
            /** The sum of a number field (absent counts as 0). */
            SUM,
            /** The mean of a number field over the items that give it. */
            MEAN,
            /** The median of a number field over the items that give it. */
            MEDIAN
        }
    }
}
