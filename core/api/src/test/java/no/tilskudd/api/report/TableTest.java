package no.tilskudd.api.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Table.Column;
import no.tilskudd.api.report.Table.Count;
import no.tilskudd.api.report.Table.Note;
import no.tilskudd.api.report.Table.Row;
import no.tilskudd.api.report.Table.RowKind;
import no.tilskudd.api.report.Table.Suppressed;
import no.tilskudd.api.report.Table.Suppression;
import org.junit.jupiter.api.Test;

class TableTest {

    private static final List<Column> COLUMNS = List.of(Column.of("answer", "Svar", ValueKind.TEXT),
            Column.of("count", "Antall", ValueKind.PERSONS));

    private static Table table(Row... rows) {
        return Table.of("goal", LocalizedText.of("Mål"), COLUMNS, List.of(rows));
    }

    private static Table suppressed(Optional<Suppression> rule, Row... rows) {
        return new Table("goal", LocalizedText.of("Mål"), COLUMNS, List.of(rows), Optional.empty(), List.of(),
                Optional.empty(), rule);
    }

    @Test
    void aRowWithTooFewCellsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table(Row.data("all", 67), Row.data("notAll")));
        assertEquals("table goal: row 1 has 1 cells, the table 2 columns", e.getMessage());
    }

    @Test
    void aRowWithTooManyCellsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> table(Row.data("all", 67, 33)));
    }

    @Test
    void aCellOfAnotherTypeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Row.data("all", true));
        assertTrue(e.getMessage().startsWith("cell 1 is a java.lang.Boolean"), e.getMessage());
    }

    @Test
    void cellsMayBeNullOrLocalizedText() {
        Table t = table(Row.data(new LocalizedText("alle", "all"), null));
        assertNull(t.rows().get(0).cells().get(1));
        assertEquals(Arrays.asList("all", null), t.rows().get(0).cellsIn(Locale.ENGLISH));
        assertEquals(Arrays.asList("alle", null), t.rows().get(0).cellsIn(Locale.forLanguageTag("nb-NO")));
    }

    @Test
    void rowsAreCopiedAndFrozen() {
        List<Object> cells = new ArrayList<>(List.of("all", 67));
        Table t = table(new Row(RowKind.DATA, cells));
        cells.set(1, 99);
        assertEquals(67, t.rows().get(0).cells().get(1));
        assertThrows(UnsupportedOperationException.class, () -> t.rows().get(0).cells().set(1, 1));
        assertThrows(UnsupportedOperationException.class, () -> t.rows().add(Row.data("x", 1)));
    }

    @Test
    void aTotalRowMustBeTheSumOfItsGroup() {
        Table ok = table(Row.data("a", 2L), Row.data("b", new BigDecimal("3")), Row.total("sum", 5L),
                Row.data("c", 4), Row.total("sum", 4L));
        assertEquals(List.of(2, 4), ok.rowsOf(RowKind.TOTAL));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table(Row.data("a", 2L), Row.data("b", 3L), Row.total("sum", 6L)));
        assertEquals("table goal: total row 2, column count shows 6, but rows 0-1 sum to 5", e.getMessage());
    }

    @Test
    void aTotalRowNeedsRowsAboveIt() {
        assertThrows(IllegalArgumentException.class, () -> table(Row.total("sum", 0L)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table(Row.data("a", 1L), Row.total("sum", 1L), Row.total("sum", 1L)));
        assertTrue(e.getMessage().contains("total row 2 has no rows above it"), e.getMessage());
    }

    @Test
    void aTotalOverHiddenOrEmptyCellsIsNotChecked() {
        Suppressed hidden = new Suppressed(Suppressed.Reason.BELOW_THRESHOLD);
        Table t = suppressed(Optional.of(new Suppression(5)), Row.data("a", hidden), Row.data("b", 7L),
                Row.total("sum", 10L));
        assertEquals(1, t.hiddenCells());
        table(Row.data("a", null), Row.data("b", 7L), Row.total("sum", 7L));
    }

    @Test
    void hiddenCellsNeedTheRuleThatHidThem() {
        Suppressed hidden = new Suppressed(Suppressed.Reason.BELOW_THRESHOLD);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> suppressed(Optional.empty(), Row.data("a", hidden)));
        assertEquals("table goal: 1 cells are suppressed, but the table names no suppression rule", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> suppressed(Optional.of(new Suppression(5)), Row.data("a", 3L)));
        assertThrows(IllegalArgumentException.class, () -> new Suppression(1));
        Table t = suppressed(Optional.of(new Suppression(5)), Row.data("a", hidden));
        assertTrue(t.hides(Suppressed.Reason.BELOW_THRESHOLD));
        assertFalse(t.hides(Suppressed.Reason.REVEALS_HIDDEN));
        assertEquals("–", hidden.toString());
    }

    @Test
    void aCountRowHoldsCountsInItsNumericColumns() {
        List<Column> columns = List.of(Column.of("answer", "Svar", ValueKind.TEXT),
                Column.of("2016", "2016", ValueKind.PERCENT));
        Table t = Table.of("goal", LocalizedText.of("Mål"), columns,
                List.of(Row.data("all", 60), Row.data("notAll", 40), Row.count("N", 28L)));
        assertEquals(ValueKind.PERCENT, t.kind(0, 1));
        assertEquals(ValueKind.COUNT, t.kind(2, 1));
        assertEquals(ValueKind.TEXT, t.kind(2, 0));
        assertEquals(List.of(2), t.rowsOf(RowKind.COUNT));
    }

    @Test
    void nNotesAndChartAreFieldsOfTheTable() {
        Table t = table(Row.data("a", 1L)).withN(Count.of(12, new LocalizedText("tiltak", "measures")))
                .withNotes(List.of(Note.remark(LocalizedText.of("N = 3, as a remark"))))
                .withChart(ReportBlock.ChartType.BAR);
        assertEquals(12, t.n().orElseThrow().value());
        assertEquals("measures", t.n().orElseThrow().counted().orElseThrow().en());
        assertEquals(Table.NoteKind.REMARK, t.notes().get(0).kind());
        assertEquals(Optional.of(ReportBlock.ChartType.BAR), t.chart());
        assertThrows(IllegalArgumentException.class, () -> new Count(-1, Optional.empty()));
    }
}
