package no.tilskudd.api.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import no.tilskudd.api.submission.SubmissionKey;

/**
 * A grant (tildeling) in the grant register: a scheme gave an org unit an amount for a year, and so expects a report
 * from it for that year. The scheme need not be installed: schemes without a form in this system (Unge utenfor, say)
 * are named in the register too, so that what else a unit is funded by can be counted from data.
 *
 * @param schemeId          the scheme's id: an installed scheme's, or an id the register gives one that is not
 * @param schemeName        the scheme's name as the register gives it; the label of a scheme that is not installed
 * @param year              the grant year, which is the reporting year of the report it asks for
 * @param orgUnit           the org unit code (municipality or Oslo district)
 * @param amount            the amount granted, NOK, not negative; kept without trailing zeros after the decimal
 *                          point (250000.50 is 250000.5), so that a grant reads back equal to what was saved
 * @param decisionDate      when the grant was decided, if known
 * @param caseNumber        the case number (saksnummer), if known
 * @param reportingDeadline when the report is due, if known
 */
public record Grant(String schemeId, Optional<String> schemeName, int year, String orgUnit, BigDecimal amount,
        Optional<LocalDate> decisionDate, Optional<String> caseNumber, Optional<LocalDate> reportingDeadline) {

    /**
     * Checks the parts and drops the amount's trailing zeros.
     *
     * @param schemeId          the scheme's id
     * @param schemeName        the scheme's name as the register gives it
     * @param year              the grant year
     * @param orgUnit           the org unit code
     * @param amount            the amount granted, NOK, not negative
     * @param decisionDate      when the grant was decided, if known
     * @param caseNumber        the case number, if known
     * @param reportingDeadline when the report is due, if known
     */
    public Grant {
        Objects.requireNonNull(schemeId, "schemeId");
        Objects.requireNonNull(schemeName, "schemeName");
        Objects.requireNonNull(orgUnit, "orgUnit");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(decisionDate, "decisionDate");
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(reportingDeadline, "reportingDeadline");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a grant's amount cannot be negative: " + amount);
        }
        BigDecimal plain = amount.stripTrailingZeros();
        amount = plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    /**
     * What makes a grant unique: one per scheme, year and org unit, the key of the report it asks for.
     *
     * @return the key
     */
    public SubmissionKey key() {
        return new SubmissionKey(schemeId, year, orgUnit);
    }
}
