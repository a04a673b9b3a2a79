package no.tilskudd.api.form;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Limits on a field's value. Absent limits are not checked.
 *
 * @param min       smallest allowed number (inclusive), for numeric fields
 * @param max       largest allowed number (inclusive), for numeric fields
 * @param maxLength longest allowed text, for text fields
 * @param pattern   a regular expression the whole text must match, for text fields
 * @param minRows   fewest rows, for repeating groups
 * @param maxRows   most rows, for repeating groups
 */
public record Constraints(
        Optional<BigDecimal> min,
        Optional<BigDecimal> max,
        Optional<Integer> maxLength,
        Optional<String> pattern,
        Optional<Integer> minRows,
        Optional<Integer> maxRows) {

    /** No limits at all. */
    public static final Constraints NONE = new Constraints(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
