package ${package}.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.Table.Column;
import no.tilskudd.api.report.Table.Row;
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
    public Table compute(IndicatorInput input) {
        TreeMap<Integer, long[]> byYear = new TreeMap<>();
        for (Submission s : input.submissions()) {
            long[] c = byYear.computeIfAbsent(s.year(), y -> new long[2]);
            c[0]++;
            c[1] += s.rows("measures").size();
        }
        List<Row> rows = byYear.entrySet().stream()
                .map(e -> Row.data((long) e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return Table.of(id(), title(), List.of(
                new Column("year", new LocalizedText("År", "Year"), ValueKind.YEAR),
                new Column("reports", new LocalizedText("Rapporter", "Reports"), ValueKind.COUNT),
                new Column("measures", new LocalizedText("Tiltak", "Measures"), ValueKind.COUNT)), rows)
                .withN(Table.Count.of(input.submissions().size(), new LocalizedText("rapporter", "reports")))
                .withChart(ChartType.BAR);
    }
}
