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
import no.tilskudd.api.form.Choice;
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
 * Measures by category: a row per category with the number of measures, their share and the funds spent on them,
 * and a total row. Every measure row of every selected report counts; N is the number of measures.
 *
 * @param categories the categories, in the order of the rows
 */
public record MeasuresByCategory(List<Choice> categories) implements TableSpec {

    /** Freezes the categories. */
    public MeasuresByCategory {
        categories = List.copyOf(categories);
    }

    @Override
    public Table compute(String id, LocalizedText title, IndicatorInput input) {
        long[] counts = new long[categories.size()];
        BigDecimal[] budgets = new BigDecimal[categories.size()];
        Arrays.fill(budgets, BigDecimal.ZERO);
        for (Submission s : input.submissions()) {
            for (Map<String, Object> m : s.rows(CommonFields.MEASURES)) {
                int i = ChoiceByUnit.indexOf(categories, Values.code(m.get(CommonFields.CATEGORY)));
                if (i >= 0) {
                    counts[i]++;
                    budgets[i] = budgets[i].add(Values.amountOrZero(m.get(CommonFields.BUDGET)));
                }
            }
        }
        long n = Arrays.stream(counts).sum();
        BigDecimal total = Arrays.stream(budgets).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Table.Row> rows = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            rows.add(row(categories.get(i).label().nb(), counts[i], Percentages.whole(counts[i], n), budgets[i]));
        }
        rows.add(total("I alt", n, null, total));
        return Table.of(id, title,
                List.of(column("category", "Kategori", "Category", ValueKind.TEXT),
                        column("measures", "Antall tiltak", "Measures", ValueKind.COUNT),
                        column("percent", "Prosent", "Percent", ValueKind.PERCENT),
                        column("budget", "Midler brukt (kr)", "Funds spent (NOK)", ValueKind.AMOUNT)),
                rows)
                .withN(Tables.n(n, "tiltak i de valgte rapportene", "measures in the selected reports"))
                .withNotes(Tables.remarks(Tables.ROUNDING_NOTE))
                .withChart(ChartType.PIE);
    }
}
