package no.tilskudd.engine.internal.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.service.IndicatorService.Results;
import no.tilskudd.api.store.Aggregate;
import no.tilskudd.api.store.AnswerScope;
import no.tilskudd.api.store.Aggregation;
import no.tilskudd.api.store.FormUse;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.InMemoryStore;
import no.tilskudd.engine.StoreWithAggregates;
import no.tilskudd.engine.internal.declared.DeclaredIndicator;
import no.tilskudd.engine.internal.declared.Evaluation;
import no.tilskudd.engine.internal.declared.StandardDefinitions;
import no.tilskudd.engine.internal.orgunits.CsvOrgUnitRegister;
import org.junit.jupiter.api.Test;

/**
 * A report's declared indicators are computed by the store at the same time, not one after another: here each
 * aggregate waits for the other at a barrier, which only two statements running at once can pass; one after another,
 * the first would wait out the barrier's time limit and fail.
 */
class ConcurrentStoredIndicatorsTest {

    /** Answers every aggregate only when another one has arrived too, then fails with a message that says so. */
    private static final class MeetingStore extends StoreWithAggregates {
        private final CyclicBarrier meeting = new CyclicBarrier(2);

        MeetingStore() {
            super(new InMemoryStore().with(new Submission("example", 2016, "0301", Optional.of("2016"),
                    Map.of("grantAmount", BigDecimal.ONE, "goalsReached", "all"))));
        }

        @Override
        public List<FormUse> formsInUse(AnswerScope scope) {
            return List.of(new FormUse("example", "2016", 2016, 1));
        }

        @Override
        public Aggregate aggregate(Aggregation aggregation) {
            try {
                meeting.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("alone at the barrier");
            }
            throw new IllegalStateException("met another statement");
        }
    }

    @Test
    void twoDeclaredIndicatorsOfAReportAreComputedAtTheSameTime() {
        List<Indicator> installed = List.of(
                new DeclaredIndicator(StandardDefinitions.byId("goal-achievement").orElseThrow(), Set.of("example"),
                        Evaluation.Forms.UNKNOWN, 0),
                new DeclaredIndicator(StandardDefinitions.byId("continuation").orElseThrow(), Set.of("example"),
                        Evaluation.Forms.UNKNOWN, 1));
        MeetingStore store = new MeetingStore();
        IndicatorRunner runner = new IndicatorRunner(() -> installed, () -> Optional.of(store),
                CsvOrgUnitRegister.defaults());

        Results r = runner.compute(Selection.of("example", 2016, 2016));

        assertEquals(2, r.failures().size(), r.failures().toString());
        for (String failure : r.failures()) {
            assertEquals(true, failure.endsWith("threw IllegalStateException: met another statement"), failure);
        }
        // In the runs' order, each failure under its own indicator.
        assertEquals(true, r.failures().get(0).startsWith("goal-achievement"), r.failures().toString());
        assertEquals(true, r.failures().get(1).startsWith("continuation"), r.failures().toString());
    }
}
