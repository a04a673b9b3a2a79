package no.tilskudd.engine.internal.osgi;

import java.util.List;
import java.util.Optional;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.StoredReportCheck;
import no.tilskudd.api.service.ValidationService;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.engine.internal.validation.StoredReports;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The stored reports that no longer validate against a current form, for the status and the indicator tables. */
@Component(service = StoredReportCheck.class)
public final class StoredReportCheckComponent implements StoredReportCheck {

    @Reference
    private SchemeRegistry schemes;
    @Reference
    private ValidationService validation;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SubmissionStore store;

    private StoredReports delegate;

    @Activate
    void activate() {
        delegate = new StoredReports(() -> Optional.ofNullable(store), schemes, validation);
    }

    @Override
    public List<Invalid> invalid() {
        return delegate.invalid();
    }

    @Override
    public Optional<Invalid> invalid(String schemeId) {
        return delegate.invalid(schemeId);
    }
}
