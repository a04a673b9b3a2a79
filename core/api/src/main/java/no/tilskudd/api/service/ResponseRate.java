package no.tilskudd.api.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.scheme.Questionnaire;

/**
 * Who was expected to report for a scheme and year, who did and who did not; or, for a questionnaire, who was on its
 * respondent list, who answered and who did not.
 *
 * @param schemeId    the scheme
 * @param schemeName  its name: the installed scheme's, else the one the grant register gives, else empty
 * @param installed   whether the scheme is installed (one that is not has no form, so no reports)
 * @param year        the grant and reporting year
 * @param expected    org units with a grant: expected to report
 * @param reported    of those, the ones with a stored report
 * @param rate        reported as a whole percentage of expected, a half rounded up; empty when none was expected
 * @param reportedUnits the expected units with a report, by code
 * @param missing     the expected units without a report, by code
 * @param withoutGrant units with a stored report but no grant, by code: a warning, not counted above
 * @param questionnaire for a questionnaire, its respondent list (expected are its respondents, whatever the year);
 *                    empty for a scheme's reporting year; since 2.3
 */
public record ResponseRate(String schemeId, Optional<LocalizedText> schemeName, boolean installed, int year, int expected,
        int reported, Optional<Integer> rate, List<Unit> reportedUnits, List<Unit> missing, List<Unit> withoutGrant,
        Optional<Questionnaire> questionnaire) {

    /**
     * Checks the parts and freezes the lists.
     *
     * @param schemeId     the scheme
     * @param schemeName   its name
     * @param installed    whether the scheme is installed
     * @param year         the year
     * @param expected     org units with a grant
     * @param reported     of those, the ones with a stored report
     * @param rate         the whole percentage, or empty
     * @param reportedUnits the expected units with a report
     * @param missing      the expected units without a report
     * @param withoutGrant units with a stored report but no grant
     * @param questionnaire the respondent list, for a questionnaire
     */
    public ResponseRate {
        Objects.requireNonNull(schemeId, "schemeId");
        Objects.requireNonNull(questionnaire, "questionnaire");
        Objects.requireNonNull(schemeName, "schemeName");
        Objects.requireNonNull(rate, "rate");
        reportedUnits = List.copyOf(reportedUnits);
        missing = List.copyOf(missing);
        withoutGrant = List.copyOf(withoutGrant);
        if (reported != reportedUnits.size() || missing.size() != expected - reported) {
            throw new IllegalArgumentException("inconsistent response counts: expected " + expected + ", reported "
                    + reported + ", missing " + missing.size());
        }
    }

    /**
     * The response rate of a scheme's reporting year.
     *
     * @param schemeId     the scheme
     * @param schemeName   its name
     * @param installed    whether the scheme is installed
     * @param year         the year
     * @param expected     org units with a grant
     * @param reported     of those, the ones with a stored report
     * @param rate         the whole percentage, or empty
     * @param reportedUnits the expected units with a report
     * @param missing      the expected units without a report
     * @param withoutGrant units with a stored report but no grant
     */
    public ResponseRate(String schemeId, Optional<LocalizedText> schemeName, boolean installed, int year,
            int expected, int reported, Optional<Integer> rate, List<Unit> reportedUnits, List<Unit> missing,
            List<Unit> withoutGrant) {
        this(schemeId, schemeName, installed, year, expected, reported, rate, reportedUnits, missing, withoutGrant,
                Optional.empty());
    }

    /**
     * An org unit, with its name from the org-unit register (its code when the register does not know it); for a
     * questionnaire whose respondents are scheme-units, with the scheme it answers for.
     *
     * @param code the code
     * @param name the name
     * @param schemeId the scheme the respondent answers for, when a respondent is a scheme-unit; since 2.3
     */
    public record Unit(String code, String name, Optional<String> schemeId) {

        /**
         * Checks the parts.
         *
         * @param code the code
         * @param name the name
         * @param schemeId the scheme the respondent answers for, if a respondent is a scheme-unit
         */
        public Unit {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(schemeId, "schemeId");
        }

        /**
         * An org unit.
         *
         * @param code the code
         * @param name the name
         */
        public Unit(String code, String name) {
            this(code, name, Optional.empty());
        }
    }
}
