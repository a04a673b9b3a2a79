package no.tilskudd.web.internal.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.tilskudd.api.host.Role;
import org.junit.jupiter.api.Test;

class ClaimMappingTest {

    private static OidcSettings settings(Map<String, String> extra) {
        Map<String, String> m = new HashMap<>(Map.of("oidc.issuer", "https://idp.example", "oidc.clientId", "c"));
        m.putAll(extra);
        return OidcSettings.from(m::get, java.nio.file.Path.of(".")).orElseThrow();
    }

    private static final ClaimMapping PLAIN = new ClaimMapping(settings(Map.of()));

    @Test
    void aListOrACommaStringOfCodesEachOnceInCodeOrder() throws Exception {
        ClaimMapping.Person p = PLAIN.map(Map.of("sub", "abc", "name", "Kari", "org_units", List.of("1804", "0301",
                "1804")));
        assertEquals("oidc-abc", p.userName());
        assertEquals("Kari", p.displayName());
        assertEquals(Role.REPORTER, p.role());
        assertEquals(List.of("0301", "1804"), p.orgUnits());
        assertEquals(List.of("0301", "1804"), PLAIN.map(Map.of("sub", "abc", "org_units", "1804, 0301")).orgUnits());
        assertEquals("abc", PLAIN.map(Map.of("sub", "abc", "org_units", "1804")).displayName());
    }

    @Test
    void noOrgUnitsNoSubjectAreRefused() {
        OidcRefused none = assertThrows(OidcRefused.class, () -> PLAIN.map(Map.of("sub", "abc")));
        assertEquals(OidcRefused.Reason.NO_ORG_UNITS, none.reason());
        assertEquals(OidcRefused.Reason.NO_ORG_UNITS,
                assertThrows(OidcRefused.class, () -> PLAIN.map(Map.of("sub", "abc", "org_units", " "))).reason());
        assertEquals(OidcRefused.Reason.TOKEN_REFUSED,
                assertThrows(OidcRefused.class, () -> PLAIN.map(Map.of("org_units", "1804"))).reason());
    }

    @Test
    void aSubjectThatIsNoUserNameBecomesADigest() throws Exception {
        String name = PLAIN.map(Map.of("sub", "kari@example.org", "org_units", "1804")).userName();
        assertTrue(name.matches("oidc-[0-9a-f]{40}"), name);
        assertEquals(name, PLAIN.map(Map.of("sub", "kari@example.org", "org_units", "1804")).userName());
        String longSub = "a".repeat(80);
        assertEquals(45, PLAIN.map(Map.of("sub", longSub, "org_units", "1804")).userName().length());
    }

    @Test
    void theRoleClaimGivesOnlyWhatTheMapSays() throws Exception {
        ClaimMapping m = new ClaimMapping(settings(Map.of("oidc.claim.role", "groups",
                "oidc.roleMap", "tilskudd-analytiker=analyst,tilskudd-admin=admin")));
        assertEquals(Role.ANALYST, m.map(Map.of("sub", "a", "groups", List.of("staff", "tilskudd-analytiker")))
                .role());
        ClaimMapping.Person admin = m.map(Map.of("sub", "a", "groups", List.of("tilskudd-analytiker",
                "tilskudd-admin"), "org_units", "1804"));
        assertEquals(Role.ADMIN, admin.role());
        assertEquals(List.of(), admin.orgUnits(), "only reporters have org units");
        // A value the map does not name (even "admin" itself) gives the default role, a reporter.
        assertEquals(Role.REPORTER, m.map(Map.of("sub", "a", "groups", "admin", "org_units", "1804")).role());
    }
}
