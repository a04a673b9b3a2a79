package no.tilskudd.engine.internal.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.host.Role;
import no.tilskudd.api.report.ReportExporter;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.ReportCheck;
import no.tilskudd.api.service.ReportForm;
import no.tilskudd.api.service.ReportInput;
import no.tilskudd.api.service.ReportSaved;
import no.tilskudd.api.service.ReportState;
import no.tilskudd.api.service.ReportingAssignments;
import no.tilskudd.api.service.ReportingDeniedException;
import no.tilskudd.api.service.ReportingService;
import no.tilskudd.api.service.ReportingStatus;
import no.tilskudd.api.service.ReportingUser;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.UnknownFormatException;
import no.tilskudd.api.service.ValidationService;
import no.tilskudd.api.store.GrantRecords;
import no.tilskudd.api.store.ReportDraft;
import no.tilskudd.api.store.ReportDrafts;
import no.tilskudd.api.store.ReportStatus;
import no.tilskudd.api.store.StoredGrant;
import no.tilskudd.api.store.StoredSubmission;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.store.UserRecord;
import no.tilskudd.api.store.UserRecords;
import no.tilskudd.api.submission.ImportedSubmission;
import no.tilskudd.api.submission.ReadProblem;
import no.tilskudd.api.submission.ReadResult;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.SubmissionKey;
import no.tilskudd.api.submission.Violation;
import no.tilskudd.engine.internal.importing.JsonSubmissionImporter;
import no.tilskudd.engine.internal.json.Json;
import no.tilskudd.engine.internal.validation.Conditions;

/**
 * The reporting service: a browser report's values are read by the same importer as a submission file (the JSON
 * interchange format), checked by the same {@link ValidationService}, and stored by the store's {@link ReportDrafts},
 * which keeps every version and stores a submission as an ordinary one. Who may do what is decided here, once for
 * every front end.
 */
public final class Reporting implements ReportingService {

    /** Where a browser submission says it came from, in the store and the audit trail. */
    static final String SOURCE = "browser form";

    /** How long the conditions of one report may take to tell which conditional fields apply. */
    private static final Duration CONDITIONS_LIMIT = Duration.ofSeconds(2);

    /** A form valid "until further notice" offers years up to next year, not up to its open end. */
    private static final int YEARS_AHEAD = 1;

    private final SchemeRegistry schemes;
    private final OrgUnitRegister orgUnits;
    private final ValidationService validation;
    private final Supplier<Optional<ReportDrafts>> drafts;
    private final Supplier<Optional<SubmissionStore>> store;
    private final Supplier<Optional<GrantRecords>> grants;
    private final Supplier<Optional<UserRecords>> users;
    private final Supplier<? extends Collection<ReportExporter>> exporters;
    private final JsonSubmissionImporter importer = new JsonSubmissionImporter();

    /**
     * Creates the service.
     *
     * @param schemes    the installed schemes
     * @param orgUnits   the org-unit register
     * @param validation the validation service imports use
     * @param drafts     the browser reports in the store, when a store is installed
     * @param store      the submissions, when a store is installed
     * @param grants     the grant register, when a store is installed
     * @param users      the console's users (for the reporters to remind), when a store is installed
     * @param exporters  the installed report exporters (for the receipt)
     */
    public Reporting(SchemeRegistry schemes, OrgUnitRegister orgUnits, ValidationService validation,
            Supplier<Optional<ReportDrafts>> drafts, Supplier<Optional<SubmissionStore>> store,
            Supplier<Optional<GrantRecords>> grants, Supplier<Optional<UserRecords>> users,
            Supplier<? extends Collection<ReportExporter>> exporters) {
        this.schemes = schemes;
        this.orgUnits = orgUnits;
        this.validation = validation;
        this.drafts = drafts;
        this.store = store;
        this.grants = grants;
        this.users = users;
        this.exporters = exporters;
    }

    @Override
    public ReportingAssignments assignments(ReportingUser user) {
        List<OrgUnit> units = new ArrayList<>();
        if (user.isReporter()) {
            for (String code : new TreeSet<>(user.orgUnits())) {
                units.add(latest(code).orElse(new OrgUnit(code, code, "", "", Optional.empty(), Optional.empty())));
            }
        } else {
            Map<String, OrgUnit> byCode = new TreeMap<>();
            for (OrgUnit u : orgUnits.all()) {
                byCode.merge(u.code(), u, (a, b) -> b.validTo().orElse(Integer.MAX_VALUE)
                        >= a.validTo().orElse(Integer.MAX_VALUE) ? b : a);
            }
            units.addAll(byCode.values());
        }
        List<ReportForm> forms = new ArrayList<>();
        int last = Year.now().getValue() + YEARS_AHEAD;
        for (Scheme s : schemes.schemes().stream().filter(s -> s.questionnaire().isEmpty())
                .sorted(Comparator.comparing(Scheme::id)).toList()) {
            for (FormDefinition f : s.forms()) {
                for (int y = f.firstYear(); y <= Math.min(f.lastYear(), Math.max(last, f.firstYear())); y++) {
                    forms.add(new ReportForm(s, y, f));
                }
            }
        }
        Set<String> codes = user.isReporter() ? Set.copyOf(user.orgUnits()) : Set.of();
        List<ReportDraft> reports = user.isReporter() && codes.isEmpty() ? List.of()
                : drafts().drafts(Optional.empty(), Optional.empty(), codes);
        return new ReportingAssignments(units, forms, reports);
    }

    @Override
    public ReportForm form(ReportingUser user, String schemeId, int year) {
        Scheme scheme = schemes.scheme(schemeId).orElseThrow(() -> new NoSuchElementException("scheme '" + schemeId
                + "' is not installed"));
        FormDefinition form = scheme.formForYear(year).orElseThrow(() -> new NoSuchElementException("scheme '"
                + schemeId + "' has no form for " + year + " (has: " + scheme.formVersions() + ")"));
        return new ReportForm(scheme, year, form);
    }

    @Override
    public ReportState report(ReportingUser user, SubmissionKey key) {
        mayReport(user, key);
        form(user, key.schemeId(), key.year());
        Optional<ReportDraft> d = drafts().draft(key);
        Optional<StoredSubmission> s = stored(key);
        // A draft overtaken by a file import shows what was imported: that is the report that counts.
        if (d.isPresent() && !(s.isPresent() && d.get().status() == ReportStatus.DRAFT)) {
            ReportDraft r = d.get();
            return new ReportState(key, Optional.of(r.status()), r.version(), r.values(), Optional.of(r.updated()),
                    Optional.of(r.updatedBy()), drafts().history(key));
        }
        if (s.isPresent()) {
            // Reported by a file: submitted, with no browser version yet.
            return new ReportState(key, Optional.of(ReportStatus.SUBMITTED), d.map(ReportDraft::version).orElse(0),
                    json(s.get().submission().values()), Optional.of(s.get().importedAt()),
                    Optional.of(s.get().source()), drafts().history(key));
        }
        return new ReportState(key, Optional.empty(), 0, "{}", Optional.empty(), Optional.empty(), List.of());
    }

    @Override
    public ReportCheck validate(ReportingUser user, ReportInput input) {
        mayReport(user, input.key());
        return check(input).check();
    }

    @Override
    public ReportSaved saveDraft(ReportingUser user, ReportInput input) {
        mayReport(user, input.key());
        Checked c = check(input);
        ReportDraft d = drafts().saveDraft(input.key(), c.form().version(), input.values(), user.actor());
        return new ReportSaved(Optional.of(d), c.check());
    }

    @Override
    public ReportSaved submit(ReportingUser user, ReportInput input) {
        mayReport(user, input.key());
        Checked c = check(input);
        if (c.check().hasErrors() || c.submission().isEmpty()) {
            return new ReportSaved(Optional.empty(), c.check());
        }
        Submission s = c.submission().get().withFormVersion(c.form().version());
        ReportDraft d = drafts().submit(s, input.values(), SOURCE, user.actor());
        return new ReportSaved(Optional.of(d), c.check());
    }

    @Override
    public void receipt(ReportingUser user, SubmissionKey key, Locale locale, OutputStream out) throws IOException {
        mayReport(user, key);
        ReportDraft d = drafts().draft(key).filter(r -> r.status() == ReportStatus.SUBMITTED)
                .orElseThrow(() -> new NoSuchElementException("the report " + key + " is not submitted through "
                        + "the browser, so it has no receipt"));
        ReportForm form = form(user, key.schemeId(), key.year());
        ReportExporter pdf = exporters.get().stream().filter(e -> e.format().equals("pdf")).findFirst()
                .orElseThrow(() -> new UnknownFormatException("pdf", formats()));
        Scheme scheme = form.scheme();
        FormDefinition f = scheme.form(d.formVersion()).orElse(form.form());
        Map<String, Object> values = values(d.values());
        pdf.export(Receipt.of(scheme, f, d, latest(key.orgUnit(), key.year()), values, locale), out);
    }

    @Override
    public ReportDraft reopen(ReportingUser user, SubmissionKey key) {
        analyst(user, "reopen a report");
        Optional<StoredSubmission> s = stored(key);
        String formVersion = s.flatMap(x -> x.submission().formVersion()).orElse("");
        String values = s.map(x -> json(x.submission().values())).orElse("{}");
        return drafts().reopen(key, formVersion, values, user.actor());
    }

    @Override
    public ReportingStatus status(ReportingUser user, String schemeId, int year) {
        analyst(user, "see the reporting status");
        GrantRecords register = grants.get().orElseThrow(noStore());
        List<StoredGrant> granted = register.findGrants(Optional.of(schemeId), Optional.of(year));
        ReportingStatus.Basis basis = granted.isEmpty() ? ReportingStatus.Basis.PREVIOUS_YEAR
                : ReportingStatus.Basis.GRANTS;
        Set<String> expected = new TreeSet<>();
        Map<String, List<String>> contacts = new TreeMap<>();
        if (basis == ReportingStatus.Basis.GRANTS) {
            for (StoredGrant g : granted) {
                expected.add(g.grant().orgUnit());
                g.grant().caseNumber().ifPresent(n -> contacts.computeIfAbsent(g.grant().orgUnit(),
                        k -> new ArrayList<>()).add("case " + n));
            }
        } else {
            for (StoredSubmission s : submissions().find(SubmissionQuery.scheme(schemeId, year - 1, year - 1))) {
                expected.add(s.submission().orgUnit());
            }
        }
        Set<String> stored = new TreeSet<>();
        for (StoredSubmission s : submissions().find(SubmissionQuery.scheme(schemeId, year, year))) {
            stored.add(s.submission().orgUnit());
        }
        Map<String, ReportDraft> byUnit = new TreeMap<>();
        for (ReportDraft d : drafts().drafts(Optional.of(schemeId), Optional.of(year), Set.of())) {
            byUnit.put(d.key().orgUnit(), d);
        }
        Map<String, List<String>> reporters = reporters();
        Set<String> all = new TreeSet<>(expected);
        all.addAll(stored);
        all.addAll(byUnit.keySet());
        List<ReportingStatus.Unit> units = new ArrayList<>();
        for (String code : all) {
            Optional<OrgUnit> u = latest(code, year);
            ReportDraft d = byUnit.get(code);
            Optional<ReportStatus> status = d != null ? Optional.of(effective(d, stored.contains(code)))
                    : stored.contains(code) ? Optional.of(ReportStatus.SUBMITTED) : Optional.empty();
            List<String> who = new ArrayList<>(reporters.getOrDefault(code, List.of()));
            who.addAll(contacts.getOrDefault(code, List.of()));
            units.add(new ReportingStatus.Unit(code, u.map(OrgUnit::name).orElse(code),
                    u.map(OrgUnit::region).orElse(""), expected.contains(code), status,
                    Optional.ofNullable(d).map(ReportDraft::updated), who));
        }
        return new ReportingStatus(schemeId, year, basis, units);
    }

    private static Supplier<IllegalStateException> noStore() {
        return () -> new IllegalStateException("no store is installed; check that the store bundle is active");
    }

    /**
     * A report's status as the status page counts it: a submission stored by an import after a browser draft
     * counts as submitted, unless the report was reopened (then the stored one counts, and the status says open).
     */
    private static ReportStatus effective(ReportDraft d, boolean stored) {
        return d.status() == ReportStatus.DRAFT && stored ? ReportStatus.SUBMITTED : d.status();
    }

    /** The reporters bound to each unit, as contacts. */
    private Map<String, List<String>> reporters() {
        Map<String, List<String>> out = new TreeMap<>();
        Optional<UserRecords> u = users.get();
        if (u.isEmpty()) {
            return out;
        }
        for (UserRecord r : u.get().list()) {
            if (!r.role().equals(Role.REPORTER.id())) {
                continue;
            }
            for (String unit : r.orgUnits()) {
                out.computeIfAbsent(unit, k -> new ArrayList<>()).add(r.name() + " (reporter)");
            }
        }
        return out;
    }

    private record Checked(FormDefinition form, Optional<Submission> submission, ReportCheck check) {
    }

    /** Reads the values with the submission importer and checks them with the validation service. */
    private Checked check(ReportInput input) {
        SubmissionKey key = input.key();
        FormDefinition form = form(ReportingUser.administrator("system"), key.schemeId(), key.year()).form();
        byte[] document;
        try {
            JsonNode values = Json.MAPPER.readTree(input.values());
            ObjectNode doc = Json.MAPPER.createObjectNode();
            doc.put("scheme", key.schemeId());
            doc.put("year", key.year());
            doc.put("orgUnit", key.orgUnit());
            doc.set("values", values);
            document = Json.MAPPER.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the values are not valid JSON: " + e.getOriginalMessage());
        }
        ReadResult read;
        try {
            read = importer.read("report.json", new ByteArrayInputStream(document), schemes::scheme);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the report's values: " + e.getMessage(), e);
        }
        List<Violation> findings = new ArrayList<>();
        for (ReadProblem p : read.problems()) {
            findings.add(Violation.error("", p.code(), p.message(), p.message()));
        }
        if (read.submissions().size() != 1) {
            return new Checked(form, Optional.empty(), new ReportCheck(findings, List.of()));
        }
        ImportedSubmission is = read.submissions().get(0);
        findings.addAll(validation.validate(is.submission()));
        return new Checked(form, Optional.of(is.submission()), new ReportCheck(findings,
                Conditions.applicable(form, is.submission(), CONDITIONS_LIMIT)));
    }

    private static void mayReport(ReportingUser user, SubmissionKey key) {
        if (!user.mayReportFor(key.orgUnit())) {
            throw new ReportingDeniedException(ReportingDeniedException.Reason.NOT_YOUR_UNIT, "you do not report for "
                    + "org unit " + key.orgUnit() + " (yours: " + String.join(", ", user.orgUnits()) + ")");
        }
    }

    private static void analyst(ReportingUser user, String what) {
        if (user.isReporter()) {
            throw new ReportingDeniedException(ReportingDeniedException.Reason.ROLE, "only an analyst or "
                    + "administrator may " + what);
        }
    }

    private Optional<StoredSubmission> stored(SubmissionKey key) {
        return submissions().find(new SubmissionQuery(Optional.of(key.schemeId()), Optional.of(key.year()),
                Optional.of(key.year()), Set.of(key.orgUnit()))).stream().findFirst();
    }

    private Optional<OrgUnit> latest(String code) {
        return orgUnits.all().stream().filter(u -> u.code().equals(code))
                .max(Comparator.comparing(u -> u.validTo().orElse(Integer.MAX_VALUE)));
    }

    private Optional<OrgUnit> latest(String code, int year) {
        return orgUnits.find(code, year).or(() -> latest(code));
    }

    private Set<String> formats() {
        Set<String> f = new LinkedHashSet<>();
        exporters.get().forEach(e -> f.add(e.format()));
        return f;
    }

    private ReportDrafts drafts() {
        return drafts.get().orElseThrow(noStore());
    }

    private SubmissionStore submissions() {
        return store.get().orElseThrow(noStore());
    }

    static String json(Map<String, Object> values) {
        try {
            return Json.MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the values as JSON: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> values(String json) {
        try {
            Object v = Json.toJava(Json.MAPPER.readTree(json));
            return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
