package no.tilskudd.engine.internal.importing;

import static no.tilskudd.engine.TestSchemes.VALID_LINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.Finding;
import no.tilskudd.api.submission.SubmissionImporter;
import no.tilskudd.api.submission.SubmissionKey;
import no.tilskudd.api.submission.Validator;
import no.tilskudd.api.submission.Violation;
import no.tilskudd.engine.InMemoryStore;
import no.tilskudd.engine.TestSchemes;
import no.tilskudd.engine.internal.orgunits.CsvOrgUnitRegister;
import no.tilskudd.engine.internal.registry.SchemeCatalog;
import no.tilskudd.engine.internal.validation.SubmissionValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileImporterTest {

    @TempDir
    Path dir;

    final InMemoryStore store = new InMemoryStore();
    final List<Validator> validators = new ArrayList<>();
    FileImporter importer;

    @BeforeEach
    void setUp() {
        SchemeCatalog schemes = TestSchemes.catalog(dir.resolve("plugin"));
        SubmissionValidator validation = new SubmissionValidator(schemes, CsvOrgUnitRegister.defaults(),
                () -> validators);
        List<SubmissionImporter> importers = List.of(new JsonSubmissionImporter());
        importer = new FileImporter(() -> importers, schemes, validation, () -> Optional.of(store));
    }

    private Path file(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    private static String valid(String orgUnit) {
        return VALID_LINE.formatted(orgUnit);
    }

    private static List<String> findings(FileReport r) {
        return r.findings().stream().map(f -> f.code() + "@" + f.position() + (f.path().isEmpty() ? ""
                : "/" + f.path())).toList();
    }

    @Test
    void schemeRemovedDuringTheImportRefusesTheFileWithoutStoringAnything() throws IOException {
        // Regression: the scheme left between validation and storing, and the import failed with an exception.
        SchemeCatalog schemes = TestSchemes.catalog(dir.resolve("plugin2"));
        SubmissionValidator real = new SubmissionValidator(schemes, CsvOrgUnitRegister.defaults(), () -> validators);
        no.tilskudd.api.service.ValidationService removesTheScheme = new no.tilskudd.api.service.ValidationService() {
            @Override
            public List<no.tilskudd.api.submission.Violation> validate(no.tilskudd.api.submission.Submission s) {
                return validateAll(List.of(s)).get(0);
            }

            @Override
            public List<List<no.tilskudd.api.submission.Violation>> validateAll(
                    List<no.tilskudd.api.submission.Submission> subs) {
                List<List<no.tilskudd.api.submission.Violation>> r = real.validateAll(subs);
                schemes.remove("test");
                return r;
            }
        };
        FileImporter racing = new FileImporter(() -> List.of(new JsonSubmissionImporter()), schemes,
                removesTheScheme, () -> Optional.of(store));
        FileReport r = racing.importFile(file("race.jsonl", valid("0301"), valid("1804")), false);
        assertFalse(r.stored());
        assertEquals(List.of("SCHEME_CHANGED@race.jsonl:1", "SCHEME_CHANGED@race.jsonl:2"), findings(r));
        assertEquals(0, store.size());
    }

    @Test
    void cleanFileIsStoredWholeWithTheFormVersionFilledIn() throws IOException {
        FileReport r = importer.importFile(file("ok.jsonl", valid("0301"), valid("1804"), valid("1103")), false);
        assertEquals(List.of(), r.findings());
        assertTrue(r.stored());
        assertEquals("ok.jsonl", r.file());
        assertEquals(3, r.submissions());
        assertEquals(0, r.rejected());
        assertEquals(3, r.inserted());
        assertEquals(0, r.replaced());
        assertEquals(3, store.size());
        assertEquals(Optional.of("2006"), store.get(new SubmissionKey("test", 2016, "1804")).submission()
                .formVersion());
        assertEquals("ok.jsonl", store.get(new SubmissionKey("test", 2016, "0301")).source());
    }

    @Test
    void fileWithOneBadSubmissionStoresNothingAndNamesTheLine() throws IOException {
        FileReport r = importer.importFile(file("bad.jsonl", valid("0301"),
                valid("1804").replace("\"count\":10", "\"count\":-1"), valid("1103")), false);
        assertEquals(List.of("NUMBER_OUT_OF_RANGE@bad.jsonl:2/count"), findings(r));
        assertFalse(r.stored());
        assertTrue(r.hasErrors());
        assertEquals(3, r.submissions());
        assertEquals(1, r.rejected());
        assertEquals(0, r.inserted());
        assertEquals(0, store.size());
        assertEquals(0, store.saves);
    }

    @Test
    void fileWithASyntaxErrorStoresNothing() throws IOException {
        FileReport r = importer.importFile(file("broken.jsonl", valid("0301"), "{\"scheme\": ", valid("1103")),
                false);
        assertEquals(List.of("JSON_SYNTAX@broken.jsonl:2:12"), findings(r));
        assertFalse(r.stored());
        assertEquals(2, r.submissions());
        assertEquals(0, r.rejected());
        assertEquals(0, store.size());
    }

    @Test
    void warningsDoNotStopTheImportAndAreReported() throws IOException {
        FileReport r = importer.importFile(file("warn.jsonl", valid("0301").replace("\"count\":10", "\"count\":60")),
                false);
        assertEquals(List.of("COUNT_HIGH@warn.jsonl:1/count"), findings(r));
        assertEquals(Severity.WARNING, r.findings().get(0).severity());
        assertTrue(r.stored());
        assertEquals(1, r.inserted());
        assertEquals(0, r.rejected());
    }

    @Test
    void explicitFormVersionIsKept() throws IOException {
        String line = "{\"scheme\":\"test\",\"year\":2021,\"orgUnit\":\"0301\",\"formVersion\":\"2021\","
                + "\"values\":{\"count\":1}}";
        assertTrue(importer.importFile(file("v.jsonl", line), false).stored());
        assertEquals(Optional.of("2021"), store.get(new SubmissionKey("test", 2021, "0301")).submission()
                .formVersion());
    }

    @Test
    void reimportWithoutReplaceReportsAlreadyStoredAndStoresNothing() throws IOException {
        importer.importFile(file("first.jsonl", valid("0301"), valid("1804")), false);
        FileReport r = importer.importFile(file("second.jsonl", valid("1103"), valid("1804")), false);
        assertEquals(List.of("ALREADY_STORED@second.jsonl:2"), findings(r));
        assertEquals("A report for test/2016/1804 is already stored (use --replace to replace it).",
                r.findings().get(0).message().en());
        assertFalse(r.stored());
        assertEquals(0, r.inserted());
        assertEquals(2, store.size());
        assertNull(store.get(new SubmissionKey("test", 2016, "1103")));
        assertEquals("first.jsonl", store.get(new SubmissionKey("test", 2016, "1804")).source());
    }

    @Test
    void reimportOfTheWholeFileReportsEverySubmission() throws IOException {
        Path f = file("same.jsonl", valid("0301"), valid("1804"));
        importer.importFile(f, false);
        FileReport r = importer.importFile(f, false);
        assertEquals(List.of("ALREADY_STORED@same.jsonl:1", "ALREADY_STORED@same.jsonl:2"), findings(r));
        assertTrue(r.hasErrors());
    }

    @Test
    void reimportWithReplaceCountsReplacedAndInserted() throws IOException {
        importer.importFile(file("first.jsonl", valid("0301"), valid("1804")), false);
        FileReport r = importer.importFile(file("second.jsonl", valid("1103"),
                valid("1804").replace("\"count\":10", "\"count\":11")), true);
        assertTrue(r.stored());
        assertEquals(1, r.inserted());
        assertEquals(1, r.replaced());
        assertEquals(3, store.size());
        assertEquals(11L, store.get(new SubmissionKey("test", 2016, "1804")).submission().values().get("count"));
        assertEquals("second.jsonl", store.get(new SubmissionKey("test", 2016, "1804")).source());
    }

    @Test
    void sameKeyTwiceInOneFileIsDuplicateInFile() throws IOException {
        FileReport r = importer.importFile(file("dup.jsonl", valid("0301"), valid("1804"), valid("0301")), true);
        assertEquals(List.of("DUPLICATE_IN_FILE@dup.jsonl:3"), findings(r));
        assertEquals("The same report (test/2016/0301) is also at dup.jsonl:1.", r.findings().get(0).message().en());
        assertEquals(1, r.rejected());
        assertFalse(r.stored());
        assertEquals(0, store.size());
    }

    @Test
    void checkValidatesWithoutStoring() throws IOException {
        FileReport r = importer.check(file("ok.jsonl", valid("0301")));
        assertEquals(List.of(), r.findings());
        assertFalse(r.stored());
        assertEquals(1, r.submissions());
        assertEquals(0, store.size());
        assertEquals(0, store.saves);
    }

    @Test
    void findingsAreInFileOrder() throws IOException {
        FileReport r = importer.check(file("many.jsonl",
                valid("0301").replace("\"share\":50", "\"share\":101"),
                valid("9999"),
                valid("1804").replace("\"status\":\"ok\"", "\"status\":\"x\"")));
        assertEquals(List.of("NUMBER_OUT_OF_RANGE@many.jsonl:1/share", "ORG_UNIT_UNKNOWN@many.jsonl:2/orgUnit",
                "CHOICE_UNKNOWN@many.jsonl:3/status"), findings(r));
        assertEquals(3, r.rejected());
    }

    @Test
    void pluginValidatorWarningIsAFinding() throws IOException {
        validators.add(new Validator() {
            @Override
            public String schemeId() {
                return "test";
            }

            @Override
            public List<Violation> validate(no.tilskudd.api.submission.Submission s,
                    no.tilskudd.api.submission.ValidationContext c) {
                return List.of(Violation.warning("measures", "SUM", "sum", "sum"));
            }
        });
        FileReport r = importer.importFile(file("ok.jsonl", valid("0301")), false);
        assertEquals(List.of("SUM@ok.jsonl:1/measures"), findings(r));
        assertTrue(r.stored());
    }

    @Test
    void fileNoImporterReadsIsRefused() throws IOException {
        Path f = file("data.csv", "a,b");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> importer.check(f));
        assertEquals("data.csv: no installed importer reads this kind of file (installed formats: [json])",
                e.getMessage());
    }

    @Test
    void importWithoutAStoreFailsClearly() throws IOException {
        SchemeCatalog schemes = TestSchemes.catalog(dir.resolve("other"));
        FileImporter noStore = new FileImporter(() -> List.of(new JsonSubmissionImporter()), schemes,
                new SubmissionValidator(schemes, CsvOrgUnitRegister.defaults(), List::of), Optional::empty);
        Path f = file("ok.jsonl", valid("0301"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> noStore.importFile(f, false));
        assertTrue(e.getMessage().startsWith("no submission store is installed"));
        assertEquals(List.of(), noStore.check(f).findings());
    }

    @Test
    void formatsListsTheImporters() {
        assertEquals(Set.of("json"), importer.formats());
    }

    @Test
    void findingPositionIsTheSubmissionsLine() throws IOException {
        FileReport r = importer.check(file("p.jsonl", "", valid("0301").replace("\"M1\"", "12")));
        Finding f = r.findings().get(0);
        assertEquals("p.jsonl", f.position().file());
        assertEquals("2", f.position().location());
        assertEquals("measures[0].name", f.path());
        assertEquals("FIELD_TYPE", f.code());
    }
}
