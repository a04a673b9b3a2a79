package no.tilskudd.api.submission;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A check written in Java, for what a form definition cannot declare (e.g. the sum of the measures' budgets
 * against the grant). The core runs it after the form's own field rules and cross-field rules.
 *
 * <p>A validator must not keep state between calls and must not block: the core may run it from several threads,
 * and a validator that throws is reported as a failure of that validator without stopping the others.
 */
@ConsumerType
public interface Validator {

    /**
     * The scheme whose submissions this validator checks. In a host it is used only when its bundle owns the scheme,
     * or declares the scheme as an extension ({@code Tilskudd-Extends}) that an administrator approved.
     *
     * @return the scheme id
     */
    String schemeId();

    /**
     * Checks one submission.
     *
     * @param submission the submission, already checked against the form's field rules
     * @param context    the scheme, form version and org unit
     * @return the violations found; empty if none
     */
    List<Violation> validate(Submission submission, ValidationContext context);
}
