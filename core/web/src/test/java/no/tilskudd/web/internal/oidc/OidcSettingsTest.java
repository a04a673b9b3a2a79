package no.tilskudd.web.internal.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.host.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OidcSettingsTest {

    @TempDir
    Path home;

    private Optional<OidcSettings> read(Map<String, String> m) {
        return OidcSettings.from(m::get, home);
    }

    private static Map<String, String> minimal() {
        Map<String, String> m = new HashMap<>();
        m.put("oidc.issuer", "https://idporten.example");
        m.put("oidc.clientId", "tilskudd");
        return m;
    }

    @Test
    void offWithoutAnIssuerAndAHalfSettingIsAnError() {
        assertTrue(read(Map.of()).isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("oidc.clientId", "x")));
        assertTrue(e.getMessage().contains("oidc.issuer"), e.getMessage());
    }

    @Test
    void theDefaultsAreAPublicClientForReporters() {
        OidcSettings s = read(minimal()).orElseThrow();
        assertEquals("https://idporten.example", s.issuer().toString());
        assertTrue(s.clientSecret().isEmpty());
        assertTrue(s.redirectUri().isEmpty());
        assertEquals(List.of("openid", "profile"), s.scopes());
        assertEquals("org_units", s.orgUnitsClaim());
        assertEquals("name", s.nameClaim());
        assertEquals(Role.REPORTER, s.role());
        assertEquals("OpenID Connect", s.buttonLabel());
    }

    @Test
    void openidIsAlwaysAskedForFirst() {
        Map<String, String> m = minimal();
        m.put("oidc.scopes", "profile, org openid");
        assertEquals(List.of("openid", "profile", "org"), read(m).orElseThrow().scopes());
    }

    @Test
    void plainHttpOnlyOnLoopback() {
        Map<String, String> m = minimal();
        m.put("oidc.issuer", "http://idporten.example");
        assertThrows(IllegalArgumentException.class, () -> read(m));
        m.put("oidc.issuer", "http://127.0.0.1:8081");
        assertTrue(read(m).isPresent());
    }

    @Test
    void noAdministratorForEveryoneOnlyThroughAnExplicitMap() {
        Map<String, String> m = minimal();
        m.put("oidc.role", "admin");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(m));
        assertTrue(e.getMessage().contains("oidc.roleMap"), e.getMessage());
        m.remove("oidc.role");
        m.put("oidc.claim.role", "groups");
        assertThrows(IllegalArgumentException.class, () -> read(m), "a role claim needs a map");
        m.put("oidc.roleMap", "tilskudd-admin=admin, tilskudd-analytiker=analyst");
        assertEquals(Map.of("tilskudd-admin", Role.ADMIN, "tilskudd-analytiker", Role.ANALYST),
                read(m).orElseThrow().roleMap());
        m.put("oidc.roleMap", "tilskudd-admin=root");
        assertThrows(IllegalArgumentException.class, () -> read(m));
    }

    @Test
    void theRedirectUriMustBeTheCallback() {
        Map<String, String> m = minimal();
        m.put("oidc.redirectUri", "https://tilskudd.example/elsewhere");
        assertThrows(IllegalArgumentException.class, () -> read(m));
        m.put("oidc.redirectUri", "https://tilskudd.example/api/session/oidc/callback");
        assertEquals("https://tilskudd.example/api/session/oidc/callback",
                read(m).orElseThrow().redirectUri().orElseThrow().toString());
    }

    @Test
    void theSecretComesFromAPrivateFileAndNeverIntoToString() throws Exception {
        Path f = home.resolve("conf-oidc.secret");
        Files.writeString(f, "s3cret-value\n");
        Map<String, String> m = minimal();
        m.put("oidc.clientSecretFile", "conf-oidc.secret");
        if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(m));
            assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        }
        OidcSettings s = read(m).orElseThrow();
        assertEquals("s3cret-value", s.clientSecret().orElseThrow());
        assertFalse(s.toString().contains("s3cret"), s.toString());
        m.put("oidc.clientSecretFile", "missing.secret");
        assertThrows(IllegalArgumentException.class, () -> read(m));
    }
}
