package no.tilskudd.engine.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.service.ReportOptions;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.InMemoryStore;
import no.tilskudd.engine.StandaloneEngine;
import no.tilskudd.engine.TestSchemes;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 2: "an amount that was stored is never silently emptied in an export". The data tables hand every
 * stored amount to the exporters as the very value the store gave, whatever its representation (an exponent, a
 * scale over two, zero with a sign, a whole number stored as a decimal, more digits than a double holds); the
 * exporters' tests (xlsx StoredAmountsNeverEmptiedTest, pdf StoredAmountsInPdfTest) take it from there.
 */
class StoredAmountsInDataTablesTest {

    private static final List<Object> AMOUNTS = List.of(new BigDecimal("1E+12"), new BigDecimal("1234.5678"),
            new BigDecimal("-0.00"), new BigDecimal("500000.00"), new BigDecimal("12345678901234567.89"),
            new BigDecimal("1E+400"), 9_007_199_254_740_993L);

    @Test
    void everyStoredAmountReachesTheDataTablesUnchanged() {
        InMemoryStore store = new InMemoryStore();
        String[] units = {"1804", "0301", "1103", "4601", "5001", "3005", "1506"};
        for (int i = 0; i < AMOUNTS.size(); i++) {
            store = store.with(new Submission("example", 2016, units[i], Optional.of("2016"), Map.of(
                    "grantAmount", AMOUNTS.get(i), "goalsReached", "all", "measures", List.of(Map.of(
                            "name", "Tiltak " + i, "budget", AMOUNTS.get(i))))));
        }
        StandaloneEngine engine = StandaloneEngine.builder().store(store).addScheme(TestSchemes.EXAMPLE).build();
        Report r = engine.reports().assemble(Selection.of("example", 2016, 2016),
                new ReportOptions(Locale.forLanguageTag("nb"), true, true));
        Table submissions = table(r, "data-submissions");
        Table measures = table(r, "data-measures");
        assertEquals(AMOUNTS.size(), submissions.rows().size());
        List<Object> granted = column(submissions, "grantAmount");
        List<Object> budgets = column(measures, "budget");
        for (Object amount : AMOUNTS) {
            // the same object type and scale: equals(), not compareTo(), so 500000.00 stays 500000.00
            assertEquals(1, granted.stream().filter(amount::equals).count(), amount + " in " + granted);
            assertEquals(1, budgets.stream().filter(amount::equals).count(), amount + " in " + budgets);
        }
    }

    private static Table table(Report r, String id) {
        return r.data().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no data table " + id));
    }

    private static List<Object> column(Table t, String id) {
        int c = -1;
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).id().equals(id)) {
                c = i;
            }
        }
        assertEquals(true, c >= 0, "column " + id);
        List<Object> out = new ArrayList<>();
        for (Table.Row row : t.rows()) {
            out.add(row.cells().get(c));
        }
        return out;
    }
}
