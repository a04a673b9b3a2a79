package no.tilskudd.plugins.support.oracle;

import no.tilskudd.engine.internal.standard.indicators.Tables;
import static no.tilskudd.engine.internal.standard.indicators.Tables.column;
import static no.tilskudd.engine.internal.standard.indicators.Tables.cells;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.tilskudd.api.form.Choice;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.internal.standard.Percentages;
import no.tilskudd.engine.internal.standard.Values;

/**
 * The distribution of a choice field per reporting year, laid out like table 8.2 of the evaluation: a row per
 * answer, for each year a percentage column and a count column, and an N row (a total row) with the reports that
 * answered each year. A report counts once in its year; reports without an answer are left out of N.
 *
 * @param fieldId the choice field
 * @param choices the answers, in the order of the rows
 * @param heading the heading of the answer column
 */
public record ChoiceByYear(String fieldId, List<Choice> choices, LocalizedText heading) implements TableSpec {

    /** Freezes the choices. */
    public ChoiceByYear {
        choices = List.copyOf(choices);
    }

    @Override
    public Table compute(String id, LocalizedText title, IndicatorInput input) {
        Map<Integer, long[]> byYear = new TreeMap<>();
        for (Submission s : input.submissions()) {
            int index = ChoiceByUnit.indexOf(choices, Values.code(s.values().get(fieldId)));
            if (index >= 0) {
                byYear.computeIfAbsent(s.year(), y -> new long[choices.size()])[index]++;
            }
        }
        List<Table.Column> columns = new ArrayList<>();
        columns.add(column("answer", heading.nb(), heading.en(), ValueKind.TEXT));
        for (int year : byYear.keySet()) {
            columns.add(column(String.valueOf(year), year + " (prosent)", year + " (percent)", ValueKind.PERCENT));
            columns.add(column(year + "-count", year + " (antall)", year + " (count)", ValueKind.COUNT));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Choice c : choices) {
            rows.add(cells(c.label().nb()));
        }
        List<Object> nRow = cells("N");
        long n = 0;
        for (long[] counts : byYear.values()) {
            long total = 0;
            for (long c : counts) {
                total += c;
            }
            for (int i = 0; i < choices.size(); i++) {
                rows.get(i).add(Percentages.whole(counts[i], total));
                rows.get(i).add(counts[i]);
            }
            nRow.add(null);
            nRow.add(total);
            n += total;
        }
        List<Table.Row> typed = new ArrayList<>();
        rows.forEach(r -> typed.add(new Table.Row(Table.RowKind.DATA, r)));
        typed.add(Table.Row.total(nRow.toArray()));
        return Table.of(id, title, columns, typed)
                .withN(n)
                .withNotes(Tables.remarks(
                        new LocalizedText("Raden N er antall rapporter som svarte hvert år.",
                        "The row N is the number of reports that answered each year."),
                        Tables.ROUNDING_NOTE))
                .withChart(ChartType.BAR);
    }
}
