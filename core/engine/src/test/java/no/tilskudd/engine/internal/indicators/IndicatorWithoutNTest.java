package no.tilskudd.engine.internal.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.api.service.IndicatorService.Results;
import no.tilskudd.engine.InMemoryStore;
import no.tilskudd.engine.internal.orgunits.CsvOrgUnitRegister;
import org.junit.jupiter.api.Test;

/** An indicator's table carries its N; one without is that indicator's failure, not a table without a base. */
class IndicatorWithoutNTest {

    @Test
    void aTableWithoutNIsAFailureOfItsIndicator() {
        Indicator noN = new Indicator() {
            @Override
            public String id() {
                return "no-n";
            }

            @Override
            public LocalizedText title() {
                return LocalizedText.of("No N");
            }

            @Override
            public Set<String> schemes() {
                return Set.of("a");
            }

            @Override
            public Table compute(IndicatorInput input) {
                return Table.of(id(), title(), List.of(Table.Column.of("x", "X", ValueKind.TEXT)), List.of());
            }
        };
        Results r = new IndicatorRunner(() -> List.of(noN), () -> Optional.of(new InMemoryStore()),
                CsvOrgUnitRegister.defaults()).compute(Selection.of("a", 2016, 2016));
        assertEquals(List.of(), r.tables());
        assertEquals(List.of("no-n (" + noN.getClass().getName() + "): returned a table without its N"),
                r.failures(), "named by its plugin; on a class path, its class");
    }
}
