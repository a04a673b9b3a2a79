package no.tilskudd.crossscheme.internal;

import static no.tilskudd.engine.internal.standard.indicators.Tables.column;
import static no.tilskudd.engine.internal.standard.indicators.Tables.row;
import static no.tilskudd.engine.internal.standard.indicators.Tables.total;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.util.ArrayList;
import java.util.HashSet;
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
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.internal.standard.Percentages;
import no.tilskudd.engine.internal.standard.indicators.Tables;
import org.osgi.service.component.annotations.Component;

/**
 * Which municipalities and districts are funded by AVdir only, by Bufdir only, by both, and by several schemes
 * (urban youth included), as in the evaluation's "Hvem får støtte?": for 2006–2008 it counted 19 units in both, 29
 * with Bufdir (BLD) and 57 with AVdir, 86 scheme-units and 67 distinct units.
 *
 * <p>A cross-scheme indicator: it runs for a selection of several schemes (one scheme's report does not show it) and
 * is given the reports of all schemes in the selected years, so it shows the same table whichever are selected. A unit counts as funded by a scheme when it has a
 * report to that scheme in the period. The two total rows sum the rows above them; the percentages are of all units
 * with any grant (N).
 */
@Component(service = Indicator.class)
@ServiceProvider(value = Indicator.class, resolution = Resolution.OPTIONAL)
public final class SchemeOverlapIndicator implements Indicator {

    /** The indicator id. */
    public static final String ID = "scheme-overlap";

    static final String AVDIR = "avdir";
    static final String BUFDIR = "bufdir";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText title() {
        return new LocalizedText("Kommuner og bydeler etter tilskuddsordning",
                "Municipalities and districts by grant scheme");
    }

    @Override
    public Set<String> schemes() {
        return Set.of();
    }

    @Override
    public Table compute(IndicatorInput input) {
        Map<String, Set<String>> schemesByUnit = new TreeMap<>();
        for (Submission s : input.submissions()) {
            schemesByUnit.computeIfAbsent(s.orgUnit(), u -> new HashSet<>()).add(s.schemeId());
        }
        long avdirOnly = 0;
        long bufdirOnly = 0;
        long both = 0;
        long several = 0;
        long othersOnly = 0;
        for (Set<String> schemes : schemesByUnit.values()) {
            boolean a = schemes.contains(AVDIR);
            boolean b = schemes.contains(BUFDIR);
            if (a && b) {
                both++;
            } else if (a) {
                avdirOnly++;
            } else if (b) {
                bufdirOnly++;
            } else {
                othersOnly++;
            }
            if (schemes.size() > 1) {
                several++;
            }
        }
        long n = schemesByUnit.size();
        long avdirOrBufdir = avdirOnly + bufdirOnly + both;
        List<Table.Row> rows = new ArrayList<>();
        rows.add(share(t("Bare AVdir", "AVdir only"), avdirOnly, n));
        rows.add(share(t("Bare Bufdir (BLD)", "Bufdir (BLD) only"), bufdirOnly, n));
        rows.add(share(t("Både AVdir og Bufdir", "Both AVdir and Bufdir"), both, n));
        rows.add(total(t("Kommuner/bydeler med AVdir- eller Bufdir-midler",
                "Municipalities/districts with AVdir or Bufdir funds"), avdirOrBufdir, null));
        rows.add(share(t("AVdir i alt", "AVdir in all"), avdirOnly + both, n));
        rows.add(share(t("Bufdir (BLD) i alt", "Bufdir (BLD) in all"), bufdirOnly + both, n));
        rows.add(total(t("Ordningsenheter AVdir og Bufdir (enheter med begge teller to ganger)",
                "Scheme-units AVdir and Bufdir (units with both count twice)"),
                avdirOnly + bufdirOnly + 2 * both, null));
        rows.add(share(t("Midler fra flere ordninger (to eller flere, også større bysamfunn)",
                "Funds from several schemes (two or more, urban youth included)"), several, n));
        rows.add(share(t("Bare andre ordninger enn AVdir og Bufdir", "Only schemes other than AVdir and Bufdir"),
                othersOnly, n));
        rows.add(row(t("Kommuner/bydeler med tilskudd i alt", "Municipalities/districts with a grant in all"), n, null));
        return Table.of(ID, title(),
                List.of(column("group", "Tilskuddsordning", "Grant scheme", ValueKind.TEXT),
                        column("units", "Kommuner/bydeler", "Municipalities/districts", ValueKind.COUNT),
                        column("percent", "Prosent av alle med tilskudd", "Percent of all with a grant",
                                ValueKind.PERCENT)),
                rows)
                .withN(n)
                .withNotes(Tables.remarks(
                        new LocalizedText("N er antall ulike kommuner/bydeler med minst én rapport til en ordning "
                        + "i de valgte årene (" + n + "), uansett hvilken ordning som er valgt.",
                        "N is the number of distinct municipalities/districts with at least one report to a scheme "
                                + "in the selected years (" + n + "), whichever scheme is selected."),
                        Tables.ROUNDING_NOTE))
                .withChart(ChartType.BAR);
    }

    private static LocalizedText t(String nb, String en) {
        return new LocalizedText(nb, en);
    }

    private static Table.Row share(LocalizedText label, long count, long n) {
        return row(label, count, Percentages.whole(count, n));
    }
}
