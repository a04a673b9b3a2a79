package no.tilskudd.api.form;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A text in Norwegian bokmål with English and, where the source gives it, Norwegian nynorsk beside it.
 *
 * <p>A municipality may choose to report in nynorsk; a form written before nynorsk was added has none, so a reader
 * asking for nynorsk gets the bokmål text, and {@link #fallsBack(Locale)} tells that this happened.
 *
 * @param nb the bokmål text, never null
 * @param en the English text; when the source gives none, the bokmål text is used
 * @param nn the nynorsk text, or null when the source gives none (then {@link #in(Locale)} gives bokmål)
 * @since 1.2.0 (nn)
 */
public record LocalizedText(String nb, String en, String nn) {

    /** Language codes read as nynorsk: ISO 639-1 and -2. */
    private static final Set<String> NYNORSK = Set.of("nn", "nno");

    /**
     * Checks that a bokmål text is present, fills in a missing English text and keeps a blank nynorsk text as none.
     *
     * @param nb the bokmål text, never null
     * @param en the English text; when the source gives none, the bokmål text is used
     * @param nn the nynorsk text, or null
     */
    public LocalizedText {
        Objects.requireNonNull(nb, "nb");
        if (en == null || en.isBlank()) {
            en = nb;
        }
        if (nn != null && nn.isBlank()) {
            nn = null;
        }
    }

    /**
     * Creates a text in bokmål and English without nynorsk, as every form was written before nynorsk came.
     *
     * @param nb the bokmål text, never null
     * @param en the English text; when the source gives none, the bokmål text is used
     */
    public LocalizedText(String nb, String en) {
        this(nb, en, null);
    }

    /**
     * Creates a text with the same wording in every language (names, codes); it never falls back.
     *
     * @param text the text
     * @return the localized text
     */
    public static LocalizedText of(String text) {
        return new LocalizedText(text, text, text);
    }

    /**
     * Picks the text for a locale: English for English locales, nynorsk for nynorsk locales ({@code nn},
     * {@code nno}) when there is a nynorsk text, bokmål for everything else.
     *
     * @param locale the reader's locale
     * @return the text in that language
     */
    public String in(Locale locale) {
        String language = locale.getLanguage();
        if ("en".equals(language)) {
            return en;
        }
        if (NYNORSK.contains(language) && nn != null) {
            return nn;
        }
        return nb;
    }

    /**
     * Tells whether {@link #in(Locale)} gives bokmål in place of the language asked for: nynorsk was asked and this
     * text has none. A page says so beside the text (the HTTP API's {@code "fallback":"nb"}).
     *
     * @param locale the reader's locale
     * @return true when the text for this locale is the bokmål fallback
     */
    public boolean fallsBack(Locale locale) {
        return NYNORSK.contains(locale.getLanguage()) && nn == null;
    }
}
