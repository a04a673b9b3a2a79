package no.tilskudd.web.internal.oidc;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import no.tilskudd.api.host.Role;

/**
 * Sign-in through an OpenID Connect provider, as {@code conf/tilskudd.properties} sets it (README, "Sign-in with
 * OpenID Connect"). Off unless {@value #ISSUER} is set.
 *
 * @param issuer        the provider's issuer; its {@code /.well-known/openid-configuration} says the rest
 * @param clientId      this host's client id at the provider
 * @param clientSecret  the client secret (from a file only its owner may read), or empty for a public client, which
 *                      PKCE alone protects
 * @param redirectUri   the callback the provider sends the browser back to, or empty for the one derived from the
 *                      address the browser used ({@code <scheme>://<host>/api/session/oidc/callback})
 * @param scopes        the scopes asked for, {@code openid} first
 * @param orgUnitsClaim the claim with a reporter's org-unit codes (a list, or a string separated by commas or spaces)
 * @param nameClaim     the claim with the person's name, for the audit trail
 * @param role          the role of everyone who signs in this way, unless {@code roleClaim} maps them to another
 * @param roleClaim     a claim whose values {@code roleMap} maps to roles, or empty
 * @param roleMap       claim value to role; the only way an administrator can come from the provider
 * @param buttonLabel   what the sign-in page's button names ("Logg inn med ...")
 */
public record OidcSettings(URI issuer, String clientId, Optional<String> clientSecret, Optional<URI> redirectUri,
        List<String> scopes, String orgUnitsClaim, String nameClaim, Role role, Optional<String> roleClaim,
        Map<String, Role> roleMap, String buttonLabel) {

    static final String ISSUER = "oidc.issuer";
    static final String CLIENT_ID = "oidc.clientId";
    static final String CLIENT_SECRET_FILE = "oidc.clientSecretFile";
    static final String REDIRECT_URI = "oidc.redirectUri";
    static final String SCOPES = "oidc.scopes";
    static final String ORG_UNITS_CLAIM = "oidc.claim.orgUnits";
    static final String NAME_CLAIM = "oidc.claim.name";
    static final String ROLE = "oidc.role";
    static final String ROLE_CLAIM = "oidc.claim.role";
    static final String ROLE_MAP = "oidc.roleMap";
    static final String BUTTON_LABEL = "oidc.buttonLabel";

    /** The user store keeps the issuer in a column of 256 characters, after {@code oidc:}. */
    static final int MAX_ISSUER = 250;

    private static final Set<PosixFilePermission> NOT_PRIVATE = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** Copies the lists. */
    public OidcSettings {
        scopes = List.copyOf(scopes);
        roleMap = Map.copyOf(roleMap);
    }

    @Override
    public String toString() {
        // Never the secret: this record may end up in a log line.
        return "OidcSettings[" + issuer + ", clientId=" + clientId + ", "
                + (clientSecret.isPresent() ? "confidential" : "public") + " client]";
    }

    /**
     * Reads the settings.
     *
     * @param setting a framework property by name, null when not set
     * @param home    the folder a relative {@value #CLIENT_SECRET_FILE} is read from
     * @return the settings, or empty when {@value #ISSUER} is not set (no OpenID Connect)
     * @throws IllegalArgumentException naming the setting that is wrong and why
     */
    public static Optional<OidcSettings> from(Function<String, String> setting, Path home) {
        Optional<String> issuerText = value(setting, ISSUER);
        if (issuerText.isEmpty()) {
            for (String k : List.of(CLIENT_ID, CLIENT_SECRET_FILE, REDIRECT_URI, ORG_UNITS_CLAIM, ROLE_CLAIM)) {
                if (value(setting, k).isPresent()) {
                    throw wrong(k, "is set but " + ISSUER + " is not; set the provider's issuer, or remove " + k);
                }
            }
            return Optional.empty();
        }
        URI issuer = uri(ISSUER, issuerText.get());
        if (issuerText.get().length() > MAX_ISSUER) {
            throw wrong(ISSUER, "is longer than " + MAX_ISSUER + " characters");
        }
        boolean loopback = "localhost".equals(issuer.getHost()) || "127.0.0.1".equals(issuer.getHost())
                || "[::1]".equals(issuer.getHost());
        if (!issuer.getScheme().equals("https") && !(issuer.getScheme().equals("http") && loopback)) {
            throw wrong(ISSUER, "must be an https URL (plain http only on this machine, for tests): "
                    + issuerText.get());
        }
        String clientId = value(setting, CLIENT_ID).orElseThrow(() -> wrong(CLIENT_ID, "is required with "
                + ISSUER + ": the client id this host is registered with at the provider"));
        Optional<String> secret = value(setting, CLIENT_SECRET_FILE).map(f -> secret(home, f));
        Optional<URI> redirect = value(setting, REDIRECT_URI).map(r -> uri(REDIRECT_URI, r));
        redirect.ifPresent(r -> {
            if (!r.getRawPath().equals(CALLBACK_PATH)) {
                throw wrong(REDIRECT_URI, "must end in " + CALLBACK_PATH + " (the host's callback): " + r);
            }
        });
        LinkedHashSet<String> scopes = new LinkedHashSet<>();
        scopes.add("openid");
        for (String s : value(setting, SCOPES).orElse("openid profile").split("[,\\s]+")) {
            if (!s.isEmpty()) {
                scopes.add(s);
            }
        }
        Role role = value(setting, ROLE).map(r -> role(ROLE, r)).orElse(Role.REPORTER);
        if (role == Role.ADMIN) {
            throw wrong(ROLE, "cannot be admin: that would make everyone the provider signs in an administrator; "
                    + "map a claim value to admin with " + ROLE_CLAIM + " and " + ROLE_MAP + " instead");
        }
        Optional<String> roleClaim = value(setting, ROLE_CLAIM);
        Map<String, Role> roleMap = new LinkedHashMap<>();
        Optional<String> map = value(setting, ROLE_MAP);
        if (map.isPresent() != roleClaim.isPresent()) {
            throw wrong(map.isPresent() ? ROLE_MAP : ROLE_CLAIM, "needs " + (map.isPresent() ? ROLE_CLAIM : ROLE_MAP)
                    + " too");
        }
        for (String entry : map.orElse("").split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.lastIndexOf('=');
            if (eq < 1 || eq == entry.length() - 1) {
                throw wrong(ROLE_MAP, "'" + entry + "' is not VALUE=ROLE (e.g. tilskudd-analytiker=analyst)");
            }
            roleMap.put(entry.substring(0, eq), role(ROLE_MAP, entry.substring(eq + 1)));
        }
        return Optional.of(new OidcSettings(issuer, clientId, secret, redirect, new ArrayList<>(scopes),
                value(setting, ORG_UNITS_CLAIM).orElse("org_units"), value(setting, NAME_CLAIM).orElse("name"), role,
                roleClaim, roleMap, value(setting, BUTTON_LABEL).orElse("OpenID Connect")));
    }

    /** The path of the callback: a {@value #REDIRECT_URI} must name it. */
    public static final String CALLBACK_PATH = "/api/session/oidc/callback";

    private static Role role(String key, String id) {
        try {
            return Role.parse(id.strip());
        } catch (IllegalArgumentException e) {
            throw wrong(key, e.getMessage());
        }
    }

    private static URI uri(String key, String text) {
        try {
            URI u = new URI(text);
            if (u.getScheme() == null || u.getHost() == null || u.getRawQuery() != null || u.getRawFragment() != null
                    || !(u.getScheme().equals("https") || u.getScheme().equals("http"))) {
                throw wrong(key, "is not an http(s) URL without query or fragment: " + text);
            }
            return u;
        } catch (URISyntaxException e) {
            throw wrong(key, "is not a URL: " + text);
        }
    }

    /** The first line of a file that only its owner may read, as the store's password files. */
    private static String secret(Path home, String name) {
        Path file = home.resolve(name).toAbsolutePath().normalize();
        try {
            if (!Files.isRegularFile(file)) {
                throw wrong(CLIENT_SECRET_FILE, file + ": no such file");
            }
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> mode = EnumSet.copyOf(Files.getPosixFilePermissions(file));
                mode.retainAll(NOT_PRIVATE);
                if (!mode.isEmpty()) {
                    throw wrong(CLIENT_SECRET_FILE, file + ": readable by others than its owner; make it private: "
                            + "chmod 600 " + file);
                }
            }
            String first = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            if (first.isEmpty()) {
                throw wrong(CLIENT_SECRET_FILE, file + ": the file is empty; it must hold the secret on its first line");
            }
            return first;
        } catch (IOException e) {
            throw wrong(CLIENT_SECRET_FILE, file + ": cannot read it: " + e.getMessage());
        }
    }

    private static Optional<String> value(Function<String, String> setting, String key) {
        String v = setting.apply(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private static IllegalArgumentException wrong(String key, String why) {
        return new IllegalArgumentException("conf/tilskudd.properties: " + key + " " + why);
    }
}
