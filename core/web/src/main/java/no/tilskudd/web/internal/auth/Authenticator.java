package no.tilskudd.web.internal.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.tilskudd.web.internal.auth.UserStore.Role;
import no.tilskudd.web.internal.auth.UserStore.User;

/**
 * Who is asking: a session cookie, or HTTP Basic credentials (accepted only from the loopback interface, where
 * they cannot be sniffed). A Basic check costs a full PBKDF2 hash, so a success is remembered for a minute by a
 * SHA-256 of the credentials (never the password itself).
 */
public final class Authenticator {

    private static final long BASIC_CACHE_MS = 60_000;

    private final UserStore users;
    private final Sessions sessions;
    private final Map<String, Long> basicCache = new ConcurrentHashMap<>();

    /** The caller of a request. */
    public record Principal(String user, Role role, Optional<Sessions.Session> session) {
    }

    /** Why credentials were refused. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /**
     * @param users    the users
     * @param sessions the sessions
     */
    public Authenticator(UserStore users, Sessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    /**
     * Identifies the caller.
     *
     * @param sessionId     the session cookie's value, or null
     * @param authorization the Authorization header, or null
     * @param remoteAddress the client's address
     * @return the caller, or empty when the request carries no credentials at all
     * @throws Refused when credentials were given but are wrong or not allowed here
     */
    public Optional<Principal> identify(String sessionId, String authorization, String remoteAddress)
            throws Refused {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (!isLoopback(remoteAddress)) {
                throw new Refused("HTTP Basic is accepted only from this machine (loopback); sign in instead");
            }
            return Optional.of(basic(authorization.substring(6).trim()));
        }
        Optional<Sessions.Session> s = sessions.find(sessionId);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Optional<User> u = users.find(s.get().user());
        if (u.isEmpty()) {
            sessions.remove(sessionId);
            return Optional.empty();
        }
        return Optional.of(new Principal(u.get().name(), u.get().role(), s));
    }

    private Principal basic(String encoded) throws Refused {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Refused("malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            throw new Refused("malformed Basic credentials");
        }
        String name = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        // The key covers the stored hash, so a new password or a removed user is never served from the cache.
        Optional<User> stored = users.find(name);
        String key = digest(decoded + "\n" + stored.map(u -> Base64.getEncoder().encodeToString(u.hash())).orElse(""));
        Long until = basicCache.get(key);
        Optional<User> user;
        if (stored.isPresent() && until != null && until > System.currentTimeMillis()) {
            user = stored;
        } else {
            user = users.authenticate(name, password);
            if (user.isPresent()) {
                if (basicCache.size() > 1000) {
                    basicCache.clear();
                }
                basicCache.put(key, System.currentTimeMillis() + BASIC_CACHE_MS);
            }
        }
        if (user.isEmpty()) {
            basicCache.remove(key);
            throw new Refused("wrong user name or password");
        }
        return new Principal(user.get().name(), user.get().role(), Optional.empty());
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
        if (address == null) {
            return false;
        }
        try {
            String a = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
            // Only literal addresses reach here (the container's remote address), so no name lookup happens.
            if (!a.matches("[0-9a-fA-F:.%]+")) {
                return false;
            }
            return InetAddress.getByName(a).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
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
