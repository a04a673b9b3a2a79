package ${package}.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.ValidationContext;
import no.tilskudd.api.submission.Validator;
import no.tilskudd.api.submission.Violation;
import org.osgi.service.component.annotations.Component;

/**
 * A check the form cannot declare: the measures' budgets together must not exceed the grant. Java is optional: a
 * scheme whose rules fit its form and descriptor needs none (delete this class and the test that names its code).
 */
@Component(service = Validator.class)
@ServiceProvider(value = Validator.class, resolution = Resolution.OPTIONAL)
public final class BudgetValidator implements Validator {

    @Override
    public String schemeId() {
        return "${schemeId}";
    }

    @Override
    public List<Violation> validate(Submission submission, ValidationContext context) {
        BigDecimal grant = amount(submission.values().get("grantAmount"));
        BigDecimal budgets = BigDecimal.ZERO;
        for (Map<String, Object> row : submission.rows("measures")) {
            budgets = budgets.add(amount(row.get("budget")));
        }
        if (budgets.compareTo(grant) > 0) {
            return List.of(Violation.warning("measures", "BUDGETS_EXCEED_GRANT",
                    "Tiltakenes budsjetter er større enn tilskuddet.",
                    "The measures' budgets exceed the grant."));
        }
        return List.of();
    }

    private static BigDecimal amount(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        return value instanceof Number n ? BigDecimal.valueOf(n.longValue()) : BigDecimal.ZERO;
    }
}
