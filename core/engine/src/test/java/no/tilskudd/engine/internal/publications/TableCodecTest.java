package no.tilskudd.engine.internal.publications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import org.junit.jupiter.api.Test;

/** A frozen edition's tables come back exactly: every cell with its type and scale, N, notes, chart, suppression. */
class TableCodecTest {

    @Test
    void tablesComeBackEqualWithTheirCellTypes() {
        Table t = new Table("goals", new LocalizedText("Måloppnåelse «x»", "Goal achievement"),
                List.of(new Table.Column("answer", LocalizedText.of("Svar"), ValueKind.TEXT),
                        new Table.Column("2006", new LocalizedText("2006", "2006"), ValueKind.PERCENT),
                        new Table.Column("amount", new LocalizedText("Beløp", "Amount"), ValueKind.AMOUNT),
                        new Table.Column("mean", new LocalizedText("Snitt", "Mean"), ValueKind.DECIMAL)),
                List.of(Table.Row.data(new LocalizedText("Nådde alle", "Reached all"), 44, new BigDecimal("1500.50"),
                                2.5),
                        Table.Row.data("tekst", 9_000_000_000L, new BigDecimal("0.000"), null),
                        Table.Row.data(new LocalizedText("Skjult", "Hidden"),
                                new Table.Suppressed(Table.Suppressed.Reason.BELOW_THRESHOLD), BigDecimal.ONE, 1.0),
                        new Table.Row(Table.RowKind.COUNT, Arrays.asList(LocalizedText.of("N"), 61, null, null))),
                Optional.of(Table.Count.of(61, new LocalizedText("rapporter", "reports"))),
                List.of(Table.Note.remark(new LocalizedText("Merk", "Note")), Table.Note.source(LocalizedText.of("K"))),
                Optional.of(ChartType.STACKED_BAR), Optional.of(new Table.Suppression(5)));
        List<Table> back = TableCodec.read(TableCodec.write(List.of(t, Table.of("empty", LocalizedText.of("E"),
                List.of(), List.of()))));
        assertEquals(t, back.get(0));
        assertEquals(Integer.class, back.get(0).rows().get(0).cells().get(1).getClass());
        assertEquals(Long.class, back.get(0).rows().get(1).cells().get(1).getClass());
        assertEquals("0.000", back.get(0).rows().get(1).cells().get(2).toString());
        assertEquals(Optional.empty(), back.get(1).n());
    }
}
