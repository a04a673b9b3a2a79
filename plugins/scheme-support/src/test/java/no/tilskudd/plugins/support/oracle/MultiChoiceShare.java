package no.tilskudd.plugins.support.oracle;

import no.tilskudd.engine.internal.standard.indicators.Tables;
import static no.tilskudd.engine.internal.standard.indicators.Tables.column;
import static no.tilskudd.engine.internal.standard.indicators.Tables.row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The share of org units that name each option of a multi-choice field. A unit names an option if any of its reports
 * in the selection does; N is the number of units that named at least one option. The shares do not add up to 100,
 * so the table has no total row.
 *
 * @param fieldId the multi-choice field
 * @param choices the options, in the order of the rows
 * @param heading the heading of the option column
 */
public record MultiChoiceShare(String fieldId, List<Choice> choices, LocalizedText heading) implements TableSpec {

    /** Freezes the choices. */
    public MultiChoiceShare {
        choices = List.copyOf(choices);
    }

    @Override
    public Table compute(String id, LocalizedText title, IndicatorInput input) {
        Map<String, Set<String>> named = new HashMap<>();
        for (Submission s : input.submissions()) {
            List<String> codes = Values.codes(s.values().get(fieldId));
            if (!codes.isEmpty()) {
                named.computeIfAbsent(s.orgUnit(), u -> new HashSet<>()).addAll(codes);
            }
        }
        long n = named.size();
        List<Table.Row> rows = new ArrayList<>();
        for (Choice c : choices) {
            long units = named.values().stream().filter(set -> set.contains(c.code())).count();
            rows.add(row(c.label().nb(), Percentages.whole(units, n), units));
        }
        return Table.of(id, title,
                List.of(column("option", heading.nb(), heading.en(), ValueKind.TEXT),
                        column("percent", "Andel av enhetene (prosent)", "Share of the units (percent)",
                                ValueKind.PERCENT),
                        column("units", "Antall kommuner/bydeler", "Municipalities/districts", ValueKind.COUNT)),
                rows)
                .withN(n)
                .withNotes(Tables.remarks(
                        new LocalizedText("N er antall kommuner/bydeler som svarte. En enhet kan nevne "
                        + "flere alternativer, så andelene summerer ikke til 100.",
                        "N is the number of municipalities/districts that answered. A unit may name "
                                + "several options, so the shares do not add up to 100."),
                        Tables.ROUNDING_NOTE))
                .withChart(ChartType.BAR);
    }
}
