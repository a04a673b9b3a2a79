package no.tilskudd.api.store;

import java.util.Optional;
import java.util.Set;

/**
 * Which stored submissions to read. Regions are resolved to org-unit codes by the caller, because the
 * region of a code depends on the year (municipal mergers).
 *
 * @param schemeId only this scheme, if given
 * @param fromYear from this reporting year, if given
 * @param toYear   up to this reporting year, if given
 * @param orgUnits only these org units; empty means all
 */
public record SubmissionQuery(Optional<String> schemeId, Optional<Integer> fromYear, Optional<Integer> toYear,
        Set<String> orgUnits) {

    /**
     * Freezes the set.
     *
     * @param schemeId only this scheme, if given
     * @param fromYear from this reporting year, if given
     * @param toYear up to this reporting year, if given
     * @param orgUnits only these org units; empty means all
     */
    public SubmissionQuery {
        orgUnits = Set.copyOf(orgUnits);
    }

    /**
     * Everything stored.
     *
     * @return the query
     */
    public static SubmissionQuery all() {
        return new SubmissionQuery(Optional.empty(), Optional.empty(), Optional.empty(), Set.of());
    }

    /**
     * One scheme in a range of years.
     *
     * @param schemeId the scheme
     * @param fromYear the first year
     * @param toYear   the last year
     * @return the query
     */
    public static SubmissionQuery scheme(String schemeId, int fromYear, int toYear) {
        return new SubmissionQuery(Optional.of(schemeId), Optional.of(fromYear), Optional.of(toYear), Set.of());
    }
}
