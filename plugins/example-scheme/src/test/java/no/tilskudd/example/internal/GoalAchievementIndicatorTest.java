package no.tilskudd.example.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.ReportBlock.ChartType;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.Table.Column;
import no.tilskudd.api.report.Table.Row;
import no.tilskudd.api.report.Table.RowKind;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.api.submission.Submission;
import org.junit.jupiter.api.Test;

class GoalAchievementIndicatorTest {

    private static final String ALL = "Nådde alle sine målsettinger";
    private static final String NOT_ALL = "Nådde ikke alle målsettinger";

    private final GoalAchievementIndicator indicator = new GoalAchievementIndicator();

    private static Submission answer(int year, String orgUnit, String goalsReached) {
        return new Submission("example", year, orgUnit, Optional.of("2016"),
                goalsReached == null ? Map.of() : Map.of("goalsReached", goalsReached));
    }

    /** {@code all} reports that reached all goals and {@code notAll} that did not, in one year. */
    private static List<Submission> year(int year, int all, int notAll) {
        List<Submission> out = new ArrayList<>();
        for (int i = 0; i < all; i++) {
            out.add(answer(year, String.format("%04d", 1000 + i), "all"));
        }
        for (int i = 0; i < notAll; i++) {
            out.add(answer(year, String.format("%04d", 2000 + i), "notAll"));
        }
        return out;
    }

    private Table compute(List<Submission> submissions) {
        return indicator.compute(new IndicatorInput(Selection.of("example", 2016, 2017), submissions,
                (code, y) -> Optional.empty()));
    }

    /** The cells as a bokmål report shows them. */
    private static List<List<Object>> cells(Table t) {
        return t.rows().stream().map(r -> r.cellsIn(Locale.forLanguageTag("nb"))).toList();
    }

    @Test
    void describesItself() {
        assertEquals("goal-achievement", indicator.id());
        assertEquals(Set.of("example"), indicator.schemes());
        assertEquals("Goal achievement in the use of the grant. Percent", indicator.title().en());
    }

    @Test
    void twoOfThreeReachingAllGoalsIs67And33() {
        Table t = compute(year(2016, 2, 1));
        assertEquals(List.of("answer", "2016"), t.columns().stream().map(Column::id).toList());
        assertEquals(List.of(ValueKind.TEXT, ValueKind.PERCENT),
                t.columns().stream().map(Column::kind).toList());
        assertEquals(List.of(List.of(ALL, 67L), List.of(NOT_ALL, 33L), List.of("N", 3L)), cells(t));
        assertEquals(3, t.n().orElseThrow().value());
        assertEquals(List.of(RowKind.DATA, RowKind.DATA, RowKind.COUNT), t.rows().stream().map(Row::kind).toList());
        assertEquals("Reached all their goals", t.rows().get(0).cellsIn(Locale.ENGLISH).get(0));
        assertEquals("goal-achievement", t.id());
        assertEquals(Optional.of(ChartType.BAR), t.chart());
        assertEquals(1, t.notes().size());
    }

    @Test
    void oneOfEightIsATieRoundedHalfUp() {
        // 1/8 = 12.5 % -> 13; 7/8 = 87.5 % -> 88.
        Table t = compute(year(2016, 1, 7));
        assertEquals(List.of(List.of(ALL, 13L), List.of(NOT_ALL, 88L), List.of("N", 8L)), cells(t));
    }

    @Test
    void yearsAreColumnsInOrderWithTheirOwnN() {
        List<Submission> s = new ArrayList<>(year(2017, 3, 1));
        s.addAll(year(2016, 1, 1));
        Table t = compute(s);
        assertEquals(List.of("answer", "2016", "2017"), t.columns().stream().map(Column::id).toList());
        assertEquals(List.of(List.of(ALL, 50L, 75L), List.of(NOT_ALL, 50L, 25L), List.of("N", 2L, 4L)), cells(t));
        assertEquals(6, t.n().orElseThrow().value());
    }

    @Test
    void reportsWithoutAnAnswerAreNotCounted() {
        List<Submission> s = new ArrayList<>(year(2016, 1, 1));
        s.add(answer(2016, "0301", null));
        s.add(answer(2017, "0301", null));
        Table t = compute(s);
        assertEquals(List.of("answer", "2016"), t.columns().stream().map(Column::id).toList());
        assertEquals(List.of("N", 2L), cells(t).get(2));
        assertEquals(2, t.n().orElseThrow().value());
    }

    @Test
    void emptyInputGivesLabelsOnlyAndNZero() {
        Table t = compute(List.of());
        assertEquals(List.of("answer"), t.columns().stream().map(Column::id).toList());
        assertEquals(List.of(List.of(ALL), List.of(NOT_ALL), List.of("N")), cells(t));
        assertEquals(0, t.n().orElseThrow().value());
    }

    @Test
    void everyoneReachingAllGoalsIs100And0() {
        assertEquals(List.of(List.of(ALL, 100L), List.of(NOT_ALL, 0L), List.of("N", 5L)),
                cells(compute(year(2016, 5, 0))));
    }

    @Test
    void percentRoundsHalfUp() {
        assertEquals(13, GoalAchievementIndicator.percent(1, 8));
        assertEquals(33, GoalAchievementIndicator.percent(1, 3));
        assertEquals(67, GoalAchievementIndicator.percent(2, 3));
        assertEquals(1, GoalAchievementIndicator.percent(1, 200));
        assertEquals(0, GoalAchievementIndicator.percent(1, 201));
        assertEquals(100, GoalAchievementIndicator.percent(7, 7));
    }

    @Test
    void percentOfNothingIsZero() {
        assertEquals(0, GoalAchievementIndicator.percent(0, 0));
    }
}
