package no.tilskudd.web.internal.auth;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.tilskudd.api.host.Role;
import no.tilskudd.api.host.User;
import no.tilskudd.api.host.UserService;

/**
 * Who is asking: a session cookie, or HTTP Basic credentials (accepted only where they cannot be read on the way, see
 * {@link Client#basicAllowed()}). A session is valid only while its user is stored with the same credential stamp,
 * so a new password, a new role or a removal ends it, whichever process changed the users file. Basic tries are
 * throttled like the session sign-in. A Basic check costs a full PBKDF2 hash, so a success is remembered for a
 * minute by a SHA-256 of the credentials (never the password itself).
 */
public final class Authenticator {

    private static final long BASIC_CACHE_MS = 60_000;
    private static final int BASIC_CACHE_MAX = 1000;

    private final UserService users;
    private final Sessions sessions;
    private final SignInThrottle throttle;
    private final SignInFailures failures;
    private final Map<String, Long> basicCache = new ConcurrentHashMap<>();

    /**
     * The caller of a request.
     *
     * @param user     the user name
     * @param role     its role
     * @param orgUnits a reporter's org units; empty for the other roles
     * @param session  the session it signed in with, or empty for HTTP Basic
     */
    public record Principal(String user, Role role, List<String> orgUnits, Optional<Sessions.Session> session) {

        /** Copies the org units. */
        public Principal {
            orgUnits = List.copyOf(orgUnits);
        }

        static Principal of(User u, Optional<Sessions.Session> session) {
            return new Principal(u.name(), u.role(), u.orgUnits(), session);
        }
    }

    /** Why credentials were refused, with the HTTP status and error code to answer with. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        private final int status;
        private final String code;
        private final transient Optional<Duration> retryAfter;
        private final String wrongName;

        Refused(int status, String code, String message, Optional<Duration> retryAfter, String wrongName) {
            super(message);
            this.status = status;
            this.code = code;
            this.retryAfter = retryAfter;
            this.wrongName = wrongName;
        }

        static Refused malformed() {
            return new Refused(401, "unauthorized", "malformed Basic credentials", Optional.empty(), null);
        }

        /**
         * @param wait how long the client must wait
         * @return the refusal of a try that came too soon after failures
         */
        public static Refused throttled(Duration wait) {
            long s = Math.max(1, (wait.toMillis() + 999) / 1000);
            return new Refused(429, "locked", "too many failed sign-ins for this user from your address; try again in "
                    + s + " s", Optional.of(Duration.ofSeconds(s)), null);
        }

        /** @return the HTTP status */
        public int status() {
            return status;
        }

        /** @return the error code */
        public String code() {
            return code;
        }

        /** @return how long the client must wait, for a {@code Retry-After} header */
        public Optional<Duration> retryAfter() {
            return retryAfter;
        }

        /** @return the user name tried, when a name and a wrong password were given (for the log) */
        public Optional<String> wrongName() {
            return Optional.ofNullable(wrongName);
        }
    }

    /**
     * @param users    the users
     * @param sessions the sessions
     * @param throttle the sign-in throttle, shared with the session sign-in
     */
    public Authenticator(UserService users, Sessions sessions, SignInThrottle throttle) {
        this(users, sessions, throttle, (name, address, via) -> throttle.failed(name, address));
    }

    /**
     * Where a failed sign-in goes: the throttle, and whatever else must know (the audit trail).
     */
    @FunctionalInterface
    public interface SignInFailures {
        /**
         * A sign-in failed.
         *
         * @param name    the user name tried
         * @param address the client's address
         * @param via     how: {@code basic} or {@code session}
         */
        void failed(String name, String address, String via);
    }

    /**
     * An authenticator that reports failed sign-ins.
     *
     * @param users    the users
     * @param sessions the sessions
     * @param throttle the throttle consulted before each try
     * @param failures where failures go; it must count them in the throttle
     */
    public Authenticator(UserService users, Sessions sessions, SignInThrottle throttle, SignInFailures failures) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.failures = failures;
    }

    /**
     * Identifies the caller.
     *
     * @param sessionId     the session cookie's value, or null
     * @param authorization the Authorization header, or null
     * @param client        who sent the request
     * @return the caller, or empty when the request carries no credentials (or a session that has ended)
     * @throws Refused when credentials were given but are wrong, too frequent, or not allowed here
     */
    public Optional<Principal> identify(String sessionId, String authorization, Client client) throws Refused {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (!client.basicAllowed()) {
                throw new Refused(403, "https_required", client.forwarded()
                        ? "HTTP Basic is refused over plain HTTP through a proxy; use HTTPS, or sign in instead"
                        : "HTTP Basic is accepted only from this machine or over HTTPS; sign in instead",
                        Optional.empty(), null);
            }
            return Optional.of(basic(authorization.substring(6).trim(), client.address()));
        }
        Optional<Sessions.Session> s = sessions.find(sessionId);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Optional<User> u = users.find(s.get().user());
        if (u.isEmpty() || !s.get().stampMatches(u.get().stamp())) {
            sessions.remove(sessionId);
            return Optional.empty();
        }
        return Optional.of(Principal.of(u.get(), s));
    }

    private Principal basic(String encoded, String address) throws Refused {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Refused.malformed();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            throw Refused.malformed();
        }
        String name = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        Optional<Duration> wait = throttle.waitFor(name, address);
        if (wait.isPresent()) {
            throw Refused.throttled(wait.get());
        }
        // The key covers the credential stamp, so a new password or a removed user is never served from the cache.
        Optional<User> stored = users.find(name);
        String key = digest(decoded + "\n" + stored.map(User::stamp).orElse(""));
        Long until = basicCache.get(key);
        Optional<User> user;
        if (stored.isPresent() && until != null && until > System.currentTimeMillis()) {
            user = stored;
        } else {
            user = users.authenticate(name, password);
            if (user.isPresent()) {
                long now = System.currentTimeMillis();
                if (basicCache.size() >= BASIC_CACHE_MAX) {
                    basicCache.values().removeIf(t -> t <= now);
                }
                if (basicCache.size() < BASIC_CACHE_MAX) {
                    basicCache.put(key, now + BASIC_CACHE_MS);
                }
            }
        }
        if (user.isEmpty()) {
            basicCache.remove(key);
            failures.failed(name, address, "basic");
            throw new Refused(401, "unauthorized", "wrong user name or password", Optional.empty(), name);
        }
        throttle.succeeded(name, address);
        return Principal.of(user.get(), Optional.empty());
    }

    /** Forgets remembered Basic checks (after a password or user change). */
    public void forgetBasic() {
        basicCache.clear();
    }

    /**
     * @param address a client address
     * @return whether it is on the loopback interface
     */
    public static boolean isLoopback(String address) {
        return Client.literal(address).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    private static String digest(String s) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
