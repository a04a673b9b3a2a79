package no.tilskudd.api.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.report.ReportBlock.Chart;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.ReportBlock.Series;
import no.tilskudd.api.report.ReportBlock.Table;
import org.junit.jupiter.api.Test;

class ReportBlockTest {

    private static final List<TableColumn> COLUMNS = List.of(new TableColumn("Svar", ValueKind.TEXT),
            new TableColumn("2016", ValueKind.PERCENT), new TableColumn("2017", ValueKind.PERCENT));

    @Test
    void tableRejectsARowOfTheWrongSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Table("t", "T",
                COLUMNS, List.of(List.of("a", 1, 2), List.of("b", 1)), Optional.empty(), List.of()));
        assertEquals("table t: a row has 2 cells, the table 3 columns", e.getMessage());
    }

    @Test
    void tableAcceptsRowsOfTheRightSizeWithNullsAndSuppressedCells() {
        Table t = new Table("t", "T", COLUMNS,
                List.of(Arrays.asList("a", null, new ReportBlock.Suppressed("fewer than 5"))), Optional.of(7L),
                List.of("N = 7"));
        assertNull(t.rows().get(0).get(1));
        assertEquals("–", t.rows().get(0).get(2).toString());
        assertEquals(Optional.of(7L), t.n());
    }

    @Test
    void chartRejectsASeriesOfTheWrongSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Chart("c", "C",
                ChartType.BAR, List.of("2016", "2017"),
                List.of(new Series("all", List.of(60, 70)), new Series("notAll", List.of(40))), ValueKind.PERCENT));
        assertEquals("chart c: series notAll has 1 values for 2 categories", e.getMessage());
    }

    @Test
    void chartAcceptsSeriesWithGaps() {
        Chart c = new Chart("c", "C", ChartType.LINE, List.of("2016", "2017"),
                List.of(new Series("all", Arrays.asList(60, null))), ValueKind.PERCENT);
        assertEquals(2, c.series().get(0).values().size());
        assertNull(c.series().get(0).values().get(1));
    }

    @Test
    void keyFigureNeedsAValue() {
        assertThrows(NullPointerException.class, () -> new ReportBlock.KeyFigure("N", null, ValueKind.COUNT));
    }
}
