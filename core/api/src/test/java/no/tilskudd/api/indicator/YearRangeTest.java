package no.tilskudd.api.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one reading of {@code --years} / {@code years=} (issue 12: the CLI took 99999, the API refused it). */
class YearRangeTest {

    @Test
    void aYearOrARange() {
        assertEquals(new YearRange(2016, 2016), YearRange.parse("2016"));
        assertEquals(new YearRange(2006, 2008), YearRange.parse("2006-2008"));
        assertEquals(new YearRange(2006, 2008), YearRange.parse(" 2006 - 2008 "));
    }

    @Test
    void refusalsSayWhy() {
        assertEquals("'99999' is not a plausible year (1900-2100)", refusal("99999"));
        assertEquals("'1899' is not a plausible year (1900-2100)", refusal("1899-2000"));
        assertEquals("'2101' is not a plausible year (1900-2100)", refusal("2000-2101"));
        assertEquals("'abc' is not a year", refusal("abc"));
        assertEquals("'' is not a year", refusal("2016-"));
        assertEquals("'' is not a year", refusal(""));
        assertEquals("2017-2016: the range ends before it starts", refusal("2017-2016"));
        assertEquals("'2016-2017-2018' is not a year or a range such as 2016-2017", refusal("2016-2017-2018"));
        assertEquals("'--5' is not a year or a range such as 2016-2017", refusal("--5"));
    }

    private static String refusal(String text) {
        return assertThrows(IllegalArgumentException.class, () -> YearRange.parse(text)).getMessage();
    }
}
