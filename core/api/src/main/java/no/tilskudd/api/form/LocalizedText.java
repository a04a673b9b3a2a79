package no.tilskudd.api.form;

import java.util.Locale;
import java.util.Objects;

/**
 * A text in Norwegian bokmål with an English version beside it.
 *
 * @param nb the bokmål text, never null
 * @param en the English text; when the source gives none, the bokmål text is used
 */
public record LocalizedText(String nb, String en) {

    /**
     * Checks that a bokmål text is present and fills in a missing English text.
     *
     * @param nb the bokmål text, never null
     * @param en the English text; when the source gives none, the bokmål text is used
     */
    public LocalizedText {
        Objects.requireNonNull(nb, "nb");
        if (en == null || en.isBlank()) {
            en = nb;
        }
    }

    /**
     * Creates a text with the same wording in both languages (names, codes).
     *
     * @param text the text
     * @return the localized text
     */
    public static LocalizedText of(String text) {
        return new LocalizedText(text, text);
    }

    /**
     * Picks the text for a locale: English for English locales, bokmål for everything else.
     *
     * @param locale the reader's locale
     * @return the text in that language
     */
    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : nb;
    }
}
