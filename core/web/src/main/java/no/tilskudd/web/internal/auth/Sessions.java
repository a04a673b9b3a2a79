package no.tilskudd.web.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.tilskudd.api.host.User;
import no.tilskudd.api.store.SessionRecord;
import no.tilskudd.api.store.SessionRecords;

/**
 * Signed-in sessions, in the store (so that a sign-in on one host is valid on every host on the same database, and
 * survives a restart), or in memory for tests. The store keeps only a hash of each id. A session id is 256 random
 * bits and lives in an HttpOnly, SameSite=Strict cookie; each session also has its own CSRF token that the page sends in a header on
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
    /** How stale a session's last use may be in the store: saves a write on every request, costs that much idle. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionRecords records;
    private final Clock clock;

    /** A signed-in user. */
    public static final class Session {
        private final String id;
        private final String user;
        private final String csrf;
        private final String stamp;

        Session(String id, String user, String csrf, String stamp) {
            this.id = id;
            this.user = user;
            this.csrf = csrf;
            this.stamp = stamp;
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

    /** Sessions in memory, on the system clock. */
    public Sessions() {
        this(Clock.systemUTC());
    }

    /**
     * Sessions in the store, on the system clock.
     *
     * @param records the store's sessions
     */
    public Sessions(SessionRecords records) {
        this(Clock.systemUTC(), records);
    }

    Sessions(Clock clock) {
        this(clock, new InMemory());
    }

    Sessions(Clock clock, SessionRecords records) {
        this.clock = clock;
        this.records = records;
    }

    /**
     * Starts a session.
     *
     * @param user the signed-in user
     * @return the session
     */
    public Session create(User user) {
        Instant now = clock.instant();
        records.deleteExpired(now.minus(IDLE), now.minus(ABSOLUTE));
        Session s = new Session(token(), user.name(), token(), user.stamp());
        records.insert(new SessionRecord(hash(s.id()), s.user(), s.csrf(), user.stamp(), now, now));
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
        String hash = hash(id);
        Optional<SessionRecord> found = records.findSession(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionRecord r = found.get();
        Instant now = clock.instant();
        if (r.lastSeen().plus(IDLE).isBefore(now) || r.created().plus(ABSOLUTE).isBefore(now)) {
            records.deleteSession(hash);
            return Optional.empty();
        }
        if (!r.lastSeen().plus(TOUCH_EVERY).isAfter(now)) {
            records.touch(hash, now);
        }
        return Optional.of(new Session(id, r.user(), r.csrf(), r.stamp()));
    }

    /**
     * Ends a session.
     *
     * @param id the cookie value
     */
    public void remove(String id) {
        if (id != null) {
            records.deleteSession(hash(id));
        }
    }

    /**
     * Ends every session of a user (after removal or a new password).
     *
     * @param user the user
     */
    public void removeUser(String user) {
        records.deleteUserSessions(user);
    }

    /** What the store keeps of a session id: its SHA-256, so that the table holds nothing to sign in with. */
    static String hash(String id) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The sessions of a console without a store: a restart signs everyone out. */
    static final class InMemory implements SessionRecords {

        private final Map<String, SessionRecord> rows = new ConcurrentHashMap<>();

        @Override
        public void insert(SessionRecord session) {
            rows.put(session.idHash(), session);
        }

        @Override
        public Optional<SessionRecord> findSession(String idHash) {
            return Optional.ofNullable(rows.get(idHash));
        }

        @Override
        public void touch(String idHash, Instant lastSeen) {
            rows.computeIfPresent(idHash, (k, r) -> new SessionRecord(r.idHash(), r.user(), r.csrf(), r.stamp(),
                    r.created(), lastSeen));
        }

        @Override
        public void deleteSession(String idHash) {
            rows.remove(idHash);
        }

        @Override
        public int deleteUserSessions(String user) {
            int before = rows.size();
            rows.values().removeIf(r -> r.user().equals(user));
            return before - rows.size();
        }

        @Override
        public int deleteExpired(Instant lastSeenBefore, Instant createdBefore) {
            int before = rows.size();
            rows.values().removeIf(r -> r.lastSeen().isBefore(lastSeenBefore) || r.created().isBefore(createdBefore));
            return before - rows.size();
        }
    }
}
