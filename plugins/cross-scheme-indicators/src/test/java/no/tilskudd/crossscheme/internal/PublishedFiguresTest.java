package no.tilskudd.crossscheme.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.StandaloneEngine;
import no.tilskudd.engine.internal.standard.Percentages;
import no.tilskudd.engine.internal.declared.StandardIndicators;
import no.tilskudd.plugins.support.testing.MemoryStore;
import no.tilskudd.plugins.support.testing.Submissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three schemes' demo data, imported into the engine and run through the registered indicators, give the seed
 * evaluation's published figures for 2006–2008 (AVdir and Bufdir together) and the 2007 annual report's split by
 * scheme. The demo data were generated to match them; this test checks that the whole chain (forms, validation,
 * store, indicators, rounding) turns them back into the published tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedFiguresTest {

    /** Row labels are in both languages; the published tables are in bokmål. */
    private static final java.util.Locale NB = java.util.Locale.forLanguageTag("nb");


    private StandaloneEngine engine;
    private MemoryStore store;

    @BeforeAll
    void importTheDemoData(@TempDir Path temp) throws IOException {
        store = new MemoryStore();
        engine = StandaloneEngine.fromServiceLoader(Optional.of(store));
        assertEquals(List.of("avdir", "bufdir", "urban-youth"),
                engine.schemes().schemes().stream().map(Scheme::id).toList());
        for (Scheme s : engine.schemes().schemes()) {
            Path file = temp.resolve(s.id() + "-demo.jsonl");
            try (InputStream in = s.demoData().orElseThrow().openStream()) {
                Files.copy(in, file);
            }
            FileReport r = engine.imports().importFile(file, false);
            assertTrue(r.stored() && r.findings().isEmpty(), s.id() + ": " + r.findings());
        }
    }

    private Table table(String scheme, int from, int to, String id) {
        IndicatorService.Results r = engine.indicators().compute(Selection.of(scheme, from, to));
        assertEquals(List.of(), r.failures());
        return r.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * "Hvem får støtte?": both 19, Bufdir 29, AVdir 57, 86 scheme-units, 67 distinct units; asked for by selecting
     * several schemes, and the same whichever are selected.
     */
    @Test
    void schemeOverlapIsThatOfTheSeed() {
        assertTrue(engine.indicators().compute(Selection.of("avdir", 2006, 2008)).tables().stream()
                .noneMatch(t -> t.id().equals("scheme-overlap")), "not in one scheme's report");
        for (List<String> schemes : List.of(List.of("avdir", "bufdir"), List.of("urban-youth", "avdir", "bufdir"))) {
            IndicatorService.Results several = engine.indicators().compute(new Selection(schemes, 2006, 2008,
                    java.util.Set.of(), java.util.Set.of()));
            Table t = several.tables().stream().filter(x -> x.id().equals("scheme-overlap")).findFirst()
                    .orElseThrow();
            List<Object> counts = t.rows().stream().map(r -> r.cells().get(1)).toList();
            assertEquals(List.of(38L, 10L, 19L, 67L, 57L, 29L, 86L), counts.subList(0, 7), schemes.toString());
            assertTrue((Long) counts.get(7) >= 19, "units in both are funded by several schemes");
            assertEquals(67L + (Long) counts.get(8), counts.get(9), "all units: AVdir/Bufdir units and the others");
            assertEquals(t.n().orElseThrow().value(), counts.get(9));
        }
    }

    /** Table 8.2: reached all goals 44, 49, 48 % and did not 56, 51, 52 %, N 61, 67, 64. */
    @Test
    void goalAchievementOfBothSchemesTogetherIsTable82() {
        List<Submission> both = new ArrayList<>();
        for (String scheme : List.of("avdir", "bufdir")) {
            store.find(SubmissionQuery.scheme(scheme, 2006, 2008))
                    .forEach(st -> both.add(st.submission()));
        }
        Table t = StandardIndicators.goalAchievement("avdir").compute(Submissions.input(both));
        assertEquals(Arrays.asList("Nådde alle sine målsettinger", 44L, 27L, 49L, 33L, 48L, 31L),
                t.rows().get(0).cellsIn(NB));
        assertEquals(Arrays.asList("Nådde ikke alle målsettinger", 56L, 34L, 51L, 34L, 52L, 33L),
                t.rows().get(1).cellsIn(NB));
        assertEquals(Arrays.asList("N", null, 61L, null, 67L, null, 64L),
                t.rows().get(2).cellsIn(NB));
    }

    /** The 2007 annual report: reached all goals BLD 42 % (N 26), SHdir 54 % (N 41). */
    @Test
    void goalAchievement2007BySchemeIsThatOfTheAnnualReport() {
        assertEquals(Arrays.asList("Nådde alle sine målsettinger", 42L, 11L),
                table("bufdir", 2007, 2007, "goal-achievement").rows().get(0).cellsIn(NB));
        assertEquals(Arrays.asList("N", null, 26L),
                table("bufdir", 2007, 2007, "goal-achievement").rows().get(2).cellsIn(NB));
        assertEquals(Arrays.asList("Nådde alle sine målsettinger", 54L, 22L),
                table("avdir", 2007, 2007, "goal-achievement").rows().get(0).cellsIn(NB));
        assertEquals(Arrays.asList("N", null, 41L),
                table("avdir", 2007, 2007, "goal-achievement").rows().get(2).cellsIn(NB));
    }

    /** Continuation (N = 62 scheme-units): 61 % go on, 3 % do not, 35 % unsure. */
    @Test
    void continuationOfBothSchemesIsThatOfTheSeed() {
        assertEquals(List.of(61L, 3L, 35L, 62L), combinedShares("continuation"));
    }

    /** Table 8.1 (N = 62): 79 % to a large or some extent, 11 % to a small extent, 10 % not sure. */
    @Test
    void nationalGoalsOfBothSchemesAreTable81() {
        assertEquals(List.of(79L, 11L, 10L, 62L), combinedShares("national-goals"));
    }

    /** "Geografisk spredning": Nord 21, Midt 9, Øst/Oslo 29, Vest 9, Sør 18 scheme-units. */
    @Test
    void regionsOfBothSchemesAreThoseOfTheSeed() {
        Map<String, Long> sum = new LinkedHashMap<>();
        for (String scheme : List.of("avdir", "bufdir")) {
            for (List<Object> row : table(scheme, 2006, 2008, "units-by-region").rows().stream()
                    .map(r -> r.cellsIn(NB)).toList()) {
                sum.merge((String) row.get(0), (Long) row.get(1), Long::sum);
            }
        }
        assertEquals(Map.of("Nord", 21L, "Midt", 9L, "Øst/Oslo", 29L, "Vest", 9L, "Sør", 18L, "I alt", 86L), sum);
    }

    /** The answers of AVdir and Bufdir units added up (a unit funded by both answers once for each, as in the seed). */
    private List<Long> combinedShares(String id) {
        long[] counts = new long[3];
        for (String scheme : List.of("avdir", "bufdir")) {
            List<List<Object>> rows = table(scheme, 2006, 2008, id).rows().stream().map(Table.Row::cells).toList();
            for (int i = 0; i < 3; i++) {
                counts[i] += (Long) rows.get(i).get(2);
            }
        }
        long n = counts[0] + counts[1] + counts[2];
        return List.of(Percentages.whole(counts[0], n), Percentages.whole(counts[1], n),
                Percentages.whole(counts[2], n), n);
    }
}
