package no.tilskudd.api.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.form.LocalizedText;
import org.junit.jupiter.api.Test;

class SchemeTest {

    private static FormDefinition form(String version, int from, int to) {
        return new FormDefinition("s", version, from, to, LocalizedText.of("t"), List.of(), List.of());
    }

    private static Scheme scheme() {
        // Deliberately out of order.
        return new Scheme("s", LocalizedText.of("S"), LocalizedText.of("A"), "kap. 1", 2006,
                List.of(form("2012", 2012, 2017), form("2006", 2006, 2007), form("2008", 2008, 2011)),
                Optional.empty(), new Origin("p", "1.0"));
    }

    @Test
    void formsAreOrderedByFirstYear() {
        assertEquals(List.of("2006", "2008", "2012"), scheme().formVersions());
        assertEquals(2006, scheme().forms().get(0).firstYear());
    }

    @Test
    void formForYearPicksTheFormWhoseYearsCoverIt() {
        Scheme s = scheme();
        assertEquals("2006", s.formForYear(2007).orElseThrow().version());
        assertEquals("2008", s.formForYear(2008).orElseThrow().version());
        assertEquals("2008", s.formForYear(2011).orElseThrow().version());
        assertEquals("2012", s.formForYear(2017).orElseThrow().version());
    }

    @Test
    void formForYearOutsideEveryFormIsEmpty() {
        assertTrue(scheme().formForYear(2005).isEmpty());
        assertTrue(scheme().formForYear(2018).isEmpty());
    }

    @Test
    void formByVersion() {
        assertEquals(2008, scheme().form("2008").orElseThrow().firstYear());
        assertTrue(scheme().form("2009").isEmpty());
    }

    @Test
    void originPrintsNameAndVersion() {
        assertEquals("no.tilskudd.example 1.2.3", new Origin("no.tilskudd.example", "1.2.3").toString());
    }
}
