package no.tilskudd.engine.internal.osgi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.tilskudd.api.report.ReportExporter;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.ReportCheck;
import no.tilskudd.api.service.ReportForm;
import no.tilskudd.api.service.ReportInput;
import no.tilskudd.api.service.ReportSaved;
import no.tilskudd.api.service.ReportState;
import no.tilskudd.api.service.ReportingAssignments;
import no.tilskudd.api.service.ReportingService;
import no.tilskudd.api.service.ReportingStatus;
import no.tilskudd.api.service.ReportingUser;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.ValidationService;
import no.tilskudd.api.store.GrantRecords;
import no.tilskudd.api.store.ReportDraft;
import no.tilskudd.api.store.ReportDrafts;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.store.UserRecords;
import no.tilskudd.api.submission.SubmissionKey;
import no.tilskudd.engine.internal.reporting.Reporting;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Browser reporting, with the store and the exporters taken dynamically: without a store the service is there and
 * says what is missing, as the import service does; without a PDF exporter a receipt says so.
 */
@Component(service = ReportingService.class)
public final class ReportingComponent implements ReportingService {

    @Reference
    private SchemeRegistry schemes;

    @Reference
    private OrgUnitRegister orgUnits;

    @Reference
    private ValidationService validation;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ReportDrafts drafts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SubmissionStore store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile GrantRecords grants;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile UserRecords users;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ReportExporter> exporters;

    private Reporting delegate;

    @Activate
    void activate() {
        delegate = new Reporting(schemes, orgUnits, validation, () -> Optional.ofNullable(drafts),
                () -> Optional.ofNullable(store), () -> Optional.ofNullable(grants), () -> Optional.ofNullable(users),
                () -> exporters);
    }

    @Override
    public ReportingAssignments assignments(ReportingUser user) {
        return delegate.assignments(user);
    }

    @Override
    public ReportForm form(ReportingUser user, String schemeId, int year) {
        return delegate.form(user, schemeId, year);
    }

    @Override
    public ReportState report(ReportingUser user, SubmissionKey key) {
        return delegate.report(user, key);
    }

    @Override
    public ReportCheck validate(ReportingUser user, ReportInput input) {
        return delegate.validate(user, input);
    }

    @Override
    public ReportSaved saveDraft(ReportingUser user, ReportInput input) {
        return delegate.saveDraft(user, input);
    }

    @Override
    public ReportSaved submit(ReportingUser user, ReportInput input) {
        return delegate.submit(user, input);
    }

    @Override
    public void receipt(ReportingUser user, SubmissionKey key, Locale locale, OutputStream out) throws IOException {
        delegate.receipt(user, key, locale, out);
    }

    @Override
    public ReportDraft reopen(ReportingUser user, SubmissionKey key) {
        return delegate.reopen(user, key);
    }

    @Override
    public ReportingStatus status(ReportingUser user, String schemeId, int year) {
        return delegate.status(user, schemeId, year);
    }
}
