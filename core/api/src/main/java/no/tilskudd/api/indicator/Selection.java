package no.tilskudd.api.indicator;

import java.util.Objects;
import java.util.Set;

/**
 * Which submissions a computation or report covers.
 *
 * @param schemeId the scheme
 * @param fromYear the first reporting year
 * @param toYear   the last reporting year
 * @param orgUnits org unit codes to keep; empty means all
 * @param regions  regions to keep; empty means all
 */
public record Selection(String schemeId, int fromYear, int toYear, Set<String> orgUnits, Set<String> regions) {

    /**
     * Checks the parts and freezes the sets.
     *
     * @param schemeId the scheme
     * @param fromYear the first reporting year
     * @param toYear the last reporting year
     * @param orgUnits org unit codes to keep; empty means all
     * @param regions regions to keep; empty means all
     */
    public Selection {
        Objects.requireNonNull(schemeId, "schemeId");
        if (toYear < fromYear) {
            throw new IllegalArgumentException("year range " + fromYear + "-" + toYear + " ends before it starts");
        }
        orgUnits = Set.copyOf(orgUnits);
        regions = Set.copyOf(regions);
    }

    /**
     * All org units of a scheme in a range of years.
     *
     * @param schemeId the scheme
     * @param fromYear the first year
     * @param toYear   the last year
     * @return the selection
     */
    public static Selection of(String schemeId, int fromYear, int toYear) {
        return new Selection(schemeId, fromYear, toYear, Set.of(), Set.of());
    }
}
