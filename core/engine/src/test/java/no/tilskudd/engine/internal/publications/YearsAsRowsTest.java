package no.tilskudd.engine.internal.publications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import org.junit.jupiter.api.Test;

/** Years as rows: a column per year becomes a row per year, each row of the indicator a column. */
class YearsAsRowsTest {

    @Test
    void theYearsBecomeRowsAndTheRowsColumns() {
        Table t = new Table("goals", LocalizedText.of("Mål"),
                List.of(new Table.Column("answer", LocalizedText.of("Svar"), ValueKind.TEXT),
                        new Table.Column("2006", new LocalizedText("2006 (prosent)", "2006 (percent)"), ValueKind.PERCENT),
                        new Table.Column("2006-count", new LocalizedText("2006 (antall)", "2006 (count)"), ValueKind.COUNT),
                        new Table.Column("2007", new LocalizedText("2007 (prosent)", "2007 (percent)"), ValueKind.PERCENT),
                        new Table.Column("2007-count", new LocalizedText("2007 (antall)", "2007 (count)"), ValueKind.COUNT)),
                List.of(Table.Row.data(new LocalizedText("Alle", "All"), 44, 27L, 49, 33L),
                        Table.Row.data(new LocalizedText("Ikke alle", "Not all"), 56, 34L, 51, 34L),
                        new Table.Row(Table.RowKind.TOTAL, Arrays.asList(LocalizedText.of("N"), null, 61L, null, 67L))),
                Optional.of(new Table.Count(128, Optional.empty())), List.of(), Optional.empty(), Optional.empty());
        Table r = YearsAsRows.transpose(t);
        // The N row has no percent: no column of dashes for it.
        assertEquals(List.of("year", "row1", "row1-count", "row2", "row2-count", "row3-count"),
                r.columns().stream().map(Table.Column::id).toList());
        assertEquals(Arrays.asList(2006L, 44, 27L, 56, 34L, 61L), r.rows().get(0).cells());
        assertEquals(Arrays.asList(2007L, 49, 33L, 51, 34L, 67L), r.rows().get(1).cells());
        assertEquals("Alle (prosent)", r.columns().get(1).label().nb());
        assertEquals(ValueKind.COUNT, r.columns().get(2).kind());
        assertEquals(t.n(), r.n());
    }
}
