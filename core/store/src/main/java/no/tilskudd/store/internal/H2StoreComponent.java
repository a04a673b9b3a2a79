package no.tilskudd.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.osgi.service.component.annotations.Modified;

/**
 * Provides the H2 submission store, its audit trail and its backup as services. The database lives in the directory named by the framework
 * property {@value #DATA_PROPERTY} (default {@value #DEFAULT_DATA}), or by the same key in the configuration
 * {@value #PID} where Config Admin has one (Apache Karaf: {@code etc/no.tilskudd.cfg}).
 */
@Component(service = {SubmissionStore.class, AuditLog.class, StoreMaintenance.class}, configurationPid = H2StoreComponent.PID)
public final class H2StoreComponent implements SubmissionStore, AuditLog, StoreMaintenance {

    /** The framework property naming the data directory. */
    public static final String DATA_PROPERTY = "tilskudd.data";

    /** The configuration that may name the data directory instead of the framework property, and then wins. */
    public static final String PID = "no.tilskudd";

    /** The data directory when the property is not set, relative to the working directory. */
    public static final String DEFAULT_DATA = "data";

    private volatile H2SubmissionStore store;
    private Path directory;

    @Activate
    void activate(BundleContext context, Map<String, Object> config) throws IOException {
        directory = directory(context, config);
        store = new H2SubmissionStore(Files.createDirectories(directory));
    }

    /**
     * Keeps the store open when the configuration changes but still names the same folder (Karaf's FileInstall, for
     * one, adds a key of its own once it has read {@code etc/no.tilskudd.cfg}); without this, every change would
     * restart the store and every service that uses it. Another folder: the store there opens, then this one closes.
     */
    @Modified
    synchronized void modified(BundleContext context, Map<String, Object> config) throws IOException {
        Path next = directory(context, config);
        if (!next.equals(directory)) {
            H2SubmissionStore old = store;
            store = new H2SubmissionStore(Files.createDirectories(next));
            directory = next;
            if (old != null) {
                old.close();
            }
        }
    }

    private static Path directory(BundleContext context, Map<String, Object> config) {
        Object configured = config.get(DATA_PROPERTY);
        String data = configured != null ? configured.toString() : context.getProperty(DATA_PROPERTY);
        return Path.of(data == null || data.isBlank() ? DEFAULT_DATA : data.strip()).toAbsolutePath().normalize();
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
