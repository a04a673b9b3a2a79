package no.tilskudd.engine.internal.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.Finding;
import no.tilskudd.api.service.ImportService;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.ValidationService;
import no.tilskudd.api.store.DuplicateSubmissionException;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.submission.ImportedSubmission;
import no.tilskudd.api.submission.ReadProblem;
import no.tilskudd.api.submission.ReadResult;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.SubmissionImporter;
import no.tilskudd.api.submission.SubmissionKey;
import no.tilskudd.api.submission.Violation;

/** Reads a file with the importer that handles it, validates every submission, and stores the file whole or not at all. */
public final class FileImporter implements ImportService {

    private final Supplier<? extends Collection<SubmissionImporter>> importers;
    private final SchemeRegistry schemes;
    private final ValidationService validation;
    private final Supplier<Optional<SubmissionStore>> store;

    /**
     * Creates the service.
     *
     * @param importers  the installed importers
     * @param schemes    the installed schemes
     * @param validation the validation service
     * @param store      the store, when one is installed
     */
    public FileImporter(Supplier<? extends Collection<SubmissionImporter>> importers, SchemeRegistry schemes,
            ValidationService validation, Supplier<Optional<SubmissionStore>> store) {
        this.importers = importers;
        this.schemes = schemes;
        this.validation = validation;
        this.store = store;
    }

    @Override
    public Set<String> formats() {
        Set<String> f = new TreeSet<>();
        for (SubmissionImporter i : importers.get()) {
            f.add(i.format());
        }
        return f;
    }

    @Override
    public FileReport check(Path file) throws IOException {
        return read(file).report(false, 0, 0);
    }

    @Override
    public FileReport importFile(Path file, boolean replace, String actor) throws IOException {
        Checked checked = read(file);
        if (checked.hasErrors()) {
            return checked.report(false, 0, 0);
        }
        SubmissionStore target = store.get().orElseThrow(() -> new IllegalStateException(
                "no submission store is installed; check that the store bundle is active"));
        List<Submission> resolved = checked.resolved;
        try {
            SaveResult r = target.save(resolved, replace, file.getFileName().toString(), actor);
            return checked.report(true, r.inserted(), r.replaced());
        } catch (DuplicateSubmissionException e) {
            Map<SubmissionKey, ImportedSubmission> byKey = new HashMap<>();
            for (ImportedSubmission is : checked.submissions) {
                byKey.putIfAbsent(is.submission().key(), is);
            }
            for (SubmissionKey key : e.duplicates()) {
                ImportedSubmission is = byKey.get(key);
                checked.findings.add(new Finding(is == null ? new no.tilskudd.api.submission.SourcePosition(
                        file.getFileName().toString(), "") : is.position(), "", Severity.ERROR, "ALREADY_STORED",
                        new LocalizedText("Det finnes allerede en rapport for " + key
                                + " (bruk --replace for å erstatte den).",
                                "A report for " + key + " is already stored (use --replace to replace it).")));
            }
            return checked.report(false, 0, 0);
        }
    }

    private Checked read(Path file) throws IOException {
        String name = file.getFileName().toString();
        SubmissionImporter importer = importers.get().stream().filter(i -> i.canRead(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + ": no installed importer reads this kind of "
                        + "file (installed formats: " + formats() + ")"));
        ReadResult result;
        try (InputStream in = Files.newInputStream(file)) {
            result = importer.read(name, in, schemes::scheme);
        }
        Checked checked = new Checked(name, result.submissions());
        for (ReadProblem p : result.problems()) {
            checked.findings.add(new Finding(p.position(), "", Severity.ERROR, p.code(),
                    LocalizedText.of(p.message())));
        }
        Map<SubmissionKey, ImportedSubmission> seen = new HashMap<>();
        List<List<Violation>> all = validation.validateAll(
                result.submissions().stream().map(ImportedSubmission::submission).toList());
        for (int n = 0; n < result.submissions().size(); n++) {
            ImportedSubmission is = result.submissions().get(n);
            List<Violation> violations = all.get(n);
            boolean rejected = false;
            for (Violation v : violations) {
                checked.findings.add(new Finding(is.positionOf(v.path()), v.path(), v.severity(), v.code(),
                        v.message()));
                rejected |= v.isError();
            }
            ImportedSubmission earlier = seen.putIfAbsent(is.submission().key(), is);
            if (earlier != null) {
                checked.findings.add(new Finding(is.position(), "", Severity.ERROR, "DUPLICATE_IN_FILE",
                        new LocalizedText("Samme rapport (" + is.submission().key() + ") står også på "
                                + earlier.position() + ".",
                                "The same report (" + is.submission().key() + ") is also at " + earlier.position()
                                        + ".")));
                rejected = true;
            }
            if (rejected) {
                checked.rejected++;
            }
        }
        if (!checked.hasErrors()) {
            resolveFormVersions(checked);
        }
        return checked;
    }

    /**
     * Fills in the form version of each submission right after validation, while the scheme that validated it is
     * at hand: if a plugin is replaced or removed during a long import, the file is refused, not stored half-known.
     */
    private void resolveFormVersions(Checked checked) {
        for (ImportedSubmission is : checked.submissions) {
            Submission s = is.submission();
            if (s.formVersion().isPresent()) {
                checked.resolved.add(s);
                continue;
            }
            Optional<String> version = schemes.scheme(s.schemeId()).flatMap(sc -> sc.formForYear(s.year()))
                    .map(f -> f.version());
            if (version.isEmpty()) {
                checked.findings.add(new Finding(is.position(), "", Severity.ERROR, "SCHEME_CHANGED",
                        new LocalizedText("Ordningen «" + s.schemeId() + "» ble fjernet eller byttet ut mens filen "
                                + "ble lest inn; ingenting er lagret. Prøv igjen.",
                                "Scheme '" + s.schemeId() + "' was removed or replaced while the file was imported; "
                                        + "nothing was stored. Try again.")));
                checked.rejected++;
            } else {
                checked.resolved.add(s.withFormVersion(version.get()));
            }
        }
    }

    private static final class Checked {
        final String file;
        final List<ImportedSubmission> submissions;
        final List<Submission> resolved = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();
        int rejected;

        Checked(String file, List<ImportedSubmission> submissions) {
            this.file = file;
            this.submissions = submissions;
        }

        boolean hasErrors() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        }

        FileReport report(boolean stored, int inserted, int replaced) {
            return new FileReport(file, submissions.size(), rejected, findings, stored, inserted, replaced);
        }
    }
}
