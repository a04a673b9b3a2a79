package no.tilskudd.engine.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.Table.Column;
import no.tilskudd.api.report.Table.Note;
import no.tilskudd.api.report.Table.Row;
import no.tilskudd.api.report.Table.Suppressed;
import no.tilskudd.api.report.Table.Suppression;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.api.service.ReportOptions;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.InMemoryStore;
import no.tilskudd.engine.StandaloneEngine;
import no.tilskudd.engine.TestSchemes;
import no.tilskudd.example.internal.GoalAchievementIndicator;
import org.junit.jupiter.api.Test;

/** Hidden cells are typed cells with the table's suppression rule beside them, never a note to recognise. */
class SmallCountSuppressionTest {

    private static final Note REMARK = Note.remark(LocalizedText.of("Tall fra årsrapportene."));

    private static Table children(Row... rows) {
        return Table.of("children", LocalizedText.of("Barn"), List.of(Column.of("group", "Gruppe", ValueKind.TEXT),
                Column.of("children", "Barn", ValueKind.PERSONS), Column.of("units", "Enheter", ValueKind.COUNT)),
                List.of(rows)).withN(3).withNotes(List.of(REMARK));
    }

    @Test
    void aSmallCountIsHiddenAndTheRuleIsAFieldNotANote() {
        Table t = SmallCountSuppression.apply(children(Row.data("a", 3L, 2L), Row.data("b", 12L, 1L)), 5);
        assertEquals(new Suppressed(Suppressed.Reason.BELOW_THRESHOLD), t.rows().get(0).cells().get(1));
        assertEquals(2L, t.rows().get(0).cells().get(2), "counts of org units are never hidden");
        assertEquals(Optional.of(new Suppression(5)), t.suppression());
        assertEquals(1, t.hiddenCells());
        assertEquals(List.of(REMARK), t.notes(), "no explanation is written into the notes");
        assertEquals(3, t.n().orElseThrow().value());
    }

    @Test
    void aHiddenCellIsProtectedFromItsTotal() {
        Table t = SmallCountSuppression.apply(children(Row.data("a", 3L, 1L), Row.data("b", 12L, 1L),
                Row.data("c", 20L, 1L), Row.total("sum", 35L, 3L)), 5);
        assertEquals(new Suppressed(Suppressed.Reason.REVEALS_HIDDEN), t.rows().get(1).cells().get(1),
                "the next smallest cell of the group");
        assertEquals(35L, t.rows().get(3).cells().get(1));
        assertTrue(t.hides(Suppressed.Reason.REVEALS_HIDDEN));
        assertEquals(Table.RowKind.TOTAL, t.rows().get(3).kind());
    }

    @Test
    void nothingSmallLeavesTheTableAsItWas() {
        Table in = children(Row.data("a", 0L, 1L), Row.data("b", 12L, 1L));
        assertSame(in, SmallCountSuppression.apply(in, 5));
        Table one = children(Row.data("a", 1L, 1L));
        assertSame(one, SmallCountSuppression.apply(one, 1), "a threshold of 1 hides nothing");
    }

    @Test
    void anAssembledReportHasNoNOrSuppressionNotes() {
        InMemoryStore store = new InMemoryStore().with(new Submission("example", 2016, "1804", Optional.of("2016"),
                Map.of("grantAmount", BigDecimal.valueOf(1000), "goalsReached", "all")));
        StandaloneEngine engine = StandaloneEngine.builder().store(store)
                .addScheme(TestSchemes.EXAMPLE).add(new GoalAchievementIndicator()).build();
        Report r = engine.reports().assemble(Selection.of("example", 2016, 2016), ReportOptions.published());
        Table t = (Table) r.sections().get(1).blocks().get(0);
        assertEquals(1, t.n().orElseThrow().value());
        assertTrue(t.notes().stream().noneMatch(n -> n.text().nb().startsWith("N =")), t.notes().toString());
    }
}
