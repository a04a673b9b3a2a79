package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.store.StoredSubmission;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.engine.StandaloneEngine;
import no.tilskudd.store.internal.H2SubmissionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indicators over AVdir and Bufdir together, through the engine's indicator service on the real schemes and the
 * demo data, as the seed evaluation counted them: Tabell 8.2 is 44/49/48 % of N 61/67/64 reports, the regions
 * count 86 scheme-units. The same selection gives the same tables from the store's aggregates (H2) and from the
 * submissions in memory (a store that offers no aggregates).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelectionAcrossSchemesTest {

    private static final Locale NB = Locale.forLanguageTag("nb");
    private static final Selection BOTH = new Selection(List.of("avdir", "bufdir"), 2006, 2008, Set.of(), Set.of());

    private H2SubmissionStore h2;
    private final java.util.concurrent.atomic.AtomicInteger aggregates = new java.util.concurrent.atomic.AtomicInteger();
    private StandaloneEngine inDatabase;
    private StandaloneEngine inMemory;

    @BeforeAll
    void importTheDemoData(@TempDir Path temp) throws Exception {
        h2 = new H2SubmissionStore(Files.createDirectories(temp.resolve("data")));
        inDatabase = StandaloneEngine.fromServiceLoader(Optional.of(new Counted(h2)));
        for (Scheme s : inDatabase.schemes().schemes()) {
            Path file = temp.resolve(s.id() + "-demo.jsonl");
            try (InputStream in = s.demoData().orElseThrow().openStream()) {
                Files.copy(in, file);
            }
            assertEquals(List.of(), inDatabase.imports().importFile(file, false).findings(), s.id());
        }
        inMemory = StandaloneEngine.fromServiceLoader(Optional.of(new WithoutAggregates(h2)));
    }

    @AfterAll
    void close() {
        h2.close();
    }

    private static Map<String, Table> byId(IndicatorService.Results r) {
        assertEquals(List.of(), r.failures());
        Map<String, Table> out = new TreeMap<>();
        r.tables().forEach(t -> out.put(t.id(), t));
        return out;
    }

    private static List<Object> column(Table t, int c) {
        return t.rows().stream().map(r -> r.cellsIn(NB).get(c)).toList();
    }

    @Test
    void tabell82AndTheRegionsCountBothSchemes() {
        IndicatorService.Results r = inDatabase.indicators().compute(BOTH);
        Map<String, Table> tables = byId(r);
        Table goals = tables.get("goal-achievement");
        assertEquals(List.of("Nådde alle sine målsettinger", 44L, 27L, 49L, 33L, 48L, 31L),
                goals.rows().get(0).cellsIn(NB));
        assertEquals(Arrays.asList("N", null, 61L, null, 67L, null, 64L), goals.rows().get(2).cellsIn(NB));
        assertEquals(List.of(21L, 9L, 29L, 9L, 18L, 86L), column(tables.get("units-by-region"), 1));
        long stored = h2.count(SubmissionQuery.scheme("avdir", 2006, 2008))
                + h2.count(SubmissionQuery.scheme("bufdir", 2006, 2008));
        assertEquals(stored, r.submissions(), "the selected submissions of both schemes");
        Table avdirAlone = byId(inDatabase.indicators().compute(Selection.of("avdir", 2006, 2008)))
                .get("goal-achievement");
        assertEquals(List.of("Nådde alle sine målsettinger", 47L, 17L, 54L, 22L, 50L, 20L),
                avdirAlone.rows().get(0).cellsIn(NB), "one scheme alone is another table");
    }

    @Test
    void theStoreAndTheSubmissionsInMemoryGiveTheSameTables() {
        int before = aggregates.get();
        inDatabase.indicators().compute(BOTH);
        assertTrue(aggregates.get() - before >= 8, "the declared indicators are computed in the store");
        for (Selection s : List.of(BOTH, new Selection(List.of("bufdir", "avdir", "urban-youth"), 2006, 2013,
                Set.of(), Set.of()), new Selection(List.of("avdir", "bufdir"), 2006, 2008, Set.of(),
                        Set.of("Nord")))) {
            Map<String, Table> database = byId(inDatabase.indicators().compute(s));
            Map<String, Table> memory = byId(inMemory.indicators().compute(s));
            assertEquals(memory.keySet(), database.keySet(), s.toString());
            assertTrue(database.size() >= 8, "the standard indicators and the overlap: " + database.keySet());
            for (String id : memory.keySet()) {
                assertEquals(memory.get(id), database.get(id), id + " over " + s.schemeIds());
            }
        }
    }

    @Test
    void aSchemeWithoutAnIndicatorIsNamedUnderItsTable() {
        Selection withUrban = new Selection(List.of("avdir", "urban-youth"), 2006, 2013, Set.of(), Set.of());
        Map<String, Table> tables = byId(inDatabase.indicators().compute(withUrban));
        List<String> missing = new ArrayList<>();
        for (Table t : tables.values()) {
            t.notes().stream().filter(n -> n.text().en().startsWith("Not included: urban-youth"))
                    .forEach(n -> missing.add(t.id()));
        }
        // Whatever urban-youth lacks of the standard set is said under that table, and nowhere else.
        for (String id : tables.keySet()) {
            boolean has = inDatabase.schemes().scheme("urban-youth").isPresent()
                    && byId(inDatabase.indicators().compute(Selection.of("urban-youth", 2006, 2013))).containsKey(id);
            // the cross-scheme tables (no schemes of their own) are asked for by selecting several schemes
            boolean crossScheme = Set.of("scheme-overlap", "grant-units-by-scheme", "grant-scheme-overlap").contains(id);
            assertEquals(!has && !crossScheme, missing.contains(id), id);
        }
    }

    /** The store, counting the aggregates the engine asks it for. */
    private final class Counted implements SubmissionStore, no.tilskudd.api.store.AnswerAggregates {
        private final H2SubmissionStore store;

        Counted(H2SubmissionStore store) {
            this.store = store;
        }

        @Override
        public SaveResult save(List<Submission> submissions, boolean replace, String source, String actor) {
            return store.save(submissions, replace, source, actor);
        }

        @Override
        public List<StoredSubmission> find(SubmissionQuery query) {
            return store.find(query);
        }

        @Override
        public long count(SubmissionQuery query) {
            return store.count(query);
        }

        @Override
        public List<no.tilskudd.api.store.FormUse> formsInUse(no.tilskudd.api.store.AnswerScope scope) {
            return store.formsInUse(scope);
        }

        @Override
        public no.tilskudd.api.store.Aggregate aggregate(no.tilskudd.api.store.Aggregation aggregation) {
            aggregates.incrementAndGet();
            return store.aggregate(aggregation);
        }
    }

    /** The same store without its aggregates, so that the engine reads the submissions and evaluates in memory. */
    private record WithoutAggregates(SubmissionStore store) implements SubmissionStore {
        @Override
        public SaveResult save(List<Submission> submissions, boolean replace, String source, String actor) {
            return store.save(submissions, replace, source, actor);
        }

        @Override
        public List<StoredSubmission> find(SubmissionQuery query) {
            return store.find(query);
        }

        @Override
        public long count(SubmissionQuery query) {
            return store.count(query);
        }
    }
}
