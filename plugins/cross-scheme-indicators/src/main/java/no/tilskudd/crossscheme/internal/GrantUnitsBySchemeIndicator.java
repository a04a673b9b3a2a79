package no.tilskudd.crossscheme.internal;

import static no.tilskudd.engine.internal.standard.indicators.Tables.column;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import org.osgi.service.component.annotations.Component;

/**
 * Who gets support, from the grant register: the org units each selected scheme gave a grant to in the selected
 * years, their sum (the scheme-units), the distinct units, and those funded by every selected scheme. For AVdir and
 * Bufdir 2006–2008 the seed's "Hvem får støtte?" counts AVdir 57, BLD 29, together 86 scheme-units, 67 units, 19 in
 * both.
 *
 * <p>Rows, in order: one per selected scheme (in the selection's order), the scheme-units (a total of those rows),
 * the distinct units, and, when several schemes are selected, the units in all of them. A cross-scheme indicator:
 * it runs for every selection and counts the selection's own schemes.
 */
@Component(service = Indicator.class)
@ServiceProvider(value = Indicator.class, resolution = Resolution.OPTIONAL)
public final class GrantUnitsBySchemeIndicator implements Indicator {

    /** The indicator id. */
    public static final String ID = "grant-units-by-scheme";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText title() {
        return new LocalizedText("Hvem får støtte: kommuner og bydeler med tildeling",
                "Who gets support: municipalities and districts with a grant");
    }

    @Override
    public Set<String> schemes() {
        return Set.of();
    }

    @Override
    public Table compute(IndicatorInput input) {
        GrantSelection g = GrantSelection.of(input);
        List<Table.Row> rows = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : g.selected().entrySet()) {
            rows.add(Table.Row.data(GrantSelection.label(input, e.getKey()), e.getValue().size()));
        }
        rows.add(Table.Row.total(new LocalizedText("Kommunale enheter i alt (enhet per ordning)",
                "Municipal units in all (a unit per scheme)"), g.schemeUnits()));
        rows.add(Table.Row.data(new LocalizedText("Ulike kommuner og bydeler", "Distinct municipalities and districts"),
                g.units().size()));
        List<String> ids = input.selection().schemeIds();
        if (ids.size() > 1) {
            LocalizedText all = GrantSelection.and(ids);
            rows.add(Table.Row.data(new LocalizedText((ids.size() == 2 ? "Med tildeling fra begge: " : "Med "
                    + "tildeling fra alle: ") + all.nb(), (ids.size() == 2 ? "With a grant from both: "
                    : "With a grant from all: ") + all.en()), g.inAll().size()));
        }
        String years = GrantSelection.years(input.selection());
        List<Table.Note> notes = new ArrayList<>();
        notes.add(Table.Note.remark(new LocalizedText("Talt fra tilskuddsregisteret: en kommune eller bydel med "
                + "tildeling fra ordningen i minst ett av årene " + years + ". En enhet med tildeling fra to av "
                + "ordningene teller én gang per ordning i summen av enheter, og én gang blant de ulike kommunene "
                + "og bydelene (N = " + g.units().size() + ").", "Counted from the grant register: a municipality or "
                + "district with a grant from the scheme in at least one of the years " + years + ". A unit with "
                + "grants from two of the schemes counts once per scheme in the sum of units, and once among the "
                + "distinct municipalities and districts (N = " + g.units().size() + ").")));
        if (g.units().isEmpty()) {
            notes.add(Table.Note.remark(new LocalizedText("Registeret har ingen tildelinger fra de valgte "
                    + "ordningene i disse årene.", "The register has no grants from the selected schemes in these "
                    + "years.")));
        }
        notes.add(Table.Note.source(new LocalizedText("Tilskuddsregisteret (tildelinger).",
                "The grant register.")));
        return Table.of(ID, title(),
                List.of(column("group", "Tilskuddsordning", "Grant scheme", ValueKind.TEXT),
                        column("units", "Kommuner/bydeler", "Municipalities/districts", ValueKind.COUNT)),
                rows)
                .withN(Table.Count.of(g.units().size(), new LocalizedText("kommuner og bydeler med tildeling",
                        "municipalities and districts with a grant")))
                .withNotes(notes)
                .withChart(ChartType.BAR);
    }
}
