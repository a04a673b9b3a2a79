package no.tilskudd.urbanyouth.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.List;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.ValidationContext;
import no.tilskudd.api.submission.Validator;
import no.tilskudd.api.submission.Violation;
import org.osgi.service.component.annotations.Component;

/**
 * Only the cities and Oslo districts the scheme is open to may report (23 cities and 7 districts, see
 * {@code eligible-units.csv}). A form rule could list the codes, but the list is data that changes with the circulars,
 * and the message should name the unit, so this is Java.
 */
@Component(service = Validator.class)
@ServiceProvider(value = Validator.class, resolution = Resolution.OPTIONAL)
public final class EligibleUnitValidator implements Validator {

    /** The scheme it checks (the id in the descriptor beside it). */
    static final String SCHEME_ID = "urban-youth";

    /** The violation code. */
    static final String CODE = "URBAN_YOUTH_UNIT_NOT_ELIGIBLE";

    @Override
    public String schemeId() {
        return SCHEME_ID;
    }

    @Override
    public List<Violation> validate(Submission submission, ValidationContext context) {
        EligibleUnits eligible = EligibleUnits.DEFAULT;
        if (eligible.name(submission.orgUnit()).isPresent()) {
            return List.of();
        }
        String unit = submission.orgUnit() + context.orgUnit().map(OrgUnit::name).map(n -> " " + n).orElse("");
        int districts = (int) eligible.names().keySet().stream().filter(c -> c.length() == 6).count();
        int cities = eligible.names().size() - districts;
        return List.of(Violation.error("orgUnit", CODE,
                "«" + unit + "» kan ikke rapportere til Barne- og ungdomstiltak i større bysamfunn. Ordningen gjelder "
                        + "bare " + cities + " byer og " + districts + " bydeler i Oslo. Kontroller kommune-/"
                        + "bydelsnummeret.",
                "'" + unit + "' cannot report to the scheme for child and youth measures in larger cities. The "
                        + "scheme is open only to " + cities + " cities and " + districts + " districts of Oslo. "
                        + "Check the municipality/district code."));
    }
}
