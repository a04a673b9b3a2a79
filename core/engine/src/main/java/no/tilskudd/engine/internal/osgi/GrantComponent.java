package no.tilskudd.engine.internal.osgi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.GrantService;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.ResponseRate;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.store.GrantRecords;
import no.tilskudd.api.store.StoredGrant;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.submission.RowReader;
import no.tilskudd.engine.internal.grants.GrantRegister;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The grant register, with the store and the readers of workbooks taken dynamically: without a store the service
 * is still there (and says what is missing), as the import service is.
 */
@Component(service = GrantService.class)
public final class GrantComponent implements GrantService {

    @Reference
    private SchemeRegistry schemes;

    @Reference
    private OrgUnitRegister orgUnits;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile GrantRecords grants;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SubmissionStore store;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<RowReader> readers;

    private GrantRegister delegate;

    @Activate
    void activate() {
        delegate = new GrantRegister(schemes, orgUnits, () -> Optional.ofNullable(grants),
                () -> Optional.ofNullable(store), () -> readers);
    }

    @Override
    public FileReport importGrants(Path file, String name, boolean replace, String actor) throws IOException {
        return delegate.importGrants(file, name, replace, actor);
    }

    @Override
    public List<StoredGrant> grants(Optional<String> schemeId, Optional<Integer> year) {
        return delegate.grants(schemeId, year);
    }

    @Override
    public ResponseRate responses(String schemeId, int year) {
        return delegate.responses(schemeId, year);
    }

    @Override
    public ResponseRate responses(String questionnaireId) {
        return delegate.responses(questionnaireId);
    }

    @Override
    public List<String> formats() {
        return delegate.formats();
    }
}
