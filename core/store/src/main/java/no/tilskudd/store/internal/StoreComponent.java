package no.tilskudd.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.audit.AuditEvent;
import no.tilskudd.api.audit.AuditLog;
import no.tilskudd.api.audit.AuditQuery;
import no.tilskudd.api.store.Grant;
import no.tilskudd.api.store.GrantRecords;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.api.store.SchemeOwner;
import no.tilskudd.api.store.SchemeExtension;
import no.tilskudd.api.store.SchemeExtensions;
import no.tilskudd.api.store.SchemeOwners;
import no.tilskudd.api.store.PublicationRecords;
import no.tilskudd.api.store.ReportDraft;
import no.tilskudd.api.store.ReportDrafts;
import no.tilskudd.api.store.ReportVersion;
import no.tilskudd.api.store.StoredEdition;
import no.tilskudd.api.store.StoredPublication;
import no.tilskudd.api.store.SessionRecord;
import no.tilskudd.api.store.SessionRecords;
import no.tilskudd.api.store.StoreException;
import no.tilskudd.api.store.StoreMaintenance;
import no.tilskudd.api.store.StoredGrant;
import no.tilskudd.api.store.StoredSubmission;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.store.Aggregate;
import no.tilskudd.api.store.Aggregation;
import no.tilskudd.api.store.AnswerAggregates;
import no.tilskudd.api.store.AnswerScope;
import no.tilskudd.api.store.FormUse;
import no.tilskudd.api.store.UserRecord;
import no.tilskudd.api.store.UserRecords;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.SubmissionKey;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;

/**
 * Provides the submission store, its audit trail and its backup as services. By default the store is the embedded H2
 * database in the directory named by the framework property {@value #DATA_PROPERTY} (default {@value #DEFAULT_DATA});
 * {@code store.url=jdbc:postgresql://host:port/database} with {@code store.owner}, {@code store.owner.passwordFile},
 * {@code store.user} and {@code store.passwordFile} puts it on PostgreSQL instead. Each setting may also come from the
 * configuration {@value #PID} where Config Admin has one (Apache Karaf: {@code etc/no.tilskudd.cfg}), and then wins.
 */
@Component(service = {SubmissionStore.class, AnswerAggregates.class, AuditLog.class, StoreMaintenance.class,
        UserRecords.class, SessionRecords.class, GrantRecords.class, SchemeOwners.class, SchemeExtensions.class,
        PublicationRecords.class, ReportDrafts.class},
        configurationPid = StoreComponent.PID)
public final class StoreComponent implements SubmissionStore, AnswerAggregates, AuditLog, StoreMaintenance,
        UserRecords, SessionRecords, GrantRecords, SchemeOwners, SchemeExtensions, PublicationRecords,
        ReportDrafts {

    /** The framework property naming the data directory. */
    public static final String DATA_PROPERTY = "tilskudd.data";

    /** The configuration that may name the data directory instead of the framework property, and then wins. */
    public static final String PID = "no.tilskudd";

    /** The data directory when the property is not set, relative to the working directory. */
    public static final String DEFAULT_DATA = "data";

    /** The installation folder, which relative password files are read from. */
    static final String HOME_PROPERTY = "tilskudd.home";

    private volatile SqlSubmissionStore store;
    /** The folder of the H2 store, or the PostgreSQL settings: what a configuration change is compared with. */
    private Object where;

    @Activate
    void activate(BundleContext context, Map<String, Object> config) throws IOException {
        where = where(context, config);
        store = open(where);
    }

    /**
     * Keeps the store open when the configuration changes but still names the same store (Karaf's FileInstall, for
     * one, adds a key of its own once it has read {@code etc/no.tilskudd.cfg}); without this, every change would
     * restart the store and every service that uses it. Another store: that one opens, then this one closes.
     */
    @Modified
    synchronized void modified(BundleContext context, Map<String, Object> config) throws IOException {
        Object next = where(context, config);
        if (!next.equals(where)) {
            SqlSubmissionStore old = store;
            store = open(next);
            where = next;
            if (old != null) {
                old.close();
            }
        }
    }

    private static SqlSubmissionStore open(Object where) throws IOException {
        if (where instanceof PostgresSettings settings) {
            try {
                return new PostgresSubmissionStore(settings);
            } catch (NoClassDefFoundError e) {
                throw new StoreException(PostgresSettings.URL + " names PostgreSQL, but its driver (bundle "
                        + "org.postgresql.jdbc) is not installed", e);
            }
        }
        return new H2SubmissionStore(Files.createDirectories((Path) where));
    }

    private static Object where(BundleContext context, Map<String, Object> config) {
        Function<String, String> setting = key -> {
            Object configured = config.get(key);
            return configured != null ? configured.toString() : context.getProperty(key);
        };
        String home = setting.apply(HOME_PROPERTY);
        PostgresSettings postgres = PostgresSettings.of(setting,
                Path.of(home == null || home.isBlank() ? "" : home.strip()).toAbsolutePath());
        if (postgres != null) {
            return postgres;
        }
        String data = setting.apply(DATA_PROPERTY);
        return Path.of(data == null || data.isBlank() ? DEFAULT_DATA : data.strip()).toAbsolutePath().normalize();
    }

    @Deactivate
    void deactivate() {
        SqlSubmissionStore s = store;
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

    @Override
    public List<FormUse> formsInUse(AnswerScope scope) {
        return store().formsInUse(scope);
    }

    @Override
    public Aggregate aggregate(Aggregation aggregation) {
        return store().aggregate(aggregation);
    }

    @Override
    public List<UserRecord> list() {
        return store().list();
    }

    @Override
    public Optional<UserRecord> find(String name) {
        return store().find(name);
    }

    @Override
    public boolean insert(UserRecord user) {
        return store().insert(user);
    }

    @Override
    public boolean update(UserRecord user) {
        return store().update(user);
    }

    @Override
    public boolean delete(String name) {
        return store().delete(name);
    }

    @Override
    public Change update(UserRecord user, String keptRole) {
        return store().update(user, keptRole);
    }

    @Override
    public Change delete(String name, String keptRole) {
        return store().delete(name, keptRole);
    }

    @Override
    public void insert(SessionRecord session) {
        store().insert(session);
    }

    @Override
    public Optional<SessionRecord> findSession(String idHash) {
        return store().findSession(idHash);
    }

    @Override
    public void touch(String idHash, Instant lastSeen) {
        store().touch(idHash, lastSeen);
    }

    @Override
    public void deleteSession(String idHash) {
        store().deleteSession(idHash);
    }

    @Override
    public int deleteUserSessions(String user) {
        return store().deleteUserSessions(user);
    }

    @Override
    public int deleteExpired(Instant lastSeenBefore, Instant createdBefore) {
        return store().deleteExpired(lastSeenBefore, createdBefore);
    }

    @Override
    public SaveResult saveGrants(List<Grant> grants, boolean replace, String source, String actor) {
        return store().saveGrants(grants, replace, source, actor);
    }

    @Override
    public List<StoredGrant> findGrants(Optional<String> schemeId, Optional<Integer> year) {
        return store().findGrants(schemeId, year);
    }

    @Override
    public List<SchemeOwner> owners() {
        return store().owners();
    }

    @Override
    public Optional<SchemeOwner> owner(String schemeId) {
        return store().owner(schemeId);
    }

    @Override
    public SchemeOwner claim(SchemeOwner owner) {
        return store().claim(owner);
    }

    @Override
    public Optional<SchemeOwner> transfer(SchemeOwner owner) {
        return store().transfer(owner);
    }

    @Override
    public List<SchemeExtension> extensions() {
        return store().extensions();
    }

    @Override
    public SchemeExtension approve(SchemeExtension extension) {
        return store().approve(extension);
    }

    @Override
    public boolean revoke(String schemeId, String symbolicName) {
        return store().revoke(schemeId, symbolicName);
    }

    private SqlSubmissionStore store() {
        SqlSubmissionStore s = store;
        if (s == null) {
            throw new IllegalStateException("the submission store is not active");
        }
        return s;
    }

    @Override
    public StoredPublication addPublication(String id, String fileName, String definition, String actor) {
        return store().addPublication(id, fileName, definition, actor);
    }

    @Override
    public List<StoredPublication> publications() {
        return store().publications();
    }

    @Override
    public boolean saveEdition(StoredEdition edition) {
        return store().saveEdition(edition);
    }

    @Override
    public java.util.Optional<StoredEdition> edition(String publicationId, String edition) {
        return store().edition(publicationId, edition);
    }

    @Override
    public List<StoredEdition> editions(String publicationId) {
        return store().editions(publicationId);
    }

    @Override
    public Optional<ReportDraft> draft(SubmissionKey key) {
        return store().draft(key);
    }

    @Override
    public List<ReportDraft> drafts(Optional<String> schemeId, Optional<Integer> year, Set<String> orgUnits) {
        return store().drafts(schemeId, year, orgUnits);
    }

    @Override
    public List<ReportVersion> history(SubmissionKey key) {
        return store().history(key);
    }

    @Override
    public ReportDraft saveDraft(SubmissionKey key, String formVersion, String values, String actor) {
        return store().saveDraft(key, formVersion, values, actor);
    }

    @Override
    public ReportDraft submit(Submission submission, String values, String source, String actor) {
        return store().submit(submission, values, source, actor);
    }

    @Override
    public ReportDraft reopen(SubmissionKey key, String formVersion, String values, String actor) {
        return store().reopen(key, formVersion, values, actor);
    }
}
