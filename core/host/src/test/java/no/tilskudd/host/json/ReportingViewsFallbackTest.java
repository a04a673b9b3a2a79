package no.tilskudd.host.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import no.tilskudd.api.form.LocalizedText;
import org.junit.jupiter.api.Test;

/**
 * The reporting pages' {@code "fallback": "nb"}: said when nynorsk is asked and the form has none, never for a nynorsk
 * word that is spelt as in bokmål (a regression: "Kategori" in both was taken for a missing nynorsk text).
 */
class ReportingViewsFallbackTest {

    private static final Locale NN = ReportingViews.locale("nn");

    @Test
    void aNynorskTextSpeltAsInBokmalIsNoFallback() {
        LocalizedText t = new LocalizedText("Kategori", "Category", "Kategori");
        assertEquals("Kategori", ReportingViews.text(t, NN));
        assertFalse(ReportingViews.fallsBack(t, NN));
    }

    @Test
    void aMissingNynorskTextFallsBackToBokmalAndSaysSo() {
        LocalizedText t = new LocalizedText("Hvordan", "How");
        assertEquals("Hvordan", ReportingViews.text(t, NN));
        assertTrue(ReportingViews.fallsBack(t, NN));
        assertFalse(ReportingViews.fallsBack(t, ReportingViews.locale("nb")));
        assertFalse(ReportingViews.fallsBack(t, ReportingViews.locale("en")));
    }

    @Test
    void nynorskIsPickedWhenGiven() {
        assertEquals("Korleis", ReportingViews.text(new LocalizedText("Hvordan", "How", "Korleis"), NN));
    }
}
