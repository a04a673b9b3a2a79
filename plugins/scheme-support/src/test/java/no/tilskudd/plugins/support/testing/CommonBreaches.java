package no.tilskudd.plugins.support.testing;

import static no.tilskudd.plugins.support.testing.Breach.set;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.internal.standard.Values;

/** Breaking and passing cases for the rules that every scheme's forms share, under the scheme's code prefix. */
public final class CommonBreaches {

    private CommonBreaches() {
    }

    /**
     * The shared cases.
     *
     * @param prefix    the scheme's code prefix, e.g. {@code AVDIR}
     * @param firstYear the scheme's first grant year
     * @return the cases
     */
    public static List<Breach> of(String prefix, int firstYear) {
        String year = "measures[0].firstFundedYear";
        return List.of(
                Breach.error(prefix + "_REASON_ONLY_WHEN_NOT_ALL", "goalsNotReachedReason",
                        set("goalsReached", "notAll", "goalsNotReachedReason", List.of("time")),
                        set("goalsReached", "all", "goalsNotReachedReason", List.of("time"))),
                Breach.error(prefix + "_FIRST_FUNDED_AFTER_REPORT", year,
                        s -> set("measures[0].newOrContinued", "continued", year, (long) s.year()).apply(s),
                        s -> set("measures[0].newOrContinued", "continued", year, s.year() + 1L).apply(s)),
                Breach.error(prefix + "_FIRST_FUNDED_BEFORE_SCHEME", year,
                        set("measures[0].newOrContinued", "continued", year, (long) firstYear),
                        set("measures[0].newOrContinued", "continued", year, firstYear - 1L)),
                Breach.error(prefix + "_NEW_MEASURE_FIRST_YEAR", year,
                        s -> set("measures[0].newOrContinued", "new", year, (long) s.year()).apply(s),
                        s -> set("measures[0].newOrContinued", "new", year, s.year() - 1L).apply(s)),
                Breach.warning(prefix + "_OPEN_CATEGORY_NOT_OPEN", "measures[0].openToAll",
                        set("measures[0].category", "alle", "measures[0].openToAll", true),
                        set("measures[0].category", "alle", "measures[0].openToAll", false)),
                Breach.warning(prefix + "_NO_PARTICIPANTS", "measures[0].participantsChildren",
                        set("measures[0].participantsChildren", 0L, "measures[0].participantsFamilies", 1L),
                        set("measures[0].participantsChildren", 0L, "measures[0].participantsFamilies", 0L)),
                Breach.warning(prefix + "_BUDGETS_EXCEED_FUNDING", "measures",
                        s -> set("measures[0].budget", budgetToFill(s, 0)).apply(s),
                        s -> set("measures[0].budget", budgetToFill(s, 1)).apply(s)));
    }

    /** The budget for the first measure that makes all budgets add up to the grant and own funding, plus extra. */
    private static BigDecimal budgetToFill(Submission s, long extra) {
        BigDecimal available = Values.amountOrZero(s.values().get("grantAmount"))
                .add(Values.amountOrZero(s.values().get("ownFunding")));
        List<Map<String, Object>> rows = s.rows("measures");
        BigDecimal others = BigDecimal.ZERO;
        for (int i = 1; i < rows.size(); i++) {
            others = others.add(Values.amountOrZero(rows.get(i).get("budget")));
        }
        return available.subtract(others).add(BigDecimal.valueOf(extra));
    }
}
