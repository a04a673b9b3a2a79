package no.tilskudd.format.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import no.tilskudd.api.report.ValueKind;
import org.junit.jupiter.api.Test;

class NorwegianNumbersTest {

    /** Writes the expected texts with a visible space; the formatter uses a no-break space. */
    private static void check(String expected, Number value, ValueKind kind) {
        assertEquals(expected, NorwegianNumbers.format(value, kind).replace('\u00A0', '_'),
                value + " as " + kind);
    }

    @Test
    void groupsThousandsWithNoBreakSpacesAndUsesADecimalComma() {
        check("1_234_567", 1_234_567L, ValueKind.COUNT);
        check("999", 999, ValueKind.PERSONS);
        check("1_000", 1000, ValueKind.PERSONS);
        check("12_345_678_kr", 12_345_678L, ValueKind.AMOUNT);
        check("1_234,50_kr", new BigDecimal("1234.5"), ValueKind.AMOUNT);
        check("45_%", 45L, ValueKind.PERCENT);
        check("45,5_%", 45.5, ValueKind.PERCENT);
        check("33,3_%", 100.0 / 3, ValueKind.PERCENT);
        check("3,14", 3.14159, ValueKind.DECIMAL);
        check("2,5", 2.5f, ValueKind.DECIMAL);
        check("12_345_678_901_234_567_890", new BigInteger("12345678901234567890"), ValueKind.COUNT);
    }

    @Test
    void yearsAreNotGroupedAndNegativesGetAMinusSign() {
        check("2016", 2016, ValueKind.YEAR);
        check("\u22121_500_kr", -1500, ValueKind.AMOUNT);
        check("0_%", 0.0, ValueKind.PERCENT);
        check("NaN", Double.NaN, ValueKind.DECIMAL);
    }

    @Test
    void asAFormatForChartAxes() {
        assertEquals("20\u00A0%", NorwegianNumbers.asFormat(ValueKind.PERCENT).format(20.0));
        assertEquals("1\u00A0500\u00A0000\u00A0kr", NorwegianNumbers.asFormat(ValueKind.AMOUNT).format(1_500_000L));
    }
}
