package no.tilskudd.api.submission;

import java.util.Objects;
import java.util.Optional;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Scheme;

/**
 * What a validator knows besides the submission.
 *
 * @param scheme  the submission's scheme
 * @param form    the form version the submission is checked against
 * @param orgUnit the org unit from the register, if the code is known
 */
public record ValidationContext(Scheme scheme, FormDefinition form, Optional<OrgUnit> orgUnit) {

    /**
     * Checks the parts.
     *
     * @param scheme the submission's scheme
     * @param form the form version the submission is checked against
     * @param orgUnit the org unit from the register, if the code is known
     */
    public ValidationContext {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(orgUnit, "orgUnit");
    }
}
