package no.tilskudd.api.scheme;

import java.util.Objects;
import java.util.Optional;

/**
 * A municipality (kommune) or an Oslo district (bydel) that reports on a grant.
 *
 * @param code      the municipality number (4 digits) or district number (6 digits)
 * @param name      the name
 * @param county    the county (fylke) it belonged to
 * @param region    the reporting region, e.g. {@code Nord} or {@code Øst/Oslo}
 * @param validFrom the first year the code was valid, if known
 * @param validTo   the last year the code was valid, if it has ended
 */
public record OrgUnit(
        String code,
        String name,
        String county,
        String region,
        Optional<Integer> validFrom,
        Optional<Integer> validTo) {

    /**
     * Checks the parts.
     *
     * @param code the municipality number (4 digits) or district number (6 digits)
     * @param name the name
     * @param county the county (fylke) it belonged to
     * @param region the reporting region, e.g. {@code Nord} or {@code Øst/Oslo}
     * @param validFrom the first year the code was valid, if known
     * @param validTo the last year the code was valid, if it has ended
     */
    public OrgUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
    }

    /**
     * Tells whether the code was in use in a year (municipal mergers end codes).
     *
     * @param year the year
     * @return true if the year is within the code's validity
     */
    public boolean validIn(int year) {
        return validFrom.map(from -> year >= from).orElse(true) && validTo.map(to -> year <= to).orElse(true);
    }
}
