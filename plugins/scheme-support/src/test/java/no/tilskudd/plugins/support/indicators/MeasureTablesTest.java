package no.tilskudd.plugins.support.indicators;

import static no.tilskudd.plugins.support.testing.Submissions.input;
import static no.tilskudd.plugins.support.testing.Submissions.map;
import static no.tilskudd.plugins.support.testing.Submissions.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.api.submission.Submission;
import org.junit.jupiter.api.Test;
import no.tilskudd.plugins.support.oracle.BudgetBands;
import no.tilskudd.plugins.support.oracle.JavaStandardIndicators;

/** Measures by category, budget bands and participants per measure. */
class MeasureTablesTest {

    private static final String S = "bufdir";

    static List<Object> cells(Object... c) {
        return Arrays.asList(c);
    }

    static List<List<Object>> rows(Table t) {
        return t.rows().stream().map(Table.Row::cells).toList();
    }

    static Map<String, Object> measure(String category, Object budget, Boolean open, Long children, Long families) {
        Map<String, Object> m = map("name", "Tiltak", "category", category);
        if (budget != null) {
            m.put("budget", budget);
        }
        if (open != null) {
            m.put("openToAll", open);
        }
        if (children != null) {
            m.put("participantsChildren", children);
        }
        if (families != null) {
            m.put("participantsFamilies", families);
        }
        return m;
    }

    static Submission report(String unit, List<Map<String, Object>> measures) {
        return of(S, 2007, unit, "grantAmount", 500_000L, "measures", measures);
    }

    // ------------------------------------------------------------ measures by category

    @Test
    void measuresByCategoryCountsEveryMeasureAndAddsTheirFunds() {
        List<Submission> subs = List.of(
                report("A", List.of(measure("alle", 100_000L, true, 40L, 10L),
                        measure("individ", new BigDecimal("2500.50"),
                        false, 3L, 2L))),
                report("B", List.of(measure("alle", 50_000L, true, 20L, null),
                        measure("familie", null, true, 12L, 6L))),
                of(S, 2007, "C", "grantAmount", 100_000L)); // no measures
        Table t = JavaStandardIndicators.measuresByCategory(S).compute(input(subs));
        assertEquals(4, t.n().orElseThrow().value());
        assertEquals(cells("Åpent for alle", 2L, 50L, BigDecimal.valueOf(150_000)), t.rows().get(0).cells());
        assertEquals(cells("Kompetanseheving", 0L, 0L, BigDecimal.ZERO), t.rows().get(1).cells());
        assertEquals(cells("Individuell støtte", 1L, 25L, new BigDecimal("2500.50")), t.rows().get(2).cells());
        assertEquals(cells("Familieaktivitet", 1L, 25L, BigDecimal.ZERO), t.rows().get(3).cells());
        assertEquals(cells("I alt", 4L, null, new BigDecimal("152500.50")), t.rows().get(4).cells());
        assertEquals(Set.of(4), Set.copyOf(t.rowsOf(Table.RowKind.TOTAL)));
    }

    @Test
    void measuresByCategoryOfNothingAndOfOneMeasureAndATie() {
        Table empty = JavaStandardIndicators.measuresByCategory(S).compute(input(List.of()));
        assertEquals(0, empty.n().orElseThrow().value());
        assertEquals(cells("Åpent for alle", 0L, null, BigDecimal.ZERO), empty.rows().get(0).cells());
        Table one = JavaStandardIndicators.measuresByCategory(S)
                .compute(input(List.of(report("A", List.of(measure("kompetanse", 10L, false, 1L, 0L))))));
        assertEquals(cells("Kompetanseheving", 1L, 100L, BigDecimal.TEN), one.rows().get(1).cells());
        List<Map<String, Object>> eight = new ArrayList<>();
        eight.add(measure("familie", null, null, null, null));
        for (int i = 1; i < 8; i++) {
            eight.add(measure("individ", null, null, null, null));
        }
        Table t = JavaStandardIndicators.measuresByCategory(S)
                .compute(input(List.of(report("A", eight))));
        assertEquals(13L, t.rows().get(3).cells().get(2), "1 of 8 = 12.5 % -> 13");
        assertEquals(88L, t.rows().get(2).cells().get(2), "7 of 8 = 87.5 % -> 88");
    }

    // ------------------------------------------------------------ budget bands

    @Test
    void bandLimitsBelongToTheBandAbove() {
        BudgetBands b = BudgetBands.STANDARD;
        assertEquals(0, b.band(new BigDecimal("49999.99")));
        assertEquals(1, b.band(BigDecimal.valueOf(50_000)));
        assertEquals(1, b.band(BigDecimal.valueOf(99_999)));
        assertEquals(2, b.band(BigDecimal.valueOf(100_000)));
        assertEquals(4, b.band(BigDecimal.valueOf(500_000)));
        assertEquals(0, b.band(BigDecimal.ZERO));
        assertEquals(List.of("Under 50 000 kr", "50 000–99 999 kr", "100 000–249 999 kr", "250 000–499 999 kr",
                "500 000 kr og mer"), b.labels().stream().map(l -> l.nb()).toList());
        assertEquals("NOK 500,000 and more", b.labels().get(4).en());
        assertThrows(IllegalArgumentException.class,
                () -> new BudgetBands(List.of(BigDecimal.TEN, BigDecimal.ONE)));
    }

    @Test
    void budgetSizeCountsMeasuresWithABudget() {
        List<Submission> subs = List.of(
                report("A", List.of(measure("alle", 30_000L, true, 1L, 0L), measure("alle", 50_000L, true, 1L, 0L),
                        measure("alle", 120_000L, true, 1L, 0L))),
                report("B", List.of(measure("alle", 600_000L, true, 1L, 0L), measure("alle", null, true, 1L, 0L))));
        Table t = JavaStandardIndicators.measureBudgetSize(S).compute(input(subs));
        assertEquals(4, t.n().orElseThrow().value(), "the measure without a budget is left out");
        assertEquals(cells("Under 50 000 kr", 1L, 25L), t.rows().get(0).cells());
        assertEquals(cells("50 000–99 999 kr", 1L, 25L), t.rows().get(1).cells());
        assertEquals(cells("100 000–249 999 kr", 1L, 25L), t.rows().get(2).cells());
        assertEquals(cells("250 000–499 999 kr", 0L, 0L), t.rows().get(3).cells());
        assertEquals(cells("500 000 kr og mer", 1L, 25L), t.rows().get(4).cells());
        assertEquals(cells("I alt", 4L, null), t.rows().get(5).cells());
        assertEquals(Set.of(5), Set.copyOf(t.rowsOf(Table.RowKind.TOTAL)));
        assertEquals(0, JavaStandardIndicators.measureBudgetSize(S).compute(input(List.of())).n().orElseThrow().value());
    }

    // ------------------------------------------------------------ participants

    @Test
    void participantsAreMeansPerMeasureByOpenness() {
        List<Submission> subs = List.of(
                report("A", List.of(measure("alle", null, true, 40L, 10L), measure("individ", null, false, 3L, 2L),
                        measure("individ", null, false, 4L, null))),
                report("B", List.of(measure("alle", null, true, 25L, 5L),
                        measure("individ", null, null, 99L, 9L),  // openness not given: left out
                        measure("individ", null, false, null, 9L)))); // children not given: left out
        Table t = JavaStandardIndicators.participants(S).compute(input(subs));
        assertEquals(4, t.n().orElseThrow().value());
        assertEquals(List.of(ValueKind.TEXT, ValueKind.COUNT, ValueKind.PERSONS, ValueKind.PERSONS,
                ValueKind.DECIMAL), t.columns().stream().map(Table.Column::kind).toList());
        assertEquals(cells("Åpne for alle", 2L, 65L, 15L, new BigDecimal("32.5")), t.rows().get(0).cells());
        assertEquals(cells("Rettet mot enkeltbarn/-familier", 2L, 7L, 2L, new BigDecimal("3.5")),
                t.rows().get(1).cells());
        assertEquals(cells("Alle tiltak", 4L, 72L, 17L, null), t.rows().get(2).cells());
        assertEquals(Set.of(2), Set.copyOf(t.rowsOf(Table.RowKind.TOTAL)));
        assertEquals("Gjennomsnitt for alle tiltak: 18,0 barn og unge per tiltak. Gjennomsnitt er avrundet til én "
                + "desimal.", t.notes().get(0).text().nb());
        // what N counts is part of the N, not a note of its own
        assertEquals("measures that gave their aim and the number of children",
                t.n().orElseThrow().counted().orElseThrow().en());
    }

    @Test
    void participantsOfNothingAndOfOneMeasureAndATie() {
        Table empty = JavaStandardIndicators.participants(S).compute(input(List.of()));
        assertEquals(0, empty.n().orElseThrow().value());
        assertEquals(cells("Åpne for alle", 0L, 0L, 0L, null), empty.rows().get(0).cells());
        Table one = JavaStandardIndicators.participants(S)
                .compute(input(List.of(report("A", List.of(measure("alle", null, true, 7L, null))))));
        assertEquals(cells("Åpne for alle", 1L, 7L, 0L, new BigDecimal("7.0")), one.rows().get(0).cells());
        // 1 child over 4 measures = 0.25 -> 0.3 (half up at one decimal)
        Table tie = JavaStandardIndicators.participants(S).compute(input(List.of(report("A", List.of(
                measure("individ", null, false, 1L, 0L), measure("individ", null, false, 0L, 0L),
                measure("individ", null, false, 0L, 0L), measure("individ", null, false, 0L, 0L))))));
        assertEquals(new BigDecimal("0.3"), tie.rows().get(1).cells().get(4));
    }
}
