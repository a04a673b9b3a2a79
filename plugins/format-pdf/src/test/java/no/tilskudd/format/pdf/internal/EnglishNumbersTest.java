package no.tilskudd.format.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import no.tilskudd.api.report.ValueKind;
import org.junit.jupiter.api.Test;

/** An English report prints English numbers (86.7, 1,250,000 kr), a Norwegian one Norwegian numbers, never mixed. */
class EnglishNumbersTest {

    private static final String NBSP = "\u00A0";

    @Test
    void englishHasGroupCommasAndADecimalPoint() {
        assertEquals("86.7" + NBSP + "%", NorwegianNumbers.format(new BigDecimal("86.7"), ValueKind.PERCENT, true));
        assertEquals("1,250,000" + NBSP + "kr", NorwegianNumbers.format(1_250_000L, ValueKind.AMOUNT, true));
        assertEquals("\u22121,234.5", NorwegianNumbers.format(new BigDecimal("-1234.5"), ValueKind.DECIMAL, true));
        assertEquals("2008", NorwegianNumbers.format(2008L, ValueKind.YEAR, true), "years are never grouped");
        assertEquals("12,345", NorwegianNumbers.count(12_345, true));
        assertEquals("0.5" + NBSP + "%", NorwegianNumbers.asFormat(ValueKind.PERCENT, true).format(0.5));
    }

    @Test
    void norwegianStaysAsItWas() {
        assertEquals("86,7" + NBSP + "%", NorwegianNumbers.format(new BigDecimal("86.7"), ValueKind.PERCENT, false));
        assertEquals("1" + NBSP + "250" + NBSP + "000" + NBSP + "kr",
                NorwegianNumbers.format(1_250_000L, ValueKind.AMOUNT));
        assertEquals("12" + NBSP + "345", NorwegianNumbers.count(12_345));
    }
}
