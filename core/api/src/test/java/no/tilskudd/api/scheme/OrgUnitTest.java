package no.tilskudd.api.scheme;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrgUnitTest {

    private static OrgUnit unit(Integer from, Integer to) {
        return new OrgUnit("1503", "Kristiansund", "Møre og Romsdal", "Midt", Optional.ofNullable(from),
                Optional.ofNullable(to));
    }

    @Test
    void bothEndsOpenIsValidInEveryYear() {
        OrgUnit u = unit(null, null);
        assertTrue(u.validIn(1900));
        assertTrue(u.validIn(2100));
    }

    @Test
    void openStartEndsAtValidToInclusive() {
        OrgUnit u = unit(null, 2007);
        assertTrue(u.validIn(1950));
        assertTrue(u.validIn(2007));
        assertFalse(u.validIn(2008));
    }

    @Test
    void openEndStartsAtValidFromInclusive() {
        OrgUnit u = unit(2008, null);
        assertFalse(u.validIn(2007));
        assertTrue(u.validIn(2008));
        assertTrue(u.validIn(2099));
    }

    @Test
    void closedRangeIncludesBothEnds() {
        OrgUnit u = unit(2002, 2019);
        assertFalse(u.validIn(2001));
        assertTrue(u.validIn(2002));
        assertTrue(u.validIn(2019));
        assertFalse(u.validIn(2020));
    }
}
