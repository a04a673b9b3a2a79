package no.tilskudd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.StoredReportCheck;
import no.tilskudd.api.store.Aggregate;
import no.tilskudd.api.store.Aggregation;
import no.tilskudd.api.store.AnswerScope;
import no.tilskudd.api.store.FormUse;
import no.tilskudd.api.store.StoredSubmission;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.submission.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check for stored reports that no longer validate reads every report of the scheme only when it must: at the
 * first asking, and when a form version the scheme does not have appears. When reports were only added or replaced
 * (each validated when it was stored), it validates again just the reports that were invalid, and counts the rest.
 */
class StoredReportsRecheckTest {

    /**
     * Counts the reads of every stored report of a scheme (a query without years or units); keeps the forms' counts
     * as a store with aggregates does, so that reading them is not such a read.
     */
    private static final class CountingStore extends StoreWithAggregates {
        int fullReads;

        CountingStore() {
            super(new InMemoryStore());
        }

        @Override
        public List<FormUse> formsInUse(AnswerScope scope) {
            Map<List<Object>, Long> counts = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
            for (StoredSubmission s : reports.find(SubmissionQuery.all())) {
                Submission sub = s.submission();
                if (scope.schemes().contains(sub.schemeId())) {
                    counts.merge(List.of(sub.schemeId(), sub.formVersion().orElseThrow(), sub.year()), 1L, Long::sum);
                }
            }
            return counts.entrySet().stream().map(e -> new FormUse((String) e.getKey().get(0),
                    (String) e.getKey().get(1), (Integer) e.getKey().get(2), e.getValue())).toList();
        }

        @Override
        public Aggregate aggregate(Aggregation aggregation) {
            throw new UnsupportedOperationException("this test computes no indicators");
        }

        @Override
        public void forEach(SubmissionQuery query, Consumer<StoredSubmission> action) {
            if (query.fromYear().isEmpty() && query.orgUnits().isEmpty()) {
                fullReads++;
            }
            reports.find(query).forEach(action);
        }
    }

    @TempDir
    Path dir;

    @Test
    void onlyTheInvalidReportsAreValidatedAgainAfterAnImport() throws Exception {
        CountingStore store = new CountingStore();
        StandaloneEngine engine = StandaloneEngine.fromServiceLoader(Optional.of(store));
        Scheme example = engine.schemes().scheme("example").orElseThrow();
        Path demo = dir.resolve("demo.jsonl");
        try (InputStream in = example.demoData().orElseThrow().openStream()) {
            Files.copy(in, demo);
        }
        assertTrue(engine.imports().importFile(demo, false).stored());
        StoredReportCheck check = engine.storedReports();
        assertEquals(0, check.invalid("example").orElseThrow().invalid());
        int reads = store.fullReads;

        // A form version the scheme does not have: every report is validated again.
        List<StoredSubmission> of2016 = store.find(new SubmissionQuery(Optional.of("example"), Optional.of(2016),
                Optional.of(2016), Set.of()));
        for (StoredSubmission s : of2016.subList(0, 3)) {
            store.save(List.of(s.submission().withFormVersion("2015")), true, "test", "test");
        }
        StoredReportCheck.Invalid three = check.invalid("example").orElseThrow();
        assertEquals(3, three.invalid());
        assertEquals(28, three.stored());
        assertTrue(store.fullReads > reads, "a full read for the unknown form version");
        reads = store.fullReads;

        // One of them replaced by its valid version, and a new valid report: only the three are validated again.
        store.save(List.of(of2016.get(0).submission()), true, "test", "test");
        Submission another = new Submission("example", 2016, "1804", of2016.get(1).submission().formVersion(),
                of2016.get(1).submission().values());
        store.save(List.of(another), false, "test", "test");
        StoredReportCheck.Invalid two = check.invalid("example").orElseThrow();
        assertEquals(2, two.invalid(), two.toString());
        assertEquals(29, two.stored());
        assertEquals(Map.of("FORM_UNKNOWN", 2L), two.byCode());
        assertEquals(List.of(three.reports().get(1), three.reports().get(2)), two.reports());
        assertEquals(reads, store.fullReads, "no full read after adding and replacing reports of known forms");
        // Asked again with nothing changed: the same result, nothing read.
        assertEquals(two, check.invalid("example").orElseThrow());
        assertEquals(reads, store.fullReads);
    }
}
