package no.tilskudd.api.indicator;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which submissions a computation or report covers: one scheme, or several together (their fields line up by id; a
 * field one scheme's form lacks counts as not asked there).
 *
 * @param schemeIds the schemes, the first being the one a single-scheme caller means; each once
 * @param fromYear  the first reporting year
 * @param toYear    the last reporting year
 * @param orgUnits  org unit codes to keep; empty means all
 * @param regions   regions to keep; empty means all
 */
public record Selection(List<String> schemeIds, int fromYear, int toYear, Set<String> orgUnits,
        Set<String> regions) {

    /**
     * Checks the parts and freezes the collections.
     *
     * @param schemeIds the schemes, at least one, each once
     * @param fromYear  the first reporting year
     * @param toYear    the last reporting year
     * @param orgUnits  org unit codes to keep; empty means all
     * @param regions   regions to keep; empty means all
     */
    public Selection {
        schemeIds = List.copyOf(schemeIds);
        if (schemeIds.isEmpty()) {
            throw new IllegalArgumentException("a selection names at least one scheme");
        }
        if (new java.util.HashSet<>(schemeIds).size() != schemeIds.size()) {
            throw new IllegalArgumentException("a scheme is named twice in " + schemeIds);
        }
        if (toYear < fromYear) {
            throw new IllegalArgumentException("year range " + fromYear + "-" + toYear + " ends before it starts");
        }
        orgUnits = Set.copyOf(orgUnits);
        regions = Set.copyOf(regions);
    }

    /**
     * One scheme.
     *
     * @param schemeId the scheme
     * @param fromYear the first reporting year
     * @param toYear   the last reporting year
     * @param orgUnits org unit codes to keep; empty means all
     * @param regions  regions to keep; empty means all
     */
    public Selection(String schemeId, int fromYear, int toYear, Set<String> orgUnits, Set<String> regions) {
        this(List.of(Objects.requireNonNull(schemeId, "schemeId")), fromYear, toYear, orgUnits, regions);
    }

    /**
     * The scheme, or the first of several.
     *
     * @return its id
     */
    public String schemeId() {
        return schemeIds.get(0);
    }

    /**
     * Whether several schemes are selected together.
     *
     * @return true for more than one
     * @since 2.1
     */
    public boolean severalSchemes() {
        return schemeIds.size() > 1;
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
