package no.tilskudd.engine.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
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
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.InMemoryStore;
import no.tilskudd.engine.TestSchemes;
import no.tilskudd.engine.internal.indicators.IndicatorRunner;
import no.tilskudd.api.service.SchemeChangedException;
import no.tilskudd.engine.internal.indicators.SubmissionSelector;
import no.tilskudd.engine.internal.orgunits.CsvOrgUnitRegister;
import no.tilskudd.engine.internal.registry.SchemeCatalog;
import org.junit.jupiter.api.Test;

/**
 * A plugin removed or replaced while a report is made: the indicator that runs is the one that changes the installed
 * plugins, so the change happens inside the run every time. The result is refused whole, never a report of a plugin
 * that is gone.
 */
class SchemeChangedDuringReportTest {

    private static final Selection SELECTION = Selection.of("example", 2016, 2016);

    private final SchemeCatalog schemes = new SchemeCatalog();
    private final List<Indicator> indicators = new CopyOnWriteArrayList<>();
    private final InMemoryStore store = new InMemoryStore().with(new Submission("example", 2016, "0301",
            Optional.of("2016"), Map.of("grantAmount", BigDecimal.valueOf(1000))));
    private final IndicatorRunner runner = new IndicatorRunner(() -> indicators, () -> Optional.of(store),
            CsvOrgUnitRegister.defaults());
    private final ReportAssembler reports = new ReportAssembler(schemes, runner,
            new SubmissionSelector(() -> Optional.of(store), CsvOrgUnitRegister.defaults()), 5,
            CsvOrgUnitRegister.defaults(), () -> List.of(new TextExporter()), List::of);

    SchemeChangedDuringReportTest() {
        install("example-1");
    }

    private void install(String key) {
        schemes.add(key, TestSchemes.definition(TestSchemes.EXAMPLE), new Origin(key, "1.0.0"));
    }

    @Test
    void nothingChangingGivesTheReport() throws Exception {
        indicators.add(indicator("count", run -> { }));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.writeReport(SELECTION, ReportOptions.published(), "text", out);
        assertEquals("1 sections + summary", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void schemeRemovedWhileItsIndicatorRunsRefusesTheReport() {
        indicators.add(indicator("count", run -> schemes.remove("example-1")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SchemeChangedException e = assertThrows(SchemeChangedException.class,
                () -> reports.writeReport(SELECTION, ReportOptions.published(), "text", out));
        assertEquals("SCHEME_CHANGED: scheme 'example' (plugin example-1 1.0.0) was removed or replaced while its "
                + "report was made; the report is refused. Try again.", e.getMessage());
        assertEquals("example", e.schemeId());
        assertEquals(0, out.size(), "the exporter was not called");
    }

    @Test
    void schemeReplacedWhileItsIndicatorRunsRefusesTheReport() {
        // The same id from another plugin: the report would name one plugin and hold the other's tables.
        indicators.add(indicator("count", run -> {
            schemes.remove("example-1");
            install("example-2");
        }));
        SchemeChangedException e = assertThrows(SchemeChangedException.class,
                () -> reports.assemble(SELECTION, ReportOptions.published()));
        assertTrue(e.getMessage().contains("plugin example-1 1.0.0"), e.getMessage());
    }

    @Test
    void indicatorRemovedWhileItRunsRefusesItsResults() {
        Indicator[] self = new Indicator[1];
        self[0] = indicator("gate", run -> indicators.remove(self[0]));
        indicators.add(indicator("another", run -> { }));
        indicators.add(self[0]);
        SchemeChangedException e = assertThrows(SchemeChangedException.class, () -> runner.compute(SELECTION));
        assertTrue(e.getMessage().startsWith("SCHEME_CHANGED: indicator 'gate' ("), e.getMessage());
        assertTrue(e.getMessage().endsWith(") of scheme 'example' was removed or replaced while it ran; its results "
                + "are refused. Try again."), e.getMessage());
        indicators.add(self[0]);
        assertThrows(SchemeChangedException.class, () -> reports.assemble(SELECTION, ReportOptions.published()),
                "nor is it in a report");
    }

    @Test
    void indicatorReplacedByAnEqualOneWhileItRunsRefusesItsResults() {
        Indicator[] self = new Indicator[1];
        self[0] = indicator("gate", run -> indicators.set(indicators.indexOf(self[0]),
                indicator("gate", again -> { })));
        indicators.add(self[0]);
        assertThrows(SchemeChangedException.class, () -> runner.compute(SELECTION));
    }

    @Test
    void schemeRemovedAfterTheReportIsAssembledRefusesTheExport() {
        indicators.add(indicator("count", run -> { }));
        ReportAssembler removing = new ReportAssembler(schemes, runner,
                new SubmissionSelector(() -> Optional.of(store), CsvOrgUnitRegister.defaults()), 5,
                CsvOrgUnitRegister.defaults(), () -> List.of(new TextExporter() {
                    @Override
                    public void export(Report report, OutputStream out) throws java.io.IOException {
                        super.export(report, out);
                        schemes.remove("example-1");
                    }
                }), List::of);
        assertThrows(SchemeChangedException.class, () -> removing.writeReport(SELECTION, ReportOptions.published(),
                "text", new ByteArrayOutputStream()));
    }

    /** An indicator of the example scheme that does {@code during} while it computes, then counts. */
    private static Indicator indicator(String id, Consumer<IndicatorInput> during) {
        return new Indicator() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public LocalizedText title() {
                return LocalizedText.of(id);
            }

            @Override
            public Set<String> schemes() {
                return Set.of("example");
            }

            @Override
            public Table compute(IndicatorInput input) {
                during.accept(input);
                return Table.of(id, LocalizedText.of(id), List.of(Table.Column.of("n", "N", ValueKind.COUNT)),
                        List.of(Table.Row.data((long) input.submissions().size()))).withN(input.submissions().size());
            }
        };
    }

    private static class TextExporter implements ReportExporter {
        @Override
        public String format() {
            return "text";
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
            out.write(((report.sections().size() - 1) + " sections + summary").getBytes(StandardCharsets.UTF_8));
        }
    }
}
