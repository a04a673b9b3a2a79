package no.tilskudd.engine.internal.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.service.IndicatorService.Results;
import no.tilskudd.engine.InMemoryStore;
import no.tilskudd.engine.internal.orgunits.CsvOrgUnitRegister;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a Java indicator that never returns held the report, and the caller's thread, for ever. Now it is stopped
 * after the time limit ({@code tilskudd.indicator.timeout.ms}), named as its plugin's failure, and left out of the
 * tables with the failure said, never an empty table.
 */
class IndicatorTimeLimitTest {

    @Test
    void anIndicatorThatDoesNotReturnIsStoppedAndNamedAsAFailure() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Indicator sleeping = new Indicator() {
            @Override
            public String id() {
                return "sleeping";
            }

            @Override
            public LocalizedText title() {
                return LocalizedText.of("Sleeping");
            }

            @Override
            public Set<String> schemes() {
                return Set.of("a");
            }

            @Override
            public Table compute(IndicatorInput input) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                throw new AssertionError("it was stopped before this");
            }
        };
        List<String> told = new ArrayList<>();
        IndicatorRunner runner = new IndicatorRunner(() -> List.of(sleeping), () -> Optional.of(new InMemoryStore()),
                CsvOrgUnitRegister.defaults(), new IndicatorRunner.Plugins() {
                    @Override
                    public boolean applies(Indicator indicator, String schemeId) {
                        return true;
                    }

                    @Override
                    public String origin(Indicator indicator) {
                        return "test.sleeping 1.0.0";
                    }

                    @Override
                    public void failed(Indicator indicator, String reason) {
                        told.add(reason);
                    }
                });
        runner.useTimeout(Duration.ofMillis(200), "tilskudd.indicator.timeout.ms");

        Results r = runner.compute(Selection.of("a", 2016, 2016));

        assertEquals(List.of(), r.tables(), "no table, not an empty one");
        assertEquals(List.of("sleeping (test.sleeping 1.0.0): did not finish within 200 ms "
                + "(tilskudd.indicator.timeout.ms) and was stopped"), r.failures());
        assertEquals(List.of("indicator 'sleeping' did not finish within 200 ms (tilskudd.indicator.timeout.ms) and "
                + "was stopped"), told, "its plugin's failure, for status");
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the indicator's thread is interrupted");
    }
}
