package no.tilskudd.example.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.ValidationContext;
import no.tilskudd.api.submission.Validator;
import no.tilskudd.api.submission.Violation;
import org.osgi.service.component.annotations.Component;

/**
 * The measures' budgets should not add up to more than the grant and the own funding together. A form rule cannot
 * sum over rows, so this is Java; it is a warning because municipalities sometimes fund a measure from other sources.
 */
@Component(service = Validator.class)
@ServiceProvider(value = Validator.class, resolution = Resolution.OPTIONAL)
public final class BudgetValidator implements Validator {

    @Override
    public String schemeId() {
        return "example";
    }

    @Override
    public List<Violation> validate(Submission submission, ValidationContext context) {
        BigDecimal grant = amount(submission.values().get("grantAmount"));
        BigDecimal own = amount(submission.values().get("ownFunding"));
        BigDecimal budgets = BigDecimal.ZERO;
        for (Map<String, Object> row : submission.rows("measures")) {
            budgets = budgets.add(amount(row.get("budget")));
        }
        List<Violation> out = new ArrayList<>();
        BigDecimal available = grant.add(own);
        if (budgets.compareTo(available) > 0) {
            out.add(Violation.warning("measures", "EXAMPLE_BUDGETS_EXCEED_FUNDING",
                    "Tiltakenes budsjetter (" + budgets.toPlainString() + " kr) er større enn tilskudd og "
                            + "egenfinansiering til sammen (" + available.toPlainString() + " kr).",
                    "The measures' budgets (NOK " + budgets.toPlainString() + ") exceed the grant and own funding "
                            + "together (NOK " + available.toPlainString() + ")."));
        }
        return out;
    }

    private static BigDecimal amount(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        return BigDecimal.ZERO;
    }
}
