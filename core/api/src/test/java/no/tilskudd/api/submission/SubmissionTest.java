package no.tilskudd.api.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.form.Severity;
import org.junit.jupiter.api.Test;

class SubmissionTest {

    private static Submission with(Map<String, Object> values) {
        return new Submission("avdir", 2012, "0301", Optional.empty(), values);
    }

    @Test
    void rowsOfAnAbsentGroupAreEmpty() {
        assertEquals(List.of(), with(Map.of()).rows("measures"));
    }

    @Test
    void rowsOfANonListValueAreEmpty() {
        assertEquals(List.of(), with(Map.of("measures", "three")).rows("measures"));
        assertEquals(List.of(), with(Map.of("measures", 3L)).rows("measures"));
    }

    @Test
    void rowsOfAListHoldingNonObjectsAreEmpty() {
        assertEquals(List.of(), with(Map.of("measures", List.of(Map.of("name", "a"), "b"))).rows("measures"));
    }

    @Test
    void rowsOfAListOfObjectsAreReturned() {
        List<Map<String, Object>> rows = List.of(Map.of("name", "a"), Map.of("name", "b"));
        Submission s = with(Map.of("measures", rows));
        assertEquals(2, s.rows("measures").size());
        assertEquals("b", s.rows("measures").get(1).get("name"));
    }

    @Test
    void valuesKeepTheirOrderAndAreFrozen() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("z", 1L);
        values.put("a", 2L);
        values.put("m", 3L);
        Submission s = with(values);
        values.put("late", 4L);
        assertEquals(List.of("z", "a", "m"), List.copyOf(s.values().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> s.values().put("x", 1L));
    }

    @Test
    void valueIsEmptyWhenNotGiven() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("nothing", null);
        values.put("count", 3L);
        Submission s = with(values);
        assertTrue(s.value("nothing").isEmpty());
        assertTrue(s.value("absent").isEmpty());
        assertEquals(3L, s.value("count").orElseThrow());
    }

    @Test
    void withFormVersionNamesTheVersionAndKeepsTheRest() {
        Submission s = with(Map.of("count", 3L)).withFormVersion("2008");
        assertEquals(Optional.of("2008"), s.formVersion());
        assertEquals(3L, s.values().get("count"));
        assertEquals(new SubmissionKey("avdir", 2012, "0301"), s.key());
    }

    @Test
    void keyPrintsSchemeYearAndOrgUnit() {
        assertEquals("avdir/2012/0301", with(Map.of()).key().toString());
    }

    @Test
    void sourcePositionPrintsFileAndLocation() {
        assertEquals("a.jsonl:12:5", new SourcePosition("a.jsonl", "12:5").toString());
        assertEquals("a.jsonl", new SourcePosition("a.jsonl", "").toString());
    }

    @Test
    void importedSubmissionPrefersTheFieldsOwnPosition() {
        SourcePosition start = new SourcePosition("r.xlsx", "'Skjema'!A1");
        SourcePosition cell = new SourcePosition("r.xlsx", "'Tiltak'!C7");
        ImportedSubmission is = new ImportedSubmission(with(Map.of()), start,
                Map.of("measures[0].name", cell));
        assertEquals(cell, is.positionOf("measures[0].name"));
        assertEquals(start, is.positionOf("measures[1].name"));
    }

    @Test
    void violationFactoriesSetTheSeverity() {
        Violation e = Violation.error("count", "VALUE_TOO_SMALL", "for lite", "too small");
        Violation w = Violation.warning("count", "CHECK", "sjekk", "check");
        assertTrue(e.isError());
        assertEquals(Severity.ERROR, e.severity());
        assertFalse(w.isError());
        assertEquals(Severity.WARNING, w.severity());
        assertEquals("too small", e.message().en());
    }
}
