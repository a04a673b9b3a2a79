package no.tilskudd.example.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.scheme.Origin;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.ValidationContext;
import no.tilskudd.api.submission.Violation;
import org.junit.jupiter.api.Test;

class BudgetValidatorTest {

    private static final FormDefinition FORM = new FormDefinition("example", "2016", 2016, 2017,
            LocalizedText.of("Årsrapport"), List.of(), List.of());
    private static final ValidationContext CONTEXT = new ValidationContext(
            new Scheme("example", LocalizedText.of("Eksempel"), LocalizedText.of("Direktoratet"), "kap. 9999",
                    2016, List.of(FORM), Optional.empty(), new Origin("test", "1")),
            FORM, Optional.empty());

    private final BudgetValidator validator = new BudgetValidator();

    private static Submission submission(Object grant, Object own, Object... budgets) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (grant != null) {
            values.put("grantAmount", grant);
        }
        if (own != null) {
            values.put("ownFunding", own);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object b : budgets) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", "Tiltak");
            if (b != null) {
                row.put("budget", b);
            }
            rows.add(row);
        }
        values.put("measures", rows);
        return new Submission("example", 2016, "1804", Optional.empty(), values);
    }

    @Test
    void isForTheExampleScheme() {
        assertEquals("example", validator.schemeId());
    }

    @Test
    void budgetsOverGrantAndOwnFundingGiveAWarning() {
        List<Violation> v = validator.validate(submission(100_000L, 25_000L, 100_000L, 25_001L), CONTEXT);
        assertEquals(1, v.size());
        Violation w = v.get(0);
        assertEquals("EXAMPLE_BUDGETS_EXCEED_FUNDING", w.code());
        assertEquals("measures", w.path());
        assertEquals(Severity.WARNING, w.severity());
        assertFalse(w.isError());
        assertEquals("The measures' budgets (NOK 125001) exceed the grant and own funding together (NOK 125000).",
                w.message().en());
        assertEquals("Tiltakenes budsjetter (125001 kr) er større enn tilskudd og egenfinansiering til sammen "
                + "(125000 kr).", w.message().nb());
    }

    @Test
    void budgetsEqualToTheFundingGiveNothing() {
        assertEquals(List.of(), validator.validate(submission(100_000L, 25_000L, 100_000L, 25_000L), CONTEXT));
    }

    @Test
    void budgetsUnderTheFundingGiveNothing() {
        assertEquals(List.of(), validator.validate(submission(100_000L, 25_000L, 50_000L), CONTEXT));
    }

    @Test
    void oreCount() {
        List<Violation> v = validator.validate(submission(new BigDecimal("1000.50"), null,
                new BigDecimal("500.25"), new BigDecimal("500.26")), CONTEXT);
        assertEquals(1, v.size());
        assertEquals("The measures' budgets (NOK 1000.51) exceed the grant and own funding together "
                + "(NOK 1000.50).", v.get(0).message().en());
        assertEquals(List.of(), validator.validate(submission(new BigDecimal("1000.50"), null,
                new BigDecimal("500.25"), new BigDecimal("500.25")), CONTEXT));
    }

    @Test
    void missingOwnFundingCountsAsZero() {
        assertEquals(1, validator.validate(submission(100L, null, 101L), CONTEXT).size());
        assertEquals(List.of(), validator.validate(submission(100L, null, 100L), CONTEXT));
    }

    @Test
    void rowsWithoutABudgetCountAsZero() {
        assertEquals(List.of(), validator.validate(submission(100L, 0L, 60L, null, 40L), CONTEXT));
    }

    @Test
    void noMeasuresGiveNothing() {
        assertEquals(List.of(), validator.validate(submission(100L, 0L), CONTEXT));
    }

    @Test
    void missingGrantWithBudgetsGivesAWarning() {
        assertEquals("EXAMPLE_BUDGETS_EXCEED_FUNDING",
                validator.validate(submission(null, null, 1L), CONTEXT).get(0).code());
    }
}
