package no.tilskudd.store.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.audit.AuditEvent;
import no.tilskudd.api.audit.AuditQuery;
import no.tilskudd.api.store.Aggregate;
import no.tilskudd.api.store.Aggregation;
import no.tilskudd.api.store.AnswerAggregates;
import no.tilskudd.api.store.AnswerScope;
import no.tilskudd.api.store.DuplicateGrantException;
import no.tilskudd.api.store.DuplicateSubmissionException;
import no.tilskudd.api.store.FormUse;
import no.tilskudd.api.store.Grant;
import no.tilskudd.api.store.GrantRecords;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.api.store.SchemeOwner;
import no.tilskudd.api.store.SchemeExtension;
import no.tilskudd.api.store.SchemeExtensions;
import no.tilskudd.api.store.SchemeOwners;
import no.tilskudd.api.store.PublicationRecords;
import no.tilskudd.api.store.ReportClosedException;
import no.tilskudd.api.store.ReportDraft;
import no.tilskudd.api.store.ReportDrafts;
import no.tilskudd.api.store.ReportStatus;
import no.tilskudd.api.store.ReportVersion;
import no.tilskudd.api.store.StoredEdition;
import no.tilskudd.api.store.StoredPublication;
import no.tilskudd.api.store.SessionRecord;
import no.tilskudd.api.store.SessionRecords;
import no.tilskudd.api.store.StoreException;
import no.tilskudd.api.store.StoredGrant;
import no.tilskudd.api.store.StoredSubmission;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.store.UserRecord;
import no.tilskudd.api.store.UserRecords;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.SubmissionKey;

/**
 * The submission store on a SQL database, the same on H2 and PostgreSQL; what differs is in {@link Dialect}. The
 * store uses the application user's connections only; its subclasses open them after the owner has brought the
 * schema up to date and granted the application user its rights.
 */
public abstract class SqlSubmissionStore implements SubmissionStore, AnswerAggregates, UserRecords,
        SessionRecords, GrantRecords, SchemeOwners, SchemeExtensions, PublicationRecords, ReportDrafts, AutoCloseable {

    /**
     * What the application user may do with each table. A table that a migration adds must be listed here, or the
     * application cannot use it; the audit trail may only grow.
     */
    static final Map<String, String> APP_PRIVILEGES = Map.ofEntries(
            Map.entry("SUBMISSION", "SELECT, INSERT, UPDATE, DELETE"),
            Map.entry("AUDIT_EVENT", "SELECT, INSERT"),
            Map.entry("CONSOLE_USER", "SELECT, INSERT, UPDATE, DELETE"),
            Map.entry("CONSOLE_USER_ORG_UNIT", "SELECT, INSERT, DELETE"),
            // Only its one row's counter changes: the lock every change of the users takes.
            Map.entry("CONSOLE_USER_GUARD", "SELECT, UPDATE"),
            Map.entry("CONSOLE_SESSION", "SELECT, INSERT, UPDATE, DELETE"),
            Map.entry("ANSWER", "SELECT, INSERT, DELETE"),
            Map.entry("ANSWER_BACKFILL", "SELECT"),
            // Its counts change with the submissions; a row is never removed.
            Map.entry("FORM_USE", "SELECT, INSERT, UPDATE"),
            Map.entry("SCHEME_GRANT", "SELECT, INSERT, UPDATE, DELETE"),
            // Bindings are made and transferred, never removed.
            Map.entry("SCHEME_OWNER", "SELECT, INSERT, UPDATE"),
            // Approvals are given and withdrawn.
            Map.entry("SCHEME_EXTENSION", "SELECT, INSERT, DELETE"),
            // Revisions and editions are added, never changed or removed: an edition is what was published.
            Map.entry("PUBLICATION", "SELECT, INSERT"),
            Map.entry("PUBLICATION_EDITION", "SELECT, INSERT"),
            // A browser report's latest version changes; its versions are added, never changed or removed.
            Map.entry("REPORT_DRAFT", "SELECT, INSERT, UPDATE"),
            Map.entry("REPORT_VERSION", "SELECT, INSERT"));

    private static final int BATCH_SIZE = 1000;
    /** Rows a streamed read holds at a time. */
    private static final int FETCH_ROWS = 500;

    private static final String COLUMNS =
            "scheme_id, report_year, org_unit, form_version, values_json, source, imported_at";
    private static final String INSERT = "INSERT INTO submission (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String STORED_UNITS =
            "SELECT org_unit FROM submission WHERE scheme_id = ? AND report_year = ?";

    private final Dialect dialect;
    private final Connections pool;
    private final List<Integer> migrated;
    private final ValuesCodec codec = new ValuesCodec();
    private final AuditTable audit = new AuditTable();
    private final UserTable users = new UserTable();
    private final SessionTable sessions = new SessionTable();
    private final GrantTable grants = new GrantTable();
    private final SchemeOwnerTable owners = new SchemeOwnerTable();
    private final SchemeExtensionTable extensions = new SchemeExtensionTable();
    private final PublicationTable publications = new PublicationTable();
    private final ReportTable reports = new ReportTable();

    /** Runs in a save between its look for stored keys and its inserts: tests make two saves overlap there. */
    volatile Runnable afterDuplicateCheck = () -> { };

    /** The same for a save of grants. */
    volatile Runnable afterGrantCheck = () -> { };

    /**
     * Runs in a change that keeps one user of a role, between its check and its change: tests widen the window there
     * in which another host's change could slip in, if the lock did not keep it out.
     */
    volatile Runnable afterKeptRoleCheck = () -> { };

    /**
     * Whether a save also writes the answers table. Always true in the product; only the import benchmark (the bench
     * module's {@code AnswerTableSwitch}) turns it off, to measure the same import without the table in the same run.
     */
    volatile boolean writeAnswers = true;

    /**
     * @param dialect  the database's dialect
     * @param pool     the application user's connections, closed with the store
     * @param migrated the schema versions this store applied when it opened
     */
    SqlSubmissionStore(Dialect dialect, Connections pool, List<Integer> migrated) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.migrated = List.copyOf(migrated);
    }

    /**
     * As the owner, waits for any other store migrating the same database, then applies the pending migrations and
     * grants the application user its rights, holding the migration lock throughout.
     *
     * @param dialect     the database's dialect
     * @param owner       the owner's connection, in auto-commit
     * @param database    the database, for messages and the lock
     * @param app         the application user
     * @param appPassword its password, where the store sets it (H2)
     * @param waitSeconds how long to wait for another store's migration
     * @return the versions applied now
     * @throws SQLException when a statement fails
     */
    static List<Integer> prepareSchema(Dialect dialect, Connection owner, String database, String app,
            String appPassword, long waitSeconds) throws SQLException {
        try (Dialect.MigrationLock lock = dialect.migrationLock(owner, database, waitSeconds)) {
            List<Integer> now = Migrations.store(dialect).apply(owner);
            AnswerTable.backfill(owner, new ValuesCodec());
            dialect.grantApplication(owner, app, appPassword);
            return now;
        }
    }

    /** The schema versions that opening this store applied; empty when another store or an earlier run had. */
    List<Integer> migrated() {
        return migrated;
    }

    /**
     * Appends an event to the audit trail.
     *
     * @param entry what to record
     * @return the recorded event
     */
    public AuditEvent record(AuditEntry entry) {
        try (Connection c = pool.getConnection()) {
            return audit.insert(c, entry, Instant.now().truncatedTo(ChronoUnit.MICROS));
        } catch (SQLException e) {
            throw new StoreException("cannot record " + entry.action() + " in the audit trail: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the audit trail, oldest first.
     *
     * @param query which events
     * @return the events
     */
    public List<AuditEvent> read(AuditQuery query) {
        try (Connection c = pool.getConnection()) {
            return audit.read(c, query);
        } catch (SQLException e) {
            throw new StoreException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    @Override
    public List<UserRecord> list() {
        try (Connection c = pool.getConnection()) {
            return users.list(c);
        } catch (SQLException e) {
            throw new StoreException("cannot read the users: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<UserRecord> find(String name) {
        try (Connection c = pool.getConnection()) {
            return users.find(c, name);
        } catch (SQLException e) {
            throw new StoreException("cannot read user '" + name + "': " + e.getMessage(), e);
        }
    }

    @Override
    public boolean insert(UserRecord user) {
        try {
            return inTransaction(c -> users.insert(c, user));
        } catch (SQLException e) {
            if (dialect.isUniqueViolation(e)) {
                return false;
            }
            throw new StoreException("cannot add user '" + user.name() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public boolean update(UserRecord user) {
        try {
            return inTransaction(c -> {
                users.lock(c);
                return users.update(c, user);
            });
        } catch (SQLException e) {
            throw new StoreException("cannot change user '" + user.name() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public Change update(UserRecord user, String keptRole) {
        Objects.requireNonNull(keptRole, "keptRole");
        try {
            return inTransaction(c -> {
                users.lock(c);
                Optional<Change> refused = users.refusal(c, user.name(), keptRole, user.role());
                afterKeptRoleCheck.run();
                if (refused.isPresent()) {
                    return refused.get();
                }
                return users.update(c, user) ? Change.DONE : Change.NO_SUCH_USER;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot change user '" + user.name() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delete(String name) {
        try {
            return inTransaction(c -> {
                users.lock(c);
                return users.delete(c, name);
            });
        } catch (SQLException e) {
            throw new StoreException("cannot remove user '" + name + "': " + e.getMessage(), e);
        }
    }

    @Override
    public Change delete(String name, String keptRole) {
        Objects.requireNonNull(keptRole, "keptRole");
        try {
            return inTransaction(c -> {
                users.lock(c);
                Optional<Change> refused = users.refusal(c, name, keptRole, null);
                afterKeptRoleCheck.run();
                if (refused.isPresent()) {
                    return refused.get();
                }
                return users.delete(c, name) ? Change.DONE : Change.NO_SUCH_USER;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot remove user '" + name + "': " + e.getMessage(), e);
        }
    }

    @Override
    public List<SchemeOwner> owners() {
        try (Connection c = pool.getConnection()) {
            return owners.list(c);
        } catch (SQLException e) {
            throw new StoreException("cannot read the scheme owners: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<SchemeOwner> owner(String schemeId) {
        try (Connection c = pool.getConnection()) {
            return owners.find(c, schemeId);
        } catch (SQLException e) {
            throw new StoreException("cannot read the owner of scheme '" + schemeId + "': " + e.getMessage(), e);
        }
    }

    @Override
    public SchemeOwner claim(SchemeOwner owner) {
        try {
            inTransaction(c -> {
                owners.insert(c, owner);
                return null;
            });
            return owner;
        } catch (SQLException e) {
            if (!dialect.isUniqueViolation(e)) {
                throw new StoreException("cannot record the owner of scheme '" + owner.schemeId() + "': "
                        + e.getMessage(), e);
            }
        }
        // Another claim (of this host or another) was first: that one stays.
        return owner(owner.schemeId()).orElseThrow(() -> new StoreException("scheme '" + owner.schemeId()
                + "': its owner was recorded and is gone again"));
    }

    @Override
    public Optional<SchemeOwner> transfer(SchemeOwner owner) {
        try {
            return inTransaction(c -> {
                Optional<SchemeOwner> before = owners.find(c, owner.schemeId());
                if (before.isPresent()) {
                    owners.update(c, owner);
                } else {
                    owners.insert(c, owner);
                }
                return before;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot transfer scheme '" + owner.schemeId() + "' to " + owner.owner() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<SchemeExtension> extensions() {
        try (Connection c = pool.getConnection()) {
            return extensions.list(c);
        } catch (SQLException e) {
            throw new StoreException("cannot read the approved scheme extensions: " + e.getMessage(), e);
        }
    }

    @Override
    public SchemeExtension approve(SchemeExtension extension) {
        try {
            inTransaction(c -> {
                extensions.insert(c, extension);
                return null;
            });
            return extension;
        } catch (SQLException e) {
            if (!dialect.isUniqueViolation(e)) {
                throw new StoreException("cannot approve " + extension.symbolicName() + " to extend scheme '"
                        + extension.schemeId() + "': " + e.getMessage(), e);
            }
        }
        // Approved before (here or by another host): that approval stays.
        return extensions().stream().filter(x -> x.schemeId().equals(extension.schemeId())
                && x.symbolicName().equals(extension.symbolicName())).findFirst()
                .orElseThrow(() -> new StoreException("the approval of " + extension.symbolicName() + " for scheme '"
                        + extension.schemeId() + "' was recorded and is gone again"));
    }

    @Override
    public boolean revoke(String schemeId, String symbolicName) {
        try {
            return inTransaction(c -> extensions.delete(c, schemeId, symbolicName));
        } catch (SQLException e) {
            throw new StoreException("cannot withdraw the approval of " + symbolicName + " for scheme '" + schemeId
                    + "': " + e.getMessage(), e);
        }
    }

    @Override
    public StoredPublication addPublication(String id, String fileName, String definition, String actor) {
        // Two uploads of one id at once: the second to commit finds its revision taken and takes the next.
        for (int attempt = 0; ; attempt++) {
            try {
                // Microseconds: what both databases keep, so that what is returned is what is read back.
                java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                return inTransaction(c -> publications.insert(c, id, fileName, definition, actor, now));
            } catch (SQLException e) {
                if (!dialect.isUniqueViolation(e) || attempt >= 9) {
                    throw new StoreException("cannot store publication '" + id + "': " + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public List<StoredPublication> publications() {
        try (Connection c = pool.getConnection()) {
            return publications.list(c);
        } catch (SQLException e) {
            throw new StoreException("cannot read the publications: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean saveEdition(StoredEdition edition) {
        try {
            inTransaction(c -> {
                publications.insert(c, edition);
                return null;
            });
            return true;
        } catch (SQLException e) {
            if (dialect.isUniqueViolation(e)) {
                return false;
            }
            throw new StoreException("cannot store edition '" + edition.edition() + "' of publication '"
                    + edition.publicationId() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<StoredEdition> edition(String publicationId, String edition) {
        try (Connection c = pool.getConnection()) {
            return publications.editions(c, publicationId, Optional.of(edition)).stream().findFirst();
        } catch (SQLException e) {
            throw new StoreException("cannot read edition '" + edition + "' of publication '" + publicationId
                    + "': " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredEdition> editions(String publicationId) {
        try (Connection c = pool.getConnection()) {
            return publications.editions(c, publicationId, Optional.empty());
        } catch (SQLException e) {
            throw new StoreException("cannot read the editions of publication '" + publicationId + "': "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ReportDraft> draft(SubmissionKey key) {
        try (Connection c = pool.getConnection()) {
            return reports.find(c, key, false);
        } catch (SQLException e) {
            throw new StoreException("cannot read the report " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<ReportDraft> drafts(Optional<String> schemeId, Optional<Integer> year, Set<String> orgUnits) {
        try (Connection c = pool.getConnection()) {
            return reports.find(c, schemeId, year, orgUnits);
        } catch (SQLException e) {
            throw new StoreException("cannot read the browser reports: " + e.getMessage(), e);
        }
    }

    @Override
    public List<ReportVersion> history(SubmissionKey key) {
        try (Connection c = pool.getConnection()) {
            return reports.history(c, key);
        } catch (SQLException e) {
            throw new StoreException("cannot read the versions of the report " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ReportDraft saveDraft(SubmissionKey key, String formVersion, String values, String actor) {
        return reportChange(key, "save the draft of", c -> {
            Optional<ReportDraft> previous = reports.find(c, key, true);
            // Closed when submitted, and when a file import stored the unit's report meanwhile (unless reopened).
            boolean reopened = previous.map(p -> p.status() == ReportStatus.REOPENED).orElse(false);
            if (previous.map(p -> p.status() == ReportStatus.SUBMITTED).orElse(false)
                    || (!reopened && isStored(c, key))) {
                throw new ReportClosedException(key, true, "the report " + key + " is submitted; an analyst must "
                        + "reopen it before it can be changed");
            }
            // A reopened report stays reopened until it is submitted again: the status says a submission counts.
            ReportStatus status = previous.map(ReportDraft::status).orElse(ReportStatus.DRAFT);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            ReportDraft d = reports.write(c, key, previous, status, formVersion, values, actor, now);
            audit.insert(c, ReportTable.event(actor, "report.draft", d), now);
            return d;
        });
    }

    @Override
    public ReportDraft submit(Submission submission, String values, String source, String actor) {
        Objects.requireNonNull(source, "source");
        String formVersion = submission.formVersion().orElseThrow(() -> new IllegalArgumentException("submission "
                + submission.key() + " has no form version; resolve the form version before saving"));
        SubmissionKey key = submission.key();
        String json = codec.write(submission);
        return reportChange(key, "submit", c -> {
            Optional<ReportDraft> previous = reports.find(c, key, true);
            boolean reopened = previous.map(p -> p.status() == ReportStatus.REOPENED).orElse(false);
            if (previous.map(p -> p.status() == ReportStatus.SUBMITTED).orElse(false)
                    || (!reopened && isStored(c, key))) {
                throw new ReportClosedException(key, true, "the report " + key + " is already submitted");
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<Submission> batch = List.of(submission);
            SaveResult saved;
            try {
                saved = save(c, batch, List.of(json), reopened, source, now);
            } catch (DuplicateSubmissionException e) {
                throw new ReportClosedException(key, true, "the report " + key + " is already submitted");
            }
            audit.insert(c, AuditTable.saved(actor, source, batch, saved), now);
            ReportDraft d = reports.write(c, key, previous, ReportStatus.SUBMITTED, formVersion, values, actor, now);
            audit.insert(c, ReportTable.event(actor, "report.submit", d), now);
            return d;
        });
    }

    @Override
    public ReportDraft reopen(SubmissionKey key, String formVersion, String values, String actor) {
        return reportChange(key, "reopen", c -> {
            Optional<ReportDraft> previous = reports.find(c, key, true);
            boolean submitted = previous.isPresent() ? previous.get().status() == ReportStatus.SUBMITTED
                    : isStored(c, key);
            if (!submitted) {
                throw new ReportClosedException(key, false, "the report " + key + " is not submitted, so it "
                        + "cannot be reopened");
            }
            // Reopened from what was submitted: the stored submission's form version and values.
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            ReportDraft d = reports.write(c, key, previous, ReportStatus.REOPENED,
                    previous.map(ReportDraft::formVersion).orElse(formVersion),
                    previous.map(ReportDraft::values).orElse(values), actor, now);
            audit.insert(c, ReportTable.event(actor, "report.reopen", d), now);
            return d;
        });
    }

    /** Whether a submission of the key is stored. */
    private static boolean isStored(Connection c, SubmissionKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM submission WHERE scheme_id = ? "
                + "AND report_year = ? AND org_unit = ?")) {
            ps.setString(1, key.schemeId());
            ps.setInt(2, key.year());
            ps.setString(3, key.orgUnit());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Runs a change of a browser report in one transaction. The first save of a report inserts its row; when another
     * store inserted it meanwhile, the unique key refuses this one, and the change runs again and sees it.
     */
    private ReportDraft reportChange(SubmissionKey key, String what, Work<ReportDraft> work) {
        for (int attempt = 0; ; attempt++) {
            try {
                return inTransaction(work);
            } catch (SQLException e) {
                if (!dialect.isUniqueViolation(e) || attempt >= 4) {
                    throw new StoreException("cannot " + what + " the report " + key + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Work on one connection of the pool, in a transaction. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    private <T> T inTransaction(Work<T> work) throws SQLException {
        // The pool rolls back and restores auto-commit when a connection is handed back.
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                Migrations.rollback(c, e);
                throw e;
            }
        }
    }

    @Override
    public void insert(SessionRecord session) {
        try (Connection c = pool.getConnection()) {
            sessions.insert(c, session);
        } catch (SQLException e) {
            throw new StoreException("cannot store a session of '" + session.user() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<SessionRecord> findSession(String idHash) {
        try (Connection c = pool.getConnection()) {
            return sessions.find(c, idHash);
        } catch (SQLException e) {
            throw new StoreException("cannot read a session: " + e.getMessage(), e);
        }
    }

    @Override
    public void touch(String idHash, Instant lastSeen) {
        try (Connection c = pool.getConnection()) {
            sessions.touch(c, idHash, lastSeen);
        } catch (SQLException e) {
            throw new StoreException("cannot note the use of a session: " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteSession(String idHash) {
        try (Connection c = pool.getConnection()) {
            sessions.delete(c, idHash);
        } catch (SQLException e) {
            throw new StoreException("cannot end a session: " + e.getMessage(), e);
        }
    }

    @Override
    public int deleteUserSessions(String user) {
        try (Connection c = pool.getConnection()) {
            return sessions.deleteUser(c, user);
        } catch (SQLException e) {
            throw new StoreException("cannot end the sessions of '" + user + "': " + e.getMessage(), e);
        }
    }

    @Override
    public int deleteExpired(Instant lastSeenBefore, Instant createdBefore) {
        try (Connection c = pool.getConnection()) {
            return sessions.deleteExpired(c, lastSeenBefore, createdBefore);
        } catch (SQLException e) {
            throw new StoreException("cannot end the expired sessions: " + e.getMessage(), e);
        }
    }

    @Override
    public SaveResult saveGrants(List<Grant> batch, boolean replace, String source, String actor) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actor, "actor");
        List<Grant> list = List.copyOf(batch);
        if (list.isEmpty()) {
            return new SaveResult(0, 0);
        }
        Instant importedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                SaveResult result = grants.save(c, list, replace, source, importedAt, afterGrantCheck);
                audit.insert(c, GrantTable.saved(actor, source, list, result), importedAt);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                Migrations.rollback(c, e);
                SQLException cause = e instanceof BatchUpdateException b ? cause(b) : e instanceof SQLException q
                        ? q : null;
                if (cause != null && dialect.isUniqueViolation(cause)) {
                    // Another host stored some of these keys after this save looked for them: which, it can tell now.
                    List<SubmissionKey> taken = grants.storedKeys(c, list);
                    if (!replace && !taken.isEmpty()) {
                        DuplicateGrantException d = new DuplicateGrantException(taken);
                        d.initCause(cause);
                        throw d;
                    }
                    throw new StoreException("a grant of " + source + " was stored by another process during this "
                            + "save; nothing was stored, try again", cause);
                }
                throw e;
            }
        } catch (SQLException e) {
            SQLException cause = e instanceof BatchUpdateException b ? cause(b) : e;
            throw new StoreException("cannot save " + list.size() + " grants from " + source + ": "
                    + cause.getMessage(), e);
        }
    }

    @Override
    public List<StoredGrant> findGrants(Optional<String> schemeId, Optional<Integer> year) {
        try (Connection c = pool.getConnection()) {
            return grants.find(c, schemeId, year);
        } catch (SQLException e) {
            throw new StoreException("cannot read the grants: " + e.getMessage(), e);
        }
    }

    @Override
    public SaveResult save(List<Submission> submissions, boolean replace, String source, String actor) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actor, "actor");
        List<Submission> batch = List.copyOf(submissions);
        if (batch.isEmpty()) {
            return new SaveResult(0, 0);
        }
        List<String> json = new ArrayList<>(batch.size());
        for (Submission s : batch) {
            if (s.formVersion().isEmpty()) {
                throw new IllegalArgumentException("submission " + s.key()
                        + " has no form version; resolve the form version before saving");
            }
            json.add(codec.write(s));
        }
        Instant importedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // The pool rolls back and restores auto-commit when a connection is handed back.
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                SaveResult result = save(c, batch, json, replace, source, importedAt);
                audit.insert(c, AuditTable.saved(actor, source, batch, result), importedAt);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                Migrations.rollback(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot save " + batch.size() + " submissions from " + source + ": "
                    + e.getMessage(), e);
        }
    }

    private SaveResult save(Connection c, List<Submission> batch, List<String> json, boolean replace, String source,
            Instant importedAt) throws SQLException {
        Set<SubmissionKey> seen = new HashSet<>();
        Set<SubmissionKey> repeated = new HashSet<>();
        for (Submission s : batch) {
            if (!seen.add(s.key())) {
                repeated.add(s.key());
            }
        }
        Set<SubmissionKey> stored = storedKeys(c, batch);
        Set<SubmissionKey> existing = new LinkedHashSet<>();
        Set<SubmissionKey> duplicates = new LinkedHashSet<>();
        for (Submission s : batch) {
            SubmissionKey key = s.key();
            if (stored.contains(key)) {
                existing.add(key);
            }
            if (repeated.contains(key) || (!replace && stored.contains(key))) {
                duplicates.add(key);
            }
        }
        if (!duplicates.isEmpty()) {
            throw new DuplicateSubmissionException(List.copyOf(duplicates));
        }
        afterDuplicateCheck.run();
        Map<FormUseTable.Key, Long> formUse = FormUseTable.changes();
        delete(c, List.copyOf(existing), formUse);
        insert(c, batch, json, replace, source, OffsetDateTime.ofInstant(importedAt, ZoneOffset.UTC));
        for (Submission s : batch) {
            formUse.merge(new FormUseTable.Key(s.schemeId(), s.year(), s.formVersion().orElseThrow()), 1L, Long::sum);
        }
        FormUseTable.add(c, formUse, dialect);
        return new SaveResult(batch.size() - existing.size(), existing.size());
    }

    /** The keys of the batch that are already stored, found with one query per scheme and year. */
    private static Set<SubmissionKey> storedKeys(Connection c, List<Submission> batch) throws SQLException {
        Set<SchemeYear> schemeYears = new LinkedHashSet<>();
        for (Submission s : batch) {
            schemeYears.add(new SchemeYear(s.schemeId(), s.year()));
        }
        Set<SubmissionKey> stored = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(STORED_UNITS)) {
            for (SchemeYear sy : schemeYears) {
                ps.setString(1, sy.schemeId());
                ps.setInt(2, sy.year());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.add(new SubmissionKey(sy.schemeId(), sy.year(), rs.getString(1)));
                    }
                }
            }
        }
        return stored;
    }

    /** Deletes stored submissions, counting each deleted one's form out of {@code formUse}. */
    private void delete(Connection c, List<SubmissionKey> keys, Map<FormUseTable.Key, Long> formUse)
            throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        // One statement per key that returns the deleted row's form version: the version read before the delete
        // may be that of a row another store replaced in between.
        try (PreparedStatement ps = c.prepareStatement(dialect.deleteSubmissionReturningForm())) {
            for (SubmissionKey k : keys) {
                ps.setString(1, k.schemeId());
                ps.setInt(2, k.year());
                ps.setString(3, k.orgUnit());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        formUse.merge(new FormUseTable.Key(k.schemeId(), k.year(), rs.getString(1)), -1L, Long::sum);
                    }
                } catch (SQLException e) {
                    throw new StoreException("cannot replace stored submission " + k + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private void insert(Connection c, List<Submission> batch, List<String> json, boolean replace,
            String source, OffsetDateTime importedAt) throws SQLException {
        long[] ids = new long[batch.size()];
        try (PreparedStatement ps = c.prepareStatement(INSERT, new String[] {dialect.generatedIdColumn()})) {
            for (int start = 0; start < batch.size(); start += BATCH_SIZE) {
                int end = Math.min(batch.size(), start + BATCH_SIZE);
                for (int i = start; i < end; i++) {
                    bind(ps, batch.get(i), json.get(i), source, importedAt);
                    ps.addBatch();
                }
                Savepoint beforeChunk = c.setSavepoint();
                try {
                    ps.executeBatch();
                } catch (BatchUpdateException e) {
                    Failure failure = locate(c, beforeChunk, ps, batch, json, source, importedAt, start, end, e);
                    SubmissionKey failed = batch.get(failure.index()).key();
                    if (dialect.isUniqueViolation(failure.cause())) {
                        // Stored by another process after this transaction looked for duplicates.
                        if (!replace) {
                            DuplicateSubmissionException d = new DuplicateSubmissionException(List.of(failed));
                            d.initCause(failure.cause());
                            throw d;
                        }
                        throw new StoreException("submission " + failed
                                + " was stored by another process during this save; try again", failure.cause());
                    }
                    throw new StoreException("cannot store submission " + failed + " (from " + source + "): "
                            + failure.cause().getMessage(), failure.cause());
                }
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    for (int i = start; i < end; i++) {
                        if (!keys.next()) {
                            throw new StoreException("the database returned " + (i - start) + " ids for "
                                    + (end - start) + " stored submissions");
                        }
                        ids[i] = keys.getLong(1);
                    }
                }
            }
        }
        // The answers go in the same transaction: an indicator never sees a submission without its answers.
        if (writeAnswers) {
            dialect.insertAnswers(c, ids, batch);
        }
    }

    private static void bind(PreparedStatement ps, Submission s, String json, String source,
            OffsetDateTime importedAt) throws SQLException {
        ps.setString(1, s.schemeId());
        ps.setInt(2, s.year());
        ps.setString(3, s.orgUnit());
        ps.setString(4, s.formVersion().orElseThrow());
        ps.setString(5, json);
        ps.setString(6, source);
        ps.setObject(7, importedAt);
    }

    /**
     * Which insert of a failed chunk failed, and why. Drivers differ in what a failed batch tells (PostgreSQL's marks
     * every statement of it as failed), so the chunk is undone to its savepoint and run again one insert at a time up
     * to the one that fails; the transaction is rolled back by the caller either way.
     */
    private static Failure locate(Connection c, Savepoint beforeChunk, PreparedStatement ps, List<Submission> batch,
            List<String> json, String source, OffsetDateTime importedAt, int start, int end,
            BatchUpdateException e) {
        try {
            ps.clearBatch();
            c.rollback(beforeChunk);
            for (int i = start; i < end; i++) {
                bind(ps, batch.get(i), json.get(i), source, importedAt);
                try {
                    ps.executeUpdate();
                } catch (SQLException single) {
                    single.addSuppressed(e);
                    return new Failure(i, single);
                }
            }
        } catch (SQLException again) {
            e.addSuppressed(again);
        }
        return new Failure(start + failedIndex(e, end - start), cause(e));
    }

    private record Failure(int index, SQLException cause) {
    }

    /** The position in a batch of the first statement that failed. */
    private static int failedIndex(BatchUpdateException e, int size) {
        int[] counts = e.getUpdateCounts();
        if (counts != null) {
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == Statement.EXECUTE_FAILED) {
                    return i;
                }
            }
            // A driver that stops at the first failure reports only the statements before it.
            if (counts.length < size) {
                return counts.length;
            }
        }
        return 0;
    }

    private static SQLException cause(BatchUpdateException e) {
        SQLException next = e.getNextException();
        return next != null ? next : e;
    }

    @Override
    public List<StoredSubmission> find(SubmissionQuery query) {
        List<StoredSubmission> found = new ArrayList<>();
        forEach(query, found::add);
        return found;
    }

    @Override
    public void forEach(SubmissionQuery query, Consumer<StoredSubmission> action) {
        Where where = Where.of(query);
        String sql = "SELECT scheme_id, report_year, org_unit, form_version, " + dialect.streamedValues()
                + ", source, imported_at FROM submission" + where.sql() + " ORDER BY scheme_id, report_year, org_unit";
        try (Connection c = pool.getConnection()) {
            // PostgreSQL's driver reads the whole result into memory unless a fetch size is set inside a
            // transaction; H2 keeps large results on disk by itself.
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(FETCH_ROWS);
                where.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SubmissionKey key = new SubmissionKey(rs.getString(1), rs.getInt(2), rs.getString(3));
                        String json = rs.getString(5);
                        Submission submission = new Submission(key.schemeId(), key.year(), key.orgUnit(),
                                Optional.of(rs.getString(4)), codec.read(json != null ? json : rs.getString(6), key));
                        action.accept(new StoredSubmission(submission, rs.getString(7),
                                rs.getObject(8, OffsetDateTime.class).toInstant()));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read submissions (" + query + "): " + e.getMessage(), e);
        }
    }

    @Override
    public long count(SubmissionQuery query) {
        Where where = Where.of(query);
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM submission" + where.sql())) {
            where.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count submissions (" + query + "): " + e.getMessage(), e);
        }
    }

    @Override
    public List<FormUse> formsInUse(AnswerScope scope) {
        try (Connection c = pool.getConnection()) {
            return scope.orgUnits().isEmpty() ? FormUseTable.read(c, scope) : AnswerQuery.formsInUse(c, scope);
        } catch (SQLException e) {
            throw new StoreException("cannot read the forms of the submissions (" + scope + "): " + e.getMessage(),
                    e);
        }
    }

    @Override
    public Aggregate aggregate(Aggregation aggregation) {
        // One transaction, so that the cells and the totals are read from the same state of the store.
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            dialect.prepareAggregate(c);
            Aggregate result = AnswerQuery.run(c, aggregation);
            c.commit();
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot compute " + aggregation.counting() + " by " + aggregation.rows().kind()
                    + aggregation.rows().field().map(f -> " of '" + f + "'").orElse("") + ": " + e.getMessage(), e);
        }
    }

    /**
     * Groups by region in SQL: the region of each org unit and year is joined to the items as a table bound in
     * three array parameters, where the caller read one cell per org unit and year (100,000 at 100,000 reports, each
     * unit reporting once) and looked their regions up in Java (docs/performance.md, fourth round). The register
     * stays the engine's: nothing of it is stored, so a replaced register counts at once.
     */
    @Override
    public Optional<Aggregate> aggregateByRegion(Aggregation aggregation, Map<String, String> regions,
            String unknown) {
        boolean anyUnit = aggregation.counting() == Aggregation.Counting.SCHEME_UNIT
                || aggregation.counting() == Aggregation.Counting.UNIT;
        if (aggregation.rows().kind() != Aggregation.Axis.Kind.ORG_UNIT_YEAR || !aggregation.medians().isEmpty()
                || anyUnit && !aggregation.latest()
                || aggregation.columns().map(x -> x.kind() == Aggregation.Axis.Kind.ORG_UNIT_YEAR).orElse(false)) {
            return Optional.empty();
        }
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            dialect.prepareAggregate(c);
            Aggregate result = AnswerQuery.run(c, aggregation,
                    Optional.of(new AnswerQuery.Regions(dialect.regionTable(), regions, unknown)));
            c.commit();
            return Optional.of(result);
        } catch (SQLException e) {
            throw new StoreException("cannot compute " + aggregation.counting() + " by region: " + e.getMessage(), e);
        }
    }


    /**
     * Writes a consistent copy of the store, while it is in use, with everything needed to open the copy.
     *
     * @param directory an existing, empty directory
     * @return the files written, relative to the directory
     * @throws IOException    when a file cannot be written
     * @throws StoreException when this database is not copied by the store, or the copy fails
     */
    public abstract List<Path> backup(Path directory) throws IOException;

    /** Closes all connections. */
    @Override
    public void close() {
        pool.close();
    }

    /** The application user's connections. */
    interface Connections {
        Connection getConnection() throws SQLException;

        void close();
    }

    private record SchemeYear(String schemeId, int year) {
    }

    /** The WHERE clause of a query and its parameters. */
    private record Where(String sql, List<Object> parameters) {

        static Where of(SubmissionQuery query) {
            List<String> conditions = new ArrayList<>();
            List<Object> parameters = new ArrayList<>();
            query.schemeId().ifPresent(id -> {
                conditions.add("scheme_id = ?");
                parameters.add(id);
            });
            query.fromYear().ifPresent(year -> {
                conditions.add("report_year >= ?");
                parameters.add(year);
            });
            query.toYear().ifPresent(year -> {
                conditions.add("report_year <= ?");
                parameters.add(year);
            });
            if (!query.orgUnits().isEmpty()) {
                conditions.add("org_unit = ANY(?)");
                parameters.add(query.orgUnits().toArray(String[]::new));
            }
            return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions),
                    parameters);
        }

        void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
        }
    }
}

