package no.tilskudd.web.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import no.tilskudd.web.internal.auth.UserStore.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsAndAuthenticatorTest {

    @TempDir
    Path data;

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void sessionsExpireWhenIdleAndAfterAWorkingDay() {
        MovableClock clock = new MovableClock();
        Sessions sessions = new Sessions(clock);
        Sessions.Session s = sessions.create("ana");
        assertTrue(s.id().length() >= 40, "256 random bits");
        assertTrue(s.csrfMatches(s.csrf()));
        assertFalse(s.csrfMatches("x"));
        assertFalse(s.csrfMatches(null));
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertTrue(sessions.find(s.id()).isPresent());
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertTrue(sessions.find(s.id()).isEmpty(), "idle for 31 minutes");

        Sessions.Session busy = sessions.create("ana");
        for (int i = 0; i < 17; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(29));
            sessions.find(busy.id());
        }
        assertTrue(sessions.find(busy.id()).isEmpty(), "8 hours at most");
    }

    @Test
    void basicOnlyFromLoopbackAndSessionsByCookie() throws Exception {
        UserStore users = new UserStore(data);
        String pw = users.createIfMissing().orElseThrow().password();
        Sessions sessions = new Sessions();
        Authenticator auth = new Authenticator(users, sessions);
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + pw).getBytes(StandardCharsets.UTF_8));

        assertEquals(Role.ADMIN, auth.identify(null, basic, "127.0.0.1").orElseThrow().role());
        assertEquals("admin", auth.identify(null, basic, "0:0:0:0:0:0:0:1").orElseThrow().user());
        assertThrows(Authenticator.Refused.class, () -> auth.identify(null, basic, "192.0.2.10"));
        assertThrows(Authenticator.Refused.class, () -> auth.identify(null, "Basic !!!", "127.0.0.1"));
        String wrong = "Basic " + Base64.getEncoder().encodeToString("admin:nope".getBytes(StandardCharsets.UTF_8));
        assertThrows(Authenticator.Refused.class, () -> auth.identify(null, wrong, "127.0.0.1"));
        assertTrue(auth.identify(null, null, "127.0.0.1").isEmpty());

        Sessions.Session s = sessions.create("admin");
        assertTrue(auth.identify(s.id(), null, "192.0.2.10").orElseThrow().session().isPresent());
        assertTrue(auth.identify("forged", null, "127.0.0.1").isEmpty());

        String newPw = users.resetPassword("admin");
        assertThrows(Authenticator.Refused.class, () -> auth.identify(null, basic, "127.0.0.1"),
                "a remembered Basic check ends with the password");
        assertTrue(auth.identify(null, "Basic " + Base64.getEncoder().encodeToString(("admin:" + newPw)
                .getBytes(StandardCharsets.UTF_8)), "127.0.0.1").isPresent());
    }

    @Test
    void loopbackIsDecidedOnLiteralAddressesOnly() {
        assertTrue(Authenticator.isLoopback("127.0.0.1"));
        assertTrue(Authenticator.isLoopback("127.1.2.3"));
        assertTrue(Authenticator.isLoopback("[::1]"));
        assertFalse(Authenticator.isLoopback("10.0.0.1"));
        assertFalse(Authenticator.isLoopback("localhost"), "no name lookups");
        assertFalse(Authenticator.isLoopback(null));
    }
}
