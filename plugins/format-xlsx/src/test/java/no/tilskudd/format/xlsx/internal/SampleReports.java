package no.tilskudd.format.xlsx.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.Table.Column;
import no.tilskudd.api.report.Table.Row;
import no.tilskudd.api.report.Table.Suppressed;
import no.tilskudd.api.report.Table.Suppression;
import no.tilskudd.api.report.ValueKind;

/** Reports shaped like the ones the engine assembles, with every kind of block the exporter handles. */
final class SampleReports {

    static final String INJECTION = "=HYPERLINK(\"http://example.invalid\",\"klikk\")";

    private SampleReports() {
    }

    /** Amounts per region with subtotals and a grand total; a column of person counts, one of them hidden. */
    static Table fundingTable() {
        List<Column> cols = List.of(Column.of("region", "Region", ValueKind.TEXT),
                Column.of("grant", "Tilskudd", ValueKind.AMOUNT), Column.of("children", "Barn", ValueKind.PERSONS),
                Column.of("share", "Andel", ValueKind.PERCENT), Column.of("year", "År", ValueKind.YEAR));
        List<Row> rows = new ArrayList<>();
        rows.add(Row.data("Nord", 1_250_000L, 120L, 40L, 2016L));
        rows.add(Row.data("Øst/Oslo", new BigDecimal("2500000"), 300L, 60L, 2016L));
        rows.add(Row.total("Sum 2016", 3_750_000L, 420L, 100L, 2016L));
        rows.add(Row.data("Nord", 1_000_000L, new Suppressed(Suppressed.Reason.BELOW_THRESHOLD), 35L, 2017L));
        rows.add(Row.data("Øst/Oslo", 2_000_000L, new Suppressed(Suppressed.Reason.REVEALS_HIDDEN), 65L, 2017L));
        rows.add(Row.total("Sum 2017", 3_000_000L, 510L, 100L, 2017L));
        return new Table("funding", LocalizedText.of("Tilskudd og deltakere per region"), cols, rows,
                Optional.of(new Table.Count(12, Optional.empty())), List.of(), Optional.empty(),
                Optional.of(new Suppression(5)));
    }

    /** Like the goal-achievement indicator: percent per year, with a bar chart of exactly these cells. */
    static Table goalTable() {
        List<Column> cols = List.of(Column.of("answer", "Måloppnåelse", ValueKind.TEXT),
                Column.of("2016", "2016", ValueKind.PERCENT), Column.of("2017", "2017", ValueKind.PERCENT));
        List<Row> rows = List.of(Row.data("Nådde alle sine målsettinger", 25L, 40L),
                Row.data("Nådde ikke alle målsettinger", 75L, 60L), Row.count("N", 12L, 16L));
        return Table.of("goal-achievement", LocalizedText.of("Måloppnåelse i bruk av tilskuddsmidlene. Prosent"),
                cols, rows).withN(28);
    }

    static ReportBlock.Chart goalChart(ChartType type) {
        return new ReportBlock.Chart("goal-achievement-chart", "Måloppnåelse", type,
                List.of("Nådde alle sine målsettinger", "Nådde ikke alle målsettinger"),
                List.of(new ReportBlock.Series("2016", List.of(25L, 75L)),
                        new ReportBlock.Series("2017", List.of(40L, 60L))),
                ValueKind.PERCENT);
    }

    /** A chart with a gap (a hidden count), which must not be drawn from the "–" cells. */
    static ReportBlock.Chart childrenChart() {
        List<Number> values = new ArrayList<>();
        values.add(120L);
        values.add(300L);
        values.add(null);
        return new ReportBlock.Chart("children-chart", "Barn per region", ChartType.LINE,
                List.of("Nord 2016", "Øst/Oslo 2016", "Nord 2017"),
                List.of(new ReportBlock.Series("Barn", values)), ValueKind.PERSONS);
    }

    static Report report(List<Table> data) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("Ordning", "Eksempelordningen: tilskudd til fritidstiltak for barn");
        meta.put("Rapporteringsår", "2016–2017");
        meta.put("Utvalg", INJECTION);
        meta.put("Personvern", "Antall personer under 5 er skjult (–).");
        List<ReportSection> sections = new ArrayList<>();
        sections.add(new ReportSection("Sammendrag", List.of(
                new ReportBlock.KeyFigures(List.of(new ReportBlock.KeyFigure("Rapporter", 28L, ValueKind.COUNT),
                        new ReportBlock.KeyFigure("Tilskudd i alt", 6_750_000L, ValueKind.AMOUNT))),
                new ReportBlock.Paragraph("+47 er ikke en formel"))));
        sections.add(new ReportSection("Måloppnåelse", List.of(goalTable(), goalChart(ChartType.BAR),
                goalChart(ChartType.STACKED_BAR))));
        sections.add(new ReportSection("Tilskudd", List.of(fundingTable(), childrenChart())));
        sections.add(new ReportSection("Fordeling", List.of(goalChart(ChartType.PIE))));
        return new Report("Eksempelordningen 2016–2017", "nb-NO", meta, sections, data);
    }

    static Table dataTable(int rows) {
        List<Column> cols = List.of(Column.of("year", "År", ValueKind.YEAR),
                Column.of("orgUnit", "Kommunenr.", ValueKind.TEXT), Column.of("name", "Navn", ValueKind.TEXT),
                Column.of("grantAmount", "grantAmount", ValueKind.AMOUNT),
                Column.of("children", "children", ValueKind.COUNT), Column.of("comment", "comment", ValueKind.TEXT));
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            out.add(Row.data((long) (2016 + i % 2), String.format("%04d", 301 + i), "Kommune " + i,
                    new BigDecimal(100_000 + i), (long) i, i == 1 ? "@SUM(A1:A2)" : i == 2 ? "-1+1" : null));
        }
        return Table.of("data-submissions", LocalizedText.of("Rapporter"), cols, out).withN(rows);
    }

    static List<Object> row(Object... cells) {
        List<Object> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c);
        }
        return r;
    }
}
