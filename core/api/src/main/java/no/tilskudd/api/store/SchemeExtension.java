package no.tilskudd.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An administrator's approval for a bundle to contribute validators and indicators to a scheme it does not own. The
 * bundle must also declare the scheme as an extension ({@code Tilskudd-Extends: avdir}); an approval alone does not make
 * a bundle's contributions apply, nor does the declaration alone.
 *
 * @param schemeId     the scheme extended, e.g. {@code avdir}
 * @param symbolicName the extending bundle's symbolic name
 * @param actor        who approved it
 * @param approved     when
 * @since 1.5
 */
public record SchemeExtension(String schemeId, String symbolicName, String actor, Instant approved) {

    /**
     * Checks that nothing is null or blank.
     *
     * @param schemeId     the scheme extended
     * @param symbolicName the extending bundle's symbolic name
     * @param actor        who approved it
     * @param approved     when
     */
    public SchemeExtension {
        Objects.requireNonNull(schemeId, "schemeId");
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(approved, "approved");
        if (schemeId.isBlank() || symbolicName.isBlank()) {
            throw new IllegalArgumentException("a scheme extension needs a scheme id and a symbolic name");
        }
    }
}
