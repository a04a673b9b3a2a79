package no.tilskudd.web.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import no.tilskudd.web.internal.auth.SessionsAndAuthenticatorTest.MovableClock;
import org.junit.jupiter.api.Test;

/**
 * The sign-in throttle that replaced a lock of 10 minutes on the name alone, from any address, in a table that was
 * cleared wholesale when 10,000 names had failed.
 */
class SignInThrottleTest {

    private final MovableClock clock = new MovableClock();

    @Test
    void fiveFreeFailuresThenWaitsThatDoubleUpToFifteenMinutes() {
        SignInThrottle t = new SignInThrottle(clock, 100);
        for (int i = 1; i < SignInThrottle.FREE_FAILURES; i++) {
            assertEquals(Duration.ZERO, t.failed("ana", "192.0.2.1"));
            assertEquals(Optional.empty(), t.waitFor("ana", "192.0.2.1"));
        }
        Duration expected = Duration.ofSeconds(2);
        for (int i = 0; i < 12; i++) {
            Duration d = t.failed("ana", "192.0.2.1");
            assertEquals(expected, d);
            assertEquals(Optional.of(d), t.waitFor("ana", "192.0.2.1"));
            clock.now = clock.now.plus(d).minusMillis(1);
            assertTrue(t.waitFor("ana", "192.0.2.1").isPresent(), "still waiting a millisecond before the end");
            clock.now = clock.now.plusMillis(1);
            assertEquals(Optional.empty(), t.waitFor("ana", "192.0.2.1"));
            expected = expected.multipliedBy(2).compareTo(Duration.ofMinutes(15)) > 0 ? Duration.ofMinutes(15)
                    : expected.multipliedBy(2);
        }
        assertEquals(Duration.ofMinutes(15), SignInThrottle.delay(1000), "capped, also far out");
    }

    @Test
    void theCountIsByNameAndAddressSoNobodyLocksAnotherOut() {
        SignInThrottle t = new SignInThrottle(clock, 100);
        for (int i = 0; i < 10; i++) {
            t.failed("ana", "192.0.2.1");
        }
        assertTrue(t.waitFor("ana", "192.0.2.1").isPresent());
        assertEquals(Optional.empty(), t.waitFor("ana", "192.0.2.2"), "ana herself, elsewhere");
        assertEquals(Optional.empty(), t.waitFor("bo", "192.0.2.1"), "another name from the guesser's address");
        t.succeeded("ana", "192.0.2.2");
        assertTrue(t.waitFor("ana", "192.0.2.1").isPresent(), "her success elsewhere does not free the guesser");
    }

    @Test
    void aSuccessOrAnHourWithoutFailuresForgets() {
        SignInThrottle t = new SignInThrottle(clock, 100);
        for (int i = 0; i < 4; i++) {
            t.failed("ana", "192.0.2.1");
        }
        t.succeeded("ana", "192.0.2.1");
        assertEquals(Duration.ZERO, t.failed("ana", "192.0.2.1"), "counting starts again");
        for (int i = 0; i < 5; i++) {
            t.failed("bo", "192.0.2.1");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        assertEquals(Duration.ZERO, t.failed("bo", "192.0.2.1"));
    }

    @Test
    void floodingAFullTableNeverFreesAHeldNameNorResetsItsCount() {
        SignInThrottle t = new SignInThrottle(clock, 50);
        for (int i = 0; i < 7; i++) {
            t.failed("victim", "192.0.2.1");
        }
        assertEquals(Optional.of(Duration.ofSeconds(8)), t.waitFor("victim", "192.0.2.1"));
        for (int i = 0; i < 5_000; i++) {
            t.failed("flood" + i, "192.0.2." + (i % 200));
            assertTrue(t.size() <= 50, "bounded");
        }
        assertEquals(50, t.size(), "full, never cleared wholesale");
        assertTrue(t.waitFor("victim", "192.0.2.1").isPresent(), "still held back");
        clock.now = clock.now.plus(Duration.ofSeconds(9));
        for (int i = 0; i < 5_000; i++) {
            t.failed("again" + i, "198.51.100." + (i % 200));
        }
        assertEquals(Duration.ofSeconds(16), t.failed("victim", "192.0.2.1"),
                "the wait had ended, but the count survived the flood");
    }

    @Test
    void whenEveryEntryHoldsSomeoneBackTheOneEndingFirstGoes() {
        SignInThrottle t = new SignInThrottle(clock, 3);
        for (int i = 0; i < 9; i++) {
            t.failed("long", "192.0.2.1");
        }
        for (int i = 0; i < 5; i++) {
            t.failed("short1", "192.0.2.1");
            t.failed("short2", "192.0.2.1");
        }
        t.failed("new", "192.0.2.1");
        assertEquals(3, t.size());
        assertTrue(t.waitFor("long", "192.0.2.1").isPresent(), "the longest wait stays");
    }

    @Test
    void anIpv6ClientCountsByItsNetworkAndOddNamesShareOneEntry() {
        SignInThrottle t = new SignInThrottle(clock, 100);
        for (int i = 0; i < 5; i++) {
            t.failed("ana", "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertTrue(t.waitFor("ana", "[2001:db8:1:2:ffff::9]").isPresent(), "the same /64");
        assertEquals(Optional.empty(), t.waitFor("ana", "2001:db8:1:3::1"));
        for (int i = 0; i < 5; i++) {
            t.failed("x".repeat(1000 + i), "192.0.2.1");
        }
        assertTrue(t.waitFor("not a user name", "192.0.2.1").isPresent());
        assertEquals(2, t.size());
    }
}
