package no.tilskudd.web.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.host.Role;
import no.tilskudd.api.host.User;
import org.junit.jupiter.api.Test;

class SessionsAndAuthenticatorTest {

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

    private static User user(String name) {
        return new User(name, Role.ANALYST, "", "stamp of " + name);
    }

    private static Client direct(String address) {
        return new Client(address, false, false, null);
    }

    @Test
    void sessionsExpireWhenIdleAndAfterAWorkingDay() {
        MovableClock clock = new MovableClock();
        Sessions sessions = new Sessions(clock);
        Sessions.Session s = sessions.create(user("ana"));
        assertTrue(s.id().length() >= 40, "256 random bits");
        assertTrue(s.csrfMatches(s.csrf()));
        assertFalse(s.csrfMatches("x"));
        assertFalse(s.csrfMatches(null));
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertTrue(sessions.find(s.id()).isPresent());
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertTrue(sessions.find(s.id()).isEmpty(), "idle for 31 minutes");

        Sessions.Session busy = sessions.create(user("ana"));
        for (int i = 0; i < 17; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(29));
            sessions.find(busy.id());
        }
        assertTrue(sessions.find(busy.id()).isEmpty(), "8 hours at most");
    }

    @Test
    void basicOnlyFromLoopbackAndSessionsByCookie() throws Exception {
        FakeUsers users = new FakeUsers();
        String pw = users.createIfMissing().orElseThrow().password();
        Sessions sessions = new Sessions();
        Authenticator auth = new Authenticator(users, sessions, new SignInThrottle());
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + pw).getBytes(StandardCharsets.UTF_8));

        assertEquals(Role.ADMIN, auth.identify(null, basic, direct("127.0.0.1")).orElseThrow().role());
        assertEquals("admin", auth.identify(null, basic, direct("0:0:0:0:0:0:0:1")).orElseThrow().user());
        assertThrows(Authenticator.Refused.class, () -> auth.identify(null, basic, direct("192.0.2.10")));
        assertThrows(Authenticator.Refused.class, () -> auth.identify(null, "Basic !!!", direct("127.0.0.1")));
        String wrong = "Basic " + Base64.getEncoder().encodeToString("admin:nope".getBytes(StandardCharsets.UTF_8));
        assertThrows(Authenticator.Refused.class, () -> auth.identify(null, wrong, direct("127.0.0.1")));
        assertTrue(auth.identify(null, null, direct("127.0.0.1")).isEmpty());

        Sessions.Session s = sessions.create(users.find("admin").orElseThrow());
        assertTrue(auth.identify(s.id(), null, direct("192.0.2.10")).orElseThrow().session().isPresent());
        assertTrue(auth.identify("forged", null, direct("127.0.0.1")).isEmpty());

        String newPw = users.resetPassword("admin");
        assertThrows(Authenticator.Refused.class, () -> auth.identify(null, basic, direct("127.0.0.1")),
                "a remembered Basic check ends with the password");
        assertTrue(auth.identify(null, "Basic " + Base64.getEncoder().encodeToString(("admin:" + newPw)
                .getBytes(StandardCharsets.UTF_8)), direct("127.0.0.1")).isPresent());
    }

    @Test
    void aSessionEndsWhenItsUserChangesWhoeverChangedIt() throws Exception {
        FakeUsers users = new FakeUsers();
        users.createIfMissing();
        users.add("ana", Role.ANALYST);
        users.add("bo", Role.ANALYST);
        users.add("cy", Role.ANALYST);
        Sessions sessions = new Sessions();
        Authenticator auth = new Authenticator(users, sessions, new SignInThrottle());
        Sessions.Session ana = sessions.create(users.find("ana").orElseThrow());
        Sessions.Session bo = sessions.create(users.find("bo").orElseThrow());
        Sessions.Session cy = sessions.create(users.find("cy").orElseThrow());
        assertTrue(auth.identify(ana.id(), null, direct("127.0.0.1")).isPresent());

        // Another process, not this one's Sessions (the users file's own test covers seeing its change).
        FakeUsers other = users;
        other.resetPassword("ana");
        other.setRole("bo", Role.ADMIN);
        other.remove("cy");
        assertTrue(auth.identify(ana.id(), null, direct("127.0.0.1")).isEmpty(), "new password");
        assertTrue(auth.identify(bo.id(), null, direct("127.0.0.1")).isEmpty(), "new role");
        assertTrue(auth.identify(cy.id(), null, direct("127.0.0.1")).isEmpty(), "removed");
        assertTrue(sessions.find(ana.id()).isEmpty(), "and the session is gone for good");
    }

    @Test
    void aReportersSessionAndBasicSignInCarryItsOrgUnitsAndOthersEndTheSession() throws Exception {
        FakeUsers users = new FakeUsers();
        String pw = users.add("rita", Role.REPORTER, List.of("0301", "1804"));
        Sessions sessions = new Sessions();
        Authenticator auth = new Authenticator(users, sessions, new SignInThrottle());
        Sessions.Session rita = sessions.create(users.find("rita").orElseThrow());
        Authenticator.Principal p = auth.identify(rita.id(), null, direct("127.0.0.1")).orElseThrow();
        assertEquals(Role.REPORTER, p.role());
        assertEquals(List.of("0301", "1804"), p.orgUnits());
        String basic = "Basic " + Base64.getEncoder().encodeToString(("rita:" + pw)
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("0301", "1804"), auth.identify(null, basic, direct("127.0.0.1")).orElseThrow()
                .orgUnits());
        assertFalse(p.role().includes(Role.ANALYST), "a reporter is no analyst");

        users.setRole("rita", Role.REPORTER, List.of("1804"));
        assertTrue(auth.identify(rita.id(), null, direct("127.0.0.1")).isEmpty(), "other org units");
    }

    @Test
    void basicIsRefusedThroughAProxyOverPlainHttpAndThrottled() throws Exception {
        FakeUsers users = new FakeUsers();
        String pw = users.createIfMissing().orElseThrow().password();
        Authenticator auth = new Authenticator(users, new Sessions(), new SignInThrottle());
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + pw).getBytes(StandardCharsets.UTF_8));
        Authenticator.Refused plain = assertThrows(Authenticator.Refused.class,
                () -> auth.identify(null, basic, new Client("127.0.0.1", false, true, null)));
        assertEquals(403, plain.status());
        assertEquals("https_required", plain.code());
        assertTrue(auth.identify(null, basic, new Client("192.0.2.7", true, true, null)).isPresent(),
                "forwarded HTTPS from anywhere");

        String wrong = "Basic " + Base64.getEncoder().encodeToString("admin:nope".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            Authenticator.Refused r = assertThrows(Authenticator.Refused.class,
                    () -> auth.identify(null, wrong, direct("127.0.0.1")));
            assertEquals(401, r.status());
            assertEquals(Optional.of("admin"), r.wrongName());
        }
        Authenticator.Refused held = assertThrows(Authenticator.Refused.class,
                () -> auth.identify(null, basic, direct("127.0.0.1")));
        assertEquals(429, held.status());
        assertEquals(Optional.of(Duration.ofSeconds(2)), held.retryAfter());
        assertTrue(auth.identify(null, basic, direct("127.0.0.2")).isPresent(), "another address is not held back");
    }

    @Test
    void loopbackIsDecidedOnLiteralAddressesOnly() {
        assertTrue(Authenticator.isLoopback("127.0.0.1"));
        assertTrue(Authenticator.isLoopback("127.1.2.3"));
        assertTrue(Authenticator.isLoopback("[::1]"));
        assertFalse(Authenticator.isLoopback("10.0.0.1"));
        assertFalse(Authenticator.isLoopback("localhost"), "no name lookups");
        assertFalse(Authenticator.isLoopback(null));
        assertFalse(Authenticator.isLoopback("999.0.0.1"), "not an address, and never sent to DNS");
        assertTrue(Authenticator.isLoopback("0:0:0:0:0:0:0:1"));
    }
}
