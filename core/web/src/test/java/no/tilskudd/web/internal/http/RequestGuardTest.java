package no.tilskudd.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import no.tilskudd.web.internal.auth.Client;
import org.junit.jupiter.api.Test;

/** Plain paths, allowed hosts and trusted proxies, the checks every request passes. */
class RequestGuardTest {

    @Test
    void onlyPlainPathsPass() {
        for (String ok : List.of("/", "/api/health", "/api/", "/api/bundles/no.tilskudd.example.scheme", "/app.js",
                "/api/health/", "/a~b_c-d")) {
            assertEquals(Optional.empty(), RequestGuard.pathProblem(ok), ok);
        }
        for (String odd : List.of("", "api", "//api", "/api//x", "/api/%2f", "/api/%2e%2e/x", "/api/../x", "/api/./x",
                "/api/x;a=b", "/api/\\x", "/api/a b", "/api/%00", "/api/é", "/" + "a".repeat(3000))) {
            assertTrue(RequestGuard.pathProblem(odd).isPresent(), odd);
        }
    }

    @Test
    void settingsThatAreNotAddressesOrHostsStopTheHostWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RequestGuard.from(Map.of("web.trustedProxies", "10.0.0.1, proxy.example.org")::get));
        assertEquals("conf/tilskudd.properties: web.trustedProxies: 'proxy.example.org' is not an IP address or "
                + "network (such as 127.0.0.1 or 10.0.0.0/8)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("999.1.1.1"));
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class,
                () -> RequestGuard.from(Map.of("web.allowedHosts", "ok.example.org evil/x")::get));
        assertTrue(h.getMessage().startsWith("conf/tilskudd.properties: web.allowedHosts: 'evil/x'"), h.getMessage());
        RequestGuard.from(Map.<String, String>of()::get);
    }

    @Test
    void forwardingHeadersCountOnlyFromTrustedProxies() {
        TrustedProxies p = TrustedProxies.parse("127.0.0.2 10.1.0.0/16 ::1");
        Function<String, List<String>> xf = headers(Map.of("X-Forwarded-For", List.of("203.0.113.9, 10.1.2.3"),
                "X-Forwarded-Proto", List.of("https"), "X-Forwarded-Host", List.of("tilskudd.example.org")));
        assertEquals(new Client("203.0.113.9", true, true, "tilskudd.example.org"),
                p.client("127.0.0.2", false, "127.0.0.1:8080", xf), "the hop before our proxies");
        assertEquals(new Client("127.0.0.1", false, false, "127.0.0.1:8080"),
                p.client("127.0.0.1", false, "127.0.0.1:8080", xf), "anyone else's headers are ignored");
        assertEquals(new Client("10.1.9.9", false, true, "h"),
                p.client("10.1.9.9", false, "h", headers(Map.of())), "a trusted proxy without headers: forwarded, "
                        + "plain HTTP, its own address");
        assertEquals("198.51.100.1", p.client("0:0:0:0:0:0:0:1", false, null, headers(Map.of("X-Forwarded-For",
                List.of("198.51.100.1:4711")))).address());
        assertEquals("10.1.2.3", p.client("127.0.0.2", false, null, headers(Map.of("X-Forwarded-For",
                List.of("unknown, 10.1.2.3")))).address(), "an unknown hop stops the walk at the last known");
        assertFalse(p.client("127.0.0.2", false, null, headers(Map.of("X-Forwarded-Proto", List.of("https, http"))))
                .secure(), "the nearest proxy's word counts");
    }

    @Test
    void theForwardedHeaderIsRead() {
        TrustedProxies p = TrustedProxies.parse("127.0.0.2");
        Client c = p.client("127.0.0.2", false, "127.0.0.1:8080", headers(Map.of("Forwarded",
                List.of("for=\"[2001:db8::7]:4711\";proto=http, for=192.0.2.60;proto=https;host=\"tilskudd.example.org\""))));
        assertEquals(new Client("192.0.2.60", true, true, "tilskudd.example.org"), c);
        assertTrue(TrustedProxies.parse("").isEmpty());
    }

    @Test
    void hostsAreThisHostsNamesOnly() {
        AllowedHosts defaults = AllowedHosts.parse(null, "127.0.0.1");
        assertTrue(defaults.allows("127.0.0.1:8080", false, "127.0.0.1", 8080));
        assertTrue(defaults.allows("localhost:8080", false, "127.0.0.1", 8080));
        assertTrue(defaults.allows("LOCALHOST.:8080", false, "127.0.0.1", 8080));
        assertTrue(defaults.allows(null, false, "127.0.0.1", 8080), "an HTTP/1.0 client without Host");
        assertFalse(defaults.allows("evil.example:8080", false, "127.0.0.1", 8080), "DNS rebinding");
        assertFalse(defaults.allows("localhost:8081", false, "127.0.0.1", 8080), "another port");
        assertFalse(defaults.allows("localhost", false, "127.0.0.1", 8080), "port 80 is not ours");
        assertTrue(defaults.allows("localhost", false, "127.0.0.1", 80));
        assertFalse(defaults.allows("localhost:8080@evil", false, "127.0.0.1", 8080));

        AllowedHosts any = AllowedHosts.parse("tilskudd.example.org, other.example.org:8443", "0.0.0.0");
        assertTrue(any.allows("tilskudd.example.org", true, "10.0.0.5", 8080), "any port");
        assertTrue(any.allows("other.example.org:8443", true, "10.0.0.5", 8080));
        assertFalse(any.allows("other.example.org", true, "10.0.0.5", 8080), "only that port");
        assertTrue(any.allows("10.0.0.5:8080", false, "10.0.0.5", 8080), "the address it was reached at");
        assertFalse(any.allows("0.0.0.0:8080", false, "10.0.0.5", 8080), "a wildcard bind adds no name");
        assertTrue(any.allows("[::1]:8080", false, "0:0:0:0:0:0:0:1", 8080));
    }

    private static Function<String, List<String>> headers(Map<String, List<String>> h) {
        return name -> h.getOrDefault(name, List.of());
    }
}
