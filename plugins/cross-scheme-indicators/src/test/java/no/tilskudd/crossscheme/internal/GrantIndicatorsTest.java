package no.tilskudd.crossscheme.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.store.Grant;
import org.junit.jupiter.api.Test;

/**
 * The grant indicators over a small register whose answers can be worked out by hand, and over the questionnaire's
 * demo register, which gives the seed's figures for AVdir and Bufdir 2006–2008.
 */
class GrantIndicatorsTest {

    private final GrantUnitsBySchemeIndicator units = new GrantUnitsBySchemeIndicator();
    private final GrantSchemeOverlapIndicator overlap = new GrantSchemeOverlapIndicator();

    private static Grant grant(String scheme, int year, String unit) {
        return new Grant(scheme, Optional.empty(), year, unit, BigDecimal.TEN, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static IndicatorInput.GrantLookup register(List<Grant> grants, Map<String, String> names) {
        return new IndicatorInput.GrantLookup() {
            @Override
            public List<Grant> find(Set<String> schemeIds, int fromYear, int toYear) {
                return grants.stream().filter(g -> schemeIds.isEmpty() || schemeIds.contains(g.schemeId()))
                        .filter(g -> g.year() >= fromYear && g.year() <= toYear).toList();
            }

            @Override
            public Optional<LocalizedText> schemeName(String schemeId) {
                return Optional.ofNullable(names.get(schemeId)).map(LocalizedText::of);
            }
        };
    }

    private static IndicatorInput input(Selection s, IndicatorInput.GrantLookup grants) {
        return new IndicatorInput(s, List.of(), (code, year) -> Optional.of(new OrgUnit(code, code, "x",
                code.startsWith("18") ? "Nord" : "Sør", Optional.empty(), Optional.empty())), grants);
    }

    private static List<Object> column(Table t, int c) {
        List<Object> out = new ArrayList<>();
        t.rows().forEach(r -> out.add(r.cells().get(c) instanceof Number n ? (Object) n.longValue() : null));
        return out;
    }

    private static Selection avdirAndBufdir(int from, int to) {
        return new Selection(List.of("avdir", "bufdir"), from, to, Set.of(), Set.of());
    }

    // U1 avdir+bufdir; U2 avdir (2006) + other; U3 bufdir only; U4 avdir only but in 2009 (outside);
    // U5 other only (not in the selection); U1 also other in 2009 (outside the years).
    private final IndicatorInput.GrantLookup small = register(List.of(
            grant("avdir", 2006, "1801"), grant("avdir", 2007, "1801"), grant("bufdir", 2008, "1801"),
            grant("avdir", 2006, "0602"), grant("unge-utenfor", 2008, "0602"),
            grant("bufdir", 2007, "0604"),
            grant("avdir", 2009, "0605"),
            grant("unge-utenfor", 2007, "0606"),
            grant("unge-utenfor", 2009, "1801")), Map.of("unge-utenfor", "Unge utenfor"));

    @Test
    void bothAreCrossSchemeIndicators() {
        assertTrue(units.schemes().isEmpty());
        assertTrue(overlap.schemes().isEmpty());
        assertEquals("grant-units-by-scheme", units.id());
        assertEquals("grant-scheme-overlap", overlap.id());
    }

    @Test
    void unitsBySchemeCountEachSchemesUnitsTheirSumTheDistinctUnitsAndThoseInBoth() {
        Table t = units.compute(input(avdirAndBufdir(2006, 2008), small));
        // avdir 1801, 0602; bufdir 1801, 0604; 4 scheme-units, 3 units, 1 in both
        assertEquals(List.of(2L, 2L, 4L, 3L, 1L), column(t, 1));
        assertEquals(3, t.n().orElseThrow().value());
        assertEquals(Set.of(2), Set.copyOf(t.rowsOf(Table.RowKind.TOTAL)));
        assertEquals(List.of("group", "units"), t.columns().stream().map(Table.Column::id).toList());
    }

    @Test
    void overlapCountsSchemeUnitsByTheOtherSchemesOfTheirUnitInTheSameYears() {
        Table t = overlap.compute(input(avdirAndBufdir(2006, 2008), small));
        // scheme-units: avdir/1801, avdir/0602, bufdir/1801, bufdir/0604 (N 4).
        // one only: bufdir/0604; more: the two of 1801 and avdir/0602; both: the two of 1801; unge-utenfor: 0602.
        assertEquals(List.of(1L, 3L, 2L, 1L), column(t, 1));
        assertEquals(List.of(25L, 75L, 50L, 25L), column(t, 2));
        assertEquals(4, t.n().orElseThrow().value());
        assertEquals("Unge utenfor (unge-utenfor)", ((LocalizedText) t.rows().get(3).cells().get(0)).nb());
        assertEquals(List.of("group", "units", "percent"), t.columns().stream().map(Table.Column::id).toList());
    }

    @Test
    void oneSchemeHasNoRowForAllTheSelected() {
        Table t = overlap.compute(input(Selection.of("avdir", 2006, 2008), small));
        // avdir/1801 (also bufdir), avdir/0602 (also unge-utenfor): both funded by more than one
        assertEquals(List.of(0L, 2L, 1L, 1L), column(t, 1));
        Table u = units.compute(input(Selection.of("avdir", 2006, 2008), small));
        assertEquals(List.of(2L, 2L, 2L), column(u, 1));
    }

    @Test
    void regionsKeepTheirUnitsButOtherSchemesStillCount() {
        Selection nord = new Selection(List.of("avdir", "bufdir"), 2006, 2008, Set.of(), Set.of("Nord"));
        Table t = overlap.compute(input(nord, small));
        assertEquals(List.of(0L, 2L, 2L), column(t, 1));
    }

    @Test
    void anEmptyRegisterGivesZerosAndNoPercentages() {
        Table t = overlap.compute(input(avdirAndBufdir(2006, 2008), IndicatorInput.GrantLookup.NONE));
        assertEquals(0, t.n().orElseThrow().value());
        assertEquals(Arrays.asList(null, null, null), column(t, 2));
        Table u = units.compute(input(avdirAndBufdir(2006, 2008), IndicatorInput.GrantLookup.NONE));
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L), column(u, 1));
    }

    /**
     * The questionnaire's demo grant register, read from its module's sources (not from its jar on the class path,
     * where the engine of the other tests here would find the questionnaire as a scheme).
     */
    private static List<Grant> demoRegister() throws IOException {
        List<Grant> out = new ArrayList<>();
        Path csv = Path.of("../survey-evaluering-2009/src/main/resources/tilskudd/survey-2009/demo/"
                + "grants-2006-2008.csv");
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] c = line.split(",", -1);
                out.add(new Grant(c[0], c[1].isEmpty() ? Optional.empty() : Optional.of(c[1]),
                        Integer.parseInt(c[2]), c[3], new BigDecimal(c[4]), Optional.empty(), Optional.empty(),
                        Optional.empty()));
            }
        }
        return out;
    }

    @Test
    void theDemoRegisterGivesTheSeedsWhoGetsSupport() throws IOException {
        Table t = units.compute(input(avdirAndBufdir(2006, 2008), register(demoRegister(), Map.of())));
        assertEquals(List.of(57L, 29L, 86L, 67L, 19L), column(t, 1));
    }

    @Test
    void theDemoRegisterGivesTheSeedsTableOfSchemesWithN86() throws IOException {
        Table t = overlap.compute(input(avdirAndBufdir(2006, 2008), register(demoRegister(), Map.of())));
        assertEquals(86, t.n().orElseThrow().value());
        List<String> labels = t.rows().stream().map(r -> ((LocalizedText) r.cells().get(0)).nb()).toList();
        assertEquals(List.of("Kun midler fra én ordning", "Midler fra mer enn én ordning", "Både avdir og bufdir",
                "andre-ordninger", "ungdom-i-svevet", "unge-utenfor", "urban-youth", "utsatte-unge"), labels);
        assertEquals(List.of(20L, 66L, 38L, 5L, 5L, 7L, 21L, 10L), column(t, 1));
        assertEquals(List.of(23L, 77L, 44L, 6L, 6L, 8L, 24L, 12L), column(t, 2));
    }
}
