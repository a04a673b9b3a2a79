package no.tilskudd.crossscheme.internal;

import static no.tilskudd.plugins.support.testing.Submissions.input;
import static no.tilskudd.plugins.support.testing.Submissions.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import no.tilskudd.api.report.Table;
import org.junit.jupiter.api.Test;

class SchemeOverlapIndicatorTest {

    private final SchemeOverlapIndicator indicator = new SchemeOverlapIndicator();

    /** The count column, row by row. */
    private static List<Object> counts(Table t) {
        return t.rows().stream().map(r -> r.cells().get(1)).toList();
    }

    private static List<Object> percents(Table t) {
        return t.rows().stream().map(r -> r.cells().get(2)).toList();
    }

    @Test
    void itIsACrossSchemeIndicator() {
        assertEquals("scheme-overlap", indicator.id());
        assertTrue(indicator.schemes().isEmpty(), "an empty set makes the engine pass every scheme's reports");
    }

    @Test
    void noReportsGiveZeroCountsAndNoPercentages() {
        Table t = indicator.compute(input(List.of()));
        assertEquals(0, t.n().orElseThrow().value());
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), counts(t));
        assertTrue(percents(t).stream().allMatch(p -> p == null), percents(t).toString());
        assertEquals(Set.of(3, 6), Set.copyOf(t.rowsOf(Table.RowKind.TOTAL)));
    }

    @Test
    void aSingleUnitFundedByAvdirOnly() {
        Table t = indicator.compute(input(List.of(of("avdir", 2006, "1804"), of("avdir", 2007, "1804"))));
        assertEquals(1, t.n().orElseThrow().value());
        assertEquals(List.of(1L, 0L, 0L, 1L, 1L, 0L, 1L, 0L, 0L, 1L), counts(t));
        assertEquals(Arrays.asList(100L, 0L, 0L, null, 100L, 0L, null, 0L, 0L, null), percents(t));
    }

    @Test
    void unitsAreSortedIntoOneGroupEachAndTiesRoundUp() {
        Table t = indicator.compute(input(List.of(
                of("avdir", 2006, "U1"), of("bufdir", 2006, "U1"),
                of("avdir", 2007, "U2"), of("bufdir", 2006, "U2"), of("urban-youth", 2008, "U2"),
                of("avdir", 2006, "U3"),
                of("avdir", 2008, "U4"), of("urban-youth", 2008, "U4"),
                of("bufdir", 2007, "U5"),
                of("urban-youth", 2008, "U6"),
                of("avdir", 2006, "U7"), of("avdir", 2008, "U7"),
                of("example", 2008, "U8"))));
        assertEquals(8, t.n().orElseThrow().value());
        // AVdir only U3 U4 U7; Bufdir only U5; both U1 U2; several schemes U1 U2 U4; other schemes only U6 U8.
        assertEquals(List.of(3L, 1L, 2L, 6L, 5L, 3L, 8L, 3L, 2L, 8L), counts(t));
        // 3/8 = 37.5 -> 38, 1/8 = 12.5 -> 13, 5/8 = 62.5 -> 63
        assertEquals(Arrays.asList(38L, 13L, 25L, null, 63L, 38L, null, 38L, 25L, null), percents(t));
    }
}
