package no.tilskudd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.service.ReportOptions;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine without a framework, with the example plugin (a test dependency) found by ServiceLoader through the
 * plugin's generated {@code META-INF/services}.
 */
class StandaloneEngineExampleTest {

    @TempDir
    Path dir;

    private static Scheme example(StandaloneEngine engine) {
        return engine.schemes().scheme("example").orElseThrow(
                () -> new AssertionError("example scheme not found; problems: " + engine.schemes().problems()));
    }

    private Path demoCopy(Scheme scheme) throws IOException {
        Path copy = dir.resolve("example-demo.jsonl");
        try (InputStream in = scheme.demoData().orElseThrow().openStream()) {
            Files.copy(in, copy);
        }
        return copy;
    }

    @Test
    void exampleSchemeIsFoundWithoutProblems() {
        StandaloneEngine engine = StandaloneEngine.fromServiceLoader(Optional.empty());
        Scheme s = example(engine);
        assertEquals(List.of(), engine.schemes().problems());
        assertEquals(List.of("2016"), s.formVersions());
        assertEquals(2016, s.firstYear());
        assertTrue(s.demoData().orElseThrow().toString().endsWith("tilskudd/example/demo/example-demo.jsonl"));
    }

    @Test
    void everyDemoSubmissionValidatesWithoutErrors() throws IOException {
        StandaloneEngine engine = StandaloneEngine.fromServiceLoader(Optional.empty());
        FileReport r = engine.imports().check(demoCopy(example(engine)));
        assertEquals(List.of(), r.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .map(f -> f.code() + "@" + f.position() + "/" + f.path()).toList());
        assertEquals(28, r.submissions());
        assertEquals(0, r.rejected());
        assertFalse(r.hasErrors());
    }

    @Test
    void pluginValidatorRunsThroughTheEngine() {
        StandaloneEngine engine = StandaloneEngine.fromServiceLoader(Optional.empty());
        Submission s = new Submission("example", 2016, "1804", Optional.empty(), java.util.Map.of(
                "grantAmount", 100L, "ownFunding", 0L, "goalsReached", "all",
                "measures", List.of(java.util.Map.of("name", "A", "category", "alle", "newOrContinued", "new",
                        "firstFundedYear", 2016L, "participantsChildren", 3L, "participantsFamilies", 1L,
                        "budget", 150L))));
        List<Violation> v = engine.validation().validate(s);
        assertEquals(List.of("EXAMPLE_BUDGETS_EXCEED_FUNDING@measures"),
                v.stream().map(x -> x.code() + "@" + x.path()).toList());
        assertEquals(Severity.WARNING, v.get(0).severity());
    }

    @Test
    void demoDataImportsAndFeedsTheIndicatorAndTheReport() throws IOException {
        InMemoryStore store = new InMemoryStore();
        StandaloneEngine engine = StandaloneEngine.fromServiceLoader(Optional.of(store));
        FileReport r = engine.imports().importFile(demoCopy(example(engine)), false);
        assertTrue(r.stored());
        assertEquals(28, r.inserted());

        IndicatorService.Results results = engine.indicators().compute(Selection.of("example", 2016, 2017));
        assertEquals(28, results.submissions());
        assertEquals(List.of(), results.failures());
        Table goals = results.tables().stream().filter(t -> t.id().equals("goal-achievement"))
                .findFirst().orElseThrow();
        assertEquals(28, goals.n().orElseThrow().value());

        Report report = engine.reports().assemble(Selection.of("example", 2016, 2017),
                new ReportOptions(Locale.ENGLISH, false, false));
        assertEquals("The example scheme: grants for children's leisure measures 2016–2017", report.title());
        assertEquals("28", report.metadata().get("Reports (N)"));
        assertTrue(report.sections().stream().anyMatch(sec -> sec.blocks().stream()
                .anyMatch(b -> b instanceof Table t && t.id().equals("goal-achievement"))));
    }

    @Test
    void defaultOrgUnitsAreTheShippedRegister() {
        assertEquals(450, StandaloneEngine.defaultOrgUnits().all().size());
        assertEquals("Bodø", StandaloneEngine.fromServiceLoader(Optional.empty()).orgUnits().find("1804", 2016)
                .orElseThrow().name());
    }

    @Test
    void jsonImporterIsAlwaysInstalled() {
        assertTrue(StandaloneEngine.fromServiceLoader(Optional.empty()).imports().formats().contains("json"));
    }
}
