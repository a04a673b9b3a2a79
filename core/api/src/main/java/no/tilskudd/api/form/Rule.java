package no.tilskudd.api.form;

import java.util.Objects;
import java.util.Optional;

/**
 * A cross-field rule: an expression that must be true for a valid submission.
 *
 * <p>The expression sees the submission's top-level values by field id, plus {@code year} (the reporting year)
 * and {@code scheme} (the scheme id). A rule with a {@code scope} is checked once per row of that repeating
 * group, and then also sees the row's fields by id (a row field hides a top-level field of the same id).
 *
 * @param code       stable code reported in violations, e.g. {@code MEASURE_FIRST_YEAR_AFTER_REPORT}
 * @param expression the condition that must hold, in the expression language described in the form-definition guide
 * @param scope      the id of a repeating group whose rows the rule checks one by one, if any
 * @param field      the field the violation points at (inside the scope's row when there is a scope)
 * @param severity   error or warning
 * @param onMissing  what happens when a value the expression uses is not given
 * @param message    the text shown to the person who filled in the form
 */
public record Rule(
        String code,
        String expression,
        Optional<String> scope,
        Optional<String> field,
        Severity severity,
        MissingValuePolicy onMissing,
        LocalizedText message) {

    /**
     * Checks the parts.
     *
     * @param code stable code reported in violations, e.g. {@code MEASURE_FIRST_YEAR_AFTER_REPORT}
     * @param expression the condition that must hold, in the expression language described in the form-definition guide
     * @param scope the id of a repeating group whose rows the rule checks one by one, if any
     * @param field the field the violation points at (inside the scope's row when there is a scope)
     * @param severity error or warning
     * @param onMissing what happens when a value the expression uses is not given
     * @param message the text shown to the person who filled in the form
     */
    public Rule {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(onMissing, "onMissing");
        Objects.requireNonNull(message, "message");
    }
}
