package no.tilskudd.engine.internal.indicators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.SchemeChangedException;
import no.tilskudd.api.store.AnswerAggregates;
import no.tilskudd.api.store.AnswerScope;
import no.tilskudd.api.store.FormUse;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.internal.declared.DeclaredIndicator;

/** Selects submissions from the store and runs the indicators that apply, each isolated from the others' failures. */
public final class IndicatorRunner implements IndicatorService {

    private final Supplier<? extends Collection<Indicator>> indicators;
    private final Supplier<Optional<SubmissionStore>> store;
    private final SubmissionSelector selector;
    private final OrgUnitRegister orgUnits;

    /**
     * Creates the service.
     *
     * @param indicators the installed indicators
     * @param store      the store, when installed
     * @param orgUnits   the org-unit register
     */
    public IndicatorRunner(Supplier<? extends Collection<Indicator>> indicators,
            Supplier<Optional<SubmissionStore>> store, OrgUnitRegister orgUnits) {
        this.indicators = indicators;
        this.store = store;
        this.selector = new SubmissionSelector(store, orgUnits);
        this.orgUnits = orgUnits;
    }

    @Override
    public Results compute(Selection selection) {
        // Declared indicators are computed in the store where it offers aggregates; the submissions are read (and
        // held) only when a Java indicator needs them.
        Optional<AnswerAggregates> aggregates = store.get().filter(AnswerAggregates.class::isInstance)
                .map(AnswerAggregates.class::cast).map(OneRun::new);
        Optional<String> scheme = Optional.of(selection.schemeId());
        List<Submission> own = null;
        List<Submission> all = null;
        List<Table> tables = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Indicator> applicable = indicators.get().stream()
                .filter(i -> i.schemes().isEmpty() || i.schemes().contains(selection.schemeId()))
                .sorted(Comparator.comparing(Indicator::id))
                .toList();
        for (Indicator indicator : applicable) {
            boolean crossScheme = indicator.schemes().isEmpty();
            try {
                Optional<Table> stored = Optional.empty();
                if (indicator instanceof DeclaredIndicator declared && aggregates.isPresent()) {
                    stored = declared.computeStored(aggregates.get(),
                            selector.scope(crossScheme ? Optional.empty() : scheme, selection), orgUnits::find);
                }
                Table table;
                if (stored.isPresent()) {
                    table = stored.get();
                } else {
                    List<Submission> input;
                    if (crossScheme) {
                        all = all != null ? all : selector.select(Optional.empty(), selection);
                        input = all;
                    } else {
                        own = own != null ? own : selector.select(scheme, selection);
                        input = own;
                    }
                    table = indicator.compute(new IndicatorInput(selection, input, orgUnits::find));
                }
                if (table == null) {
                    failures.add(indicator.id() + ": returned no table");
                } else if (table.n().isEmpty()) {
                    failures.add(indicator.id() + ": returned a table without its N");
                } else {
                    tables.add(table);
                }
            } catch (RuntimeException | LinkageError e) {
                failures.add(indicator.id() + " (" + indicator.getClass().getName() + "): " + e);
            }
        }
        long selected;
        if (own != null) {
            selected = own.size();
        } else if (aggregates.isPresent()) {
            selected = aggregates.get().formsInUse(selector.scope(scheme, selection)).stream()
                    .mapToLong(FormUse::submissions).sum();
        } else {
            selected = selector.select(scheme, selection).size();
        }
        // A plugin stopped during the run leaves its indicator's object usable, so the run would end with a table
        // from a plugin that is gone (or from the old version of one being replaced): refuse the whole result.
        Collection<Indicator> installed = indicators.get();
        for (Indicator indicator : applicable) {
            if (installed.stream().noneMatch(i -> i == indicator)) {
                throw new SchemeChangedException(selection.schemeId(), "indicator '" + indicator.id() + "' ("
                        + indicator.getClass().getName() + ") of scheme '" + selection.schemeId()
                        + "' was removed or replaced while it ran; its results are refused. Try again.");
            }
        }
        return new Results(selected, tables, failures);
    }

    /**
     * The store's aggregates for one run: every declared indicator and the count of the selection ask for the forms
     * in use of the same scope, and each asking is a scan of the selected submissions' index; asked once per run,
     * a report of eight indicators scans once instead of nine times. Within a run the answer is as live as before:
     * an import during the run may show in one table and not another, as it could without this.
     */
    private static final class OneRun implements AnswerAggregates {
        private final AnswerAggregates store;
        private final java.util.Map<AnswerScope, List<FormUse>> forms = new java.util.HashMap<>();

        OneRun(AnswerAggregates store) {
            this.store = store;
        }

        @Override
        public List<FormUse> formsInUse(AnswerScope scope) {
            return forms.computeIfAbsent(scope, store::formsInUse);
        }

        @Override
        public no.tilskudd.api.store.Aggregate aggregate(no.tilskudd.api.store.Aggregation aggregation) {
            return store.aggregate(aggregation);
        }
    }
}
