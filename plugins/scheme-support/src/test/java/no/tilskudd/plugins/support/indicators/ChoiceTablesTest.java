package no.tilskudd.plugins.support.indicators;

import static no.tilskudd.plugins.support.testing.Submissions.input;
import static no.tilskudd.plugins.support.testing.Submissions.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.api.submission.Submission;
import org.junit.jupiter.api.Test;
import no.tilskudd.plugins.support.oracle.JavaStandardIndicators;

/** Goal achievement per year (choice by year), national goals and continuation (choice by unit), partners (shares). */
class ChoiceTablesTest {

    private static final String S = "avdir";

    static List<Object> cells(Object... c) {
        return Arrays.asList(c);
    }

    static List<List<Object>> rows(Table t) {
        return t.rows().stream().map(Table.Row::cells).toList();
    }

    // ------------------------------------------------------------ goal achievement: one column pair per year

    @Test
    void goalAchievementOfNothingIsAnEmptyTableWithNZero() {
        Table t = JavaStandardIndicators.goalAchievement(S).compute(input(List.of()));
        assertEquals("goal-achievement", t.id());
        assertEquals(0, t.n().orElseThrow().value());
        assertEquals(List.of("answer"), t.columns().stream().map(Table.Column::id).toList());
        assertEquals(List.of(cells("Nådde alle sine målsettinger"), cells("Nådde ikke alle målsettinger"),
                cells("N")), rows(t));
        assertEquals(Set.of(2), Set.copyOf(t.rowsOf(Table.RowKind.TOTAL)));
    }

    @Test
    void goalAchievementOfASingleReport() {
        Table t = JavaStandardIndicators.goalAchievement(S)
                .compute(input(List.of(of(S, 2007, "1804", "goalsReached", "all"))));
        assertEquals(1, t.n().orElseThrow().value());
        assertEquals(List.of("answer", "2007", "2007-count"), t.columns().stream().map(Table.Column::id).toList());
        assertEquals(List.of(ValueKind.TEXT, ValueKind.PERCENT, ValueKind.COUNT),
                t.columns().stream().map(Table.Column::kind).toList());
        assertEquals(cells("Nådde alle sine målsettinger", 100L, 1L), t.rows().get(0).cells());
        assertEquals(cells("Nådde ikke alle målsettinger", 0L, 0L), t.rows().get(1).cells());
        assertEquals(cells("N", null, 1L), t.rows().get(2).cells());
    }

    @Test
    void goalAchievementRoundsTiesUpPerYearAndSkipsReportsWithoutAnAnswer() {
        List<Submission> subs = new ArrayList<>();
        // 2006: 1 of 8 reached all goals = 12.5 % -> 13, 7 of 8 = 87.5 % -> 88 (the two need not add up to 100)
        subs.add(of(S, 2006, "u0", "goalsReached", "all"));
        for (int i = 1; i < 8; i++) {
            subs.add(of(S, 2006, "u" + i, "goalsReached", "notAll"));
        }
        // 2008 (listed before 2007 on purpose: columns follow the years): 2 of 3 -> 67 / 33
        subs.add(of(S, 2008, "u1", "goalsReached", "all"));
        subs.add(of(S, 2008, "u2", "goalsReached", "all"));
        subs.add(of(S, 2008, "u3", "goalsReached", "notAll"));
        subs.add(of(S, 2007, "u1", "goalsReached", "notAll"));
        // no answer, and an unknown code: neither counts
        subs.add(of(S, 2007, "u2"));
        subs.add(of(S, 2007, "u3", "goalsReached", "maybe"));
        Table t = JavaStandardIndicators.goalAchievement(S).compute(input(subs));
        assertEquals(12, t.n().orElseThrow().value());
        assertEquals(List.of("answer", "2006", "2006-count", "2007", "2007-count", "2008", "2008-count"),
                t.columns().stream().map(Table.Column::id).toList());
        assertEquals(cells("Nådde alle sine målsettinger", 13L, 1L, 0L, 0L, 67L, 2L), t.rows().get(0).cells());
        assertEquals(cells("Nådde ikke alle målsettinger", 88L, 7L, 100L, 1L, 33L, 1L), t.rows().get(1).cells());
        assertEquals(cells("N", null, 8L, null, 1L, null, 3L), t.rows().get(2).cells());
    }

    // ------------------------------------------------------------ national goals, continuation: once per unit

    @Test
    void continuationOfNothing() {
        Table t = JavaStandardIndicators.continuation(S).compute(input(List.of()));
        assertEquals(0, t.n().orElseThrow().value());
        assertEquals(cells("Tiltakene skal videreføres", null, 0L), t.rows().get(0).cells());
        assertEquals(cells("N", null, 0L), t.rows().get(3).cells());
        assertEquals(Set.of(3), Set.copyOf(t.rowsOf(Table.RowKind.TOTAL)));
    }

    @Test
    void eachUnitCountsOnceWithItsLatestAnswer() {
        List<Submission> subs = List.of(
                of(S, 2006, "A", "continuation", "yes"),
                of(S, 2008, "A", "continuation", "no"),      // A's latest answer
                of(S, 2007, "B", "continuation", "unsure"),  // B's latest answer ...
                of(S, 2008, "B"),                            // ... because 2008 gave none
                of(S, 2006, "C", "continuation", "yes"));
        Table t = JavaStandardIndicators.continuation(S).compute(input(subs));
        assertEquals(3, t.n().orElseThrow().value());
        assertEquals(cells("Tiltakene skal videreføres", 33L, 1L), t.rows().get(0).cells());
        assertEquals(cells("Tiltakene skal ikke videreføres", 33L, 1L), t.rows().get(1).cells());
        assertEquals(cells("Usikker på videreføring", 33L, 1L), t.rows().get(2).cells());
        assertEquals(cells("N", null, 3L), t.rows().get(3).cells());
    }

    @Test
    void nationalGoalsOfASingleUnitAndATie() {
        Table one = JavaStandardIndicators.nationalGoals(S)
                .compute(input(List.of(of(S, 2008, "A", "nationalGoals", "small"))));
        assertEquals(1, one.n().orElseThrow().value());
        assertEquals(cells("I liten grad", 100L, 1L), one.rows().get(1).cells());
        List<Submission> eight = new ArrayList<>();
        eight.add(of(S, 2008, "u0", "nationalGoals", "unsure"));
        for (int i = 1; i < 8; i++) {
            eight.add(of(S, 2008, "u" + i, "nationalGoals", "large"));
        }
        Table t = JavaStandardIndicators.nationalGoals(S).compute(input(eight));
        assertEquals(cells("I stor/noen grad", 88L, 7L), t.rows().get(0).cells());
        assertEquals(cells("I liten grad", 0L, 0L), t.rows().get(1).cells());
        assertEquals(cells("Ikke sikker", 13L, 1L), t.rows().get(2).cells());
    }

    // ------------------------------------------------------------ partners: share of units naming each option

    @Test
    void partnersAreSharesOfTheUnitsThatAnswered() {
        List<Submission> subs = List.of(
                of(S, 2006, "A", "partners", List.of("school")),
                of(S, 2007, "A", "partners", List.of("school", "culture")), // A names school once, culture too
                of(S, 2006, "B", "partners", List.of("childWelfare")),
                of(S, 2006, "C", "partners", List.of()),                    // did not answer: not in N
                of(S, 2006, "D"));
        Table t = JavaStandardIndicators.partners(S).compute(input(subs));
        assertEquals(2, t.n().orElseThrow().value());
        assertEquals(Set.of(), Set.copyOf(t.rowsOf(Table.RowKind.TOTAL)), "shares of a multi-choice do not add up");
        assertEquals(cells("Barneverntjenesten", 50L, 1L), t.rows().get(0).cells());
        assertEquals(cells("Skole", 50L, 1L), t.rows().get(2).cells());
        assertEquals(cells("Kultur", 50L, 1L), t.rows().get(5).cells());
        assertEquals(cells("Privat næringsliv", 0L, 0L), t.rows().get(7).cells());
        assertEquals(8, t.rows().size());
    }

    @Test
    void partnersOfNothingAndATie() {
        assertEquals(0, JavaStandardIndicators.partners(S).compute(input(List.of())).n().orElseThrow().value());
        List<Submission> eight = new ArrayList<>();
        eight.add(of(S, 2006, "u0", "partners", List.of("business", "school")));
        for (int i = 1; i < 8; i++) {
            eight.add(of(S, 2006, "u" + i, "partners", List.of("school")));
        }
        Table t = JavaStandardIndicators.partners(S).compute(input(eight));
        assertEquals(cells("Privat næringsliv", 13L, 1L), t.rows().get(7).cells());
        assertEquals(cells("Skole", 100L, 8L), t.rows().get(2).cells());
    }
}
