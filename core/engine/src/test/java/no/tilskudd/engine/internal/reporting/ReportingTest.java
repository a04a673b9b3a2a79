package no.tilskudd.engine.internal.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.host.Role;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportExporter;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.service.ReportCheck;
import no.tilskudd.api.service.ReportInput;
import no.tilskudd.api.service.ReportSaved;
import no.tilskudd.api.service.ReportingDeniedException;
import no.tilskudd.api.service.ReportingStatus;
import no.tilskudd.api.service.ReportingUser;
import no.tilskudd.api.service.UnknownFormatException;
import no.tilskudd.api.store.Grant;
import no.tilskudd.api.store.ReportClosedException;
import no.tilskudd.api.store.ReportDraft;
import no.tilskudd.api.store.ReportDrafts;
import no.tilskudd.api.store.ReportStatus;
import no.tilskudd.api.store.ReportVersion;
import no.tilskudd.api.store.UserRecord;
import no.tilskudd.api.store.UserRecords;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.SubmissionKey;
import no.tilskudd.engine.InMemoryStore;
import no.tilskudd.engine.TestSchemes;
import no.tilskudd.engine.internal.grants.GrantRegisterTest;
import no.tilskudd.engine.internal.orgunits.CsvOrgUnitRegister;
import no.tilskudd.engine.internal.registry.SchemeCatalog;
import no.tilskudd.engine.internal.validation.SubmissionValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reporting service on the test scheme: the import's rules, who may do what, submission, receipts, status. */
class ReportingTest {

    private static final SubmissionKey OSLO = new SubmissionKey("test", 2016, "0301");
    private static final ReportingUser KARI = new ReportingUser("web:kari", Role.REPORTER, List.of("0301"));
    private static final ReportingUser OLA = new ReportingUser("web:ola", Role.REPORTER, List.of("1804"));
    private static final ReportingUser ANA = new ReportingUser("web:ana", Role.ANALYST, List.of());

    @TempDir
    Path dir;

    final InMemoryStore store = new InMemoryStore();
    final Drafts drafts = new Drafts();
    final GrantRegisterTest.Grants grants = new GrantRegisterTest.Grants();
    final List<UserRecord> users = new ArrayList<>();
    final List<ReportExporter> exporters = new ArrayList<>();
    SubmissionValidator validator;
    Reporting reporting;

    @BeforeEach
    void setUp() {
        SchemeCatalog schemes = TestSchemes.catalog(dir.resolve("plugin"));
        CsvOrgUnitRegister units = CsvOrgUnitRegister.defaults();
        validator = new SubmissionValidator(schemes, units, List::of);
        reporting = new Reporting(schemes, units, validator, () -> Optional.of(drafts), () -> Optional.of(store),
                () -> Optional.of(grants), () -> Optional.of(new Users()), () -> exporters);
    }

    private static ReportInput input(Map<String, Object> values) {
        return new ReportInput(OSLO, Reporting.json(values));
    }

    @Test
    void findingsAreTheValidatorsOwnAndTheConditionsThatHoldAreListed() {
        Map<String, Object> v = TestSchemes.validValues();
        v.put("status", "notOk");
        TestSchemes.measures(v).get(0).put("firstFundedYear", 2017L);
        ReportCheck check = reporting.validate(KARI, input(v));
        assertEquals(validator.validate(TestSchemes.submission(v)), check.findings(),
                "the same violations, codes and messages as an import");
        assertEquals(List.of("FIELD_REQUIRED_WHEN@reasons", "FIRST_YEAR_AFTER_REPORT@measures[0].firstFundedYear"),
                TestSchemes.codes(check.findings()));
        assertEquals(List.of("reasons", "measures[1].firstFundedYear"), check.applicable());
        v.put("status", "ok");
        assertEquals(List.of("measures[1].firstFundedYear"), reporting.validate(KARI, input(v)).applicable());
    }

    @Test
    void valuesTheImporterRefusesAreFindingsWithoutAField() {
        ReportCheck check = reporting.validate(KARI, new ReportInput(OSLO, "{\"count\": 1e999999}"));
        assertTrue(check.hasErrors(), check.toString());
        assertEquals("", check.findings().get(0).path());
        assertEquals(List.of(), check.applicable());
    }

    @Test
    void aReporterIsRefusedOtherUnitsAndWhatOnlyAnalystsMayDo() {
        Map<String, Object> v = TestSchemes.validValues();
        List<Runnable> calls = List.of(() -> reporting.report(OLA, OSLO), () -> reporting.validate(OLA, input(v)),
                () -> reporting.saveDraft(OLA, input(v)), () -> reporting.submit(OLA, input(v)),
                () -> {
                    try {
                        reporting.receipt(OLA, OSLO, Locale.ENGLISH, OutputStream.nullOutputStream());
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                });
        for (Runnable call : calls) {
            ReportingDeniedException e = assertThrows(ReportingDeniedException.class, call::run);
            assertEquals(ReportingDeniedException.Reason.NOT_YOUR_UNIT, e.reason());
        }
        assertEquals(ReportingDeniedException.Reason.ROLE, assertThrows(ReportingDeniedException.class,
                () -> reporting.reopen(KARI, OSLO)).reason());
        assertEquals(ReportingDeniedException.Reason.ROLE, assertThrows(ReportingDeniedException.class,
                () -> reporting.status(KARI, "test", 2016)).reason());
        assertEquals(0, drafts.saves);
        assertEquals(List.of("0301"), reporting.assignments(KARI).units().stream().map(u -> u.code()).toList());
        assertTrue(reporting.assignments(ANA).units().size() > 400, "an analyst sees every unit");
    }

    @Test
    void aDraftIsSavedWithErrorsAndASubmissionWithErrorsStoresNothing() {
        Map<String, Object> v = TestSchemes.validValues();
        v.remove("status");
        ReportSaved draft = reporting.saveDraft(KARI, input(v));
        assertTrue(draft.check().hasErrors());
        assertEquals(ReportStatus.DRAFT, draft.report().orElseThrow().status());
        assertEquals("2006", draft.report().get().formVersion());
        ReportSaved refused = reporting.submit(KARI, input(v));
        assertEquals(Optional.empty(), refused.report());
        assertEquals(0, store.size());

        v.put("status", "ok");
        ReportSaved submitted = reporting.submit(KARI, input(v));
        assertEquals(ReportStatus.SUBMITTED, submitted.report().orElseThrow().status());
        Submission stored = store.get(OSLO).submission();
        assertEquals(Optional.of("2006"), stored.formVersion());
        assertEquals(new BigDecimal("1000.50"), stored.values().get("grant"), "read as an import reads it");
        assertEquals(ReportStatus.SUBMITTED, reporting.report(KARI, OSLO).status().orElseThrow());
        assertThrows(ReportClosedException.class, () -> reporting.saveDraft(KARI, input(v)));

        assertEquals(ReportStatus.REOPENED, reporting.reopen(ANA, OSLO).status());
        assertEquals(3, reporting.report(KARI, OSLO).history().size());
    }

    @Test
    void aReceiptGoesThroughThePdfExporterOrSaysThereIsNone() throws Exception {
        reporting.submit(KARI, input(TestSchemes.validValues()));
        assertThrows(UnknownFormatException.class, () -> reporting.receipt(KARI, OSLO, Locale.ENGLISH,
                new ByteArrayOutputStream()));
        List<Report> written = new ArrayList<>();
        exporters.add(new ReportExporter() {
            public String format() {
                return "pdf";
            }

            public String mediaType() {
                return "application/pdf";
            }

            public String fileExtension() {
                return "pdf";
            }

            public void export(Report report, OutputStream out) {
                written.add(report);
            }
        });
        reporting.receipt(KARI, OSLO, Locale.ENGLISH, new ByteArrayOutputStream());
        Report r = written.get(0);
        assertTrue(r.title().contains("0301 Oslo") && r.title().contains("2016"), r.title());
        assertEquals("web:kari", r.metadata().get("submittedBy"));
        assertEquals("1", r.metadata().get("version"));
        Table answers = (Table) r.sections().get(1).blocks().get(0);
        assertTrue(answers.rows().stream().anyMatch(row -> row.cells().equals(List.of("Title", "Alpha"))),
                answers.rows().toString());
        assertTrue(answers.rows().stream().anyMatch(row -> row.cells().equals(List.of("Tiltak 2: Første år",
                "2015"))), answers.rows().toString());
        assertThrows(NoSuchElementException.class, () -> reporting.receipt(KARI, new SubmissionKey("test", 2017,
                "0301"), Locale.ENGLISH, new ByteArrayOutputStream()), "not submitted: no receipt");
    }

    @Test
    void theExpectedUnitsComeFromTheGrantsElseFromLastYearsReportersWithTheirContacts() {
        store.with(new Submission("test", 2015, "1804", Optional.of("2006"), TestSchemes.validValues()));
        ReportingStatus previous = reporting.status(ANA, "test", 2016);
        assertEquals(ReportingStatus.Basis.PREVIOUS_YEAR, previous.basis());
        assertEquals(List.of("1804"), previous.units().stream().map(ReportingStatus.Unit::code).toList());
        assertEquals(1, previous.missing());

        grants.saveGrants(List.of(grant("0301", "2016/1"), grant("1103", null)), false, "g.csv", "os:kari");
        users.add(new UserRecord("kari", Role.REPORTER.id(), "s", "h", 1, "2016-01-01", List.of("0301")));
        reporting.saveDraft(KARI, input(TestSchemes.validValues()));
        ReportingStatus s = reporting.status(ANA, "test", 2016);
        assertEquals(ReportingStatus.Basis.GRANTS, s.basis());
        assertEquals(2, s.expected());
        assertEquals(1, s.drafts());
        assertEquals(1, s.missing());
        ReportingStatus.Unit oslo = s.units().get(0);
        assertEquals("0301", oslo.code());
        assertEquals(Optional.of(ReportStatus.DRAFT), oslo.status());
        assertEquals(List.of("kari (reporter)", "case 2016/1"), oslo.contacts());
        assertEquals("Stavanger", s.units().get(1).name());
        assertFalse(s.units().get(1).status().isPresent());
    }

    private static Grant grant(String unit, String caseNumber) {
        return new Grant("test", Optional.empty(), 2016, unit, BigDecimal.TEN, Optional.empty(),
                Optional.ofNullable(caseNumber), Optional.empty());
    }

    /** The console's users, as the store gives them. */
    private final class Users implements UserRecords {
        public List<UserRecord> list() {
            return users;
        }

        public Optional<UserRecord> find(String name) {
            return users.stream().filter(u -> u.name().equals(name)).findFirst();
        }

        public boolean insert(UserRecord user) {
            throw new UnsupportedOperationException();
        }

        public boolean update(UserRecord user) {
            throw new UnsupportedOperationException();
        }

        public Change update(UserRecord user, String keptRole) {
            throw new UnsupportedOperationException();
        }

        public boolean delete(String name) {
            throw new UnsupportedOperationException();
        }

        public Change delete(String name, String keptRole) {
            throw new UnsupportedOperationException();
        }
    }

    /** Browser reports in memory, with the store's rules; a submission goes to the in-memory submission store. */
    private final class Drafts implements ReportDrafts {
        final Map<SubmissionKey, List<ReportVersion>> versions = new LinkedHashMap<>();
        int saves;

        public Optional<ReportDraft> draft(SubmissionKey key) {
            List<ReportVersion> v = versions.get(key);
            if (v == null) {
                return Optional.empty();
            }
            ReportVersion last = v.get(v.size() - 1);
            return Optional.of(new ReportDraft(key, last.status(), last.version(), last.formVersion(), last.values(),
                    last.at(), last.by()));
        }

        public List<ReportDraft> drafts(Optional<String> schemeId, Optional<Integer> year, Set<String> orgUnits) {
            return versions.keySet().stream().filter(k -> schemeId.map(k.schemeId()::equals).orElse(true))
                    .filter(k -> year.map(y -> y == k.year()).orElse(true))
                    .filter(k -> orgUnits.isEmpty() || orgUnits.contains(k.orgUnit()))
                    .map(k -> draft(k).orElseThrow()).toList();
        }

        public List<ReportVersion> history(SubmissionKey key) {
            return versions.getOrDefault(key, List.of());
        }

        private ReportDraft add(SubmissionKey key, ReportStatus status, String formVersion, String values,
                String actor) {
            saves++;
            List<ReportVersion> v = versions.computeIfAbsent(key, k -> new ArrayList<>());
            v.add(new ReportVersion(v.size() + 1, status, formVersion, values, Instant.now(), actor));
            return draft(key).orElseThrow();
        }

        private boolean closed(SubmissionKey key) {
            Optional<ReportDraft> d = draft(key);
            return d.map(x -> x.status() == ReportStatus.SUBMITTED).orElse(false)
                    || (d.map(x -> x.status() != ReportStatus.REOPENED).orElse(true) && store.get(key) != null);
        }

        public ReportDraft saveDraft(SubmissionKey key, String formVersion, String values, String actor) {
            if (closed(key)) {
                throw new ReportClosedException(key, true, "submitted");
            }
            return add(key, draft(key).map(ReportDraft::status).orElse(ReportStatus.DRAFT), formVersion, values,
                    actor);
        }

        public ReportDraft submit(Submission submission, String values, String source, String actor) {
            if (closed(submission.key())) {
                throw new ReportClosedException(submission.key(), true, "submitted");
            }
            store.save(List.of(submission), true, source, actor);
            return add(submission.key(), ReportStatus.SUBMITTED, submission.formVersion().orElseThrow(), values,
                    actor);
        }

        public ReportDraft reopen(SubmissionKey key, String formVersion, String values, String actor) {
            if (!closed(key)) {
                throw new ReportClosedException(key, false, "not submitted");
            }
            return add(key, ReportStatus.REOPENED, formVersion, values, actor);
        }
    }
}
