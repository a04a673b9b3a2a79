package no.tilskudd.api.indicator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.submission.Submission;

/**
 * What an indicator computes from.
 *
 * @param selection   what was asked for
 * @param submissions the selected submissions; for a cross-scheme indicator, those of every scheme in the selected
 *                    years and org units
 * @param orgUnits    the org-unit register, by code and year
 */
public record IndicatorInput(Selection selection, List<Submission> submissions, OrgUnitLookup orgUnits) {

    /**
     * Checks the parts and freezes the list.
     *
     * @param selection what was asked for
     * @param submissions the selected submissions; for a cross-scheme indicator, those of every scheme in the selected years and org units
     * @param orgUnits the org-unit register, by code and year
     */
    public IndicatorInput {
        Objects.requireNonNull(selection, "selection");
        submissions = List.copyOf(submissions);
        Objects.requireNonNull(orgUnits, "orgUnits");
    }

    /** Finds an org unit as it was in a year. */
    @FunctionalInterface
    public interface OrgUnitLookup {

        /**
         * Finds an org unit.
         *
         * @param code the code
         * @param year the year
         * @return the org unit, if the code is known
         */
        Optional<OrgUnit> find(String code, int year);
    }
}
