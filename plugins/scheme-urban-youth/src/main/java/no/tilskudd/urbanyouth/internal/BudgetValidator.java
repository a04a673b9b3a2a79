package no.tilskudd.urbanyouth.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import no.tilskudd.api.submission.Validator;
import no.tilskudd.plugins.support.validation.FundingValidator;
import org.osgi.service.component.annotations.Component;

/** Warns when the measures' budgets add up to more than the grant and own funding ({@link FundingValidator}). */
@Component(service = Validator.class)
@ServiceProvider(value = Validator.class, resolution = Resolution.OPTIONAL)
public final class BudgetValidator extends FundingValidator {

    /** Creates the validator. */
    public BudgetValidator() {
        super(UrbanYouthScheme.ID, "URBAN_YOUTH_BUDGETS_EXCEED_FUNDING");
    }
}
