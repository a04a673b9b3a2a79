package no.tilskudd.engine.internal.grants;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Questionnaire;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.GrantService;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.ResponseRate;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.store.DuplicateGrantException;
import no.tilskudd.api.store.Grant;
import no.tilskudd.api.store.GrantRecords;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.api.store.StoredGrant;
import no.tilskudd.api.store.StoredSubmission;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.submission.RowReader;
import no.tilskudd.api.submission.SourcePosition;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.SubmissionKey;
import no.tilskudd.engine.internal.standard.Percentages;

/**
 * The grant register: imports files of grants checked row by row (CSV here, other kinds through the installed
 * {@link RowReader}s), lists them, and counts who was expected to report against who did.
 */
public final class GrantRegister implements GrantService {

    private final SchemeRegistry schemes;
    private final OrgUnitRegister orgUnits;
    private final Supplier<Optional<GrantRecords>> grants;
    private final Supplier<Optional<SubmissionStore>> submissions;
    private final Supplier<? extends Collection<RowReader>> readers;

    /**
     * Creates the service.
     *
     * @param schemes     the installed schemes
     * @param orgUnits    the org-unit register grants are checked against
     * @param grants      the store's grant register, when a store is installed
     * @param submissions the store's submissions, when a store is installed
     * @param readers     the installed readers of other file kinds than CSV
     */
    public GrantRegister(SchemeRegistry schemes, OrgUnitRegister orgUnits, Supplier<Optional<GrantRecords>> grants,
            Supplier<Optional<SubmissionStore>> submissions, Supplier<? extends Collection<RowReader>> readers) {
        this.schemes = schemes;
        this.orgUnits = orgUnits;
        this.grants = grants;
        this.submissions = submissions;
        this.readers = readers;
    }

    @Override
    public List<String> formats() {
        Set<String> f = new TreeSet<>();
        f.add("csv");
        readers.get().forEach(r -> f.add(r.format()));
        return List.copyOf(f);
    }

    @Override
    public FileReport importGrants(Path file, String name, boolean replace, String actor) throws IOException {
        RowReader.Rows rows = read(file, name);
        GrantRows.Checked checked = new GrantRows(schemes, orgUnits).check(name, rows);
        if (checked.hasErrors()) {
            return report(name, checked, false, new SaveResult(0, 0));
        }
        GrantRecords store = grants.get().orElseThrow(() -> new IllegalStateException(
                "no store is installed; check that the store bundle is active"));
        try {
            return report(name, checked, true, store.saveGrants(checked.grants, replace, name, actor));
        } catch (DuplicateGrantException e) {
            for (SubmissionKey key : e.duplicates()) {
                int i = indexOf(checked, key);
                SourcePosition at = i < 0 ? new SourcePosition(name, "") : checked.positions.get(i);
                checked.findings.add(GrantRows.error(at, "", "ALREADY_STORED", "Det finnes allerede en tildeling "
                        + "for " + key + " (bruk --replace for å erstatte den).", "A grant for " + key
                        + " is already stored (use --replace to replace it)."));
            }
            checked.rejected = e.duplicates().size();
            return report(name, checked, false, new SaveResult(0, 0));
        }
    }

    private static int indexOf(GrantRows.Checked checked, SubmissionKey key) {
        for (int i = 0; i < checked.grants.size(); i++) {
            if (checked.grants.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private RowReader.Rows read(Path file, String name) throws IOException {
        if (CsvRows.canRead(name)) {
            try (InputStream in = Files.newInputStream(file)) {
                return CsvRows.read(name, in);
            }
        }
        RowReader reader = readers.get().stream().filter(r -> r.canRead(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + ": no installed reader reads this kind of "
                        + "grant register file (readable: " + formats() + ")"));
        try (InputStream in = Files.newInputStream(file)) {
            return reader.read(name, in);
        }
    }

    private static FileReport report(String name, GrantRows.Checked checked, boolean stored, SaveResult saved) {
        return new FileReport(name, checked.rows, checked.rejected, checked.findings, stored, saved.inserted(),
                saved.replaced());
    }

    @Override
    public List<StoredGrant> grants(Optional<String> schemeId, Optional<Integer> year) {
        return records().findGrants(schemeId, year);
    }

    @Override
    public ResponseRate responses(String schemeId, int year) {
        if (schemes.scheme(schemeId).flatMap(Scheme::questionnaire).isPresent()) {
            return responses(schemeId);
        }
        List<StoredGrant> granted = records().findGrants(Optional.of(schemeId), Optional.of(year));
        SubmissionStore store = submissions.get().orElseThrow(() -> new IllegalStateException(
                "no store is installed; check that the store bundle is active"));
        Set<String> reportedUnits = new TreeSet<>();
        for (StoredSubmission s : store.find(SubmissionQuery.scheme(schemeId, year, year))) {
            reportedUnits.add(s.submission().orgUnit());
        }
        Set<String> expected = new TreeSet<>();
        granted.forEach(g -> expected.add(g.grant().orgUnit()));
        List<ResponseRate.Unit> missing = new ArrayList<>();
        List<ResponseRate.Unit> reported = new ArrayList<>();
        for (String unit : expected) {
            if (reportedUnits.contains(unit)) {
                reported.add(unit(unit, year));
            } else {
                missing.add(unit(unit, year));
            }
        }
        List<ResponseRate.Unit> withoutGrant = new ArrayList<>();
        for (String unit : reportedUnits) {
            if (!expected.contains(unit)) {
                withoutGrant.add(unit(unit, year));
            }
        }
        Optional<Scheme> installed = schemes.scheme(schemeId);
        Optional<LocalizedText> name = installed.map(Scheme::name).or(() -> granted.stream()
                .flatMap(g -> g.grant().schemeName().stream()).findFirst().map(LocalizedText::of));
        return rate(schemeId, name, installed.isPresent(), year, reported, missing, withoutGrant);
    }

    @Override
    public ResponseRate responses(String questionnaireId) {
        Scheme scheme = schemes.scheme(questionnaireId).orElseThrow(() -> new IllegalArgumentException(
                "no installed scheme '" + questionnaireId + "'"));
        Questionnaire q = scheme.questionnaire().orElseThrow(() -> new IllegalArgumentException("scheme '"
                + questionnaireId + "' is not a questionnaire: give the reporting year"));
        SubmissionStore store = submissions.get().orElseThrow(() -> new IllegalStateException(
                "no store is installed; check that the store bundle is active"));
        int first = scheme.forms().get(0).firstYear();
        int last = scheme.forms().get(scheme.forms().size() - 1).lastYear();
        List<Submission> responses = store.find(SubmissionQuery.scheme(questionnaireId,
                first, last)).stream().map(StoredSubmission::submission).toList();
        return QuestionnaireResponses.rate(questionnaireId, scheme.name(), first, q, grantsOf(q.grantSchemes(),
                q.fromYear(), q.toYear()), responses, code -> true,
                (code, year) -> orgUnits.find(code, year).map(OrgUnit::name).orElse(code));
    }

    /**
     * The grants of some schemes in a range of years.
     *
     * @param schemeIds the schemes; empty for every scheme
     * @param fromYear  the first year
     * @param toYear    the last year
     * @return the grants, ordered by scheme, year and org unit
     */
    public List<Grant> grantsOf(Collection<String> schemeIds, int fromYear, int toYear) {
        List<StoredGrant> stored = new ArrayList<>();
        if (schemeIds.isEmpty()) {
            stored.addAll(records().findGrants(Optional.empty(), Optional.empty()));
        } else {
            for (String s : new TreeSet<>(schemeIds)) {
                stored.addAll(records().findGrants(Optional.of(s), Optional.empty()));
            }
        }
        return stored.stream().map(StoredGrant::grant).filter(g -> g.year() >= fromYear && g.year() <= toYear)
                .toList();
    }

    /**
     * A scheme's name: the installed scheme's, else the first the register gives.
     *
     * @param schemeId the scheme
     * @return the name, if known
     */
    public Optional<LocalizedText> schemeName(String schemeId) {
        Optional<Scheme> installed = schemes.scheme(schemeId);
        if (installed.isPresent()) {
            return installed.map(Scheme::name);
        }
        if (grants.get().isEmpty()) {
            return Optional.empty();
        }
        return records().findGrants(Optional.of(schemeId), Optional.empty()).stream()
                .flatMap(g -> g.grant().schemeName().stream()).findFirst().map(LocalizedText::of);
    }

    /**
     * The register as indicators see it; without a store it has no grants.
     *
     * @return the lookup
     */
    public IndicatorInput.GrantLookup lookup() {
        return new IndicatorInput.GrantLookup() {
            @Override
            public List<Grant> find(Set<String> schemeIds, int fromYear, int toYear) {
                return grants.get().isEmpty() ? List.of() : grantsOf(schemeIds, fromYear, toYear);
            }

            @Override
            public Optional<LocalizedText> schemeName(String schemeId) {
                return GrantRegister.this.schemeName(schemeId);
            }
        };
    }

    private static ResponseRate rate(String schemeId, Optional<LocalizedText> name, boolean installed, int year,
            List<ResponseRate.Unit> reported, List<ResponseRate.Unit> missing, List<ResponseRate.Unit> withoutGrant) {
        int expected = reported.size() + missing.size();
        Long rate = Percentages.whole(reported.size(), expected);
        return new ResponseRate(schemeId, name, installed, year, expected, reported.size(),
                Optional.ofNullable(rate).map(Long::intValue), reported, missing, withoutGrant);
    }

    /**
     * The response rate of some of the units only, such as those of a report's regions: the same counting, on the
     * units the test keeps.
     *
     * @param all  the response rate of all units
     * @param keep which org unit codes to count
     * @return the response rate of those
     */
    public static ResponseRate restrict(ResponseRate all, java.util.function.Predicate<String> keep) {
        java.util.function.Function<List<ResponseRate.Unit>, List<ResponseRate.Unit>> only =
                l -> l.stream().filter(u -> keep.test(u.code())).toList();
        return rate(all.schemeId(), all.schemeName(), all.installed(), all.year(), only.apply(all.reportedUnits()),
                only.apply(all.missing()), only.apply(all.withoutGrant()));
    }

    private ResponseRate.Unit unit(String code, int year) {
        return new ResponseRate.Unit(code, orgUnits.find(code, year).map(OrgUnit::name).orElse(code));
    }

    private GrantRecords records() {
        return grants.get().orElseThrow(() -> new IllegalStateException(
                "no store is installed; check that the store bundle is active"));
    }
}
