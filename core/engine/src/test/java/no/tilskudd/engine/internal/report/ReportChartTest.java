package no.tilskudd.engine.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.api.service.ReportOptions;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.InMemoryStore;
import no.tilskudd.engine.StandaloneEngine;
import no.tilskudd.engine.TestSchemes;
import no.tilskudd.example.internal.GoalAchievementIndicator;
import org.junit.jupiter.api.Test;

/** What the report model says about rows whose numbers are of another kind than their columns. */
class ReportChartTest {

    private static Submission report(String unit, String goals) {
        return new Submission("example", 2016, unit, Optional.of("2016"), Map.of("grantAmount",
                BigDecimal.valueOf(1000), "goalsReached", goals));
    }

    /** Regression: the "N" row under a percent table was charted as if it were a share. */
    @Test
    void theRowOfCountsUnderAPercentTableIsMarkedAndNotCharted() {
        InMemoryStore store = new InMemoryStore().with(report("1804", "all"), report("0301", "notAll"));
        StandaloneEngine engine = StandaloneEngine.builder().store(store)
                .addScheme(TestSchemes.EXAMPLE).add(new GoalAchievementIndicator()).build();
        Report r = engine.reports().assemble(Selection.of("example", 2016, 2016), ReportOptions.published());
        List<ReportBlock> blocks = r.sections().get(1).blocks();
        Table table = (Table) blocks.get(0);
        assertEquals("N", table.rows().get(2).cells().get(0));
        assertEquals(Table.RowKind.COUNT, table.rows().get(2).kind());
        assertEquals(ValueKind.COUNT, table.kind(2, 1), "the N row counts");
        assertEquals(ValueKind.PERCENT, table.kind(0, 1));
        assertEquals(ValueKind.TEXT, table.kind(2, 0), "its label stays text");
        ReportBlock.Chart chart = (ReportBlock.Chart) blocks.get(1);
        assertEquals(List.of("Nådde alle sine målsettinger", "Nådde ikke alle målsettinger"), chart.categories());
    }
}
