package no.tilskudd.engine.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportExporter;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.api.scheme.Origin;
import no.tilskudd.api.service.ReportOptions;
import no.tilskudd.api.service.SchemeChangedException;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.InMemoryStore;
import no.tilskudd.engine.TestSchemes;
import no.tilskudd.engine.internal.indicators.IndicatorRunner;
import no.tilskudd.engine.internal.indicators.SubmissionSelector;
import no.tilskudd.engine.internal.orgunits.CsvOrgUnitRegister;
import no.tilskudd.engine.internal.registry.SchemeCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report of two schemes together names both wherever a one-scheme report names its scheme (a reader must not take
 * the first for all), keeps their data tables apart, and is refused when either scheme changes while it is made.
 */
class ReportOfSeveralSchemesTest {

    private static final Selection BOTH = new Selection(List.of("test", "example"), 2016, 2016, Set.of(), Set.of());

    private final InMemoryStore store = new InMemoryStore()
            .with(new Submission("example", 2016, "0301", Optional.of("2016"),
                    Map.of("grantAmount", BigDecimal.valueOf(1000))))
            .with(TestSchemes.submission(TestSchemes.validValues()));
    private final List<Indicator> installed = List.of(counting());
    private final IndicatorRunner runner = new IndicatorRunner(() -> installed, () -> Optional.of(store),
            CsvOrgUnitRegister.defaults());

    private SchemeCatalog catalog(Path dir) {
        SchemeCatalog schemes = TestSchemes.catalog(dir);
        schemes.add("example-1", TestSchemes.definition(TestSchemes.EXAMPLE), new Origin("example-1", "1.0.0"));
        return schemes;
    }

    private ReportAssembler reports(SchemeCatalog schemes, Runnable duringExport) {
        return new ReportAssembler(schemes, runner,
                new SubmissionSelector(() -> Optional.of(store), CsvOrgUnitRegister.defaults()), 5,
                CsvOrgUnitRegister.defaults(), () -> List.of(new TitleExporter(duringExport)), List::of);
    }

    @Test
    void metadataAndTitleNameEveryScheme(@TempDir Path dir) {
        SchemeCatalog schemes = catalog(dir);
        Report r = reports(schemes, () -> { }).assemble(BOTH, ReportOptions.published());
        String test = schemes.scheme("test").orElseThrow().name().nb();
        String example = schemes.scheme("example").orElseThrow().name().nb();
        assertEquals(test + " og " + example + " 2016", r.title());
        assertEquals(test + " (test); " + example + " (example)", r.metadata().get("Ordninger"));
        assertTrue(r.metadata().get("Forvaltes av").startsWith("test: Testdirektoratet; example: "),
                r.metadata().toString());
        assertTrue(r.metadata().get("Budsjettposter").startsWith("test: kap. 0001 post 01; example: "),
                r.metadata().toString());
        assertTrue(r.metadata().get("Datakilde").contains("test: [2006]; example: ["), r.metadata().toString());
        assertTrue(r.metadata().values().stream().noneMatch(v -> v.contains("test.plugin")),
                "a report for readers names no plugin bundle: " + r.metadata());
        assertEquals("2", r.metadata().get("Antall rapporter (N)"));
        assertTrue(!r.metadata().containsKey("Ordning"), "no line names one scheme as if it were all");
    }

    @Test
    void oneSchemeKeepsItsOwnLines(@TempDir Path dir) {
        SchemeCatalog schemes = catalog(dir);
        Report r = reports(schemes, () -> { }).assemble(Selection.of("test", 2016, 2016),
                ReportOptions.published());
        assertEquals(List.of("Ordning", "Forvaltes av", "Budsjettpost", "Rapporteringsår", "Utvalg",
                "Antall rapporter (N)", "Datakilde", "Personvern", "Laget"),
                List.copyOf(r.metadata().keySet()));
        assertEquals("Testdirektoratet", r.metadata().get("Forvaltes av"));
        assertEquals("Testordningen 2016", r.title());
    }

    @Test
    void dataTablesOfEachSchemeStayApart(@TempDir Path dir) {
        Report r = reports(catalog(dir), () -> { }).assemble(BOTH, new ReportOptions(java.util.Locale.ENGLISH,
                true, true));
        List<String> ids = r.data().stream().map(Table::id).toList();
        assertTrue(ids.contains("data-test-submissions") && ids.contains("data-example-submissions"), ids.toString());
        assertEquals(ids.size(), Set.copyOf(ids).size(), "ids are unique: " + ids);
        assertEquals("Submissions (test)", r.data().get(0).title().en());
        assertTrue(r.metadata().containsKey("Schemes"), r.metadata().toString());
    }

    @Test
    void secondSchemeRemovedDuringTheExportRefusesTheReport(@TempDir Path dir) {
        SchemeCatalog schemes = catalog(dir);
        ReportAssembler reports = reports(schemes, () -> schemes.remove("example-1"));
        SchemeChangedException e = assertThrows(SchemeChangedException.class, () -> reports.writeReport(BOTH,
                ReportOptions.published(), "title", new ByteArrayOutputStream()));
        assertEquals("example", e.schemeId());
    }

    /** Counts the submissions of every selected scheme. */
    private static Indicator counting() {
        return new Indicator() {
            @Override
            public String id() {
                return "count";
            }

            @Override
            public LocalizedText title() {
                return LocalizedText.of("count");
            }

            @Override
            public Set<String> schemes() {
                return Set.of();
            }

            @Override
            public Table compute(IndicatorInput input) {
                return Table.of("count", LocalizedText.of("count"), List.of(Table.Column.of("n", "N",
                        ValueKind.COUNT)), List.of(Table.Row.data((long) input.submissions().size())))
                        .withN(input.submissions().size());
            }
        };
    }

    private static final class TitleExporter implements ReportExporter {
        private final Runnable during;

        TitleExporter(Runnable during) {
            this.during = during;
        }

        @Override
        public String format() {
            return "title";
        }

        @Override
        public String mediaType() {
            return "text/plain";
        }

        @Override
        public String fileExtension() {
            return "txt";
        }

        @Override
        public void export(Report report, OutputStream out) throws java.io.IOException {
            out.write(report.title().getBytes(StandardCharsets.UTF_8));
            during.run();
        }
    }
}
