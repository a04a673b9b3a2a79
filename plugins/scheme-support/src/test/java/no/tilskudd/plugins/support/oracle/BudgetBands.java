package no.tilskudd.plugins.support.oracle;

import no.tilskudd.engine.internal.standard.indicators.Tables;
import static no.tilskudd.engine.internal.standard.indicators.Tables.column;
import static no.tilskudd.engine.internal.standard.indicators.Tables.row;
import static no.tilskudd.engine.internal.standard.indicators.Tables.total;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.internal.standard.CommonFields;
import no.tilskudd.engine.internal.standard.Percentages;
import no.tilskudd.engine.internal.standard.Values;

/**
 * Measures by the size of their budget, in bands: a row per band with the number of measures and their share, and a
 * total row. A measure without a budget is left out; N is the number of measures with one.
 *
 * @param limits the lower limits (NOK, inclusive) of every band but the first, ascending; the first band starts at 0
 */
public record BudgetBands(List<BigDecimal> limits) implements TableSpec {

    /** The schemes' bands: under 50 000, 50 000–99 999, 100 000–249 999, 250 000–499 999, 500 000 and more. */
    public static final BudgetBands STANDARD = new BudgetBands(List.of(BigDecimal.valueOf(50_000),
            BigDecimal.valueOf(100_000), BigDecimal.valueOf(250_000), BigDecimal.valueOf(500_000)));

    /** Checks that the limits ascend and freezes them. */
    public BudgetBands {
        limits = List.copyOf(limits);
        for (int i = 1; i < limits.size(); i++) {
            if (limits.get(i).compareTo(limits.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("band limits must ascend: " + limits);
            }
        }
    }

    /**
     * The band an amount falls in.
     *
     * @param amount a budget
     * @return the band's index, 0 for the lowest
     */
    public int band(BigDecimal amount) {
        int band = 0;
        while (band < limits.size() && amount.compareTo(limits.get(band)) >= 0) {
            band++;
        }
        return band;
    }

    /**
     * The bands' labels, e.g. "Under 50 000 kr", "50 000–99 999 kr", "500 000 kr og mer".
     *
     * @return a label per band
     */
    public List<LocalizedText> labels() {
        List<LocalizedText> out = new ArrayList<>();
        for (int i = 0; i <= limits.size(); i++) {
            if (i == 0) {
                out.add(new LocalizedText("Under " + kr(limits.get(0), false) + " kr",
                        "Under NOK " + kr(limits.get(0), true)));
            } else if (i == limits.size()) {
                out.add(new LocalizedText(kr(limits.get(i - 1), false) + " kr og mer",
                        "NOK " + kr(limits.get(i - 1), true) + " and more"));
            } else {
                BigDecimal upper = limits.get(i).subtract(BigDecimal.ONE);
                out.add(new LocalizedText(kr(limits.get(i - 1), false) + "–" + kr(upper, false) + " kr",
                        "NOK " + kr(limits.get(i - 1), true) + "–" + kr(upper, true)));
            }
        }
        return out;
    }

    @Override
    public Table compute(String id, LocalizedText title, IndicatorInput input) {
        long[] counts = new long[limits.size() + 1];
        for (Submission s : input.submissions()) {
            for (Map<String, Object> m : s.rows(CommonFields.MEASURES)) {
                Values.number(m.get(CommonFields.BUDGET)).ifPresent(b -> counts[band(b)]++);
            }
        }
        long n = Arrays.stream(counts).sum();
        List<LocalizedText> labels = labels();
        List<Table.Row> rows = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            rows.add(row(labels.get(i).nb(), counts[i], Percentages.whole(counts[i], n)));
        }
        rows.add(total("I alt", n, null));
        return Table.of(id, title,
                List.of(column("band", "Midler til tiltaket", "Funds for the measure", ValueKind.TEXT),
                        column("measures", "Antall tiltak", "Measures", ValueKind.COUNT),
                        column("percent", "Prosent", "Percent", ValueKind.PERCENT)),
                rows)
                .withN(Tables.n(n, "tiltak med oppgitt budsjett", "measures with a budget"))
                .withNotes(Tables.remarks(Tables.ROUNDING_NOTE))
                .withChart(ChartType.BAR);
    }

    private static String kr(BigDecimal amount, boolean english) {
        return Values.kroner(amount, english);
    }
}
