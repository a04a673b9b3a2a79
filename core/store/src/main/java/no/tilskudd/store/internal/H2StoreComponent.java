package no.tilskudd.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.audit.AuditEvent;
import no.tilskudd.api.audit.AuditLog;
import no.tilskudd.api.audit.AuditQuery;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.api.store.StoreMaintenance;
import no.tilskudd.api.store.StoredSubmission;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.submission.Submission;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Provides the H2 submission store, its audit trail and its backup as services. The database lives in the directory named by the framework
 * property {@value #DATA_PROPERTY} (default {@value #DEFAULT_DATA}).
 */
@Component(service = {SubmissionStore.class, AuditLog.class, StoreMaintenance.class})
public final class H2StoreComponent implements SubmissionStore, AuditLog, StoreMaintenance {

    /** The framework property naming the data directory. */
    public static final String DATA_PROPERTY = "tilskudd.data";

    /** The data directory when the property is not set, relative to the working directory. */
    public static final String DEFAULT_DATA = "data";

    private volatile H2SubmissionStore store;

    @Activate
    void activate(BundleContext context) throws IOException {
        String data = context.getProperty(DATA_PROPERTY);
        Path directory = Path.of(data == null || data.isBlank() ? DEFAULT_DATA : data.strip());
        store = new H2SubmissionStore(Files.createDirectories(directory));
    }

    @Deactivate
    void deactivate() {
        H2SubmissionStore s = store;
        store = null;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public SaveResult save(List<Submission> submissions, boolean replace, String source, String actor) {
        return store().save(submissions, replace, source, actor);
    }

    @Override
    public AuditEvent record(AuditEntry entry) {
        return store().record(entry);
    }

    @Override
    public List<AuditEvent> read(AuditQuery query) {
        return store().read(query);
    }

    @Override
    public List<Path> backup(Path directory) throws IOException {
        return store().backup(directory);
    }

    @Override
    public List<StoredSubmission> find(SubmissionQuery query) {
        return store().find(query);
    }

    @Override
    public long count(SubmissionQuery query) {
        return store().count(query);
    }

    private H2SubmissionStore store() {
        H2SubmissionStore s = store;
        if (s == null) {
            throw new IllegalStateException("the submission store is not active");
        }
        return s;
    }
}
