package no.tilskudd.web.internal.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tilskudd.web.internal.oidc.OidcRefused.Reason;

/**
 * The relying party's half of the authorization-code flow with PKCE (S256), through the Nimbus OAuth 2.0 SDK: the
 * provider's metadata from its discovery document, the redirect to its authorization endpoint, the code exchange,
 * and the ID token's validation (signature by the provider's JWKS, issuer, audience, nonce, expiry).
 * <p>
 * What the callback must know of the start (state, nonce, code verifier) travels in a short-lived, HttpOnly
 * {@code SameSite=Lax} cookie scoped to the callback's path, not in the session: the session cookie is
 * {@code SameSite=Strict}, so the browser leaves it out of the provider's redirect back to us; and a cookie needs
 * no memory on this host, so every host on one database can take the callback. The cookie binds the flow to the
 * browser that started it: a callback in another browser (a planted sign-in link) has no cookie, or one whose state
 * does not match. The cookie is only ever sent back to us, and the provider uses each code once.
 */
public final class OidcClient {

    /** The flow cookie's name. */
    public static final String COOKIE = "tilskudd_oidc";
    /** How long a sign-in at the provider may take. */
    public static final Duration FLOW_TIME = Duration.ofMinutes(10);
    private static final int CONNECT_MS = 5_000;
    private static final int READ_MS = 10_000;
    private static final int JWKS_MAX_BYTES = 512 * 1024;
    /** After the provider could not be reached, the next try waits this long, so that sign-in pages cannot hammer it. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A redirect to the provider and the cookie to set with it. */
    public record Start(URI location, String cookie) {
    }

    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    private final OidcSettings settings;
    private final Clock clock;
    private volatile Provider provider;
    private volatile long failedAt = Long.MIN_VALUE;

    /**
     * @param settings the provider and this client
     * @param clock    the time, for the flow cookie's age
     */
    public OidcClient(OidcSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** @return the settings */
    public OidcSettings settings() {
        return settings;
    }

    /**
     * Starts a sign-in.
     *
     * @param redirectUri the callback the provider is to send the browser back to
     * @return where to send the browser, and the flow cookie's value
     * @throws OidcRefused when the provider's metadata cannot be had
     */
    public Start start(URI redirectUri) throws OidcRefused {
        OIDCProviderMetadata md = provider().metadata();
        State state = new State(random());
        Nonce nonce = new Nonce(random());
        CodeVerifier verifier = new CodeVerifier(random());
        AuthenticationRequest req = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope(settings.scopes().toArray(String[]::new)), new ClientID(settings.clientId()), redirectUri)
                .endpointURI(md.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        String cookie = state.getValue() + "." + nonce.getValue() + "." + verifier.getValue() + "."
                + clock.instant().getEpochSecond();
        return new Start(req.toURI(), cookie);
    }

    /**
     * Ends a sign-in: checks the state against the flow cookie, exchanges the code with the code verifier, and
     * validates the ID token.
     *
     * @param redirectUri the callback, exactly as at the start
     * @param query       the callback's query string
     * @param cookie      the flow cookie's value, or null when the browser sent none
     * @return the validated ID token's claims
     * @throws OidcRefused saying what was wrong
     */
    public Map<String, Object> finish(URI redirectUri, String query, String cookie) throws OidcRefused {
        String[] flow = cookie == null ? new String[0] : cookie.split("\\.");
        if (flow.length != 4) {
            throw new OidcRefused(Reason.BAD_STATE, "no sign-in was started from this browser (no flow cookie)");
        }
        long started;
        try {
            started = Long.parseLong(flow[3]);
        } catch (NumberFormatException e) {
            throw new OidcRefused(Reason.BAD_STATE, "the flow cookie is not one of ours");
        }
        if (clock.instant().getEpochSecond() - started > FLOW_TIME.toSeconds()) {
            throw new OidcRefused(Reason.BAD_STATE, "the sign-in took longer than " + FLOW_TIME.toMinutes() + " min");
        }
        AuthenticationResponse resp;
        try {
            resp = AuthenticationResponseParser.parse(URI.create(redirectUri + "?" + (query == null ? "" : query)));
        } catch (ParseException | IllegalArgumentException e) {
            throw new OidcRefused(Reason.BAD_STATE, "the callback is not an authentication response: "
                    + e.getMessage());
        }
        if (resp.getState() == null || !MessageDigest.isEqual(resp.getState().getValue().getBytes(
                java.nio.charset.StandardCharsets.US_ASCII), flow[0].getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new OidcRefused(Reason.BAD_STATE, "the state does not match the sign-in this browser started");
        }
        if (!resp.indicatesSuccess()) {
            AuthenticationErrorResponse err = resp.toErrorResponse();
            ErrorObject e = err.getErrorObject();
            throw new OidcRefused(Reason.PROVIDER_ERROR, "the provider answered " + e.getCode()
                    + (e.getDescription() == null ? "" : ": " + e.getDescription()));
        }
        AuthorizationCode code = resp.toSuccessResponse().getAuthorizationCode();
        if (code == null) {
            throw new OidcRefused(Reason.TOKEN_REFUSED, "the callback has no authorization code");
        }
        Provider p = provider();
        JWT idToken = exchange(p.metadata(), code, redirectUri, new CodeVerifier(flow[2]));
        try {
            return p.validator().validate(idToken, new Nonce(flow[1])).toJWTClaimsSet().getClaims();
        } catch (BadJOSEException | JOSEException e) {
            throw new OidcRefused(Reason.TOKEN_REFUSED, "the ID token was refused: " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new OidcRefused(Reason.TOKEN_REFUSED, "the ID token's claims cannot be read: " + e.getMessage(), e);
        }
    }

    private JWT exchange(OIDCProviderMetadata md, AuthorizationCode code, URI redirectUri, CodeVerifier verifier)
            throws OidcRefused {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, redirectUri, verifier);
        ClientID id = new ClientID(settings.clientId());
        TokenRequest req = settings.clientSecret().isPresent()
                ? new TokenRequest(md.getTokenEndpointURI(), new ClientSecretBasic(id,
                        new Secret(settings.clientSecret().get())), grant)
                : new TokenRequest(md.getTokenEndpointURI(), id, grant);
        HTTPRequest http = req.toHTTPRequest();
        http.setConnectTimeout(CONNECT_MS);
        http.setReadTimeout(READ_MS);
        TokenResponse resp;
        try {
            resp = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException e) {
            throw new OidcRefused(Reason.PROVIDER_UNAVAILABLE, "the provider's token endpoint "
                    + md.getTokenEndpointURI() + " cannot be reached: " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new OidcRefused(Reason.TOKEN_REFUSED, "the token endpoint's answer is not OpenID Connect: "
                    + e.getMessage(), e);
        }
        if (!resp.indicatesSuccess()) {
            TokenErrorResponse err = resp.toErrorResponse();
            throw new OidcRefused(Reason.TOKEN_REFUSED, "the token endpoint refused the code: "
                    + err.getErrorObject().getCode() + (err.getErrorObject().getDescription() == null ? ""
                            : " (" + err.getErrorObject().getDescription() + ")"));
        }
        JWT idToken = ((OIDCTokenResponse) resp.toSuccessResponse()).getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw new OidcRefused(Reason.TOKEN_REFUSED, "the token endpoint sent no ID token");
        }
        return idToken;
    }

    /** The provider's metadata and a validator for its ID tokens: fetched once, again after a failure. */
    private Provider provider() throws OidcRefused {
        Provider p = provider;
        if (p != null) {
            return p;
        }
        synchronized (this) {
            if (provider != null) {
                return provider;
            }
            long now = clock.millis();
            if (failedAt != Long.MIN_VALUE && now - failedAt < RETRY_AFTER_FAILURE.toMillis()) {
                throw new OidcRefused(Reason.PROVIDER_UNAVAILABLE, "the provider " + settings.issuer()
                        + " could not be reached a moment ago");
            }
            try {
                provider = load();
                return provider;
            } catch (OidcRefused e) {
                failedAt = now;
                throw e;
            }
        }
    }

    private Provider load() throws OidcRefused {
        OIDCProviderMetadata md;
        try {
            // Nimbus checks that the document's issuer is the one asked for.
            md = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()), CONNECT_MS, READ_MS);
        } catch (GeneralException | IOException e) {
            throw new OidcRefused(Reason.PROVIDER_UNAVAILABLE, "the provider's discovery document "
                    + settings.issuer() + "/.well-known/openid-configuration cannot be had: " + e.getMessage(), e);
        }
        if (md.getAuthorizationEndpointURI() == null || md.getTokenEndpointURI() == null
                || md.getJWKSetURI() == null) {
            throw new OidcRefused(Reason.PROVIDER_UNAVAILABLE, "the provider's discovery document lacks the "
                    + "authorization endpoint, the token endpoint or the JWKS URI");
        }
        Set<JWSAlgorithm> algs = new LinkedHashSet<>();
        for (JWSAlgorithm a : md.getIDTokenJWSAlgs() == null ? List.<JWSAlgorithm>of() : md.getIDTokenJWSAlgs()) {
            // Only signatures by the provider's published keys: never unsigned tokens, nor HMAC with a secret.
            if (JWSAlgorithm.Family.RSA.contains(a) || JWSAlgorithm.Family.EC.contains(a)
                    || JWSAlgorithm.Family.ED.contains(a)) {
                algs.add(a);
            }
        }
        if (algs.isEmpty()) {
            algs.add(JWSAlgorithm.RS256);
        }
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(md.getJWKSetURI().toURL(),
                    new DefaultResourceRetriever(CONNECT_MS, READ_MS, JWKS_MAX_BYTES)).build();
        } catch (MalformedURLException e) {
            throw new OidcRefused(Reason.PROVIDER_UNAVAILABLE, "the provider's JWKS URI is not a URL: "
                    + md.getJWKSetURI(), e);
        }
        IDTokenValidator v = new IDTokenValidator(md.getIssuer(), new ClientID(settings.clientId()),
                new JWSVerificationKeySelector<>(algs, keys), null);
        return new Provider(md, v);
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
