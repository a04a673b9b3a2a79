package no.tilskudd.engine.internal.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.api.service.IndicatorService.Results;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.InMemoryStore;
import no.tilskudd.engine.internal.orgunits.CsvOrgUnitRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndicatorRunnerTest {

    @TempDir
    Path dir;

    final InMemoryStore store = new InMemoryStore().with(
            sub("a", 2016, "0301"), sub("a", 2016, "1804"), sub("a", 2017, "1103"), sub("a", 2015, "0301"),
            sub("b", 2016, "1902"), sub("b", 2018, "1804"));
    final List<Indicator> indicators = new ArrayList<>();

    private static Submission sub(String scheme, int year, String orgUnit) {
        return new Submission(scheme, year, orgUnit, Optional.of("1"), Map.of());
    }

    private Results run(Selection selection) {
        return run(selection, CsvOrgUnitRegister.defaults());
    }

    private Results run(Selection selection, OrgUnitRegister register) {
        return new IndicatorRunner(() -> indicators, () -> Optional.of(store), register).compute(selection);
    }

    /** An indicator whose one-row table lists the keys of the submissions it was given. */
    private static Indicator listing(String id, Set<String> schemes) {
        return indicator(id, schemes, input -> table(id, input.submissions().size(),
                String.join(" ", input.submissions().stream().map(s -> s.key().toString()).toList())));
    }

    private static Indicator indicator(String id, Set<String> schemes, Function<IndicatorInput, Table> f) {
        return new Indicator() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public LocalizedText title() {
                return LocalizedText.of(id);
            }

            @Override
            public Set<String> schemes() {
                return schemes;
            }

            @Override
            public Table compute(IndicatorInput input) {
                return f.apply(input);
            }
        };
    }

    private static Table table(String id, long n, String cell) {
        return Table.of(id, LocalizedText.of(id), List.of(Table.Column.of("keys", "Keys", ValueKind.TEXT)),
                List.of(Table.Row.data(cell))).withN(n);
    }

    private static String cell(Results r, String id) {
        return (String) r.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow()
                .rows().get(0).cells().get(0);
    }

    @Test
    void indicatorGetsTheSchemesSubmissionsInTheYears() {
        indicators.add(listing("list", Set.of("a")));
        Results r = run(Selection.of("a", 2016, 2017));
        assertEquals(3, r.submissions());
        assertEquals("a/2016/0301 a/2016/1804 a/2017/1103", cell(r, "list"));
        assertEquals(3, r.tables().get(0).n().orElseThrow().value());
        assertEquals(List.of(), r.failures());
    }

    @Test
    void throwingIndicatorIsAFailureAndTheOthersStillGiveTables() {
        indicators.add(listing("zeta", Set.of("a")));
        Indicator boom = indicator("boom", Set.of("a"), input -> {
            throw new IllegalStateException("kaputt");
        });
        indicators.add(boom);
        indicators.add(listing("alpha", Set.of("a")));
        Results r = run(Selection.of("a", 2016, 2016));
        assertEquals(List.of("alpha", "zeta"), r.tables().stream().map(Table::id).toList());
        assertEquals(List.of("boom (" + boom.getClass().getName() + "): threw IllegalStateException: kaputt"),
                r.failures());
    }

    @Test
    void indicatorReturningNoTableIsAFailure() {
        Indicator none = indicator("none", Set.of("a"), input -> null);
        indicators.add(none);
        Results r = run(Selection.of("a", 2016, 2016));
        assertEquals(List.of("none (" + none.getClass().getName() + "): returned no table"), r.failures());
        assertEquals(List.of(), r.tables());
    }

    @Test
    void tablesAreOrderedByIndicatorId() {
        indicators.add(listing("c", Set.of("a")));
        indicators.add(listing("a", Set.of("a")));
        indicators.add(listing("b", Set.of("a", "b")));
        assertEquals(List.of("a", "b", "c"),
                run(Selection.of("a", 2016, 2016)).tables().stream().map(Table::id).toList());
    }

    @Test
    void indicatorsOfOtherSchemesAreNotRun() {
        indicators.add(listing("forA", Set.of("a")));
        indicators.add(listing("forB", Set.of("b")));
        indicators.add(listing("forBoth", Set.of("a", "b")));
        Results r = run(Selection.of("b", 2016, 2018));
        assertEquals(List.of("forB", "forBoth"), r.tables().stream().map(Table::id).toList());
        assertEquals("b/2016/1902 b/2018/1804", cell(r, "forB"));
    }

    /** Issue 16: the cross-scheme overlap table showed in every scheme's report; it is asked for with several. */
    @Test
    void crossSchemeIndicatorRunsOnlyForSeveralSchemesAndGetsTheSubmissionsOfAllSchemes() {
        indicators.add(listing("all", Set.of()));
        indicators.add(listing("own", Set.of("a")));
        Results one = run(Selection.of("a", 2016, 2016));
        assertEquals(List.of("own"), one.tables().stream().map(Table::id).toList(), "one scheme's report");
        assertEquals(2, one.submissions());
        Results r = run(new Selection(List.of("a", "b"), 2016, 2016, Set.of(), Set.of()));
        assertEquals("a/2016/0301 a/2016/1804 b/2016/1902", cell(r, "all"));
        assertEquals(3, r.submissions());
    }

    @Test
    void orgUnitSelectionIsPassedToTheStore() {
        indicators.add(listing("all", Set.of()));
        Results r = run(new Selection(List.of("a", "b"), 2015, 2018, Set.of("0301", "1804"), Set.of()));
        assertEquals("a/2015/0301 a/2016/0301 a/2016/1804 b/2018/1804", cell(r, "all"));
        assertEquals(4, r.submissions());
    }

    @Test
    void regionFilterKeepsOnlyOrgUnitsInTheRegion() {
        indicators.add(listing("own", Set.of("a")));
        indicators.add(listing("all", Set.of()));
        Results r = run(new Selection("a", 2015, 2018, Set.of(), Set.of("Nord")));
        assertEquals("a/2016/1804", cell(r, "own"));
        assertEquals(1, r.submissions());
        Results both = run(new Selection(List.of("a", "b"), 2015, 2018, Set.of(), Set.of("Nord")));
        assertEquals("a/2016/1804 b/2016/1902 b/2018/1804", cell(both, "all"));
    }

    /** Issue 16: an indicator serves only the schemes its plugin may serve; the others are not run for them. */
    @Test
    void anIndicatorThatMayNotServeASchemeIsNotRunForIt() {
        Indicator stray = listing("stray", Set.of("a"));
        indicators.add(stray);
        indicators.add(listing("own", Set.of("a")));
        List<String> told = new ArrayList<>();
        IndicatorRunner gated = new IndicatorRunner(() -> indicators, () -> Optional.of(store), CsvOrgUnitRegister.defaults(),
                new IndicatorRunner.Plugins() {
                    @Override
                    public boolean applies(Indicator indicator, String schemeId) {
                        return indicator != stray;
                    }

                    @Override
                    public String origin(Indicator indicator) {
                        return "test.bundle 1.0.0";
                    }

                    @Override
                    public void failed(Indicator indicator, String reason) {
                        told.add(reason);
                    }
                });
        Results r = gated.compute(Selection.of("a", 2016, 2016));
        assertEquals(List.of("own"), r.tables().stream().map(Table::id).toList());
        indicators.add(indicator("boom", Set.of("a"), input -> {
            throw new IllegalStateException("kaputt");
        }));
        Results failed = gated.compute(Selection.of("a", 2016, 2016));
        assertEquals(List.of("boom (test.bundle 1.0.0): threw IllegalStateException: kaputt"), failed.failures(),
                "named by its plugin, not its class");
        assertEquals(List.of("indicator 'boom' threw IllegalStateException: kaputt"), told);
    }

    @Test
    void regionFilterWithSeveralRegions() {
        indicators.add(listing("own", Set.of("a")));
        Results r = run(new Selection("a", 2015, 2018, Set.of(), Set.of("Vest", "Øst/Oslo")));
        assertEquals("a/2015/0301 a/2016/0301 a/2017/1103", cell(r, "own"));
    }

    @Test
    void regionIsTheOneTheOrgUnitHadInTheSubmissionsYear() throws IOException {
        // Code 9001 belonged to Nord until 2010 and was then reused in Midt.
        Path csv = dir.resolve("register.csv");
        Files.writeString(csv, CsvOrgUnitRegister.HEADER + "\n"
                + "9001,Gammel,Finnmark,Nord,1990,2010\n"
                + "9001,Ny,Trøndelag,Midt,2011,\n", StandardCharsets.UTF_8);
        store.with(sub("a", 2010, "9001"), sub("a", 2011, "9001"));
        indicators.add(listing("own", Set.of("a")));
        OrgUnitRegister register = CsvOrgUnitRegister.fromFileOrDefaults(csv);
        assertEquals("a/2010/9001", cell(run(new Selection("a", 2010, 2011, Set.of(), Set.of("Nord")), register),
                "own"));
        assertEquals("a/2011/9001", cell(run(new Selection("a", 2010, 2011, Set.of(), Set.of("Midt")), register),
                "own"));
    }

    @Test
    void unknownOrgUnitIsInNoRegion() {
        store.with(sub("a", 2016, "9999"));
        indicators.add(listing("own", Set.of("a")));
        Results r = run(new Selection("a", 2016, 2016, Set.of(), Set.of("Nord", "Midt", "Sør", "Vest",
                "Øst/Oslo")));
        assertEquals("a/2016/0301 a/2016/1804", cell(r, "own"));
    }

    @Test
    void indicatorCanLookUpOrgUnitsByYear() {
        indicators.add(indicator("names", Set.of("a"), input -> table("names", 0,
                input.orgUnits().find("1804", 2016).orElseThrow().name() + "/"
                        + input.orgUnits().find("1503", 2007).orElseThrow().region())));
        assertEquals("Bodø/Midt", cell(run(Selection.of("a", 2016, 2016)), "names"));
    }

    @Test
    void indicatorGetsTheSelection() {
        Selection selection = new Selection("a", 2016, 2017, Set.of("0301"), Set.of());
        indicators.add(indicator("sel", Set.of("a"), input -> table("sel", 0,
                input.selection() == selection ? "same" : "other")));
        assertEquals("same", cell(run(selection), "sel"));
    }

    @Test
    void noStoreFailsClearly() {
        IndicatorRunner runner = new IndicatorRunner(() -> indicators, Optional::empty,
                CsvOrgUnitRegister.defaults());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> runner.compute(Selection.of("a", 2016, 2016)));
        assertEquals("no submission store is installed; check that the store bundle is active", e.getMessage());
    }
}
