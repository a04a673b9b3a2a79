package no.tilskudd.distribution;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal OpenID Connect provider on loopback, for the end-to-end test of sign-in: discovery, JWKS, an
 * authorization endpoint that signs the person in at once (with the claims the test set) and sends the browser back
 * with a code, and a token endpoint that checks the code, the redirect URI and the PKCE verifier (S256) before it
 * issues an RS256 ID token. It can also issue the tokens a relying party must refuse. Built on Nimbus rather than
 * no.nav.security:mock-oauth2-server, which resolves here but brings Kotlin, Netty, Logback and Bouncy Castle (by a
 * version range) onto the test class path and cannot issue a tampered token.
 */
final class OidcTestProvider implements AutoCloseable {

    /** What the next ID token is like. */
    enum Token { GOOD, TAMPERED, OTHER_AUDIENCE, EXPIRED, WRONG_NONCE, OTHER_KEY }

    /** What the authorization endpoint was asked. */
    record Authorization(Map<String, String> query) {
    }

    private record Grant(String clientId, String redirectUri, String challenge, String nonce, Map<String, Object> claims) {
    }

    final URI issuer;
    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey otherKey;
    private final String clientId;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    volatile Map<String, Object> claims = Map.of();
    volatile Token token = Token.GOOD;
    volatile Authorization lastAuthorization;
    volatile String lastTokenError;
    /** Whether the person signs in on a page of the provider (a link to click) rather than at once. */
    volatile boolean loginPage;

    OidcTestProvider(String clientId) throws IOException, JOSEException {
        this(clientId, "127.0.0.1");
    }

    /**
     * @param clientId the one client it knows
     * @param hostName the name in its issuer: {@code localhost} makes it another site than a host at 127.0.0.1, as a
     *                 real provider is, so that a browser applies its SameSite rules
     */
    OidcTestProvider(String clientId, String hostName) throws IOException, JOSEException {
        this.clientId = clientId;
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = URI.create("http://" + hostName + ":" + server.getAddress().getPort());
        server.createContext("/.well-known/openid-configuration", x -> json(x, 200, discovery()));
        server.createContext("/jwks", x -> json(x, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    private String discovery() {
        return "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/authorize\","
                + "\"token_endpoint\":\"" + issuer + "/token\",\"jwks_uri\":\"" + issuer + "/jwks\","
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"code_challenge_methods_supported\":[\"S256\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"none\",\"client_secret_basic\"]}";
    }

    private void authorize(HttpExchange x) throws IOException {
        Map<String, String> q = form(x.getRequestURI().getRawQuery());
        lastAuthorization = new Authorization(q);
        if (!clientId.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))
                || !"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null) {
            json(x, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(q.get("client_id"), q.get("redirect_uri"), q.get("code_challenge"), q.get("nonce"),
                claims));
        String location = q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8);
        if (loginPage) {
            // As a real provider: a page of its own site where the person signs in; its link is what sends the
            // browser back, so that the callback is a navigation another site started.
            String href = location.replace("&", "&amp;").replace("\"", "&quot;");
            byte[] b = ("<!doctype html><html lang=\"nb\"><title>Testporten</title><main><h1>Testporten</h1>"
                    + "<a id=\"sign-in\" href=\"" + href + "\">Logg inn hos Testporten</a></main></html>")
                    .getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            x.sendResponseHeaders(200, b.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(b);
            }
            return;
        }
        x.getResponseHeaders().add("Location", location);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private void token(HttpExchange x) throws IOException {
        Map<String, String> f = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant g = codes.remove(f.getOrDefault("code", ""));
        String error = null;
        if (!"authorization_code".equals(f.get("grant_type")) || g == null) {
            error = "unknown or used code";
        } else if (!g.redirectUri().equals(f.get("redirect_uri"))) {
            error = "redirect_uri differs";
        } else if (!clientId.equals(f.get("client_id"))) {
            error = "client_id differs";
        } else if (f.get("code_verifier") == null || !s256(f.get("code_verifier")).equals(g.challenge())) {
            error = "PKCE verifier does not match the challenge";
        }
        if (error != null) {
            lastTokenError = error;
            json(x, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + error + "\"}");
            return;
        }
        try {
            json(x, 200, "{\"access_token\":\"" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":300,\"id_token\":\"" + idToken(g) + "\"}");
        } catch (JOSEException e) {
            throw new IOException(e);
        }
    }

    private String idToken(Grant g) throws JOSEException {
        Instant now = Instant.now();
        Token t = token;
        Instant exp = t == Token.EXPIRED ? now.minusSeconds(600) : now.plusSeconds(300);
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                .issuer(issuer.toString())
                .audience(t == Token.OTHER_AUDIENCE ? "another-client" : g.clientId())
                .issueTime(Date.from(t == Token.EXPIRED ? now.minusSeconds(900) : now))
                .expirationTime(Date.from(exp))
                .claim("nonce", t == Token.WRONG_NONCE ? "not-the-nonce" : g.nonce());
        g.claims().forEach(b::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), b.build());
        jwt.sign(new RSASSASigner(t == Token.OTHER_KEY ? otherKey : key));
        String s = jwt.serialize();
        if (t == Token.TAMPERED) {
            // The same signature over claims with another org unit.
            String[] parts = s.split("\\.");
            Map<String, Object> changed = new LinkedHashMap<>(b.build().getClaims());
            changed.put("org_units", List.of("0301", "1804"));
            changed.put("exp", exp.getEpochSecond());
            changed.put("iat", now.getEpochSecond());
            String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    com.nimbusds.jose.util.JSONObjectUtils.toJSONString(changed).getBytes(StandardCharsets.UTF_8));
            s = parts[0] + "." + payload + "." + parts[2];
        }
        return s;
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String s) {
        Map<String, String> m = new LinkedHashMap<>();
        if (s == null || s.isEmpty()) {
            return m;
        }
        for (String pair : s.split("&")) {
            int eq = pair.indexOf('=');
            m.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    private static void json(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(b);
        }
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
        }
    }
}
