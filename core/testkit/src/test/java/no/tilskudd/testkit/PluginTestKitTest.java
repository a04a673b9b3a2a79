package no.tilskudd.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.submission.Submission;
import org.junit.jupiter.api.Test;

/** The kit, used the way a plugin author would, on the example scheme. */
class PluginTestKitTest {

    // The example scheme is data found by its manifest header; its validator and indicator by ServiceLoader.
    private final PluginTestKit kit = PluginTestKit.fromServiceLoader();

    private SubmissionBuilder valid(int year, String orgUnit, String goals) {
        return kit.submission("example", year, orgUnit).with("grantAmount", 100_000).with("goalsReached", goals)
                .withRow("measures", "name", "Leksehjelp", "category", "individ", "participantsChildren", 12,
                        "participantsFamilies", 0, "newOrContinued", "new", "firstFundedYear", year);
    }

    @Test
    void loadsTheSchemeAndFindsTheFormForAYear() {
        assertEquals(List.of("2016"), kit.scheme("example").formVersions());
        assertEquals("2016", kit.form("example", 2017).version());
        AssertionError e = assertThrows(AssertionError.class, () -> kit.form("example", 2030));
        assertTrue(e.getMessage().contains("no form for 2030"), e.getMessage());
    }

    @Test
    void builderNormalisesNumbersToTheCoreTypes() {
        Submission s = kit.submission("example", 2016, "1804").with("grantAmount", 1500.5).with("x", 3).build();
        assertEquals(new BigDecimal("1500.5"), s.values().get("grantAmount"));
        assertEquals(3L, s.values().get("x"));
    }

    @Test
    void assertsViolationsByCodeAndPath() {
        kit.validate(valid(2016, "1804", "all").build()).assertValid().assertNoViolation("FIELD_REQUIRED");
        Submission later = valid(2016, "1804", "all").without("measures")
                .withRow("measures", "name", "Ferietur", "category", "familie", "newOrContinued", "continued",
                        "firstFundedYear", 2017, "participantsChildren", 4, "participantsFamilies", 2)
                .build();
        kit.validate(later).assertViolation("EXAMPLE_FIRST_FUNDED_AFTER_REPORT", "measures[0].firstFundedYear");
        AssertionError e = assertThrows(AssertionError.class,
                () -> kit.validate(later).assertViolation("FIELD_REQUIRED", "grantAmount"));
        assertTrue(e.getMessage().contains("EXAMPLE_FIRST_FUNDED_AFTER_REPORT"), "the message lists what was found");
        assertThrows(AssertionError.class, () -> kit.validate(later).assertValid());
    }

    @Test
    void runsAnIndicatorOnFixtures() {
        Table t = kit.indicator("goal-achievement", List.of(valid(2016, "1804", "all").build(),
                valid(2016, "0301", "all").build(), valid(2016, "1103", "notAll").with("goalsNotReachedReason",
                        new String[] {"time"}).build()));
        assertEquals(3, t.n().orElseThrow().value());
        Locale nb = Locale.forLanguageTag("nb");
        assertEquals(List.of("Nådde alle sine målsettinger", 67L), t.rows().get(0).cellsIn(nb));
        assertEquals(List.of("Reached all their goals", 67L), t.rows().get(0).cellsIn(Locale.ENGLISH));
        assertEquals(List.of("Nådde ikke alle målsettinger", 33L), t.rows().get(1).cellsIn(nb));
        assertThrows(AssertionError.class, () -> kit.indicator("no-such", List.of()));
    }
}
