package no.tilskudd.plugins.support.oracle;

import no.tilskudd.engine.internal.standard.indicators.Tables;
import static no.tilskudd.engine.internal.standard.indicators.Tables.column;
import static no.tilskudd.engine.internal.standard.indicators.Tables.row;
import static no.tilskudd.engine.internal.standard.indicators.Tables.total;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Children reached per measure, for measures open to all and measures aimed at individual children and families: the
 * number of measures, the children and families who took part (person counts, which published reports suppress when
 * small), and the mean number of children per measure. A measure counts when it says whether it is open to all and
 * how many children took part; N is the number of such measures. The total row's mean is left empty (a mean is not a
 * sum) and given in a note instead.
 */
public record ParticipantsByOpenness() implements TableSpec {

    @Override
    public Table compute(String id, LocalizedText title, IndicatorInput input) {
        long[] measures = new long[2];
        long[] children = new long[2];
        long[] families = new long[2];
        for (Submission s : input.submissions()) {
            for (Map<String, Object> m : s.rows(CommonFields.MEASURES)) {
                Optional<Boolean> open = Values.flag(m.get(CommonFields.OPEN_TO_ALL));
                Optional<Long> kids = Values.whole(m.get(CommonFields.PARTICIPANTS_CHILDREN));
                if (open.isEmpty() || kids.isEmpty()) {
                    continue;
                }
                int g = open.get() ? 0 : 1;
                measures[g]++;
                children[g] += kids.get();
                families[g] += Values.whole(m.get(CommonFields.PARTICIPANTS_FAMILIES)).orElse(0L);
            }
        }
        long n = measures[0] + measures[1];
        long allChildren = children[0] + children[1];
        List<Table.Row> rows = new ArrayList<>();
        rows.add(row("Åpne for alle", measures[0], children[0], families[0], mean(children[0], measures[0])));
        rows.add(row("Rettet mot enkeltbarn/-familier", measures[1], children[1], families[1],
                mean(children[1], measures[1])));
        rows.add(total("Alle tiltak", n, allChildren, families[0] + families[1], null));
        BigDecimal overall = mean(allChildren, n);
        String overallText = overall == null ? "–" : overall.toPlainString();
        return Table.of(id, title,
                List.of(column("group", "Tiltakets innretning", "Aimed at", ValueKind.TEXT),
                        column("measures", "Antall tiltak", "Measures", ValueKind.COUNT),
                        column("children", "Barn og unge som deltok", "Children and young people who took part",
                                ValueKind.PERSONS),
                        column("families", "Familier som deltok", "Families who took part", ValueKind.PERSONS),
                        column("meanChildren", "Barn og unge per tiltak (gjennomsnitt)",
                                "Children and young people per measure (mean)", ValueKind.DECIMAL)),
                rows)
                .withN(Tables.n(n, "tiltak som oppga innretning og antall barn",
                        "measures that gave their aim and the number of children"))
                .withNotes(Tables.remarks(
                        new LocalizedText("Gjennomsnitt for alle tiltak: " + overallText.replace('.', ',')
                                + " barn og unge per tiltak. Gjennomsnitt er avrundet til én desimal.",
                                "Mean over all measures: " + overallText
                                        + " children and young people per measure. Means are rounded to one decimal.")))
                .withChart(ChartType.BAR);
    }

    private static BigDecimal mean(long sum, long count) {
        return Percentages.mean(BigDecimal.valueOf(sum), count, 1);
    }
}
