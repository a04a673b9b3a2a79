package no.tilskudd.engine.internal.osgi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.ImportService;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.ValidationService;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.submission.SubmissionImporter;
import no.tilskudd.engine.internal.importing.FileImporter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** File import with the importers taken dynamically from the service registry. */
@Component(service = ImportService.class)
public final class ImportComponent implements ImportService {

    @Reference
    private SchemeRegistry schemes;

    @Reference
    private ValidationService validation;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<SubmissionImporter> importers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SubmissionStore store;

    private FileImporter delegate;

    @Activate
    void activate() {
        delegate = new FileImporter(() -> importers, schemes, validation, () -> Optional.ofNullable(store));
    }

    @Override
    public FileReport check(Path file) throws IOException {
        return delegate.check(file);
    }

    @Override
    public FileReport importFile(Path file, boolean replace, String actor) throws IOException {
        return delegate.importFile(file, replace, actor);
    }

    @Override
    public Set<String> formats() {
        return delegate.formats();
    }
}
