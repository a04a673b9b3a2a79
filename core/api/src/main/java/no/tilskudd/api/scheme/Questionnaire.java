package no.tilskudd.api.scheme;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What makes a scheme a questionnaire: a form addressed to a respondent list, not reported on for a scheme's
 * reporting year. The respondent list is taken from the grant register: every org unit (or, with {@link #answersFor},
 * every scheme-unit) with a grant from one of {@link #grantSchemes} in {@link #fromYear}–{@link #toYear}. It is read
 * when asked, so a grant imported later is on the list at once.
 *
 * @param grantSchemes the schemes whose grants make the respondent list, in the descriptor's order
 * @param fromYear     the first grant year
 * @param toYear       the last grant year
 * @param answersFor   where a response says which scheme it answers for, when a respondent is a scheme-unit; empty
 *                     when a respondent is an org unit
 * @since 1.1
 */
public record Questionnaire(List<String> grantSchemes, int fromYear, int toYear, Optional<AnswersFor> answersFor) {

    /**
     * Checks the parts and freezes the list.
     *
     * @param grantSchemes the schemes whose grants make the respondent list
     * @param fromYear     the first grant year
     * @param toYear       the last grant year
     * @param answersFor   where a response names the scheme it answers for, if respondents are scheme-units
     */
    public Questionnaire {
        grantSchemes = List.copyOf(grantSchemes);
        if (grantSchemes.isEmpty()) {
            throw new IllegalArgumentException("a questionnaire's respondent list names at least one scheme");
        }
        if (toYear < fromYear) {
            throw new IllegalArgumentException("grant years " + fromYear + "-" + toYear + " end before they start");
        }
        Objects.requireNonNull(answersFor, "answersFor");
    }

    /**
     * Whether a respondent is a scheme-unit (an org unit once per scheme it had a grant from), not an org unit.
     *
     * @return true when responses name the scheme they answer for
     */
    public boolean perSchemeUnit() {
        return answersFor.isPresent();
    }

    /**
     * Where a response names the scheme it answers for: a choice field in the rows of a repeating group, one row per
     * scheme, whose codes are scheme ids. A unit with grants from two schemes answers in two rows of one response.
     *
     * @param group the repeating group's field id
     * @param field the choice field's id in the group's rows
     */
    public record AnswersFor(String group, String field) {

        /**
         * Checks the parts.
         *
         * @param group the repeating group's field id
         * @param field the choice field's id in the group's rows
         */
        public AnswersFor {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(field, "field");
        }
    }
}
