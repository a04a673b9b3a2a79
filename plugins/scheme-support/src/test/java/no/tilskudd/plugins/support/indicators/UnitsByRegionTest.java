package no.tilskudd.plugins.support.indicators;

import static no.tilskudd.plugins.support.testing.Submissions.input;
import static no.tilskudd.plugins.support.testing.Submissions.of;
import static no.tilskudd.plugins.support.testing.Submissions.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.submission.Submission;
import org.junit.jupiter.api.Test;
import no.tilskudd.plugins.support.oracle.JavaStandardIndicators;

class UnitsByRegionTest {

    private static final String S = "avdir";

    /** A register where code "M" moved from Midt to Nord in 2008 (as after a merger); "X" is outside the five. */
    private static final IndicatorInput.OrgUnitLookup REGISTER = (code, year) -> switch (code) {
        case "N1", "N2" -> Optional.of(unit(code, "Nord"));
        case "O1" -> Optional.of(unit(code, "Øst/Oslo"));
        case "M" -> Optional.of(unit(code, year < 2008 ? "Midt" : "Nord"));
        case "X" -> Optional.of(unit(code, "Svalbard"));
        default -> Optional.empty();
    };

    static List<Object> cells(Object... c) {
        return Arrays.asList(c);
    }

    static List<List<Object>> rows(Table t) {
        return t.rows().stream().map(Table.Row::cells).toList();
    }

    @Test
    void noUnitsStillListsTheFiveRegions() {
        Table t = JavaStandardIndicators.unitsByRegion(S).compute(input(List.of(), REGISTER));
        assertEquals(0, t.n().orElseThrow().value());
        assertEquals(List.of("Nord", "Midt", "Øst/Oslo", "Vest", "Sør", "I alt"),
                t.rows().stream().map(r -> r.cells().get(0)).toList());
        assertEquals(cells("Nord", 0L, null), t.rows().get(0).cells());
        assertEquals(Set.of(5), Set.copyOf(t.rowsOf(Table.RowKind.TOTAL)));
    }

    @Test
    void eachUnitWithAGrantCountsOnceInItsLatestRegion() {
        List<Submission> subs = List.of(
                of(S, 2006, "N1", "grantAmount", 100_000L),
                of(S, 2007, "N1", "grantAmount", 100_000L),
                of(S, 2006, "N2", "grantAmount", 0L),          // no grant: not counted
                of(S, 2006, "M", "grantAmount", 200_000L),
                of(S, 2008, "M", "grantAmount", 200_000L),     // Nord in 2008
                of(S, 2006, "O1", "grantAmount", 300_000L),
                of(S, 2007, "X", "grantAmount", 300_000L),
                of(S, 2007, "9999", "grantAmount", 300_000L)); // not in the register
        Table t = JavaStandardIndicators.unitsByRegion(S).compute(input(subs, REGISTER));
        assertEquals(5, t.n().orElseThrow().value());
        assertEquals(List.of(cells("Nord", 2L, 40L), cells("Midt", 0L, 0L), cells("Øst/Oslo", 1L, 20L),
                cells("Vest", 0L, 0L), cells("Sør", 0L, 0L), cells("Svalbard", 1L, 20L), cells("Ukjent", 1L, 20L),
                cells("I alt", 5L, null)), rows(t));
        assertEquals(Set.of(7), Set.copyOf(t.rowsOf(Table.RowKind.TOTAL)));
    }

    @Test
    void aSingleUnitAndATie() {
        Table one = JavaStandardIndicators.unitsByRegion(S)
                .compute(input(List.of(of(S, 2006, "O1", "grantAmount", 1L)), REGISTER));
        assertEquals(cells("Øst/Oslo", 1L, 100L), one.rows().get(2).cells());
        List<Submission> eight = new ArrayList<>();
        eight.add(of(S, 2006, "O1", "grantAmount", 1L));
        for (int i = 0; i < 7; i++) {
            eight.add(of(S, 2006, "V" + i, "grantAmount", 1L));
        }
        IndicatorInput.OrgUnitLookup vest = (code, year) -> code.startsWith("V") ? Optional.of(unit(code, "Vest"))
                : REGISTER.find(code, year);
        Table t = JavaStandardIndicators.unitsByRegion(S).compute(input(eight, vest));
        assertEquals(cells("Øst/Oslo", 1L, 13L), t.rows().get(2).cells());
        assertEquals(cells("Vest", 7L, 88L), t.rows().get(3).cells());
    }
}
