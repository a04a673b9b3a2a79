package no.tilskudd.api.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.ValueKind;
import org.junit.jupiter.api.Test;

class IndicatorTableTest {

    private static final List<IndicatorColumn> COLUMNS = List.of(
            new IndicatorColumn("answer", LocalizedText.of("Svar"), ValueKind.TEXT),
            new IndicatorColumn("2016", LocalizedText.of("2016"), ValueKind.PERCENT));

    private static IndicatorTable table(List<List<Object>> rows) {
        return new IndicatorTable("goal", LocalizedText.of("Mål"), 3, COLUMNS, rows, List.of(), Optional.empty());
    }

    @Test
    void aRowWithTooFewCellsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table(List.of(List.of("all", 67), List.of("notAll"))));
        assertEquals("indicator goal: a row has 1 cells, the table 2 columns", e.getMessage());
    }

    @Test
    void aRowWithTooManyCellsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> table(List.of(List.of("all", 67, 33))));
    }

    @Test
    void cellsMayBeNull() {
        IndicatorTable t = table(List.of(Arrays.asList("all", null)));
        assertNull(t.rows().get(0).get(1));
        assertEquals("all", t.rows().get(0).get(0));
    }

    @Test
    void rowsAreCopiedAndFrozen() {
        List<Object> row = new ArrayList<>(List.of("all", 67));
        IndicatorTable t = table(List.of(row));
        row.set(1, 99);
        assertEquals(67, t.rows().get(0).get(1));
        assertThrows(UnsupportedOperationException.class, () -> t.rows().get(0).set(1, 1));
        assertThrows(UnsupportedOperationException.class, () -> t.rows().add(List.of("x", 1)));
    }
}
