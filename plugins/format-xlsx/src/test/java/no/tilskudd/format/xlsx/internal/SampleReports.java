package no.tilskudd.format.xlsx.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.ReportBlock.Suppressed;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.TableColumn;
import no.tilskudd.api.report.ValueKind;

/** Reports shaped like the ones the engine assembles, with every kind of block the exporter handles. */
final class SampleReports {

    static final String INJECTION = "=HYPERLINK(\"http://example.invalid\",\"klikk\")";

    private SampleReports() {
    }

    /** Amounts per region with subtotals and a grand total; a column of person counts, one of them hidden. */
    static ReportBlock.Table fundingTable() {
        List<TableColumn> cols = List.of(new TableColumn("Region", ValueKind.TEXT),
                new TableColumn("Tilskudd", ValueKind.AMOUNT), new TableColumn("Barn", ValueKind.PERSONS),
                new TableColumn("Andel", ValueKind.PERCENT), new TableColumn("År", ValueKind.YEAR));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("Nord", 1_250_000L, 120L, 40L, 2016L));
        rows.add(row("Øst/Oslo", new BigDecimal("2500000"), 300L, 60L, 2016L));
        rows.add(row("Sum 2016", 3_750_000L, 420L, 100L, 2016L));
        rows.add(row("Nord", 1_000_000L, new Suppressed("færre enn 5"), 35L, 2017L));
        rows.add(row("Øst/Oslo", 2_000_000L, new Suppressed("ville avsløre et skjult tall"), 65L, 2017L));
        rows.add(row("Sum 2017", 3_000_000L, 510L, 100L, 2017L));
        return new ReportBlock.Table("funding", "Tilskudd og deltakere per region", cols, rows, Optional.of(12L),
                List.of("N = 12", "– Skjult av personvernhensyn: tallet er lavere enn 5."), Set.of(2, 5));
    }

    /** Like the goal-achievement indicator: percent per year, with a bar chart of exactly these cells. */
    static ReportBlock.Table goalTable() {
        List<TableColumn> cols = List.of(new TableColumn("Måloppnåelse", ValueKind.TEXT),
                new TableColumn("2016", ValueKind.PERCENT), new TableColumn("2017", ValueKind.PERCENT));
        List<List<Object>> rows = List.of(row("Nådde alle sine målsettinger", 25L, 40L),
                row("Nådde ikke alle målsettinger", 75L, 60L), row("N", 12L, 16L));
        return new ReportBlock.Table("goal-achievement", "Måloppnåelse i bruk av tilskuddsmidlene. Prosent", cols,
                rows, Optional.of(28L), List.of("N = 28"), java.util.Set.of(), java.util.Map.of(2, ValueKind.COUNT));
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

    static Report report(List<ReportBlock.Table> data) {
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

    static ReportBlock.Table dataTable(int rows) {
        List<TableColumn> cols = List.of(new TableColumn("År", ValueKind.YEAR),
                new TableColumn("Kommunenr.", ValueKind.TEXT), new TableColumn("Navn", ValueKind.TEXT),
                new TableColumn("grantAmount", ValueKind.AMOUNT), new TableColumn("children", ValueKind.COUNT),
                new TableColumn("comment", ValueKind.TEXT));
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            out.add(row((long) (2016 + i % 2), String.format("%04d", 301 + i), "Kommune " + i,
                    new BigDecimal(100_000 + i), (long) i, i == 1 ? "@SUM(A1:A2)" : i == 2 ? "-1+1" : null));
        }
        return new ReportBlock.Table("data-submissions", "Rapporter", cols, out, Optional.of((long) rows),
                List.of());
    }

    static List<Object> row(Object... cells) {
        List<Object> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c);
        }
        return r;
    }
}
