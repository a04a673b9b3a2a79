package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, sign-in for reporters through OpenID Connect, end to end in the framework: a provider on loopback
 * ({@link OidcTestProvider}), the host configured for it in conf/tilskudd.properties, and the authorization-code
 * flow with PKCE driven as a browser would, redirect by redirect. The Nimbus SDK inlined in the web bundle runs in
 * Felix here, which is what proves the inlining.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Timeout(value = 10, unit = TimeUnit.MINUTES)
class OidcSignInTest {

    private static final String CLIENT = "tilskudd-test";

    private OidcTestProvider provider;
    private WebHost host;

    @BeforeAll
    void start(@TempDir Path temp) throws Exception {
        provider = new OidcTestProvider(CLIENT);
        host = WebHost.start(temp, Map.of(
                "oidc.issuer", provider.issuer.toString(),
                "oidc.clientId", CLIENT,
                "oidc.claim.orgUnits", "org_units",
                "oidc.buttonLabel", "ID-porten"), WebHost.plugin("tilskudd-example-scheme"));
    }

    @AfterAll
    void stop() {
        if (host != null) {
            host.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    /** A browser of its own: its own cookies, redirects followed by hand so that each one can be looked at. */
    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> get(HttpClient b, URI uri) throws Exception {
        return b.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI location(HttpResponse<String> r) {
        assertEquals(302, r.statusCode(), r.uri() + ": " + r.body());
        return r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
    }

    /** Start, provider, callback: where the callback sent the browser. */
    private URI signIn(HttpClient b, Map<String, Object> claims, OidcTestProvider.Token token) throws Exception {
        provider.claims = claims;
        provider.token = token;
        URI toProvider = location(get(b, host.base.resolve("/api/session/oidc")));
        assertTrue(toProvider.toString().startsWith(provider.issuer + "/authorize?"), toProvider.toString());
        URI callback = location(get(b, toProvider));
        return location(get(b, callback));
    }

    private JsonNode session(HttpClient b) throws Exception {
        HttpResponse<String> r = get(b, host.base.resolve("/api/session"));
        return r.statusCode() == 200 ? WebHost.json(r) : null;
    }

    private void signsInAsReporter(String sub, List<String> units) throws Exception {
        HttpClient b = browser();
        URI end = signIn(b, Map.of("sub", sub, "name", "Kari Nordmann", "org_units", units),
                OidcTestProvider.Token.GOOD);
        assertEquals("/", end.getPath());
        assertEquals(null, end.getQuery(), end.toString());
        JsonNode s = session(b);
        assertNotNull(s, "signed in");
        assertEquals("reporter", s.get("role").asText());
    }

    @Test
    @Order(1)
    void theSignInPageIsToldOfTheProvider() throws Exception {
        JsonNode p = WebHost.json(host.get("/api/session/providers", null));
        assertEquals("ID-porten", p.at("/providers/0/label").asText());
        assertEquals("/api/session/oidc", p.at("/providers/0/start").asText());
    }

    @Test
    @Order(2)
    void aReporterSignsInWithTheOrgUnitsOfTheClaimAndItsUserCanBeRemoved() throws Exception {
        HttpClient b = browser();
        URI end = signIn(b, Map.of("sub", "sTrGoP2A-1", "name", "Kari Nordmann", "org_units",
                List.of("1804", "0301")), OidcTestProvider.Token.GOOD);
        assertEquals(host.base.resolve("/"), end);
        Map<String, String> asked = provider.lastAuthorization.query();
        assertEquals("S256", asked.get("code_challenge_method"));
        assertTrue(asked.get("scope").contains("openid"), asked.toString());
        assertNotNull(asked.get("nonce"));
        assertEquals(host.base.resolve("/api/session/oidc/callback").toString(), asked.get("redirect_uri"));
        assertEquals(null, provider.lastTokenError);

        JsonNode s = session(b);
        assertNotNull(s, "signed in");
        assertEquals("oidc-sTrGoP2A-1", s.get("user").asText());
        assertEquals("reporter", s.get("role").asText());
        assertEquals("[\"0301\",\"1804\"]", s.get("orgUnits").toString());
        assertFalse(s.get("csrfToken").asText().isEmpty());
        // A reporter is still refused what analysts do.
        assertEquals(403, get(b, host.base.resolve("/api/schemes")).statusCode());

        JsonNode users = host.run("users", "list", "--json").json().get("users");
        assertEquals(provider.issuer.toString(), users.get(1).get("provider").asText(), users.toString());
        assertTrue(users.get(0).get("provider") == null, "a local user has none");
        assertTrue(host.run("users", "list").out().contains("signs in via OIDC " + provider.issuer));
        String audit = host.run("audit", "--json").out();
        assertTrue(audit.contains("signin.oidc"), audit);

        assertEquals(0, host.run("users", "remove", "oidc-sTrGoP2A-1").exit());
        assertEquals(null, session(b), "removing the user ends its session");
    }

    @Test
    @Order(3)
    void aWrongOrMissingStateIsRefused() throws Exception {
        HttpClient b = browser();
        provider.claims = Map.of("sub", "state-1", "org_units", "1804");
        provider.token = OidcTestProvider.Token.GOOD;
        URI toProvider = location(get(b, host.base.resolve("/api/session/oidc")));
        URI callback = location(get(b, toProvider));
        URI wrong = URI.create(callback.toString().replaceAll("state=[^&]+", "state=forged"));
        assertEquals("oidc_error=bad_state", location(get(b, wrong)).getQuery());
        assertEquals(null, session(b));
        // The callback in another browser (a planted link): no flow cookie.
        URI other = location(get(browser(), location(get(browser(), host.base.resolve("/api/session/oidc")))));
        HttpClient victim = browser();
        assertEquals("oidc_error=bad_state", location(get(victim, other)).getQuery());
        assertEquals(null, session(victim));
        signsInAsReporter("state-ok", List.of("1804"));
    }

    @Test
    @Order(4)
    void aTamperedTokenIsRefused() throws Exception {
        refused(OidcTestProvider.Token.TAMPERED, "token_refused");
        refused(OidcTestProvider.Token.OTHER_KEY, "token_refused");
    }

    @Test
    @Order(5)
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        refused(OidcTestProvider.Token.OTHER_AUDIENCE, "token_refused");
    }

    @Test
    @Order(6)
    void anExpiredTokenOrOneWithAnotherNonceIsRefused() throws Exception {
        refused(OidcTestProvider.Token.EXPIRED, "token_refused");
        refused(OidcTestProvider.Token.WRONG_NONCE, "token_refused");
    }

    @Test
    @Order(7)
    void anUnknownOrgUnitOrNoneIsRefused() throws Exception {
        HttpClient b = browser();
        URI end = signIn(b, Map.of("sub", "unknown-1", "org_units", "1804,9999"), OidcTestProvider.Token.GOOD);
        assertEquals("oidc_error=unknown_org_unit", end.getQuery());
        assertEquals(null, session(b));
        assertFalse(host.run("users", "list").out().contains("oidc-unknown-1"));
        end = signIn(b, Map.of("sub", "none-1"), OidcTestProvider.Token.GOOD);
        assertEquals("oidc_error=no_org_units", end.getQuery());
        assertEquals(null, session(b));
        signsInAsReporter("after-refusals", List.of("0301"));
    }

    @Test
    @Order(8)
    void aLocalUserIsNeverTakenOver() throws Exception {
        String pw = host.addUser("oidc-local", "analyst");
        HttpClient b = browser();
        URI end = signIn(b, Map.of("sub", "local", "org_units", "1804"), OidcTestProvider.Token.GOOD);
        assertEquals("oidc_error=not_allowed", end.getQuery());
        assertEquals(null, session(b));
        assertEquals(200, host.get("/api/schemes", WebHost.basic("oidc-local", pw)).statusCode());
    }

    @Test
    @Order(9)
    void aProviderThatIsGoneEndsOnTheSignInPage() throws Exception {
        HttpClient b = browser();
        provider.claims = Map.of("sub", "late-1", "org_units", "1804");
        provider.token = OidcTestProvider.Token.GOOD;
        URI callback = location(get(b, location(get(b, host.base.resolve("/api/session/oidc")))));
        provider.close();
        HttpResponse<String> r = get(b, callback);
        assertEquals("oidc_error=provider_unavailable", location(r).getQuery());
        assertFalse(r.body().contains("Exception"), r.body());
        assertEquals(null, session(b));
        assertTrue(Files.readString(host.data.resolve("log/web.log")).contains("cannot be reached"));
    }

    @Test
    @Order(10)
    void refusalsAreThrottledPerAddressAsWrongPasswordsAre() throws Exception {
        // The callback with a state no browser started: no provider is asked, each try fails at once.
        URI forged = host.base.resolve("/api/session/oidc/callback?code=x&state=forged");
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 7 && !codes.contains("throttled"); i++) {
            codes.add(location(get(browser(), forged)).getQuery().replace("oidc_error=", ""));
        }
        assertEquals("bad_state", codes.get(0), codes.toString());
        assertEquals("throttled", codes.get(codes.size() - 1), "five free failures, then a wait: " + codes);
        assertTrue(codes.size() <= 6, codes.toString());
        String audit = host.run("audit", "--json").out();
        assertTrue(audit.contains("signin.oidc.refused") && audit.contains("bad_state"), audit);
    }

    private void refused(OidcTestProvider.Token token, String code) throws Exception {
        HttpClient b = browser();
        URI end = signIn(b, Map.of("sub", "refused-" + token, "org_units", List.of("1804")), token);
        assertEquals("oidc_error=" + code, end.getQuery(), token.toString());
        assertEquals(null, session(b), token.toString());
        // A success forgets the failures, so that the throttle of this address does not hold the next test back.
        signsInAsReporter("ok-" + token.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), List.of("1804"));
    }
}
