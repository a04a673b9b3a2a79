package no.tilskudd.web.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.host.Role;
import no.tilskudd.api.host.User;
import no.tilskudd.web.internal.auth.Authenticator;
import no.tilskudd.web.internal.auth.Authenticator.Principal;
import no.tilskudd.web.internal.auth.Security;
import no.tilskudd.web.internal.auth.Sessions;
import no.tilskudd.web.internal.http.ApiServlet.Access;
import no.tilskudd.web.internal.http.ApiServlet.Call;

/** {@code /api/session}: sign in ({@code POST}), who am I ({@code GET}), sign out ({@code DELETE}). */
final class SessionResource {

    private final Security security;
    private final WebLog log;

    SessionResource(Security security, WebLog log) {
        this.security = security;
        this.log = log;
    }

    /** Who am I: for every signed-in user, a reporter too, who may do nothing else yet. */
    void get(Call c) throws IOException {
        Principal p = Access.require(security, log, c.req(), c.resp(), c.client(), null);
        c.json(200, sessionJson(p.user(), p.role(), p.orgUnits(), p.session().map(Sessions.Session::csrf)
                .orElse(null)));
    }

    void signIn(Call c) throws IOException {
        String origin = c.req().getHeader("Origin");
        if (origin != null && !ApiServlet.sameOrigin(origin, c.client())) {
            throw new ApiException(403, "cross_origin", "sign-in from another origin is not accepted");
        }
        if (!Uploads.mediaType(c.req().getContentType()).equals("application/json")) {
            throw new ApiException(415, "unsupported_media_type", "send {\"name\":..,\"password\":..} as "
                    + "application/json");
        }
        JsonNode body = ApiServlet.readJson(c.req());
        String name = body.path("name").asText("");
        String password = body.path("password").asText("");
        if (name.isEmpty() || password.isEmpty()) {
            throw ApiException.badRequest("name and password are required");
        }
        String address = c.client().address();
        Optional<Duration> wait = security.throttle().waitFor(name, address);
        if (wait.isPresent()) {
            Authenticator.Refused r = Authenticator.Refused.throttled(wait.get());
            r.retryAfter().ifPresent(d -> Access.retryAfter(c.resp(), d));
            throw new ApiException(r.status(), r.code(), r.getMessage());
        }
        Optional<User> u = security.users().authenticate(name, password);
        if (u.isEmpty()) {
            security.signInFailed(name, address, "session");
            log.info("failed sign-in for '" + Access.logName(name) + "' from " + address);
            Access.unauthorized(c.resp());
            throw new ApiException(401, "unauthorized", "wrong user name or password");
        }
        security.throttle().succeeded(name, address);
        // A new id at every sign-in, so that a session id planted before cannot be used afterwards.
        security.sessions().remove(ApiServlet.sessionCookie(c.req()));
        Sessions.Session s = security.sessions().create(u.get());
        setCookie(c, s);
        log.info("'" + name + "' signed in from " + address);
        c.json(200, sessionJson(u.get().name(), u.get().role(), u.get().orgUnits(), s.csrf()));
    }

    /** The session cookie, for a password sign-in and one through OpenID Connect alike. */
    static void setCookie(Call c, Sessions.Session s) {
        c.resp().addHeader("Set-Cookie", Sessions.COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict"
                + (c.client().secure() ? "; Secure" : ""));
    }

    void signOut(Call c) {
        Principal p = Access.require(security, log, c.req(), c.resp(), c.client(), null);
        Access.checkCsrf(p, c.req(), c.client());
        p.session().ifPresent(s -> security.sessions().remove(s.id()));
        c.resp().addHeader("Set-Cookie", Sessions.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
                + (c.client().secure() ? "; Secure" : ""));
        c.resp().setStatus(204);
    }

    private static Map<String, Object> sessionJson(String user, Role role, List<String> orgUnits, String csrf) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", user);
        m.put("role", role.id());
        m.put("orgUnits", orgUnits);
        m.put("csrfToken", csrf);
        return m;
    }
}
