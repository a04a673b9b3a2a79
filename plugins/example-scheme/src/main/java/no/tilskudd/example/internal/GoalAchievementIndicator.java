package no.tilskudd.example.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.IndicatorColumn;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.indicator.IndicatorTable;
import no.tilskudd.api.report.ReportBlock.ChartType;
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
    public IndicatorTable compute(IndicatorInput input) {
        TreeMap<Integer, long[]> byYear = new TreeMap<>();
        for (Submission s : input.submissions()) {
            Object v = s.values().get("goalsReached");
            if (v == null) {
                continue;
            }
            long[] counts = byYear.computeIfAbsent(s.year(), y -> new long[2]);
            counts["all".equals(v) ? 0 : 1]++;
        }
        List<IndicatorColumn> columns = new ArrayList<>();
        columns.add(new IndicatorColumn("answer", new LocalizedText("Måloppnåelse", "Goal achievement"),
                ValueKind.TEXT));
        for (int year : byYear.keySet()) {
            columns.add(new IndicatorColumn(String.valueOf(year), LocalizedText.of(String.valueOf(year)),
                    ValueKind.PERCENT));
        }
        List<Object> all = new ArrayList<>(List.of("Nådde alle sine målsettinger"));
        List<Object> notAll = new ArrayList<>(List.of("Nådde ikke alle målsettinger"));
        List<Object> n = new ArrayList<>(List.of("N"));
        long total = 0;
        for (long[] c : byYear.values()) {
            long sum = c[0] + c[1];
            all.add(percent(c[0], sum));
            notAll.add(percent(c[1], sum));
            n.add(sum);
            total += sum;
        }
        return new IndicatorTable(id(), title(), total, columns, List.of(all, notAll, n),
                List.of(new LocalizedText("Prosent av rapportene som svarte. Avrundet til hele prosent.",
                        "Percent of the reports that answered. Rounded to whole percent.")),
                Optional.of(ChartType.BAR), java.util.Set.of(), java.util.Map.of(2, ValueKind.COUNT));
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
