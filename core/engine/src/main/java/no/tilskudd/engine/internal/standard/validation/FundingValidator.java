package no.tilskudd.engine.internal.standard.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.ValidationContext;
import no.tilskudd.api.submission.Validator;
import no.tilskudd.api.submission.Violation;
import no.tilskudd.engine.internal.standard.CommonFields;
import no.tilskudd.engine.internal.standard.Values;

/**
 * Warns when the measures' budgets add up to more than the grant and the own funding together. A form rule cannot sum
 * over rows, so this is Java. It is a warning, not an error, because a municipality may fund part of a measure from
 * other sources; the case worker should look, not refuse. A form without own funding counts it as zero; a report
 * without a grant amount is not checked (the missing amount is reported as such).
 */
public class FundingValidator implements Validator {

    private final String schemeId;
    private final String code;

    /**
     * Creates the validator for a scheme.
     *
     * @param schemeId the scheme whose submissions it checks
     * @param code     the violation code, e.g. {@code AVDIR_BUDGETS_EXCEED_FUNDING}
     */
    public FundingValidator(String schemeId, String code) {
        this.schemeId = Objects.requireNonNull(schemeId, "schemeId");
        this.code = Objects.requireNonNull(code, "code");
    }

    @Override
    public final String schemeId() {
        return schemeId;
    }

    @Override
    public final List<Violation> validate(Submission submission, ValidationContext context) {
        // Without a grant there is nothing to compare with; the form's own check reports the missing amount.
        if (Values.number(submission.values().get(CommonFields.GRANT_AMOUNT)).isEmpty()) {
            return List.of();
        }
        BigDecimal grant = Values.amountOrZero(submission.values().get(CommonFields.GRANT_AMOUNT));
        BigDecimal own = Values.amountOrZero(submission.values().get(CommonFields.OWN_FUNDING));
        BigDecimal budgets = BigDecimal.ZERO;
        for (Map<String, Object> row : submission.rows(CommonFields.MEASURES)) {
            budgets = budgets.add(Values.amountOrZero(row.get(CommonFields.BUDGET)));
        }
        BigDecimal available = grant.add(own);
        if (budgets.compareTo(available) <= 0) {
            return List.of();
        }
        return List.of(Violation.warning(CommonFields.MEASURES, code,
                "Midlene som er ført opp på tiltakene (" + Values.kroner(budgets, false) + " kr) er mer enn "
                        + "tilskuddet og egenfinansieringen til sammen (" + Values.kroner(available, false)
                        + " kr). Kontroller beløpene, eller forklar i kommentarfeltet hvordan resten er finansiert.",
                "The funds entered for the measures (NOK " + Values.kroner(budgets, true) + ") are more than the "
                        + "grant and own funding together (NOK " + Values.kroner(available, true) + "). Check the "
                        + "amounts, or explain in the comments how the rest was funded."));
    }
}
