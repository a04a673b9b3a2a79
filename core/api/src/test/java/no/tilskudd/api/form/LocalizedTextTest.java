package no.tilskudd.api.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
