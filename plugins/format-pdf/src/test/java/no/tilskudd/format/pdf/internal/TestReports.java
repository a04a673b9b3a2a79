package no.tilskudd.format.pdf.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.ReportBlock.Chart;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.ReportBlock.KeyFigure;
import no.tilskudd.api.report.ReportBlock.KeyFigures;
import no.tilskudd.api.report.ReportBlock.Series;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.Table.Column;
import no.tilskudd.api.report.Table.Note;
import no.tilskudd.api.report.Table.Row;
import no.tilskudd.api.report.Table.Suppressed;
import no.tilskudd.api.report.Table.Suppression;
import no.tilskudd.api.report.ValueKind;

/** Reports built in code for the tests: every kind of block, Norwegian letters everywhere, one long table. */
final class TestReports {

    static final String TITLE = "Tilskudd til fritidstiltak i Ærøy, Østre Ål og Åsnes 2016–2017";
    static final int LONG_ROWS = 500;
    static final String LONG_HEADER = "Deltakende barn (personer)";
    /** What the PDF writes under a table with a cell hidden below the threshold of 5. */
    static final String HIDDEN_NOTE = "– Skjult for å verne små grupper: tallet er lavere enn 5.";

    private TestReports() {
    }

    /** The label of row i (0-based) of the long table; unique, so a lost row shows as a missing label. */
    static String rowLabel(int i) {
        return String.format("Rad %03d Ærøskøbing–Øksnes", i + 1);
    }

    static Report full(String language) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("Ordning", "Fritidstiltak for barn i Ærøy og Åsnes (fiktiv)");
        meta.put("Forvaltes av", "Øvre Direktorat for Æ, Ø og Å");
        meta.put("Rapporteringsår", "2016–2017");
        meta.put("Utvalg", "alle kommuner og bydeler");
        meta.put("Antall rapporter (N)", "192");
        meta.put("Laget", "2026-11-25 10:00");

        List<ReportSection> sections = new ArrayList<>();
        sections.add(new ReportSection("Sammendrag for Ærøy og Østfold", List.of(
                new KeyFigures(List.of(
                        new KeyFigure("Rapporter", 192, ValueKind.COUNT),
                        new KeyFigure("Tilskudd i alt", 12_345_678L, ValueKind.AMOUNT),
                        new KeyFigure("Andel som nådde målene", new BigDecimal("45.5"), ValueKind.PERCENT))),
                new ReportBlock.Paragraph("Denne rapporten viser æøå og ÆØÅ, og tall som 1 234 kroner. "
                        + "Kommunene i Sør-Trøndelag og Nordre Ålesund har svart på skjemaet."))));

        List<Column> goalColumns = List.of(Column.of("answer", "Måloppnåelse", ValueKind.TEXT),
                Column.of("2016", "2016", ValueKind.PERCENT), Column.of("2017", "2017", ValueKind.PERCENT));
        List<Row> goalRows = List.of(
                Row.data("Nådde alle sine målsettinger", 61L, 58L),
                Row.data("Nådde ikke alle målsettinger", 39L, new Suppressed(Suppressed.Reason.BELOW_THRESHOLD)),
                Row.count("N", 61L, 67L));
        Table goals = new Table("goal-achievement",
                LocalizedText.of("Måloppnåelse i bruk av tilskuddsmidlene. Prosent"), goalColumns, goalRows, Optional.of(new Table.Count(128, Optional.empty())),
                List.of(Note.remark(LocalizedText.of("Prosent av rapportene som svarte. Avrundet til hele prosent."))),
                Optional.empty(), Optional.of(new Suppression(5)));
        sections.add(new ReportSection("Måloppnåelse", List.of(goals, new Chart("goal-chart",
                "Måloppnåelse per år", ChartType.BAR, List.of("Nådde alle sine målsettinger",
                        "Nådde ikke alle målsettinger"),
                List.of(new Series("2016", List.of(61, 39)), new Series("2017", Arrays.asList(58, null))),
                ValueKind.PERCENT))));

        List<Column> longColumns = List.of(Column.of("unit", "Kommune", ValueKind.TEXT),
                Column.of("children", LONG_HEADER, ValueKind.PERSONS), Column.of("grant", "Tilskudd", ValueKind.AMOUNT),
                Column.of("girls", "Andel jenter", ValueKind.PERCENT),
                Column.of("hours", "Timer per uke", ValueKind.DECIMAL));
        List<Row> longRows = new ArrayList<>();
        long sumPersons = 0;
        long sumAmount = 0;
        for (int i = 0; i < LONG_ROWS; i++) {
            long persons = 5 + (i * 37L) % 400;
            long amount = 10_000L + i * 1_234L;
            sumPersons += persons;
            sumAmount += amount;
            longRows.add(Row.data(rowLabel(i), persons, amount, 30 + (i % 40) + 0.5, (i % 9) + 0.25));
        }
        longRows.add(Row.total("Sum", sumPersons, sumAmount, null, null));
        Table large = Table.of("municipalities",
                LocalizedText.of("Deltakere og tilskudd per kommune i Ærøy-regionen"), longColumns, longRows).withN(LONG_ROWS)
                .withNotes(List.of(Note.remark(LocalizedText.of("Fiktive tall laget for testen."))));
        sections.add(new ReportSection("Kommuner og tilskudd", List.of(
                new ReportBlock.Paragraph("Tabellen under går over flere sider."), large)));

        List<String> years = List.of("2016", "2017", "2018", "2019");
        sections.add(new ReportSection("Figurer med æøå", List.of(
                new Chart("stacked", "Tiltak etter kategori, stablet", ChartType.STACKED_BAR, years, List.of(
                        new Series("Individ", List.of(10, 12, 14, 15)),
                        new Series("Familie", List.of(5, 6, 7, 9)),
                        new Series("Gruppe/nærmiljø", List.of(3, 4, 4, 6))), ValueKind.COUNT),
                new Chart("line", "Tilskudd over tid", ChartType.LINE, years, List.of(
                        new Series("Søkt beløp", List.of(1_200_000, 1_350_000, 1_500_000, 1_650_000)),
                        new Series("Tildelt beløp", Arrays.asList(900_000, null, 1_100_000, 1_250_000))),
                        ValueKind.AMOUNT),
                new Chart("pie", "Fordeling på landsdeler", ChartType.PIE,
                        List.of("Østlandet", "Sørlandet", "Vestlandet", "Trøndelag", "Nord-Norge"), List.of(
                                new Series("Andel", List.of(45, 8, 22, 10, 15))), ValueKind.PERCENT))));

        Table data = Table.of("submissions", LocalizedText.of("Rapporter"),
                List.of(Column.of("unit", "Kommune", ValueKind.TEXT)), List.of(Row.data("Ærøy")));
        return new Report(TITLE, language, meta, sections, List.of(data));
    }

    /** The bookmarks the full report should get: sections, each with its tables. */
    static List<String> expectedOutline(Report report, String tableWord) {
        List<String> out = new ArrayList<>();
        int s = 0;
        for (ReportSection section : report.sections()) {
            s++;
            out.add(s + " " + section.title());
            int t = 0;
            for (ReportBlock b : section.blocks()) {
                if (b instanceof Table table) {
                    out.add("  " + tableWord + " " + s + "." + (++t) + " " + table.title().in(report.locale()));
                }
            }
        }
        return out;
    }
}
