package no.tilskudd.api.service;

import java.util.Objects;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.scheme.Scheme;

/**
 * The form a unit fills in for a scheme and year.
 *
 * @param scheme the scheme
 * @param year   the reporting year
 * @param form   the form definition that covers the year
 * @since 2.4
 */
public record ReportForm(Scheme scheme, int year, FormDefinition form) {

    /**
     * Checks the parts.
     *
     * @param scheme the scheme
     * @param year the reporting year
     * @param form the form definition
     */
    public ReportForm {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(form, "form");
    }
}
