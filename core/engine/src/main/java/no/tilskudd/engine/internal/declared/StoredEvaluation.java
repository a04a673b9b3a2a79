package no.tilskudd.engine.internal.declared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FieldType;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.indicator.IndicatorInput.OrgUnitLookup;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.store.Aggregate;
import no.tilskudd.api.store.Aggregation;
import no.tilskudd.api.store.Aggregation.Axis;
import no.tilskudd.api.store.AnswerAggregates;
import no.tilskudd.api.store.AnswerScope;
import no.tilskudd.api.store.FormUse;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Answers;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Code;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Condition;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Counting;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Dimension;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Measure;

/**
 * Computes a declared indicator in the store: the definition becomes an {@link Aggregation}, the store compiles it
 * to SQL over its answers table, and only the cells come back. The table is laid out by {@link Evaluation}, so that
 * labels, notes, rounding and N are the same as when the submissions are evaluated one by one; that in-memory
 * evaluation is this one's test oracle.
 *
 * <p>A few combinations have no exact aggregate and are left to the in-memory evaluation ({@link #compute} is then
 * empty): a multi-choice field as the column dimension (an item's column is its first code there), and regions
 * combined with medians or with units counted in every row they name (a unit's reports can fall in two regions).
 */
public final class StoredEvaluation {

    /** Kept in step with {@link Evaluation}'s key for an org unit the register does not know. */
    private static final String UNKNOWN_REGION = "\u0000unknown";

    private StoredEvaluation() {
    }

    /**
     * Computes a declared indicator's table in the store.
     *
     * @param definition the definition
     * @param forms      the forms of the submissions, for what was not asked
     * @param store      the store's aggregates
     * @param scope      the submissions to read
     * @param orgUnits   the org-unit register, for regions
     * @return the table, or empty when the definition needs the in-memory evaluation
     */
    public static Optional<Table> compute(IndicatorDefinition definition, Evaluation.Forms forms,
            AnswerAggregates store, AnswerScope scope, OrgUnitLookup orgUnits) {
        return compute(definition, forms, store, scope, orgUnits, List.of());
    }

    /**
     * Computes a declared indicator's table in the store, with rows by region grouped there when the register's
     * codes are given: the store then returns one cell per region, where it returned one per org unit and year
     * (100,000 at 100,000 reports) for the regions to be looked up here.
     *
     * @param definition the definition
     * @param forms      the forms of the submissions, for what was not asked
     * @param store      the store's aggregates
     * @param scope      the submissions to read
     * @param orgUnits   the org-unit register, for regions
     * @param codes      the register's org-unit codes; empty to look the regions up here
     * @return the table, or empty when the definition needs the in-memory evaluation
     */
    public static Optional<Table> compute(IndicatorDefinition definition, Evaluation.Forms forms,
            AnswerAggregates store, AnswerScope scope, OrgUnitLookup orgUnits, java.util.Collection<String> codes) {
        Evaluation evaluation = new Evaluation(definition, orgUnits, forms);
        List<FormUse> uses = store.formsInUse(scope);
        Map<String, Set<Integer>> skipped = new TreeMap<>();
        Set<FormUse> asked = new java.util.LinkedHashSet<>();
        List<FormDefinition> known = new ArrayList<>();
        for (FormUse use : uses) {
            Optional<FormDefinition> form = forms.formOf(new Submission(use.schemeId(), use.year(), "-",
                    Optional.of(use.formVersion()), Map.of()));
            if (evaluation.asks(form)) {
                asked.add(use.key());
                form.ifPresent(known::add);
            } else {
                skipped.computeIfAbsent(use.schemeId(), k -> new TreeSet<>()).add(use.year());
            }
        }
        boolean regions = definition.rows().by() == Dimension.By.REGION
                || definition.columns().map(c -> c.by() == Dimension.By.REGION).orElse(false);
        boolean medians = definition.measures().stream().anyMatch(m -> m.type() == Measure.Type.MEDIAN);
        boolean unitCounting = definition.counting() == Counting.SCHEME_UNIT || definition.counting() == Counting.UNIT;
        if (regions && (medians || unitCounting && definition.answers() == Answers.ANY)) {
            return Optional.empty();
        }
        Optional<Axis> columns = Optional.empty();
        if (definition.columns().isPresent()) {
            Axis c = axis(definition, definition.columns().get(), known, asked.size() == known.size());
            if (!c.single()) {
                return Optional.empty();
            }
            columns = Optional.of(c);
        }
        Axis rows = axis(definition, definition.rows(), known, asked.size() == known.size());
        List<String> numbers = new ArrayList<>();
        Set<Integer> medianAt = new TreeSet<>();
        for (Measure m : definition.measures()) {
            if (m.field().isPresent()) {
                if (m.type() == Measure.Type.MEDIAN) {
                    medianAt.add(numbers.size());
                }
                numbers.add(m.field().get());
            }
        }
        Aggregate aggregate;
        boolean grouped = false;
        if (asked.isEmpty()) {
            aggregate = empty(numbers.size());
        } else {
            Set<FormUse> only = asked.size() == uses.size() ? Set.of() : asked;
            Aggregation aggregation = new Aggregation(scope, only, counting(definition.counting()),
                    definition.group(), definition.answers() == Answers.LATEST, filter(definition.filter()), rows,
                    columns, numbers, medianAt);
            Optional<Aggregate> byRegion = Optional.empty();
            if (definition.rows().by() == Dimension.By.REGION && !codes.isEmpty()) {
                byRegion = store.aggregateByRegion(aggregation, regions(codes, uses, orgUnits), UNKNOWN_REGION);
            }
            grouped = byRegion.isPresent();
            aggregate = spread(byRegion.orElseGet(() -> store.aggregate(aggregation)), definition, numbers.size());
        }
        UnaryOperator<String> rowKey = grouped ? UnaryOperator.identity() : key(definition.rows(), orgUnits);
        UnaryOperator<String> columnKey = definition.columns().map(c -> key(c, orgUnits))
                .orElse(UnaryOperator.identity());
        return Optional.of(evaluation.table(aggregate, skipped, rowKey, columnKey));
    }

    /**
     * The aggregate has one number column per measure with a field, the evaluation one per measure: a measure
     * without a field gets zeros there.
     */
    private static Aggregate spread(Aggregate a, IndicatorDefinition definition, int numbers) {
        if (numbers == definition.measures().size()) {
            return a;
        }
        List<Aggregate.Cell> cells = a.cells().stream().map(c -> spread(c, definition)).toList();
        List<Aggregate.Cell> totals = a.columnTotals().stream().map(c -> spread(c, definition)).toList();
        return new Aggregate(cells, totals, spread(a.overall(), definition));
    }

    private static Aggregate.Cell spread(Aggregate.Cell c, IndicatorDefinition definition) {
        List<java.math.BigDecimal> sums = new ArrayList<>();
        List<Long> given = new ArrayList<>();
        List<Optional<java.math.BigDecimal>> medians = new ArrayList<>();
        int at = 0;
        for (Measure m : definition.measures()) {
            if (m.field().isPresent()) {
                sums.add(c.sums().get(at));
                given.add(c.given().get(at));
                medians.add(c.medians().get(at));
                at++;
            } else {
                sums.add(java.math.BigDecimal.ZERO);
                given.add(0L);
                medians.add(Optional.empty());
            }
        }
        return new Aggregate.Cell(c.row(), c.column(), c.count(), sums, given, medians);
    }

    private static Aggregate empty(int numbers) {
        List<java.math.BigDecimal> zeros = java.util.Collections.nCopies(numbers, java.math.BigDecimal.ZERO);
        List<Long> none = java.util.Collections.nCopies(numbers, 0L);
        return new Aggregate(List.of(), List.of(), new Aggregate.Cell("", "", 0, zeros, none,
                java.util.Collections.nCopies(numbers, Optional.empty())));
    }

    /**
     * The region of each code in each year the scope has reports of, as {@link #key} finds it: a code the register
     * knows always has one (its first entry outside its validity), a code it does not know is left out (unknown).
     */
    private static Map<String, String> regions(java.util.Collection<String> codes, List<FormUse> uses,
            OrgUnitLookup orgUnits) {
        Set<Integer> years = new TreeSet<>();
        uses.forEach(u -> years.add(u.year()));
        Map<String, String> out = new java.util.HashMap<>();
        for (String code : codes) {
            for (int year : years) {
                orgUnits.find(code, year).ifPresent(u -> out.put(code + "@" + year, u.region()));
            }
        }
        return out;
    }

    /** Maps the store's value on an axis to the evaluation's key: a region for an org unit and year. */
    private static UnaryOperator<String> key(Dimension d, OrgUnitLookup orgUnits) {
        if (d.by() != Dimension.By.REGION) {
            return UnaryOperator.identity();
        }
        return value -> {
            int at = value.lastIndexOf('@');
            String unit = value.substring(0, at);
            int year = Integer.parseInt(value.substring(at + 1));
            return orgUnits.find(unit, year).map(OrgUnit::region).orElse(UNKNOWN_REGION);
        };
    }

    private static Axis axis(IndicatorDefinition definition, Dimension d, List<FormDefinition> forms,
            boolean allKnown) {
        return switch (d.by()) {
            case FIELD -> Axis.codes(d.field().orElseThrow(), d.codes().stream().map(Code::code).toList(),
                    allKnown && forms.stream().noneMatch(f -> multiChoice(f, definition, d.field().get())));
            case BAND -> Axis.bands(d.field().orElseThrow(), d.limits());
            case YEAR -> Axis.of(Axis.Kind.YEAR);
            case SCHEME -> Axis.of(Axis.Kind.SCHEME);
            case REGION -> Axis.of(Axis.Kind.ORG_UNIT_YEAR);
        };
    }

    private static boolean multiChoice(FormDefinition form, IndicatorDefinition definition, String field) {
        Optional<Field> f = definition.group().isPresent()
                ? form.field(definition.group().get()).flatMap(g -> g.field(field)) : form.field(field);
        return f.map(x -> x.type() == FieldType.MULTI_CHOICE).orElse(true);
    }

    private static Aggregation.Counting counting(Counting c) {
        return switch (c) {
            case REPORT -> Aggregation.Counting.REPORT;
            case SCHEME_UNIT -> Aggregation.Counting.SCHEME_UNIT;
            case UNIT -> Aggregation.Counting.UNIT;
            case ROW -> Aggregation.Counting.ROW;
        };
    }

    private static List<Aggregation.Condition> filter(List<Condition> filter) {
        List<Aggregation.Condition> out = new ArrayList<>();
        for (Condition c : filter) {
            out.add(new Aggregation.Condition(c.field(), Aggregation.Condition.Op.valueOf(c.op().name()), c.number(),
                    c.codes(), c.flag()));
        }
        return out;
    }
}
