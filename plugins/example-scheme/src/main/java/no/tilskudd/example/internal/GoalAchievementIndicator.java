package no.tilskudd.example.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.Table.Column;
import no.tilskudd.api.report.Table.Note;
import no.tilskudd.api.report.Table.Row;
import no.tilskudd.api.report.Table.RowKind;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.api.submission.Submission;
import org.osgi.service.component.annotations.Component;

/**
 * Share of reports that reached all goals, per reporting year, laid out like table 8.2 of the evaluation: rows
 * "reached all" / "did not reach all", a column per year in percent, and N per year.
 */
@Component(service = Indicator.class)
@ServiceProvider(value = Indicator.class, resolution = Resolution.OPTIONAL)
public final class GoalAchievementIndicator implements Indicator {

    @Override
    public String id() {
        return "goal-achievement";
    }

    @Override
    public LocalizedText title() {
        return new LocalizedText("Måloppnåelse i bruk av tilskuddsmidlene. Prosent",
                "Goal achievement in the use of the grant. Percent");
    }

    @Override
    public Set<String> schemes() {
        return Set.of("example");
    }

    @Override
    public Table compute(IndicatorInput input) {
        TreeMap<Integer, long[]> byYear = new TreeMap<>();
        for (Submission s : input.submissions()) {
            Object v = s.values().get("goalsReached");
            if (v == null) {
                continue;
            }
            long[] counts = byYear.computeIfAbsent(s.year(), y -> new long[2]);
            counts["all".equals(v) ? 0 : 1]++;
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("answer", new LocalizedText("Måloppnåelse", "Goal achievement"), ValueKind.TEXT));
        for (int year : byYear.keySet()) {
            columns.add(Column.of(String.valueOf(year), String.valueOf(year), ValueKind.PERCENT));
        }
        List<Object> all = new ArrayList<>(List.of(new LocalizedText("Nådde alle sine målsettinger",
                "Reached all their goals")));
        List<Object> notAll = new ArrayList<>(List.of(new LocalizedText("Nådde ikke alle målsettinger",
                "Did not reach all their goals")));
        List<Object> n = new ArrayList<>(List.of("N"));
        long total = 0;
        for (long[] c : byYear.values()) {
            long sum = c[0] + c[1];
            all.add(percent(c[0], sum));
            notAll.add(percent(c[1], sum));
            n.add(sum);
            total += sum;
        }
        // the N row holds the counts behind each year's percentages
        return Table.of(id(), title(), columns, List.of(new Row(RowKind.DATA, all), new Row(RowKind.DATA, notAll),
                new Row(RowKind.COUNT, n)))
                .withN(Table.Count.of(total, new LocalizedText("rapporter som svarte", "reports that answered")))
                .withNotes(List.of(Note.remark(new LocalizedText(
                        "Prosent av rapportene som svarte. Avrundet til hele prosent.",
                        "Percent of the reports that answered. Rounded to whole percent."))))
                .withChart(ChartType.BAR);
    }

    /** Whole percent, rounded half up as in the published tables. */
    static long percent(long part, long whole) {
        if (whole == 0) {
            return 0;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP)
                .longValue();
    }
}
