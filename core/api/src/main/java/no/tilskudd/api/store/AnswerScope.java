package no.tilskudd.api.store;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which stored submissions an aggregation reads.
 *
 * @param schemes  the schemes; empty means every scheme
 * @param fromYear the first reporting year
 * @param toYear   the last reporting year
 * @param orgUnits the org units allowed in each year, when the selection is restricted (a region's units depend on
 *                 the year); a year without an entry then has no submissions in scope
 * @since 1.3
 */
public record AnswerScope(Set<String> schemes, int fromYear, int toYear,
        Optional<Map<Integer, Set<String>>> orgUnits) {

    /**
     * Freezes the sets and checks the years.
     *
     * @param schemes  the schemes; empty means every scheme
     * @param fromYear the first reporting year
     * @param toYear   the last reporting year
     * @param orgUnits the org units allowed in each year, when the selection is restricted
     */
    public AnswerScope {
        schemes = Set.copyOf(schemes);
        if (fromYear > toYear) {
            throw new IllegalArgumentException("the first year " + fromYear + " is after the last " + toYear);
        }
        Objects.requireNonNull(orgUnits, "orgUnits");
        orgUnits = orgUnits.map(m -> {
            Map<Integer, Set<String>> copy = new TreeMap<>();
            m.forEach((year, units) -> copy.put(year, Set.copyOf(units)));
            return Map.copyOf(copy);
        });
    }

    /**
     * Every org unit of some schemes in a range of years.
     *
     * @param schemes  the schemes; empty means every scheme
     * @param fromYear the first reporting year
     * @param toYear   the last reporting year
     * @return the scope
     */
    public static AnswerScope of(Set<String> schemes, int fromYear, int toYear) {
        return new AnswerScope(schemes, fromYear, toYear, Optional.empty());
    }
}
