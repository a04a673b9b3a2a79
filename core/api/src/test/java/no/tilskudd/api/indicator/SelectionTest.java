package no.tilskudd.api.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectionTest {

    @Test
    void toYearBeforeFromYearIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Selection.of("avdir", 2012, 2011));
        assertEquals("year range 2012-2011 ends before it starts", e.getMessage());
    }

    @Test
    void aSingleYearIsAllowed() {
        Selection s = Selection.of("avdir", 2012, 2012);
        assertEquals(2012, s.fromYear());
        assertEquals(2012, s.toYear());
    }

    @Test
    void ofSelectsEverything() {
        Selection s = Selection.of("avdir", 2008, 2012);
        assertTrue(s.orgUnits().isEmpty());
        assertTrue(s.regions().isEmpty());
    }

    @Test
    void setsAreCopied() {
        Set<String> regions = new HashSet<>(Set.of("Nord"));
        Selection s = new Selection("avdir", 2008, 2012, Set.of(), regions);
        regions.add("Sør");
        assertEquals(Set.of("Nord"), s.regions());
        assertThrows(UnsupportedOperationException.class, () -> s.regions().add("Vest"));
    }
}
