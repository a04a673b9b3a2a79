package no.tilskudd.engine.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.scheme.Origin;
import no.tilskudd.api.service.ReportOptions;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.InMemoryStore;
import no.tilskudd.engine.TestSchemes;
import no.tilskudd.engine.internal.declared.DeclaredIndicator;
import no.tilskudd.engine.internal.declared.Evaluation;
import no.tilskudd.engine.internal.declared.StandardDefinitions;
import no.tilskudd.engine.internal.indicators.IndicatorRunner;
import no.tilskudd.engine.internal.indicators.SubmissionSelector;
import no.tilskudd.engine.internal.orgunits.CsvOrgUnitRegister;
import no.tilskudd.engine.internal.registry.SchemeCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheme's default report: its tables in the order of the scheme's descriptor (not by indicator id), a summary
 * with the key findings in numbers, and each title once (no section repeats its table's title, no chart its
 * table's).
 */
class SchemeReportLayoutTest {

    private final InMemoryStore store = new InMemoryStore()
            .with(report("0301", "all"))
            .with(report("1804", "all"))
            .with(report("0125", "notAll"));

    private static Submission report(String unit, String goals) {
        return new Submission("example", 2016, unit, Optional.of("2016"),
                Map.of("grantAmount", BigDecimal.valueOf(1000), "goalsReached", goals));
    }

    /** The descriptor's order: units-by-region before goal-achievement, the reverse of their ids. */
    private final List<Indicator> installed = List.of(
            new DeclaredIndicator(StandardDefinitions.byId("goal-achievement").orElseThrow(), Set.of("example"),
                    Evaluation.Forms.UNKNOWN, 1),
            new DeclaredIndicator(StandardDefinitions.byId("units-by-region").orElseThrow(), Set.of("example"),
                    Evaluation.Forms.UNKNOWN, 0));

    private Report report(Path dir) {
        SchemeCatalog schemes = TestSchemes.catalog(dir);
        schemes.add("example-1", TestSchemes.definition(TestSchemes.EXAMPLE), new Origin("example-1", "1.0.0"));
        IndicatorRunner runner = new IndicatorRunner(() -> installed, () -> Optional.of(store),
                CsvOrgUnitRegister.defaults());
        return new ReportAssembler(schemes, runner, new SubmissionSelector(() -> Optional.of(store),
                CsvOrgUnitRegister.defaults()), 2, CsvOrgUnitRegister.defaults(), List::of, List::of)
                .assemble(Selection.of("example", 2016, 2016), ReportOptions.published());
    }

    @Test
    void theTablesFollowTheDescriptorAfterASummaryInNumbers(@TempDir Path dir) {
        Report r = report(dir);
        assertEquals(List.of("Sammendrag", "Tabeller og figurer"), r.sections().stream().map(ReportSection::title)
                .toList());
        List<String> tables = r.sections().get(1).blocks().stream().filter(Table.class::isInstance)
                .map(b -> ((Table) b).id()).toList();
        assertEquals(List.of("units-by-region", "goal-achievement"), tables);

        List<ReportBlock> summary = r.sections().get(0).blocks();
        ReportBlock.KeyFigures figures = (ReportBlock.KeyFigures) summary.get(0);
        assertEquals("Rapporter (N)", figures.figures().get(0).label());
        assertEquals(3L, figures.figures().get(0).value().longValue());
        // units-by-region: its largest share; goal-achievement: 2 of 3 reached all their goals, 67 %.
        assertEquals(3, figures.figures().size(), figures.toString());
        ReportBlock.KeyFigure goals = figures.figures().get(2);
        assertTrue(goals.label().startsWith("Måloppnåelse"), goals.label());
        assertEquals(67, goals.value().intValue());
        String text = ((ReportBlock.Paragraph) summary.get(1)).text();
        assertTrue(text.contains("Nådde alle sine målsettinger 67 %"), text);
        assertTrue(text.contains("(N = 3)"), text);
    }

    @Test
    void everyTitleAppearsOnce(@TempDir Path dir) {
        Report r = report(dir);
        List<String> titles = new ArrayList<>();
        for (ReportSection s : r.sections()) {
            titles.add(s.title());
            for (ReportBlock b : s.blocks()) {
                if (b instanceof Table t) {
                    titles.add(t.title().nb());
                } else if (b instanceof ReportBlock.Chart c) {
                    titles.add(c.title());
                }
            }
        }
        assertEquals(titles.size(), new HashSet<>(titles).size(), titles.toString());
        assertTrue(titles.contains("Prosent etter måloppnåelse") || titles.stream().anyMatch(t -> t.contains(" etter ")),
                titles.toString());
    }
}
