package no.tilskudd.web.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import no.tilskudd.api.host.Role;
import no.tilskudd.api.indicator.YearRange;
import no.tilskudd.api.service.SchemeChangedException;
import no.tilskudd.api.service.UnknownFormatException;
import no.tilskudd.web.internal.auth.Authenticator;
import no.tilskudd.web.internal.auth.Authenticator.Principal;
import no.tilskudd.web.internal.auth.Client;
import no.tilskudd.web.internal.auth.Security;
import no.tilskudd.web.internal.auth.Sessions;

/**
 * One route of the JSON API (see docs/http-api.md), registered on the HTTP whiteboard under its own pattern by
 * {@link ApiRegistration}, whose route table it comes from: the whiteboard does the routing. What every route shares
 * is here: the {@link RequestGuard} (a plain path, this host's name), the security headers, sign-in by session or
 * HTTP Basic and the role the route needs, CSRF protection on state-changing methods, the methods allowed, and
 * errors as {@code {"error": code, "detail": text}} with the matching status and never a stack trace.
 */
final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** A submission file: JSON Lines of a whole year for all municipalities stays well below this. */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** A plugin jar. */
    static final long MAX_JAR_BYTES = 50L * 1024 * 1024;
    /** Files per request. */
    static final int MAX_FILES = 10;
    static final long MAX_REQUEST_BYTES = 60L * 1024 * 1024;
    private static final int MAX_JSON_BODY = 16 * 1024;
    private static final long DRAIN_LIMIT = 1024 * 1024;

    static final ObjectMapper JSON = JsonMapper.builder().build();

    /** What a route does for one method. */
    @FunctionalInterface
    interface Handler {
        void handle(Call call) throws Exception;
    }

    /**
     * A request to a route, once it has passed the guard, sign-in and the role check.
     *
     * @param req       the request
     * @param resp      the response
     * @param client    who sent it
     * @param principal who is signed in; null on routes that need no role
     */
    record Call(HttpServletRequest req, HttpServletResponse resp, Client client, Principal principal) {

        Locale locale() {
            return ApiServlet.locale(req);
        }

        String query(String name) {
            return ApiServlet.query(req, name);
        }

        String param(String name) {
            return ApiServlet.param(req, name);
        }

        void json(int status, Object body) throws IOException {
            ApiServlet.json(resp, status, body);
        }

        /** Who acts through the web: the signed-in user. */
        String actor() {
            return "web:" + principal.user();
        }
    }

    /**
     * One entry of the route table.
     *
     * @param name     the servlet's name on the whiteboard ({@code tilskudd-api-NAME})
     * @param pattern  the whiteboard pattern, e.g. {@code /api/schemes}
     * @param role     the role it needs; null when the route signs in itself (or needs no one)
     * @param methods  what it does per HTTP method, in the order the 405 answer lists them; empty for any method
     * @param fallback what it does for any method when {@code methods} is empty
     */
    record Route(String name, String pattern, Role role, Map<String, Handler> methods, Handler fallback) {
    }

    private final transient Route route;
    private final transient RequestGuard guard;
    private final transient Security security;
    private final transient WebLog log;

    ApiServlet(Route route, RequestGuard guard, Security security, WebLog log) {
        this.route = route;
        this.guard = guard;
        this.security = security;
        this.log = log;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Referrer-Policy", "no-referrer");
        String method = req.getMethod();
        String path = apiPath(req);
        try {
            Client client = guard.check(req);
            Principal p = route.role() == null ? null : Access.require(security, log, req, resp, client, route.role());
            Handler h = route.methods().isEmpty() ? route.fallback() : route.methods().get(method);
            if (h == null) {
                throw new ApiException(405, "method_not_allowed", method + " is not allowed here (allowed: "
                        + String.join(", ", route.methods().keySet()) + ")");
            }
            if (p != null && !route.methods().isEmpty() && !method.equals("GET") && !method.equals("HEAD")) {
                Access.checkCsrf(p, req, client);
            }
            h.handle(new Call(req, resp, client, p));
        } catch (ApiException e) {
            error(req, resp, e.status(), e.code(), e.getMessage(), e.extra());
        } catch (UnknownFormatException e) {
            error(req, resp, 404, "unknown_format", e.getMessage(), Map.of("formats", new TreeSet<>(e.available())));
        } catch (SchemeChangedException e) {
            error(req, resp, 409, "scheme_changed", e.getMessage(), Map.of("scheme", e.schemeId()));
        } catch (IllegalArgumentException e) {
            error(req, resp, 400, "bad_request", e.getMessage(), Map.of());
        } catch (Exception e) {
            String ref = Long.toString(System.nanoTime(), 36);
            log.error(method + " " + path + " failed (ref " + ref + ")", e);
            error(req, resp, 500, "internal_error", "the request failed on the server (reference " + ref + " in "
                    + "data/log/web.log)", Map.of());
        }
    }

    /** The path under {@code /api}, e.g. {@code /schemes}. */
    static String apiPath(HttpServletRequest req) {
        String full = Optional.ofNullable(req.getServletPath()).orElse("")
                + Optional.ofNullable(req.getPathInfo()).orElse("");
        return full.startsWith("/api") ? (full.length() == 4 ? "/" : full.substring(4)) : full;
    }

    /** Sign-in, roles and CSRF, for every route. */
    static final class Access {

        private Access() {
        }

        static Principal require(Security security, WebLog log, HttpServletRequest req, HttpServletResponse resp,
                Client client, Role role) {
            Optional<Principal> p;
            try {
                p = security.authenticator().identify(sessionCookie(req), req.getHeader("Authorization"), client);
            } catch (Authenticator.Refused e) {
                e.wrongName().ifPresent(n -> log.info("failed sign-in (HTTP Basic) for '" + logName(n) + "' from "
                        + client.address()));
                if (e.status() == 401) {
                    unauthorized(resp);
                }
                e.retryAfter().ifPresent(d -> retryAfter(resp, d));
                throw new ApiException(e.status(), e.code(), e.getMessage());
            }
            if (p.isEmpty()) {
                unauthorized(resp);
                throw new ApiException(401, "unauthorized", "sign in first (POST /api/session), or use HTTP Basic "
                        + "from this machine");
            }
            // No role: any signed-in user, a reporter too (who am I, sign out). A reporter's route (browser
            // reporting) is open to every role: analysts and administrators may do there what a reporter may, for
            // any unit, and the reporting service decides by unit.
            if (role != null && role != Role.REPORTER && !p.get().role().includes(role)) {
                throw new ApiException(403, "forbidden", "this needs the role '" + role.id() + "'; you are '"
                        + p.get().role().id() + "'");
            }
            return p.get();
        }

        static void retryAfter(HttpServletResponse resp, Duration d) {
            resp.setHeader("Retry-After", Long.toString(Math.max(1, (d.toMillis() + 999) / 1000)));
        }

        static String logName(String name) {
            String n = name.replaceAll("[^A-Za-z0-9._-]", "?");
            return n.length() > 64 ? n.substring(0, 64) + "..." : n;
        }

        static void unauthorized(HttpServletResponse resp) {
            // Not "Basic": a browser would then offer its own sign-in dialog and keep the credentials, which would
            // let other sites' forms ride on them. curl and scripts send Basic credentials without being asked.
            resp.setHeader("WWW-Authenticate", "Session realm=\"tilskudd\"");
        }

        /**
         * CSRF protection on every state-changing request: a request from another origin is refused outright (the
         * Origin header, which browsers always send on such requests), and a request signed in by the session
         * cookie must also carry the session's own token in {@code X-CSRF-Token}, which a page of another site
         * cannot read. The cookie is SameSite=Strict besides.
         */
        static void checkCsrf(Principal p, HttpServletRequest req, Client client) {
            String origin = req.getHeader("Origin");
            if (origin != null && !origin.equals("null") && !sameOrigin(origin, client)) {
                throw new ApiException(403, "cross_origin", "requests from another origin are not accepted");
            }
            if (origin != null && origin.equals("null")) {
                throw new ApiException(403, "cross_origin", "requests from an opaque origin are not accepted");
            }
            if (p.session().isPresent() && !p.session().get().csrfMatches(req.getHeader(Sessions.CSRF_HEADER))) {
                throw new ApiException(403, "csrf", "missing or wrong " + Sessions.CSRF_HEADER + " header");
            }
        }
    }

    /**
     * Whether an Origin is this host as the client sees it: through a trusted proxy, the scheme and host the proxy
     * was asked for.
     */
    static boolean sameOrigin(String origin, Client client) {
        try {
            URI o = URI.create(origin);
            return client.host() != null && o.getScheme() != null && o.getRawAuthority() != null
                    && o.getScheme().equalsIgnoreCase(client.scheme())
                    && withoutDefaultPort(client.host(), client.scheme())
                            .equalsIgnoreCase(withoutDefaultPort(o.getRawAuthority(), client.scheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String withoutDefaultPort(String authority, String scheme) {
        String suffix = scheme.equals("https") ? ":443" : ":80";
        return authority.endsWith(suffix) ? authority.substring(0, authority.length() - suffix.length()) : authority;
    }

    static String sessionCookie(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (c.getName().equals(Sessions.COOKIE)) {
                return c.getValue();
            }
        }
        return null;
    }

    static void download(HttpServletResponse resp, String fileName, ByteArrayOutputStream body)
            throws IOException {
        String safe = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        resp.setStatus(200);
        resp.setContentType(mediaTypeOf(safe));
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + safe + "\"; filename*=UTF-8''"
                + URLEncoder.encode(safe, StandardCharsets.UTF_8));
        resp.setContentLengthLong(body.size());
        try (OutputStream o = resp.getOutputStream()) {
            body.writeTo(o);
        }
    }

    static String mediaTypeOf(String fileName) {
        return switch (Uploads.extension(fileName)) {
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "pdf" -> "application/pdf";
            case "csv" -> "text/csv; charset=utf-8";
            case "json" -> "application/json";
            case "html" -> "text/html; charset=utf-8";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "odt" -> "application/vnd.oasis.opendocument.text";
            case "ods" -> "application/vnd.oasis.opendocument.spreadsheet";
            default -> "application/octet-stream";
        };
    }

    /**
     * A query parameter, read from the query string itself: with a multipart body the container's
     * getParameter answers from the form fields only.
     */
    static String query(HttpServletRequest req, String name) {
        String q = req.getQueryString();
        if (q == null) {
            return null;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (k.equals(name)) {
                return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Every value of a query parameter given more than once ({@code scheme=a&scheme=b}), in order. */
    static List<String> queryAll(HttpServletRequest req, String name) {
        List<String> values = new ArrayList<>();
        String q = req.getQueryString();
        if (q == null) {
            return values;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (k.equals(name)) {
                values.add(eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    static String param(HttpServletRequest req, String name) {
        String v = query(req, name);
        if (v == null || v.isBlank()) {
            throw ApiException.badRequest("the query parameter '" + name + "' is required");
        }
        return v.trim();
    }

    /** The command line reads {@code --year} by the same rule ({@link YearRange}). */
    static int year(String s) {
        try {
            return YearRange.year(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("year " + e.getMessage());
        }
    }

    /** The command line reads {@code --years} by the same rule ({@link YearRange}). */
    static int[] years(String s) {
        try {
            YearRange r = YearRange.parse(s);
            return new int[] {r.from(), r.to()};
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("years " + e.getMessage());
        }
    }

    static Locale locale(HttpServletRequest req) {
        return "en".equals(query(req, "lang")) ? Locale.ENGLISH : Locale.forLanguageTag("nb");
    }

    static JsonNode readJson(HttpServletRequest req) throws IOException {
        if (req.getContentLengthLong() > MAX_JSON_BODY) {
            throw new ApiException(413, "too_large", "the request body is too large");
        }
        try (InputStream in = req.getInputStream()) {
            byte[] b = in.readNBytes(MAX_JSON_BODY + 1);
            if (b.length > MAX_JSON_BODY) {
                throw new ApiException(413, "too_large", "the request body is too large");
            }
            return JSON.readTree(b);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON");
        }
    }

    /**
     * A refused request may leave its body unread. A small one is read and dropped, so that the client can send
     * its next request on the same connection; for a large one the answer says the connection closes, so that no
     * client sends its next request into a connection the server is about to drop.
     */
    private static void drainOrClose(HttpServletRequest req, HttpServletResponse resp) {
        long length = req.getContentLengthLong();
        if (length == 0 || req.getMethod().equals("GET")) {
            return;
        }
        if (length < 0 || length > DRAIN_LIMIT) {
            resp.setHeader("Connection", "close");
            return;
        }
        try {
            InputStream in = req.getInputStream();
            byte[] buf = new byte[8192];
            long total = 0;
            for (int r; (r = in.read(buf)) > 0 && total <= DRAIN_LIMIT;) {
                total += r;
            }
        } catch (IOException | IllegalStateException e) {
            resp.setHeader("Connection", "close");
        }
    }

    static void json(HttpServletResponse resp, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        resp.setContentLength(bytes.length);
        try (OutputStream o = resp.getOutputStream()) {
            o.write(bytes);
        }
    }

    static void error(HttpServletRequest req, HttpServletResponse resp, int status, String code,
            String detail, Map<String, Object> extra) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.resetBuffer();
        drainOrClose(req, resp);
        resp.setHeader("Content-Disposition", null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", code);
        m.put("detail", detail == null ? code : detail);
        m.putAll(extra);
        json(resp, status, m);
    }
}
