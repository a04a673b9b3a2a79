package no.tilskudd.engine.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.scheme.Origin;
import no.tilskudd.api.service.GrantService;
import no.tilskudd.api.service.ReportOptions;
import no.tilskudd.api.store.Grant;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.InMemoryStore;
import no.tilskudd.engine.TestSchemes;
import no.tilskudd.engine.internal.grants.GrantRegister;
import no.tilskudd.engine.internal.grants.GrantRegisterTest;
import no.tilskudd.engine.internal.indicators.IndicatorRunner;
import no.tilskudd.engine.internal.indicators.SubmissionSelector;
import no.tilskudd.engine.internal.orgunits.CsvOrgUnitRegister;
import no.tilskudd.engine.internal.registry.SchemeCatalog;
import org.junit.jupiter.api.Test;

/** A report gets a response-rate section, right after the summary, when the grant register has grants for it. */
class ResponseRateInReportTest {

    private final SchemeCatalog schemes = new SchemeCatalog();
    private final InMemoryStore store = new InMemoryStore().with(new Submission("example", 2016, "0301",
            Optional.of("2016"), Map.of("grantAmount", BigDecimal.valueOf(1000))));
    private final GrantRegisterTest.Grants grants = new GrantRegisterTest.Grants();
    private final GrantService register = new GrantRegister(schemes, CsvOrgUnitRegister.defaults(),
            () -> Optional.of(grants), () -> Optional.of(store), List::of);

    private ReportAssembler reports(Optional<GrantService> withGrants) {
        return new ReportAssembler(schemes, new IndicatorRunner(List::of, () -> Optional.of(store),
                CsvOrgUnitRegister.defaults()), new SubmissionSelector(() -> Optional.of(store),
                CsvOrgUnitRegister.defaults()), 5, CsvOrgUnitRegister.defaults(), List::of, List::of,
                () -> withGrants);
    }

    ResponseRateInReportTest() {
        schemes.add("example-1", TestSchemes.definition(TestSchemes.EXAMPLE), new Origin("example-1", "1.0.0"));
    }

    private static List<String> titles(Report r) {
        return r.sections().stream().map(ReportSection::title).toList();
    }

    @Test
    void withGrantsTheReportHasTheResponseRateAfterTheSummary() {
        grants.saveGrants(List.of(grant("0301"), grant("1804")), false, "g.csv", "os:test");
        Report r = reports(Optional.of(register)).assemble(Selection.of("example", 2016, 2016),
                ReportOptions.published());
        // The response rate is the first table after the summary, captioned by its own title (no section repeats it).
        assertEquals(List.of("Sammendrag", "Tabeller og figurer"), titles(r).subList(0, 2));
        Table t = (Table) r.sections().get(1).blocks().get(0);
        assertEquals("Svarprosent", t.title().nb());
        assertEquals(List.of(2016, 2, 1, 1, 50), t.rows().get(0).cells());
        assertTrue(t.notes().stream().anyMatch(n -> n.text().nb().contains("1804 Bodø")), t.notes().toString());
    }

    @Test
    void withoutGrantsOrWithoutTheRegisterThereIsNoSuchTable() {
        assertEquals(List.of("Sammendrag"), titles(reports(Optional.of(register)).assemble(
                Selection.of("example", 2016, 2016), ReportOptions.published())));
        grants.saveGrants(List.of(grant("0301")), false, "g.csv", "os:test");
        assertEquals(List.of("Sammendrag"), titles(reports(Optional.empty()).assemble(
                Selection.of("example", 2016, 2016), ReportOptions.published())));
    }

    private static Grant grant(String unit) {
        return new Grant("example", Optional.empty(), 2016, unit, BigDecimal.TEN, Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
