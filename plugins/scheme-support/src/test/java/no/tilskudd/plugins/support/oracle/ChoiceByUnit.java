package no.tilskudd.plugins.support.oracle;

import no.tilskudd.engine.internal.standard.indicators.Tables;
import static no.tilskudd.engine.internal.standard.indicators.Tables.column;
import static no.tilskudd.engine.internal.standard.indicators.Tables.row;
import static no.tilskudd.engine.internal.standard.indicators.Tables.total;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The distribution of a choice field over org units, laid out like table 8.1 of the evaluation: a row per answer with
 * its percentage and count, and an N row (a total row). Each unit counts once, with its latest answer in the
 * selection, because the question is about the unit's stance (as the evaluation's questionnaire asked it), not about
 * each year's report.
 *
 * @param fieldId the choice field
 * @param choices the answers, in the order of the rows
 * @param heading the heading of the answer column
 */
public record ChoiceByUnit(String fieldId, List<Choice> choices, LocalizedText heading) implements TableSpec {

    /** Freezes the choices. */
    public ChoiceByUnit {
        choices = List.copyOf(choices);
    }

    @Override
    public Table compute(String id, LocalizedText title, IndicatorInput input) {
        // unit -> {year, answer index} of the latest report that answered
        Map<String, int[]> latest = new HashMap<>();
        for (Submission s : input.submissions()) {
            int index = indexOf(choices, Values.code(s.values().get(fieldId)));
            if (index < 0) {
                continue;
            }
            int[] seen = latest.get(s.orgUnit());
            if (seen == null || s.year() > seen[0]) {
                latest.put(s.orgUnit(), new int[] {s.year(), index});
            }
        }
        long[] counts = new long[choices.size()];
        for (int[] answer : latest.values()) {
            counts[answer[1]]++;
        }
        long n = latest.size();
        List<Table.Row> rows = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            rows.add(row(choices.get(i).label().nb(), Percentages.whole(counts[i], n), counts[i]));
        }
        rows.add(total("N", null, n));
        return Table.of(id, title,
                List.of(column("answer", heading.nb(), heading.en(), ValueKind.TEXT),
                        column("percent", "Prosent", "Percent", ValueKind.PERCENT),
                        column("count", "Antall", "Count", ValueKind.COUNT)),
                rows)
                .withN(n)
                .withNotes(Tables.remarks(
                        new LocalizedText("N er antall kommuner/bydeler som svarte; hver teller én gang, med sitt "
                        + "siste svar i perioden.",
                        "N is the number of municipalities/districts that answered; each counts once, with its "
                                + "latest answer in the period."),
                        Tables.ROUNDING_NOTE))
                .withChart(ChartType.BAR);
    }

    /** The position of a code in a code list, or -1 when it is absent or not in the list. */
    static int indexOf(List<Choice> choices, Optional<String> code) {
        if (code.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).code().equals(code.get())) {
                return i;
            }
        }
        return -1;
    }
}
