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

    /**
     * Regression (issue 12, item 2): a stored amount is never emptied, whatever its representation. Amounts print to
     * the øre, percentages to a tenth, decimals to a hundredth (the rounding the tables state by their look); beyond
     * 10^30 the number is printed exactly with its exponent, where rounding it to whole kroner used to build a number
     * of that many digits (1E+99999999 did not finish).
     */
    @Test
    void storedAmountsInEveryRepresentationAppear() {
        check("1_000_000_000_000_kr", new BigDecimal("1E+12"), ValueKind.AMOUNT);
        check("1_234,57_kr", new BigDecimal("1234.5678"), ValueKind.AMOUNT);
        check("0_kr", new BigDecimal("-0.00"), ValueKind.AMOUNT);
        check("0_kr", -0.0, ValueKind.AMOUNT);
        check("500_000_kr", new BigDecimal("500000.00"), ValueKind.AMOUNT);
        check("500_000_kr", new BigDecimal("5E+5"), ValueKind.AMOUNT);
        check("12_345_678_901_234_567,89_kr", new BigDecimal("12345678901234567.89"), ValueKind.AMOUNT);
        check("9_007_199_254_740_993_kr", 9_007_199_254_740_993L, ValueKind.AMOUNT);
        check("999_999_999_999,99_kr", new BigDecimal("999999999999.99"), ValueKind.AMOUNT);
        check("1E+400_kr", new BigDecimal("1E+400"), ValueKind.AMOUNT);
        check("\u22121,5E+31", new BigDecimal("-15E+30"), ValueKind.COUNT);
        check("0,00_kr", new BigDecimal("0.001"), ValueKind.AMOUNT);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            check("1E+99999999_kr", new BigDecimal("1E+99999999"), ValueKind.AMOUNT);
            check("0_kr", new BigDecimal("1E-99999999"), ValueKind.AMOUNT);
        }, "a guard against the old behaviour, which did not finish");
    }

    @Test
    void asAFormatForChartAxes() {
        assertEquals("20\u00A0%", NorwegianNumbers.asFormat(ValueKind.PERCENT).format(20.0));
        assertEquals("1\u00A0500\u00A0000\u00A0kr", NorwegianNumbers.asFormat(ValueKind.AMOUNT).format(1_500_000L));
    }
}
