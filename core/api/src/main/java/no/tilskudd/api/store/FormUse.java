package no.tilskudd.api.store;

import java.util.Objects;

/**
 * How many stored submissions of a scheme and year were made against a form version.
 *
 * @param schemeId    the scheme
 * @param formVersion the form version the submissions name
 * @param year        the reporting year
 * @param submissions how many
 * @since 1.3
 */
public record FormUse(String schemeId, String formVersion, int year, long submissions) {

    /**
     * Checks that nothing is null.
     *
     * @param schemeId    the scheme
     * @param formVersion the form version the submissions name
     * @param year        the reporting year
     * @param submissions how many
     */
    public FormUse {
        Objects.requireNonNull(schemeId, "schemeId");
        Objects.requireNonNull(formVersion, "formVersion");
    }

    /**
     * The same scheme, form version and year, without the count, for {@link Aggregation#forms()}.
     *
     * @return the key
     */
    public FormUse key() {
        return new FormUse(schemeId, formVersion, year, 0);
    }
}
