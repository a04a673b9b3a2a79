package no.tilskudd.api.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LocalizedTextTest {

    @Test
    void missingEnglishFallsBackToBokmal() {
        LocalizedText t = new LocalizedText("Kommune", null);
        assertEquals("Kommune", t.en());
        assertEquals("Kommune", t.in(Locale.ENGLISH));
    }

    @Test
    void blankEnglishFallsBackToBokmal() {
        LocalizedText t = new LocalizedText("Kommune", "   ");
        assertEquals("Kommune", t.en());
    }

    @Test
    void givenEnglishIsKept() {
        LocalizedText t = new LocalizedText("Kommune", "Municipality");
        assertEquals("Municipality", t.en());
        assertEquals("Kommune", t.nb());
    }

    @Test
    void englishLocaleGetsEnglishAndEveryOtherLocaleGetsBokmal() {
        LocalizedText t = new LocalizedText("Kommune", "Municipality");
        assertEquals("Municipality", t.in(Locale.UK));
        assertEquals("Kommune", t.in(Locale.forLanguageTag("nb-NO")));
        assertEquals("Kommune", t.in(Locale.GERMAN));
    }

    @Test
    void ofUsesTheSameTextInBothLanguages() {
        LocalizedText t = LocalizedText.of("0301");
        assertEquals("0301", t.nb());
        assertEquals("0301", t.en());
    }

    @Test
    void bokmalIsRequired() {
        assertThrows(NullPointerException.class, () -> new LocalizedText(null, "Municipality"));
    }

    @Test
    void nynorskLocaleGetsNynorskWhenGiven() {
        LocalizedText t = new LocalizedText("Hvordan", "How", "Korleis");
        assertEquals("Korleis", t.in(Locale.forLanguageTag("nn-NO")));
        assertEquals("Korleis", t.in(Locale.forLanguageTag("nno")));
        assertEquals("Hvordan", t.in(Locale.forLanguageTag("nb-NO")));
        assertEquals("How", t.in(Locale.ENGLISH));
        assertFalse(t.fallsBack(Locale.forLanguageTag("nn")));
    }

    @Test
    void nynorskFallsBackToBokmalAndSaysSo() {
        LocalizedText t = new LocalizedText("Ikke", "Not");
        assertNull(t.nn());
        assertEquals("Ikke", t.in(Locale.forLanguageTag("nn")));
        assertTrue(t.fallsBack(Locale.forLanguageTag("nn")));
        assertFalse(t.fallsBack(Locale.forLanguageTag("nb")));
        assertFalse(t.fallsBack(Locale.ENGLISH));
    }

    @Test
    void blankNynorskIsNone() {
        assertNull(new LocalizedText("Ikke", "Not", " ").nn());
    }

    @Test
    void twoArgumentTextEqualsOneWithoutNynorsk() {
        assertEquals(new LocalizedText("Kommune", "Municipality", null), new LocalizedText("Kommune", "Municipality"));
    }

    @Test
    void ofNeverFallsBack() {
        assertFalse(LocalizedText.of("0301").fallsBack(Locale.forLanguageTag("nn")));
    }
}
