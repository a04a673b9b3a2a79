package no.tilskudd.engine.internal.osgi;

import java.util.List;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.ValidationService;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.Validator;
import no.tilskudd.api.submission.Violation;
import no.tilskudd.engine.internal.validation.SubmissionValidator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Validation with the plugin validators taken dynamically from the service registry. */
@Component(service = ValidationService.class)
public final class ValidationComponent implements ValidationService {

    @Reference
    private SchemeRegistry schemes;

    @Reference
    private OrgUnitRegister orgUnits;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Validator> validators;

    private SubmissionValidator delegate;

    /** The host setting for how long one plugin validator may take for a chunk of 1000 submissions. */
    static final String TIMEOUT = "tilskudd.validator.timeout.ms";

    @Activate
    void activate(org.osgi.framework.BundleContext context) {
        String t = context.getProperty(TIMEOUT);
        java.time.Duration timeout;
        try {
            timeout = t == null ? java.time.Duration.ofSeconds(5) : java.time.Duration.ofMillis(Long.parseLong(t.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TIMEOUT + " must be a whole number of milliseconds, not '" + t + "'", e);
        }
        delegate = new SubmissionValidator(schemes, orgUnits, () -> validators, timeout);
    }

    @Override
    public List<Violation> validate(Submission submission) {
        return delegate.validate(submission);
    }

    @Override
    public List<List<Violation>> validateAll(List<Submission> submissions) {
        return delegate.validateAll(submissions);
    }
}
