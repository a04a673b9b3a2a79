package no.tilskudd.web.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import no.tilskudd.api.host.Role;
import no.tilskudd.api.host.User;
import no.tilskudd.api.store.SessionRecord;
import org.junit.jupiter.api.Test;

/** Two consoles on one store's sessions, as two hosts on one database: a sign-in on one counts on the other. */
class SharedSessionsTest {

    private static final User ANA = new User("ana", Role.ANALYST, "", "stamp of ana");

    @Test
    void aSessionStartedOnOneIsFoundEndedAndExpiredOnTheOther() {
        SessionsAndAuthenticatorTest.MovableClock clock = new SessionsAndAuthenticatorTest.MovableClock();
        Sessions.InMemory store = new Sessions.InMemory();
        Sessions first = new Sessions(clock, store);
        Sessions second = new Sessions(clock, store);

        Sessions.Session s = first.create(ANA);
        SessionRecord stored = store.findSession(Sessions.hash(s.id())).orElseThrow();
        assertNotEquals(s.id(), stored.idHash(), "the store holds a hash of the id, not the id");
        Sessions.Session there = second.find(s.id()).orElseThrow();
        assertEquals("ana", there.user());
        assertTrue(there.csrfMatches(s.csrf()), "the same CSRF token on both");
        assertTrue(there.stampMatches(ANA.stamp()));

        // Used on the second host only: the first one sees it as used, not idle.
        for (int i = 0; i < 3; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(20));
            assertTrue(second.find(s.id()).isPresent());
        }
        assertTrue(first.find(s.id()).isPresent(), "an hour in, but never idle for 30 minutes");
        clock.now = clock.now.plus(Sessions.IDLE).plusSeconds(1);
        assertTrue(first.find(s.id()).isEmpty(), "idle on both");

        Sessions.Session again = second.create(ANA);
        first.removeUser("ana");
        assertTrue(second.find(again.id()).isEmpty(), "a user's sessions end on every host");
        Sessions.Session out = first.create(ANA);
        second.remove(out.id());
        assertTrue(first.find(out.id()).isEmpty(), "a sign-out on one is one on the other");
    }
}
