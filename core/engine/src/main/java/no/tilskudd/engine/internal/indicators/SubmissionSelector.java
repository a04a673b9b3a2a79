package no.tilskudd.engine.internal.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Optional;
import java.util.function.Supplier;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.store.AnswerScope;
import no.tilskudd.api.store.StoredSubmission;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.submission.Submission;

/** Reads the submissions a selection covers: by scheme, years and org units in the store, by region here. */
public final class SubmissionSelector {

    private final Supplier<Optional<SubmissionStore>> store;
    private final OrgUnitRegister orgUnits;

    /**
     * Creates the selector.
     *
     * @param store    the store, when installed
     * @param orgUnits the register that maps org units to regions, per year
     */
    public SubmissionSelector(Supplier<Optional<SubmissionStore>> store, OrgUnitRegister orgUnits) {
        this.store = store;
        this.orgUnits = orgUnits;
    }

    /**
     * The submissions of a scheme, or of every scheme, that a selection covers.
     *
     * @param scheme    the scheme, or empty for all schemes
     * @param selection the years, org units and regions
     * @return the submissions, ordered by scheme, year and org unit
     */
    public List<Submission> select(Optional<String> scheme, Selection selection) {
        SubmissionStore s = store.get().orElseThrow(() -> new IllegalStateException(
                "no submission store is installed; check that the store bundle is active"));
        SubmissionQuery q = new SubmissionQuery(scheme, Optional.of(selection.fromYear()),
                Optional.of(selection.toYear()), selection.orgUnits());
        List<Submission> out = new ArrayList<>();
        for (StoredSubmission stored : s.find(q)) {
            Submission sub = stored.submission();
            if (!selection.regions().isEmpty()) {
                String region = orgUnits.find(sub.orgUnit(), sub.year()).map(u -> u.region()).orElse("");
                if (!selection.regions().contains(region)) {
                    continue;
                }
            }
            out.add(sub);
        }
        return out;
    }

    /**
     * The same selection as a scope of the store's aggregates. A region's org units depend on the year (mergers),
     * so a restricted selection names the units of each year.
     *
     * @param schemes   the schemes; empty for all schemes
     * @param selection the years, org units and regions
     * @return the scope
     */
    public AnswerScope scope(Set<String> schemes, Selection selection) {
        if (selection.orgUnits().isEmpty() && selection.regions().isEmpty()) {
            return AnswerScope.of(schemes, selection.fromYear(), selection.toYear());
        }
        Set<String> candidates = new TreeSet<>(selection.orgUnits());
        if (candidates.isEmpty()) {
            orgUnits.all().forEach(u -> candidates.add(u.code()));
        }
        Map<Integer, Set<String>> byYear = new TreeMap<>();
        for (int year = selection.fromYear(); year <= selection.toYear(); year++) {
            Set<String> units = new TreeSet<>();
            for (String code : candidates) {
                if (selection.regions().isEmpty() || selection.regions().contains(
                        orgUnits.find(code, year).map(u -> u.region()).orElse(""))) {
                    units.add(code);
                }
            }
            byYear.put(year, units);
        }
        return new AnswerScope(schemes, selection.fromYear(), selection.toYear(), Optional.of(byYear));
    }
}
