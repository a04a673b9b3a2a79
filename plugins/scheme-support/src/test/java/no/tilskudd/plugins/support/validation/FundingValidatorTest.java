package no.tilskudd.plugins.support.validation;

import static no.tilskudd.plugins.support.testing.Submissions.map;
import static no.tilskudd.plugins.support.testing.Submissions.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.Violation;
import org.junit.jupiter.api.Test;
import no.tilskudd.engine.internal.standard.validation.FundingValidator;

class FundingValidatorTest {

    static final class Checker extends FundingValidator {
        Checker() {
            super("test", "TEST_BUDGETS_EXCEED_FUNDING");
        }
    }

    private static Submission report(Object grant, Object own, Object... budgets) {
        List<Object> measures = java.util.Arrays.stream(budgets).map(b -> (Object) map("name", "T", "budget", b))
                .toList();
        return own == null ? of("test", 2009, "0301", "grantAmount", grant, "measures", measures)
                : of("test", 2009, "0301", "grantAmount", grant, "ownFunding", own, "measures", measures);
    }

    @Test
    void budgetsUpToGrantAndOwnFundingPass() {
        assertTrue(new Checker().validate(report(100_000L, 20_000L, 60_000L, 60_000L), null).isEmpty());
        assertTrue(new Checker().validate(report(100_000L, null, 100_000L), null).isEmpty(), "exactly the grant");
        assertTrue(new Checker().validate(of("test", 2009, "0301", "grantAmount", 1L), null).isEmpty(),
                "no measures");
        assertTrue(new Checker().validate(of("test", 2009, "0301", "measures", List.of(map("budget", 5L))), null)
                .isEmpty(), "no grant amount: only the missing amount is reported, by the form");
    }

    @Test
    void budgetsAboveGrantAndOwnFundingGiveAWarningOnTheMeasures() {
        List<Violation> v = new Checker().validate(report(100_000L, null, 60_000L, new BigDecimal("40000.50")), null);
        assertEquals(1, v.size());
        assertEquals("TEST_BUDGETS_EXCEED_FUNDING", v.get(0).code());
        assertEquals(Severity.WARNING, v.get(0).severity());
        assertEquals("measures", v.get(0).path());
        assertTrue(v.get(0).message().nb().contains("100 000,5 kr"), v.get(0).message().nb());
        assertTrue(v.get(0).message().en().contains("NOK 100,000"), v.get(0).message().en());
        assertEquals("test", new Checker().schemeId());
    }
}
