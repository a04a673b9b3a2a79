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
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.submission.Submission;

/** Selects submissions from the store and runs the indicators that apply, each isolated from the others' failures. */
public final class IndicatorRunner implements IndicatorService {

    private final Supplier<? extends Collection<Indicator>> indicators;
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
        this.selector = new SubmissionSelector(store, orgUnits);
        this.orgUnits = orgUnits;
    }

    @Override
    public Results compute(Selection selection) {
        List<Submission> own = selector.select(Optional.of(selection.schemeId()), selection);
        List<Submission> all = null;
        List<Table> tables = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Indicator> applicable = indicators.get().stream()
                .filter(i -> i.schemes().isEmpty() || i.schemes().contains(selection.schemeId()))
                .sorted(Comparator.comparing(Indicator::id))
                .toList();
        for (Indicator indicator : applicable) {
            List<Submission> input = own;
            if (indicator.schemes().isEmpty()) {
                if (all == null) {
                    all = selector.select(Optional.empty(), selection);
                }
                input = all;
            }
            try {
                Table table = indicator.compute(new IndicatorInput(selection, input, orgUnits::find));
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
        return new Results(own.size(), tables, failures);
    }
}
