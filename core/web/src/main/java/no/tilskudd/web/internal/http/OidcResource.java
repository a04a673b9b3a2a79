package no.tilskudd.web.internal.http;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import no.tilskudd.api.host.User;
import no.tilskudd.web.internal.auth.Security;
import no.tilskudd.web.internal.auth.Sessions;
import no.tilskudd.web.internal.http.ApiServlet.Call;
import no.tilskudd.web.internal.oidc.ClaimMapping;
import no.tilskudd.web.internal.oidc.OidcClient;
import no.tilskudd.web.internal.oidc.OidcRefused;
import no.tilskudd.web.internal.oidc.OidcRefused.Reason;
import no.tilskudd.web.internal.oidc.OidcSettings;

/**
 * Sign-in through an OpenID Connect provider: {@code GET /api/session/providers} (what the sign-in page offers),
 * {@code GET /api/session/oidc} (off to the provider) and {@code GET /api/session/oidc/callback} (back from it, into
 * an ordinary session). Both of the latter are browser navigations, so they answer with redirects: a failure ends on
 * the sign-in page with {@code ?oidc_error=CODE}, never a stack trace, and the details go to the log and the audit
 * trail.
 */
final class OidcResource {

    /** The throttle counts the provider's failed sign-ins from an address under this name. */
    static final String THROTTLE_NAME = "oidc";
    private static final String FLOW_PATH = "/api/session/oidc";

    private final Optional<OidcClient> client;
    private final Security security;
    private final WebLog log;
    private final Predicate<String> knownOrgUnit;

    OidcResource(Optional<OidcClient> client, Security security, WebLog log, Predicate<String> knownOrgUnit) {
        this.client = client;
        this.security = security;
        this.log = log;
        this.knownOrgUnit = knownOrgUnit;
    }

    /** {@code {"providers": [{"id": "oidc", "label": ..., "start": "/api/session/oidc"}]}}, empty when off. */
    void providers(Call c) throws java.io.IOException {
        List<Map<String, Object>> list = client.map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", "oidc");
            m.put("label", o.settings().buttonLabel());
            m.put("start", FLOW_PATH);
            return List.of(m);
        }).orElse(List.of());
        c.json(200, Map.of("providers", list));
    }

    void start(Call c) {
        OidcClient o = client.orElseThrow(() -> ApiException.notFound("sign-in with OpenID Connect is not set up "
                + "here (" + "oidc.issuer in conf/tilskudd.properties)"));
        try {
            OidcClient.Start s = o.start(redirectUri(o, c));
            c.resp().addHeader("Set-Cookie", OidcClient.COOKIE + "=" + s.cookie() + "; Path=" + FLOW_PATH
                    + "; Max-Age=" + OidcClient.FLOW_TIME.toSeconds() + "; HttpOnly; SameSite=Lax"
                    + (c.client().secure() ? "; Secure" : ""));
            redirect(c, s.location().toString());
        } catch (OidcRefused e) {
            fail(c, e);
        }
    }

    void callback(Call c) {
        OidcClient o = client.orElseThrow(() -> ApiException.notFound("sign-in with OpenID Connect is not set up "
                + "here"));
        // The flow cookie is for one try, whatever comes of it.
        c.resp().addHeader("Set-Cookie", OidcClient.COOKIE + "=; Path=" + FLOW_PATH + "; Max-Age=0; HttpOnly; "
                + "SameSite=Lax" + (c.client().secure() ? "; Secure" : ""));
        String address = c.client().address();
        try {
            Optional<Duration> wait = security.throttle().waitFor(THROTTLE_NAME, address);
            if (wait.isPresent()) {
                throw new OidcRefused(Reason.THROTTLED, "too many failed sign-ins through the provider from "
                        + address + "; wait " + wait.get().toSeconds() + " s");
            }
            Map<String, Object> claims = o.finish(redirectUri(o, c), c.req().getQueryString(), cookie(c));
            ClaimMapping.Person person = new ClaimMapping(o.settings()).map(claims);
            List<String> unknown = person.orgUnits().stream().filter(knownOrgUnit.negate()).toList();
            if (!unknown.isEmpty()) {
                throw new OidcRefused(Reason.UNKNOWN_ORG_UNIT, "the claim '" + o.settings().orgUnitsClaim()
                        + "' of " + person.userName() + " names org units not in the register: "
                        + String.join(", ", unknown));
            }
            User u;
            try {
                u = security.users().signInExternal(person.userName(), o.settings().issuer().toString(),
                        person.role(), person.orgUnits(), "oidc:" + person.userName());
            } catch (IllegalArgumentException e) {
                // A local user or another provider's has the name (or the register changed a moment ago).
                throw new OidcRefused(Reason.NOT_ALLOWED, e.getMessage() + " (" + person.userName() + ")");
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the users cannot be written: " + e.getMessage(), e);
            }
            security.throttle().succeeded(THROTTLE_NAME, address);
            security.sessions().remove(ApiServlet.sessionCookie(c.req()));
            Sessions.Session s = security.sessions().create(u);
            SessionResource.setCookie(c, s);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("via", "oidc");
            details.put("provider", o.settings().issuer().toString());
            details.put("name", person.displayName());
            details.put("role", u.role().id());
            if (!u.orgUnits().isEmpty()) {
                details.put("orgUnits", String.join(",", u.orgUnits()));
            }
            details.put("address", address);
            security.record("oidc:" + u.name(), "signin.oidc", u.name(), details);
            log.info("'" + u.name() + "' signed in via OIDC from " + address);
            redirect(c, "/");
        } catch (OidcRefused e) {
            if (e.reason() != Reason.THROTTLED && e.reason() != Reason.PROVIDER_UNAVAILABLE) {
                security.signInFailed(THROTTLE_NAME, address, "oidc");
            }
            fail(c, e);
        }
    }

    private void fail(Call c, OidcRefused e) {
        log.info("sign-in via OIDC from " + c.client().address() + " refused (" + e.reason().code() + "): "
                + limit(e.getMessage()));
        if (e.reason() != Reason.THROTTLED) {
            security.record("web:" + c.client().address(), "signin.oidc.refused", THROTTLE_NAME,
                    Map.of("reason", e.reason().code(), "detail", limit(e.getMessage())));
        }
        redirect(c, "/?oidc_error=" + e.reason().code());
    }

    /** The configured callback, or this host's as the browser addressed it (the guard checked the Host). */
    private static URI redirectUri(OidcClient o, Call c) {
        if (o.settings().redirectUri().isPresent()) {
            return o.settings().redirectUri().get();
        }
        if (c.client().host() == null) {
            throw ApiException.badRequest("the request names no host (Host header), so the callback for the provider "
                    + "cannot be told; set oidc.redirectUri");
        }
        return URI.create(c.client().scheme() + "://" + c.client().host() + OidcSettings.CALLBACK_PATH);
    }

    private static String cookie(Call c) {
        jakarta.servlet.http.Cookie[] cookies = c.req().getCookies();
        if (cookies != null) {
            for (jakarta.servlet.http.Cookie k : cookies) {
                if (k.getName().equals(OidcClient.COOKIE)) {
                    return k.getValue();
                }
            }
        }
        return null;
    }

    private static void redirect(Call c, String location) {
        c.resp().setStatus(302);
        c.resp().setHeader("Location", location);
        c.resp().setContentLength(0);
    }

    /** A message for the log and the audit trail: one line (the provider's error text is not ours), not too long. */
    private static String limit(String s) {
        String t = s == null ? "" : s.replaceAll("\\p{Cntrl}", " ");
        return t.length() > 500 ? t.substring(0, 500) + "..." : t;
    }
}
