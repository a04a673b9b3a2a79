package no.tilskudd.engine.internal.publications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import org.junit.jupiter.api.Test;

/** Placeholders name a figure of a table by row and column, and are filled as the table shows it. */
class PlaceholdersTest {

    private static final Table RATE = new Table("rate", LocalizedText.of("Svarprosent"),
            List.of(new Table.Column("unit", LocalizedText.of("Enhet"), ValueKind.TEXT),
                    new Table.Column("answered", LocalizedText.of("Svarte"), ValueKind.COUNT),
                    new Table.Column("rate", LocalizedText.of("Prosent"), ValueKind.PERCENT),
                    new Table.Column("mean", LocalizedText.of("Snitt"), ValueKind.DECIMAL)),
            List.of(Table.Row.data(new LocalizedText("Kommuner", "Municipalities"), 40L, 72, new BigDecimal("2.50")),
                    Table.Row.data(new LocalizedText("Bydeler", "Districts"), 22L,
                            new Table.Suppressed(Table.Suppressed.Reason.BELOW_THRESHOLD), null),
                    Table.Row.total(new LocalizedText("I alt", "Total"), 62L, null, null)),
            Optional.of(new Table.Count(86, Optional.empty())), List.of(), Optional.empty(),
            Optional.of(new Table.Suppression(5)));

    private static String fill(String text, Locale locale) {
        return Placeholders.fill(Placeholders.parse(text), id -> RATE, locale);
    }

    @Test
    void everyKindOfRowIsNamed() {
        Locale nb = Locale.forLanguageTag("nb");
        assertEquals("62 av 86 svarte (72 %)", fill("{rate.total.answered} av {rate.n} svarte ({rate.rate} %)", nb));
        assertEquals("22 og 40", fill("{rate.#2.answered} og {rate.[municipalities].answered}", nb));
        assertEquals("2,5 / 2.5", fill("{rate.mean}", nb) + " / " + fill("{rate.mean}", Locale.ENGLISH));
        // A hidden cell stays hidden in the text.
        assertEquals("–", fill("{rate.#2.rate}", nb));
    }

    @Test
    void whatTheTableLacksIsSaid() {
        assertEquals("table 'rate' has no row 'Fylker' (rows: [Kommuner, Bydeler, I alt])",
                assertThrows(IllegalArgumentException.class, () -> fill("{rate.[Fylker].rate}", Locale.ENGLISH))
                        .getMessage());
        assertEquals("table 'rate' has no column 'expected' (columns: [unit, answered, rate, mean])",
                assertThrows(IllegalArgumentException.class, () -> fill("{rate.expected}", Locale.ENGLISH))
                        .getMessage());
        assertEquals("table 'rate' has 2 data rows, not 3", assertThrows(IllegalArgumentException.class,
                () -> fill("{rate.#3.rate}", Locale.ENGLISH)).getMessage());
        assertEquals("table 'rate' has no row of N", assertThrows(IllegalArgumentException.class,
                () -> fill("{rate.n.rate}", Locale.ENGLISH)).getMessage());
    }

    @Test
    void theSyntaxIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> Placeholders.parse("{rate}"));
        assertThrows(IllegalArgumentException.class, () -> Placeholders.parse("{rate.sum.x}"));
        assertThrows(IllegalArgumentException.class, () -> Placeholders.parse("a } b"));
        assertThrows(IllegalArgumentException.class, () -> Placeholders.parse("72 %"));
        assertThrows(IllegalArgumentException.class, () -> Placeholders.parse("1,5 tiltak"));
        assertEquals(3, Placeholders.parse("I 2008: {rate.n}.").size());
    }
}
