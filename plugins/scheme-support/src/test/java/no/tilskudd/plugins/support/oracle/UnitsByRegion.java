package no.tilskudd.plugins.support.oracle;

import no.tilskudd.engine.internal.standard.indicators.Tables;
import static no.tilskudd.engine.internal.standard.indicators.Tables.column;
import static no.tilskudd.engine.internal.standard.indicators.Tables.row;
import static no.tilskudd.engine.internal.standard.indicators.Tables.total;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.internal.standard.CommonFields;
import no.tilskudd.engine.internal.standard.Percentages;
import no.tilskudd.engine.internal.standard.Values;

/**
 * Org units with a grant, by region: a row per region with the number of municipalities/districts and their share,
 * and a total row. A unit counts once, in the region the org-unit register gives it in the latest year it had a grant
 * (the region is data, and can change with municipal mergers). The given regions always get a row, in their order;
 * regions the register names that are not among them follow, then "Ukjent" for codes the register does not know.
 *
 * @param regions the regions that always get a row, in order (e.g. Nord, Midt, Øst/Oslo, Vest, Sør)
 */
public record UnitsByRegion(List<String> regions) implements TableSpec {

    /** The row for codes the register does not know. */
    public static final String UNKNOWN = "Ukjent";

    /** Freezes the regions. */
    public UnitsByRegion {
        regions = List.copyOf(regions);
    }

    @Override
    public Table compute(String id, LocalizedText title, IndicatorInput input) {
        Map<String, Integer> latestYear = new HashMap<>();
        for (Submission s : input.submissions()) {
            boolean granted = Values.number(s.values().get(CommonFields.GRANT_AMOUNT))
                    .filter(g -> g.compareTo(BigDecimal.ZERO) > 0).isPresent();
            if (granted) {
                latestYear.merge(s.orgUnit(), s.year(), Math::max);
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        regions.forEach(r -> counts.put(r, 0L));
        Map<String, Long> others = new TreeMap<>();
        long unknown = 0;
        for (Map.Entry<String, Integer> e : latestYear.entrySet()) {
            Optional<String> region = input.orgUnits().find(e.getKey(), e.getValue()).map(OrgUnit::region);
            if (region.isEmpty()) {
                unknown++;
            } else if (counts.containsKey(region.get())) {
                counts.merge(region.get(), 1L, Long::sum);
            } else {
                others.merge(region.get(), 1L, Long::sum);
            }
        }
        counts.putAll(others);
        if (unknown > 0) {
            counts.put(UNKNOWN, unknown);
        }
        long n = latestYear.size();
        List<Table.Row> rows = new ArrayList<>();
        counts.forEach((region, c) -> rows.add(row(region, c, Percentages.whole(c, n))));
        rows.add(total("I alt", n, null));
        return Table.of(id, title,
                List.of(column("region", "Region", "Region", ValueKind.TEXT),
                        column("units", "Kommuner/bydeler", "Municipalities/districts", ValueKind.COUNT),
                        column("percent", "Prosent", "Percent", ValueKind.PERCENT)),
                rows)
                .withN(Tables.n(n, "kommuner/bydeler med tilskudd i perioden",
                        "municipalities/districts with a grant in the period"))
                .withNotes(Tables.remarks(Tables.ROUNDING_NOTE))
                .withChart(ChartType.BAR);
    }
}
