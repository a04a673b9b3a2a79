package no.tilskudd.plugins.support.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.form.Rule;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.Finding;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.Violation;
import no.tilskudd.engine.StandaloneEngine;
import no.tilskudd.plugins.support.demo.DemoData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * What every scheme module must satisfy, run by each scheme's own test class against its own plugin, which the
 * engine finds on the test class path by its {@code Tilskudd-Scheme} manifest header: the forms load, one per
 * reporting year; the demo data are reproducible and pass validation; every rule (form rules and Java validators) has a case that passes
 * and one that fails; each line of the file of broken submissions gives the one finding it documents; and every
 * indicator is registered and computes on the demo data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SchemeContractTest {

    /** The indicators every scheme registers (the cross-scheme {@code scheme-overlap} is not in a scheme module). */
    public static final Set<String> STANDARD_INDICATORS = Set.of("goal-achievement", "national-goals",
            "continuation", "units-by-region", "measures-by-category", "measure-budget-size", "partners",
            "participants");

    /** A row of the table in {@code <id>-broken.md}: | line | what is wrong | path | code |. */
    private static final Pattern BROKEN_ROW =
            Pattern.compile("\\| (\\d+) \\|([^|]+)\\|([^|]+)\\|([^|]+)\\|");

    /** The engine with this scheme's plugin and a store holding its demo data. */
    protected StandaloneEngine engine;
    /** The store behind {@link #engine}. */
    protected MemoryStore store;

    private final String schemeId;
    private final List<Integer> reportingYears;
    private final Set<String> validatorCodes;

    /**
     * Configures the contract for a scheme.
     *
     * @param schemeId       the scheme id
     * @param firstYear      the first reporting year with a form
     * @param lastYear       the last reporting year with a form (each year in between has a form of its own)
     * @param validatorCodes the codes of the scheme's Java validators
     */
    protected SchemeContractTest(String schemeId, int firstYear, int lastYear, Set<String> validatorCodes) {
        this.schemeId = schemeId;
        this.reportingYears = IntStream.rangeClosed(firstYear, lastYear).boxed().toList();
        this.validatorCodes = Set.copyOf(validatorCodes);
    }

    /** @return the scheme id */
    protected final String schemeId() {
        return schemeId;
    }

    /** @return the reporting years, each with a form of its own */
    protected final List<Integer> reportingYears() {
        return reportingYears;
    }

    /** @return the ids of the indicators the scheme registers */
    protected Set<String> indicatorIds() {
        return STANDARD_INDICATORS;
    }

    /** @return a breaking and a passing case for every rule code of the forms and validators */
    protected abstract List<Breach> breaches();

    /**
     * What each line of the scheme's file of deliberately broken submissions ({@code demo/<id>-broken.jsonl}) gives,
     * read from the table in the documentation beside it ({@code <id>-broken.md}: line, what is wrong, path, code; a
     * warning says "(warning)"), so that the documentation and the test cannot drift apart.
     *
     * @return "path SEVERITY CODE" by line number (from 1)
     * @throws IOException when the documentation cannot be read
     */
    protected Map<Integer, String> brokenFileFindings() throws IOException {
        Map<Integer, String> out = new TreeMap<>();
        for (String row : Files.readAllLines(demoFile().resolveSibling(schemeId + "-broken.md"))) {
            Matcher m = BROKEN_ROW.matcher(row);
            if (m.matches()) {
                String severity = m.group(2).contains("(warning)") ? "WARNING" : "ERROR";
                out.put(Integer.parseInt(m.group(1)), m.group(3).trim() + " " + severity + " " + m.group(4).trim());
            }
        }
        return out;
    }

    /** Starts the engine and imports the demo data. */
    @BeforeAll
    void startEngine() throws IOException {
        store = new MemoryStore();
        engine = StandaloneEngine.fromServiceLoader(Optional.of(store));
        FileReport r = engine.imports().importFile(demoFile(), false);
        assertTrue(r.stored(), "the demo data could not be imported: " + r.findings());
    }

    /** @return the demo file in this module's sources */
    protected Path demoFile() {
        return DemoData.demoFile(Path.of("").toAbsolutePath(), schemeId());
    }

    /** @return the scheme as the engine read it */
    protected Scheme scheme() {
        assertEquals(List.of(), engine.schemes().problems(), "the scheme's definitions were refused");
        return engine.schemes().scheme(schemeId()).orElseThrow(() -> new AssertionError(
                "scheme " + schemeId() + " is not found; does its manifest carry the Tilskudd-Scheme header "
                        + "(bnd.bnd)?"));
    }

    @Test
    void eachReportingYearHasAFormThatCoversExactlyThatYear() {
        Scheme s = scheme();
        assertEquals(reportingYears().stream().map(String::valueOf).toList(), s.formVersions());
        for (int year : reportingYears()) {
            FormDefinition f = s.formForYear(year).orElseThrow();
            assertEquals(year, f.firstYear(), f.version());
            assertEquals(year, f.lastYear(), f.version());
            assertTrue(f.title().nb().contains(String.valueOf(year)), "the title names the year: " + f.title());
        }
        assertTrue(s.demoData().isPresent(), "the descriptor names the demo data");
    }

    @Test
    void demoDataAreReproducible() throws IOException {
        String expected = DemoData.generate().get(schemeId());
        if (Boolean.getBoolean("tilskudd.demo.write")) {
            Files.writeString(demoFile(), expected, StandardCharsets.UTF_8);
        }
        String actual = Files.readString(demoFile(), StandardCharsets.UTF_8);
        assertTrue(expected.equals(actual), "the checked-in demo file differs from what DemoData generates; "
                + "rerun the tests with -Dtilskudd.demo.write=true if the generator was changed on purpose");
    }

    @Test
    void demoDataPassWithoutAnyFinding() throws IOException {
        FileReport r = engine.imports().check(demoFile());
        assertTrue(r.submissions() > 0);
        assertEquals(List.of(), r.findings().stream().map(SchemeContractTest::describe).toList());
    }

    @Test
    void everyRuleHasABreakingCase() {
        Set<String> codes = new TreeSet<>(validatorCodes);
        for (FormDefinition f : scheme().forms()) {
            for (Rule r : f.rules()) {
                codes.add(r.code());
                boolean covered = breaches().stream()
                        .anyMatch(b -> b.code().equals(r.code()) && b.years().test(f.firstYear()));
                assertTrue(covered,
                        "rule " + r.code() + " of form " + f.version() + " has no breaking case");
            }
        }
        assertEquals(codes, breaches().stream().map(Breach::code).collect(Collectors.toCollection(TreeSet::new)),
                "every breaking case names a rule that exists");
    }

    @TestFactory
    List<DynamicTest> eachRulePassesAtItsBoundaryAndFailsWhenBroken() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int year : reportingYears()) {
            Submission base = validBase(year);
            tests.add(DynamicTest.dynamicTest(year + ": the base submission is valid",
                    () -> assertEquals(List.of(), violations(base))));
            for (Breach b : breaches()) {
                if (!b.years().test(year)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(year + ": " + b.code() + " passes", () -> {
                    List<String> found = violations(b.pass().apply(base));
                    assertFalse(found.stream().anyMatch(v -> v.contains(b.code())), found.toString());
                }));
                tests.add(DynamicTest.dynamicTest(year + ": " + b.code() + " fails", () -> {
                    List<String> found = violations(b.fail().apply(base));
                    String expected = b.path() + " " + b.severity() + " " + b.code();
                    assertTrue(found.contains(expected), "expected " + expected + ", got " + found);
                }));
            }
        }
        return tests;
    }

    @Test
    void eachLineOfTheBrokenFileGivesTheOneFindingItDocuments() throws IOException {
        Path broken = demoFile().resolveSibling(schemeId() + "-broken.jsonl");
        FileReport r = engine.imports().check(broken);
        Map<Integer, String> found = new TreeMap<>();
        for (Finding f : r.findings()) {
            assertEquals(broken.getFileName().toString(), f.position().file());
            int line = Integer.parseInt(f.position().location().split(":")[0]);
            String previous = found.put(line, f.path() + " " + f.severity() + " " + f.code());
            assertEquals(null, previous, "line " + line + " gives more than one finding: " + previous + ", "
                    + found.get(line));
        }
        Map<Integer, String> documented = brokenFileFindings();
        assertEquals(r.submissions(), documented.size(), "every line is documented");
        assertEquals(documented, found);
    }

    @Test
    void everyIndicatorIsRegisteredAndComputesOnTheDemoData() {
        int from = reportingYears().get(0);
        int to = reportingYears().get(reportingYears().size() - 1);
        IndicatorService.Results r = engine.indicators().compute(Selection.of(schemeId(), from, to));
        assertEquals(List.of(), r.failures());
        assertEquals(indicatorIds(), r.tables().stream().map(Table::id).collect(Collectors.toSet()));
        for (Table t : r.tables()) {
            assertTrue(t.n().orElseThrow().value() > 0, t.id() + " has N = 0 on the demo data");
        }
    }

    /**
     * A valid submission of a year from the demo data, with its form version as stored: one that did not reach all
     * goals, so that the rules about reasons are evaluated too.
     *
     * @param year the reporting year
     * @return the submission
     */
    protected Submission validBase(int year) {
        return store.find(SubmissionQuery.scheme(schemeId(), year, year)).stream().map(st -> st.submission())
                .filter(s -> "notAll".equals(s.values().get("goalsReached"))).findFirst()
                .orElseGet(() -> fail("no demo report of " + year + " that did not reach all goals"));
    }

    /**
     * The violations of a submission as "path SEVERITY CODE".
     *
     * @param s the submission
     * @return the violations
     */
    protected List<String> violations(Submission s) {
        return engine.validation().validate(s).stream().map(SchemeContractTest::describe).toList();
    }

    private static String describe(Violation v) {
        return v.path() + " " + v.severity() + " " + v.code();
    }

    private static String describe(Finding f) {
        return f.position() + ": " + f.path() + " " + f.severity() + " " + f.code() + ": " + f.message().nb();
    }
}
