package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.testkit.PluginTestKit;
import no.tilskudd.testkit.SubmissionBuilder;
import org.junit.jupiter.api.Test;

/**
 * The scheme's form, rules, validator and indicators, tested without OSGi through the Tilskudd test kit, which finds
 * the scheme by its manifest header (bnd.bnd) and the validator by ServiceLoader, as a host would.
 */
class PluginTest {

    private final PluginTestKit kit = PluginTestKit.fromServiceLoader();

    private SubmissionBuilder report() {
        return kit.submission("${schemeId}", ${year}, "0301").with("grantAmount", 100_000)
                .with("goalsReached", "all")
                .withRow("measures", "name", "Leksehjelp", "participantsChildren", 12, "budget", 40_000,
                        "firstFundedYear", ${year});
    }

    @Test
    void theFormLoads() {
        assertEquals("${year}", kit.form("${schemeId}", ${year}).version());
    }

    @Test
    void aCompleteReportIsValid() {
        kit.validate(report().build()).assertValid();
    }

    @Test
    void aReasonIsRequiredWhenNotAllGoalsWereReached() {
        kit.validate(report().with("goalsReached", "notAll").build())
                .assertViolation("FIELD_REQUIRED_WHEN", "goalsNotReachedReason");
    }

    @Test
    void aMeasureCannotBeFirstFundedAfterTheReportingYear() {
        Submission s = report().without("measures")
                .withRow("measures", "name", "Ferietur", "firstFundedYear", ${year} + 1).build();
        kit.validate(s).assertViolation("FIRST_FUNDED_AFTER_REPORT", "measures[0].firstFundedYear");
    }

    @Test
    void budgetsOverTheGrantGiveAWarning() {
        Submission s = report().withRow("measures", "name", "Ferietur", "budget", 90_000).build();
        kit.validate(s).assertValid().assertViolation("BUDGETS_EXCEED_GRANT", "measures");
    }

    @Test
    void theDescriptorsStandardIndicatorComputesOnTheReports() {
        Table t = kit.indicator("goal-achievement", List.of(report().build(),
                report().with("goalsReached", "notAll").with("goalsNotReachedReason", "Få deltakere").build()));
        assertEquals(2, t.n().orElseThrow().value());
    }
}
