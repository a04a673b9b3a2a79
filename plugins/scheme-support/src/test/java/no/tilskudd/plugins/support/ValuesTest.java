package no.tilskudd.plugins.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import no.tilskudd.engine.internal.standard.Values;

class ValuesTest {

    @Test
    void numbersOfEveryKindAreRead() {
        assertEquals(Optional.of(new BigDecimal("1500.50")), Values.number(new BigDecimal("1500.50")));
        assertEquals(Optional.of(BigDecimal.valueOf(12)), Values.number(12L));
        assertEquals(Optional.of(BigDecimal.valueOf(12)), Values.number(12));
        assertTrue(Values.number("12").isEmpty(), "text is not a number");
        assertEquals(BigDecimal.ZERO, Values.amountOrZero(null));
        assertEquals(Optional.of(52L), Values.whole(new BigDecimal("52.0")));
        assertTrue(Values.whole(new BigDecimal("5.2")).isEmpty());
    }

    @Test
    void codesAreDistinctAndKeepTheirOrder() {
        assertEquals(List.of("b", "a"), Values.codes(List.of("b", "a", "b", "")));
        assertEquals(List.of(), Values.codes("a"));
        assertTrue(Values.code(" ").isEmpty());
        assertEquals(Optional.of(true), Values.flag(true));
        assertTrue(Values.flag("true").isEmpty());
    }

    @Test
    void kronerAreGroupedForTheReader() {
        assertEquals("1 250 000", Values.kroner(BigDecimal.valueOf(1_250_000), false));
        assertEquals("1,250,000", Values.kroner(BigDecimal.valueOf(1_250_000), true));
        assertEquals("999,5", Values.kroner(new BigDecimal("999.50"), false));
    }
}
