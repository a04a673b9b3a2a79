package ${package}.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
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

/** Number of reports and of measures per reporting year. */
@Component(service = Indicator.class)
@ServiceProvider(value = Indicator.class, resolution = Resolution.OPTIONAL)
public final class MeasureCountIndicator implements Indicator {

    @Override
    public String id() {
        return "measure-count";
    }

    @Override
    public LocalizedText title() {
        return new LocalizedText("Antall tiltak per år", "Number of measures per year");
    }

    @Override
    public Set<String> schemes() {
        return Set.of("${schemeId}");
    }

    @Override
    public IndicatorTable compute(IndicatorInput input) {
        TreeMap<Integer, long[]> byYear = new TreeMap<>();
        for (Submission s : input.submissions()) {
            long[] c = byYear.computeIfAbsent(s.year(), y -> new long[2]);
            c[0]++;
            c[1] += s.rows("measures").size();
        }
        List<List<Object>> rows = byYear.entrySet().stream()
                .map(e -> List.<Object>of((long) e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new IndicatorTable(id(), title(), input.submissions().size(), List.of(
                new IndicatorColumn("year", new LocalizedText("År", "Year"), ValueKind.YEAR),
                new IndicatorColumn("reports", new LocalizedText("Rapporter", "Reports"), ValueKind.COUNT),
                new IndicatorColumn("measures", new LocalizedText("Tiltak", "Measures"), ValueKind.COUNT)),
                rows, List.of(), Optional.of(ChartType.BAR));
    }
}
