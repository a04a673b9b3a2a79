package no.tilskudd.api.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import no.tilskudd.api.report.ReportBlock.Chart;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.ReportBlock.Series;
import org.junit.jupiter.api.Test;

class ReportBlockTest {

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
