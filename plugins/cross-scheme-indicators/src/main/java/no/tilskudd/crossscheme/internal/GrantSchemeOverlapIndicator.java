package no.tilskudd.crossscheme.internal;

import static no.tilskudd.engine.internal.standard.indicators.Tables.column;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.engine.internal.standard.Percentages;
import no.tilskudd.engine.internal.standard.indicators.Tables;
import org.osgi.service.component.annotations.Component;

/**
 * Which other schemes fund the selection's units, from the grant register, as in the seed's "Tilskuddsordning
 * (N=86)": of the 86 AVdir and Bufdir scheme-units of 2006–2008, funds from one scheme only 23 %, from more than one
 * 77 %, from both BLD and AVdir 44 %, and from urban youth measures 24 %, Unge utenfor 8 %, Utsatte unge 17–23 12 %
 * and «Ungdom i svevet» 6 %.
 *
 * <p>What is counted is a scheme-unit of the selection (a unit once per selected scheme that funded it in the
 * years); it counts in a row when its unit had a grant, in those years, from the schemes the row names. Rows, in
 * order: only one scheme, more than one, all the selected schemes (when several are selected), then one per other
 * scheme in the register that funded any of the units, by scheme id. Schemes without a form here are named in the
 * register. The rows overlap, so there is no total.
 */
@Component(service = Indicator.class)
@ServiceProvider(value = Indicator.class, resolution = Resolution.OPTIONAL)
public final class GrantSchemeOverlapIndicator implements Indicator {

    /** The indicator id. */
    public static final String ID = "grant-scheme-overlap";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText title() {
        return new LocalizedText("Tilskuddsordninger kommunene og bydelene har midler fra. Prosent",
                "Grant schemes the municipalities and districts have funds from. Percent");
    }

    @Override
    public Set<String> schemes() {
        return Set.of();
    }

    @Override
    public Table compute(IndicatorInput input) {
        GrantSelection g = GrantSelection.of(input);
        List<String> ids = input.selection().schemeIds();
        long n = g.schemeUnits();
        long one = 0;
        long several = 0;
        long inAll = 0;
        Map<String, Long> others = new TreeMap<>();
        for (Set<String> units : g.selected().values()) {
            for (String unit : units) {
                Set<String> funders = g.funders().getOrDefault(unit, Set.of());
                if (funders.size() > 1) {
                    several++;
                } else {
                    one++;
                }
                if (funders.containsAll(ids)) {
                    inAll++;
                }
                for (String s : funders) {
                    if (!ids.contains(s)) {
                        others.merge(s, 1L, Long::sum);
                    }
                }
            }
        }
        List<Table.Row> rows = new ArrayList<>();
        rows.add(share(new LocalizedText("Kun midler fra én ordning", "Funds from one scheme only"), one, n));
        rows.add(share(new LocalizedText("Midler fra mer enn én ordning", "Funds from more than one scheme"),
                several, n));
        if (ids.size() > 1) {
            LocalizedText all = GrantSelection.and(ids);
            rows.add(share(new LocalizedText((ids.size() == 2 ? "Både " : "Alle: ") + all.nb(),
                    (ids.size() == 2 ? "Both " : "All of ") + all.en()), inAll, n));
        }
        for (Map.Entry<String, Long> e : others.entrySet()) {
            rows.add(share(GrantSelection.label(input, e.getKey()), e.getValue(), n));
        }
        String years = GrantSelection.years(input.selection());
        String selected = GrantSelection.and(ids).nb();
        List<Table.Note> notes = new ArrayList<>();
        notes.add(Table.Note.remark(new LocalizedText("Talt: kommuner og bydeler per ordning med tildeling fra "
                + selected + " " + years + " (N = " + n + "); en enhet med tildeling fra to av dem teller to ganger. "
                + "En enhet teller i en rad når den i de samme årene hadde tildeling fra ordningene raden nevner, "
                + "ifølge tilskuddsregisteret. Radene overlapper, så de summerer seg ikke.",
                "Counted: municipalities and districts per scheme with a grant from "
                + GrantSelection.and(ids).en() + " " + years + " (N = " + n + "); a unit with grants from two of "
                + "them counts twice. A unit counts in a row when in the same years it had a grant from the schemes "
                + "the row names, according to the grant register. The rows overlap, so they do not add up.")));
        notes.add(Table.Note.remark(Tables.ROUNDING_NOTE));
        notes.add(Table.Note.source(new LocalizedText("Tilskuddsregisteret (tildelinger), også ordninger uten "
                + "skjema her.", "The grant register, also schemes without a form here.")));
        return Table.of(ID, title(),
                List.of(column("group", "Tilskuddsordning", "Grant scheme", ValueKind.TEXT),
                        column("units", "Kommuner/bydeler per ordning", "Municipalities/districts per scheme",
                                ValueKind.COUNT),
                        column("percent", "Prosent", "Percent", ValueKind.PERCENT)),
                rows)
                .withN(Table.Count.of(n, new LocalizedText("kommuner og bydeler per ordning",
                        "municipalities and districts per scheme")))
                .withNotes(notes)
                .withChart(ChartType.BAR);
    }

    private static Table.Row share(LocalizedText label, long count, long n) {
        return Table.Row.data(label, count, Percentages.whole(count, n));
    }
}
