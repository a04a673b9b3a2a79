package no.tilskudd.web.internal.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.tilskudd.api.host.User;

/**
 * Signed-in sessions, in memory (a restart signs everyone out). A session id is 256 random bits and lives in an
 * HttpOnly, SameSite=Strict cookie; each session also has its own CSRF token that the page sends in a header on
 * every state-changing request, and the {@linkplain User#stamp() credential stamp} of its user at sign-in,
 * which every request compares with the user as stored now.
 */
public final class Sessions {

    /** The cookie's name. */
    public static final String COOKIE = "tilskudd_session";
    /** The header that carries the CSRF token. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_SESSIONS = 10_000;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    /** A signed-in user. */
    public static final class Session {
        private final String id;
        private final String user;
        private final String csrf;
        private final String stamp;
        private final Instant created;
        private volatile Instant lastUsed;

        Session(String id, String user, String csrf, String stamp, Instant now) {
            this.id = id;
            this.user = user;
            this.csrf = csrf;
            this.stamp = stamp;
            this.created = now;
            this.lastUsed = now;
        }

        /** @return the session id (the cookie value) */
        public String id() {
            return id;
        }

        /** @return the user name */
        public String user() {
            return user;
        }

        /** @return the CSRF token */
        public String csrf() {
            return csrf;
        }

        /**
         * @param current the user's credential stamp as stored now
         * @return whether the user is still the one who signed in (same password and role)
         */
        public boolean stampMatches(String current) {
            return MessageDigest.isEqual(stamp.getBytes(StandardCharsets.UTF_8),
                    current.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * @param token a token from a request header
         * @return whether it is this session's token
         */
        public boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    csrf.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Sessions on the system clock. */
    public Sessions() {
        this(Clock.systemUTC());
    }

    Sessions(Clock clock) {
        this.clock = clock;
    }

    /**
     * Starts a session.
     *
     * @param user the signed-in user
     * @return the session
     */
    public Session create(User user) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> expired(s, now));
        }
        Session s = new Session(token(), user.name(), token(), user.stamp(), now);
        sessions.put(s.id(), s);
        return s;
    }

    /**
     * Finds a live session and marks it used.
     *
     * @param id the cookie value
     * @return the session, unless unknown or expired
     */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(s, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        s.lastUsed = now;
        return Optional.of(s);
    }

    /**
     * Ends a session.
     *
     * @param id the cookie value
     */
    public void remove(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /**
     * Ends every session of a user (after removal or a new password).
     *
     * @param user the user
     */
    public void removeUser(String user) {
        sessions.values().removeIf(s -> s.user().equals(user));
    }

    private static boolean expired(Session s, Instant now) {
        return s.lastUsed.plus(IDLE).isBefore(now) || s.created.plus(ABSOLUTE).isBefore(now);
    }

    private static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
