package no.tilskudd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.submission.Submission;
import org.junit.jupiter.api.Test;

/**
 * A value of the wrong type (a year typed as a word, as in a spreadsheet cell) gives one violation at its field,
 * never a second one from a rule that could not compute with it: the rule's author and the reporting unit both
 * read "could not be evaluated" as a fault of the system.
 */
class MistypedValueOneViolationTest {

    private static List<String> codes(Object firstFundedYear, Object children) {
        StandaloneEngine engine = StandaloneEngine.builder().addScheme(TestSchemes.EXAMPLE).build();
        Submission s = new Submission("example", 2016, "1804", Optional.empty(), Map.of(
                "grantAmount", 1000L, "ownFunding", 0L, "goalsReached", "all",
                "measures", List.of(Map.of("name", "A", "category", "alle", "newOrContinued", "new",
                        "firstFundedYear", firstFundedYear, "participantsChildren", children,
                        "participantsFamilies", 1L, "budget", 150L))));
        return engine.validation().validate(s).stream().map(v -> v.code() + "@" + v.path()).toList();
    }

    @Test
    void aWordWhereAYearBelongsIsOneTypeViolation() {
        assertEquals(List.of("FIELD_TYPE@measures[0].firstFundedYear"), codes("tjueseksten", 3L));
    }

    @Test
    void aWordInASumIsOneTypeViolation() {
        assertEquals(List.of("FIELD_TYPE@measures[0].participantsChildren"), codes(2016L, "tre"));
    }

    @Test
    void theRulesStillRunOnWellTypedValues() {
        assertEquals(List.of("EXAMPLE_FIRST_FUNDED_AFTER_REPORT@measures[0].firstFundedYear",
                "EXAMPLE_NEW_MEASURE_HAS_FIRST_YEAR@measures[0].firstFundedYear"), codes(2017L, 3L));
    }
}
