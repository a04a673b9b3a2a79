package no.tilskudd.engine.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.service.ResponseRate;
import no.tilskudd.api.service.ResponseRate.Unit;
import no.tilskudd.engine.internal.orgunits.CsvOrgUnitRegister;
import org.junit.jupiter.api.Test;

/** The response-rate table of a report, from the grant service's counts, for the selection's years and units. */
class ResponseRateTableTest {

    private static final Unit OSLO = new Unit("0301", "Oslo");
    private static final Unit STAVANGER = new Unit("1103", "Stavanger");
    private static final Unit BODO = new Unit("1804", "Bodø");
    private static final Unit TROMSO = new Unit("1902", "Tromsø");

    private static ResponseRate rate(int year, List<Unit> reported, List<Unit> missing, List<Unit> without) {
        int expected = reported.size() + missing.size();
        return new ResponseRate("test", Optional.empty(), true, year, expected, reported.size(),
                expected == 0 ? Optional.empty() : Optional.of(Math.round(100f * reported.size() / expected)),
                reported, missing, without);
    }

    private static ResponseRate byYear(int year) {
        return switch (year) {
            case 2016 -> rate(2016, List.of(OSLO, BODO, TROMSO), List.of(STAVANGER), List.of());
            case 2017 -> rate(2017, List.of(OSLO), List.of(BODO), List.of(STAVANGER));
            default -> rate(year, List.of(), List.of(), List.of(TROMSO));
        };
    }

    private static List<List<Object>> rows(Table t) {
        return t.rows().stream().map(r -> r.cellsIn(Locale.ROOT)).toList();
    }

    @Test
    void oneRowPerYearWithGrantsAndTheMissingAndTheUngrantedNamedInTheNotes() {
        Table t = ResponseRateTable.build(new Selection("test", 2015, 2017, Set.of(), Set.of()),
                ResponseRateTableTest::byYear, CsvOrgUnitRegister.defaults()).orElseThrow();

        assertEquals(List.of("year", "expected", "reported", "missing", "rate"),
                t.columns().stream().map(Table.Column::id).toList());
        assertEquals(List.of(List.of(2016, 4, 3, 1, 75), List.of(2017, 2, 1, 1, 50)), rows(t));
        assertEquals(6, t.n().orElseThrow().value());
        String notes = t.notes().stream().map(n -> n.text().en()).reduce("", String::concat);
        assertTrue(notes.contains("No report: 2016: 1103 Stavanger; 2017: 1804 Bodø."), notes);
        // 2015 has no grants at all: the register does not cover it, so its reports are no warning.
        assertTrue(notes.contains("not counted: 2017: 1103 Stavanger."), notes);
    }

    @Test
    void aRegionCountsOnlyItsUnitsAndNoGrantsThereIsNoTable() {
        Table nord = ResponseRateTable.build(new Selection("test", 2016, 2017, Set.of(), Set.of("Nord")),
                ResponseRateTableTest::byYear, CsvOrgUnitRegister.defaults()).orElseThrow();
        assertEquals(List.of(List.of(2016, 2, 2, 0, 100), List.of(2017, 1, 0, 1, 0)), rows(nord));

        assertEquals(Optional.empty(), ResponseRateTable.build(new Selection("test", 2018, 2019, Set.of(),
                Set.of()), ResponseRateTableTest::byYear, CsvOrgUnitRegister.defaults()));
        assertEquals(Optional.empty(), ResponseRateTable.build(new Selection("test", 2016, 2017, Set.of("0101"),
                Set.of()), ResponseRateTableTest::byYear, CsvOrgUnitRegister.defaults()));
    }
}
