package no.tilskudd.plugins.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import no.tilskudd.engine.internal.standard.Percentages;

class PercentagesTest {

    @Test
    void aHalfIsRoundedUpAsInThePublishedTables() {
        assertEquals(13L, Percentages.whole(1, 8), "12.5 -> 13");
        assertEquals(88L, Percentages.whole(7, 8), "87.5 -> 88");
        assertEquals(33L, Percentages.whole(1, 3));
        assertEquals(67L, Percentages.whole(2, 3));
        assertEquals(44L, Percentages.whole(27, 61), "seed table 8.2, 2006");
        assertEquals(100L, Percentages.whole(5, 5));
        assertEquals(0L, Percentages.whole(0, 5));
    }

    @Test
    void noBasisGivesNoPercentageRatherThanZero() {
        assertNull(Percentages.whole(0, 0));
        assertNull(Percentages.mean(BigDecimal.ZERO, 0, 1));
    }

    @Test
    void meansKeepTheirDecimalsAndRoundHalfUp() {
        assertEquals(new BigDecimal("0.3"), Percentages.mean(BigDecimal.ONE, 4, 1), "0.25 -> 0.3");
        assertEquals(new BigDecimal("2.3"), Percentages.mean(BigDecimal.valueOf(7), 3, 1));
        assertEquals(new BigDecimal("12.5"), Percentages.mean(BigDecimal.valueOf(25), 2, 1));
    }
}
