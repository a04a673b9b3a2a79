package no.tilskudd.web.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import no.tilskudd.web.internal.auth.Client;

/**
 * What every request passes before a servlet of this bundle acts on it: a plain path, and a Host that is this
 * host's. It also tells who sent a request ({@link #client}), believing forwarding headers only from
 * {@code web.trustedProxies}.
 * <p>
 * Jetty is set to pass ambiguous paths through ({@code org.eclipse.jetty.UriComplianceMode=UNSAFE}, set by
 * {@code serve}) because it refuses them with an HTML page before any servlet runs; this check is stricter than
 * Jetty's and answers in JSON. None of the servlet paths needs more than letters, digits, {@code . - _ ~} and single
 * slashes, so nothing else is let through: no percent-encoding, no empty, dot or dot-dot segment, no {@code ;}.
 */
public final class RequestGuard {

    /** The setting with the trusted proxies. */
    static final String TRUSTED_PROXIES = "web.trustedProxies";
    /** The setting with further allowed host names. */
    static final String ALLOWED_HOSTS = "web.allowedHosts";
    /** Felix HTTP's bound address. */
    static final String BOUND_ADDRESS = "org.apache.felix.http.host";
    private static final int MAX_PATH = 2048;

    private final TrustedProxies proxies;
    private final AllowedHosts hosts;

    private RequestGuard(TrustedProxies proxies, AllowedHosts hosts) {
        this.proxies = proxies;
        this.hosts = hosts;
    }

    /**
     * Reads the settings the way the host reads all others: framework properties, from conf/tilskudd.properties.
     *
     * @param properties framework properties by name
     * @return the guard
     * @throws IllegalArgumentException naming the setting and the entry that is wrong
     */
    public static RequestGuard from(Function<String, String> properties) {
        TrustedProxies p;
        try {
            p = TrustedProxies.parse(properties.apply(TRUSTED_PROXIES));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("conf/tilskudd.properties: " + TRUSTED_PROXIES + ": " + e.getMessage(),
                    e);
        }
        AllowedHosts h;
        try {
            h = AllowedHosts.parse(properties.apply(ALLOWED_HOSTS), properties.apply(BOUND_ADDRESS));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("conf/tilskudd.properties: " + ALLOWED_HOSTS + ": " + e.getMessage(), e);
        }
        return new RequestGuard(p, h);
    }

    /**
     * @param req a request
     * @return who sent it
     */
    Client client(HttpServletRequest req) {
        return proxies.client(req.getRemoteAddr(), req.isSecure(), req.getHeader("Host"), name -> headers(req, name));
    }

    /**
     * Checks a request's path and host.
     *
     * @param req a request
     * @return who sent it
     * @throws ApiException 400 {@code bad_path} or 421 {@code host_not_allowed}
     */
    Client check(HttpServletRequest req) {
        Optional<String> problem = pathProblem(req.getRequestURI());
        if (problem.isPresent()) {
            throw new ApiException(400, "bad_path", problem.get());
        }
        Client c = client(req);
        if (!hosts.allows(c.host(), c.secure(), req.getLocalAddr(), req.getLocalPort())) {
            throw new ApiException(421, "host_not_allowed", "this server does not answer to the host name in the "
                    + "request; add it to " + ALLOWED_HOSTS + " in conf/tilskudd.properties if it is really this host's");
        }
        return c;
    }

    /**
     * @param rawPath a request's path as sent (not decoded)
     * @return what is wrong with it, or empty when it is a plain path
     */
    static Optional<String> pathProblem(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.of("the path must start with '/'");
        }
        if (rawPath.length() > MAX_PATH) {
            return Optional.of("the path is longer than " + MAX_PATH + " characters");
        }
        String[] segments = rawPath.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            if (s.isEmpty() && i < segments.length - 1) {
                return Optional.of("the path has an empty segment ('//')");
            }
            if (s.equals(".") || s.equals("..")) {
                return Optional.of("the path has a '.' or '..' segment");
            }
            for (int j = 0; j < s.length(); j++) {
                char c = s.charAt(j);
                boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
                        || c == '-' || c == '_' || c == '~';
                if (!plain) {
                    return Optional.of("the path may contain only letters, digits, '.', '-', '_', '~' and '/' "
                            + "(no percent-encoding, ';' or '\\')");
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> headers(HttpServletRequest req, String name) {
        var e = req.getHeaders(name);
        return e == null ? List.of() : Collections.list(e);
    }
}
