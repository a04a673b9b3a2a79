package no.tilskudd.engine.internal.declared;

import java.util.Optional;
import no.tilskudd.api.store.AnswerAggregates;
import no.tilskudd.api.store.AnswerScope;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.submission.Submission;

/**
 * An indicator computed from its definition: in the store where the store offers aggregates ({@link
 * #computeStored}), else in memory over the selected submissions ({@link #compute}).
 *
 * @param definition the definition
 * @param schemes    the schemes it applies to (empty: every scheme)
 * @param forms      the forms of the submissions, for what was not asked
 * @param position   its place in the scheme's descriptor, which orders the scheme's report
 */
public record DeclaredIndicator(IndicatorDefinition definition, Set<String> schemes, Evaluation.Forms forms,
        int position) implements Indicator {

    /**
     * An indicator that no descriptor places: after those that are placed.
     *
     * @param definition the definition
     * @param schemes    the schemes it applies to
     * @param forms      the forms of the submissions
     */
    public DeclaredIndicator(IndicatorDefinition definition, Set<String> schemes, Evaluation.Forms forms) {
        this(definition, schemes, forms, Integer.MAX_VALUE);
    }

    /** Checks the parts and freezes the set. */
    public DeclaredIndicator {
        Objects.requireNonNull(definition, "definition");
        schemes = Set.copyOf(schemes);
        Objects.requireNonNull(forms, "forms");
    }

    @Override
    public String id() {
        return definition.id();
    }

    @Override
    public LocalizedText title() {
        return definition.title();
    }

    @Override
    public Table compute(IndicatorInput input) {
        Evaluation e = new Evaluation(definition, input.orgUnits(), forms);
        for (Submission s : input.submissions()) {
            e.add(s);
        }
        return e.table();
    }

    /**
     * Computes the table in the store, where the store can.
     *
     * @param store    the store's aggregates
     * @param scope    the submissions to read
     * @param orgUnits the org-unit register
     * @return the table, or empty when this definition needs the submissions ({@link #compute})
     */
    public Optional<Table> computeStored(AnswerAggregates store, AnswerScope scope,
            IndicatorInput.OrgUnitLookup orgUnits) {
        return StoredEvaluation.compute(definition, forms, store, scope, orgUnits);
    }

    /**
     * Computes the table in the store, where the store can, with rows by region grouped in the store.
     *
     * @param store    the store's aggregates
     * @param scope    the submissions to read
     * @param register the org-unit register
     * @return the table, or empty when this definition needs the submissions ({@link #compute})
     */
    public Optional<Table> computeStored(AnswerAggregates store, AnswerScope scope,
            no.tilskudd.api.service.OrgUnitRegister register) {
        Set<String> codes = new java.util.TreeSet<>();
        register.all().forEach(u -> codes.add(u.code()));
        return StoredEvaluation.compute(definition, forms, store, scope, register::find, codes);
    }

    /**
     * One indicator over several schemes that define it alike: the first one's definition, computed over all their
     * submissions, each read with its own scheme's forms.
     *
     * @param alike the schemes' indicators, with equal definitions
     * @return the indicator
     */
    public static DeclaredIndicator across(List<DeclaredIndicator> alike) {
        List<DeclaredIndicator> copy = List.copyOf(alike);
        Set<String> schemes = new java.util.LinkedHashSet<>();
        copy.forEach(d -> schemes.addAll(d.schemes()));
        Evaluation.Forms forms = s -> copy.stream().filter(d -> d.schemes().contains(s.schemeId())).findFirst()
                .flatMap(d -> d.forms().formOf(s));
        return new DeclaredIndicator(copy.get(0).definition(), schemes, forms, copy.get(0).position());
    }

    /**
     * The same indicator counting another unit (a report, a unit once per scheme, a distinct unit), as a
     * publication's table may choose; the definition is otherwise the same.
     *
     * @param counting the counting unit
     * @return the indicator
     * @throws IllegalArgumentException when it counts rows of a group, or the counting is rows
     */
    public DeclaredIndicator counting(IndicatorDefinition.Counting counting) {
        if (definition.counting() == IndicatorDefinition.Counting.ROW || counting == IndicatorDefinition.Counting.ROW) {
            throw new IllegalArgumentException("indicator '" + id() + "' counts " + definition.counting().json()
                    + "s; it cannot count " + counting.json() + "s instead");
        }
        IndicatorDefinition d = definition;
        return new DeclaredIndicator(new IndicatorDefinition(d.id(), d.title(), counting, d.group(), d.answers(),
                d.filter(), d.rows(), d.columns(), d.measures(), d.total(), d.counted(), d.notes(), d.chart()),
                schemes, forms, position);
    }
}
