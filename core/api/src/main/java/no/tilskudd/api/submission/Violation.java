package no.tilskudd.api.submission;

import java.util.Objects;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.form.Severity;

/**
 * A problem found in a submission.
 *
 * @param path     where: a field path such as {@code measures[2].firstFundedYear} (rows count from 0), or
 *                 {@code orgUnit}, {@code year}, {@code scheme} for the submission's header
 * @param severity error (the submission is refused) or warning (accepted, flagged)
 * @param code     a stable code that tools and people can search for, e.g. {@code FIELD_REQUIRED}
 * @param message  what is wrong, in words a municipal case worker understands
 */
public record Violation(String path, Severity severity, String code, LocalizedText message) {

    /**
     * Checks the parts.
     *
     * @param path where: a field path such as {@code measures[2].firstFundedYear} (rows count from 0), or {@code orgUnit}, {@code year}, {@code scheme} for the submission's header
     * @param severity error (the submission is refused) or warning (accepted, flagged)
     * @param code a stable code that tools and people can search for, e.g. {@code FIELD_REQUIRED}
     * @param message what is wrong, in words a municipal case worker understands
     */
    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /**
     * An error.
     *
     * @param path    the field path
     * @param code    the stable code
     * @param nb      the bokmål message
     * @param en      the English message
     * @return the violation
     */
    public static Violation error(String path, String code, String nb, String en) {
        return new Violation(path, Severity.ERROR, code, new LocalizedText(nb, en));
    }

    /**
     * A warning.
     *
     * @param path    the field path
     * @param code    the stable code
     * @param nb      the bokmål message
     * @param en      the English message
     * @return the violation
     */
    public static Violation warning(String path, String code, String nb, String en) {
        return new Violation(path, Severity.WARNING, code, new LocalizedText(nb, en));
    }

    /**
     * Tells whether the violation refuses the submission.
     *
     * @return true for errors
     */
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
