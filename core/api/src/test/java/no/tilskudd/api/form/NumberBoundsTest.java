package no.tilskudd.api.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.form.NumberBounds.Check;
import org.junit.jupiter.api.Test;

class NumberBoundsTest {

    private static NumberBounds defaults(FieldType t) {
        return NumberBounds.defaults(t).orElseThrow();
    }

    private static Field field(FieldType type, BigDecimal min, BigDecimal max) {
        return new Field("f", type, LocalizedText.of("f"), Optional.empty(), false, Optional.empty(),
                new Constraints(Optional.ofNullable(min), Optional.ofNullable(max), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty()), List.of(), List.of());
    }

    @Test
    void hugeExponentsAreRefusedWithoutExpandingThem() {
        // Expanding either would take minutes and a gigabyte; the check must not notice the difference from 1.
        long t0 = System.nanoTime();
        for (FieldType t : List.of(FieldType.AMOUNT, FieldType.INTEGER, FieldType.DECIMAL, FieldType.PERCENT,
                FieldType.YEAR)) {
            assertEquals(Check.OUT_OF_RANGE, defaults(t).check(new BigDecimal("1e99999999")), t.name());
            assertEquals(Check.OUT_OF_RANGE, defaults(t).check(new BigDecimal("-1e99999999")), t.name());
            assertEquals(t == FieldType.YEAR ? Check.OUT_OF_RANGE : Check.TOO_PRECISE,
                    defaults(t).check(new BigDecimal("1e-99999999")), t.name());
        }
        assertEquals(Check.TOO_PRECISE, NumberBounds.CEILING.check(new BigDecimal("2000.0000000000000000000001")));
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    @Test
    void amountsAreZeroToATrillionKronerWithOre() {
        NumberBounds a = defaults(FieldType.AMOUNT);
        assertEquals(Check.IN_RANGE, a.check(0L));
        assertEquals(Check.IN_RANGE, a.check(new BigDecimal("1000000000000.00")));
        assertEquals(Check.IN_RANGE, a.check(new BigDecimal("12.50")));
        assertEquals(Check.IN_RANGE, a.check(new BigDecimal("12.5000")));
        assertEquals(Check.OUT_OF_RANGE, a.check(new BigDecimal("1000000000000.01")));
        assertEquals(Check.OUT_OF_RANGE, a.check(new BigDecimal("-0.01")));
        assertEquals(Check.TOO_PRECISE, a.check(new BigDecimal("12.505")));
    }

    @Test
    void integersAreLongsPercentagesZeroToHundredYears1900To2100() {
        assertEquals(Check.IN_RANGE, defaults(FieldType.INTEGER).check(Long.MIN_VALUE));
        assertEquals(Check.OUT_OF_RANGE, defaults(FieldType.INTEGER).check(
                new BigInteger("9223372036854775808")));
        assertEquals(Check.OUT_OF_RANGE, defaults(FieldType.INTEGER).check(new BigDecimal("9223372036854775808")));
        assertEquals(Check.TOO_PRECISE, defaults(FieldType.INTEGER).check(new BigDecimal("1.5")));
        assertEquals(Check.IN_RANGE, defaults(FieldType.INTEGER).check(new BigDecimal("10.00")));
        assertEquals(Check.IN_RANGE, defaults(FieldType.PERCENT).check(new BigDecimal("100.0")));
        assertEquals(Check.OUT_OF_RANGE, defaults(FieldType.PERCENT).check(101L));
        assertEquals(Check.OUT_OF_RANGE, defaults(FieldType.PERCENT).check(-1));
        assertEquals(Check.IN_RANGE, defaults(FieldType.YEAR).check(2100));
        assertEquals(Check.OUT_OF_RANGE, defaults(FieldType.YEAR).check(99999L));
        assertEquals(Check.IN_RANGE, defaults(FieldType.DECIMAL).check(0.30000000000000004));
        assertEquals(Check.OUT_OF_RANGE, defaults(FieldType.DECIMAL).check(Double.NaN));
        assertEquals(Check.OUT_OF_RANGE, defaults(FieldType.DECIMAL).check(Double.POSITIVE_INFINITY));
        assertEquals(Check.OUT_OF_RANGE, defaults(FieldType.DECIMAL).check(1e16));
        assertEquals(Check.NOT_A_NUMBER, defaults(FieldType.DECIMAL).check("12"));
        assertEquals(Optional.empty(), NumberBounds.defaults(FieldType.TEXT));
    }

    @Test
    void minAndMaxReplaceTheDefaultEnds() {
        NumberBounds b = NumberBounds.of(field(FieldType.AMOUNT, BigDecimal.valueOf(-100), null)).orElseThrow();
        assertEquals(new NumberBounds(BigDecimal.valueOf(-100), BigDecimal.TEN.pow(12), 2), b);
        assertEquals(Check.IN_RANGE, b.check(-100L));
        b = NumberBounds.of(field(FieldType.YEAR, null, BigDecimal.valueOf(2020))).orElseThrow();
        assertEquals(Check.OUT_OF_RANGE, b.check(2021L));
        assertEquals(Check.OUT_OF_RANGE, b.check(1899L));
        assertThrows(IllegalArgumentException.class,
                () -> NumberBounds.of(field(FieldType.PERCENT, BigDecimal.valueOf(200), null)));
        assertEquals(Optional.empty(), NumberBounds.of(field(FieldType.TEXT, null, null)));
    }
}
