package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * Issue 12, item 3: behind a TLS-terminating proxy, and against DNS rebinding. Before, the session cookie never got
 * {@code Secure} behind a proxy, HTTP Basic was taken over the proxy's plain-HTTP hop (the proxy is on loopback),
 * and any Host was answered. The host runs with {@code web.trustedProxies=127.0.0.2}: a socket bound to 127.0.0.2
 * plays the proxy, one bound to 127.0.0.1 a client on this machine, whose forwarding headers count for nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Timeout(value = 10, unit = TimeUnit.MINUTES)
class WebProxyHardeningTest {

    private static final String PROXY = "127.0.0.2";
    private static final String LOCAL = "127.0.0.1";
    private static final String PUBLIC = "tilskudd.example.org";

    @TempDir
    static Path temp;

    private WebHost host;
    private String admin;
    private String password;

    @BeforeAll
    void start() throws Exception {
        host = WebHost.start(temp, "web.trustedProxies=" + PROXY + "\nweb.allowedHosts=" + PUBLIC + "\n", data -> { },
                WebHost.plugin("tilskudd-example-scheme"));
        admin = WebHost.basic("admin", host.adminPassword);
        password = host.addUser("ana", "analyst");
    }

    @AfterAll
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    @Order(1)
    void theCookieIsSecureWhenTheClientsRequestWasHttps() throws Exception {
        WebHost.Raw viaHttps = signIn(PROXY, "Host: " + PUBLIC + "\r\nX-Forwarded-Proto: https\r\n"
                + "X-Forwarded-For: 192.0.2.10");
        assertEquals(200, viaHttps.status(), viaHttps.body());
        assertTrue(viaHttps.header("Set-Cookie").contains("; Secure"), viaHttps.header("Set-Cookie"));

        WebHost.Raw forwarded = signIn(PROXY, "Host: 127.0.0.1\r\nForwarded: for=192.0.2.11;proto=https;host=" + PUBLIC);
        assertEquals(200, forwarded.status(), forwarded.body());
        assertTrue(forwarded.header("Set-Cookie").contains("; Secure"), "RFC 7239 Forwarded too");

        WebHost.Raw viaHttp = signIn(PROXY, "Host: " + PUBLIC + "\r\nX-Forwarded-Proto: http");
        assertEquals(200, viaHttp.status(), viaHttp.body());
        assertFalse(viaHttp.header("Set-Cookie").contains("Secure"), viaHttp.header("Set-Cookie"));

        WebHost.Raw spoofed = signIn(LOCAL, "X-Forwarded-Proto: https");
        assertEquals(200, spoofed.status(), spoofed.body());
        assertFalse(spoofed.header("Set-Cookie").contains("Secure"), "not a trusted proxy: the header is ignored");
    }

    @Test
    @Order(2)
    void basicIsRefusedOverForwardedPlainHttp() throws Exception {
        WebHost.Raw plain = get(PROXY, "/api/schemes", "Authorization: " + admin + "\r\nHost: " + PUBLIC
                + "\r\nX-Forwarded-Proto: http\r\nX-Forwarded-For: 192.0.2.12");
        assertEquals(403, plain.status(), plain.body());
        assertEquals("https_required", plain.json().get("error").asText());
        WebHost.Raw unsaid = get(PROXY, "/api/schemes", "Authorization: " + admin + "\r\nHost: " + PUBLIC);
        assertEquals(403, unsaid.status(), "through the proxy without a word on the scheme: plain HTTP");

        assertEquals(200, get(PROXY, "/api/schemes", "Authorization: " + admin + "\r\nHost: " + PUBLIC
                + "\r\nX-Forwarded-Proto: https\r\nX-Forwarded-For: 192.0.2.12").status());
        assertEquals(200, get(LOCAL, "/api/schemes", "Authorization: " + admin + "\r\nX-Forwarded-Proto: http")
                .status(), "on this machine directly Basic stays, whatever a header says");
    }

    @Test
    @Order(3)
    void theClientAddressIsTheOneTheProxyPassesOn() throws Exception {
        String through = "Host: " + PUBLIC + "\r\nX-Forwarded-Proto: https\r\nX-Forwarded-For: ";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, signIn(PROXY, through + "198.51.100.7", "ana", "guess-" + i).status());
        }
        assertEquals(429, signIn(PROXY, through + "198.51.100.7", "ana", password).status());
        assertEquals(200, signIn(PROXY, through + "198.51.100.8", "ana", password).status(),
                "another client behind the same proxy");
        String log = Files.readString(host.data.resolve("log/web.log"));
        assertTrue(log.contains("failed sign-in for 'ana' from 198.51.100.7"), log);

        // A client that is not a proxy cannot pick the address it is counted by.
        for (int i = 0; i < 5; i++) {
            signIn(LOCAL, "X-Forwarded-For: 203.0.113." + i, "ana", "guess-" + i);
        }
        assertEquals(429, signIn(LOCAL, "X-Forwarded-For: 203.0.113.99", "ana", password).status());
    }

    @Test
    @Order(4)
    void aStateChangeThroughTheProxyIsCheckedAgainstTheOriginalOrigin() throws Exception {
        String https = "Host: " + PUBLIC + "\r\nX-Forwarded-Proto: https\r\nX-Forwarded-For: 192.0.2.13\r\n";
        WebHost.Raw sameSite = signIn(PROXY, https + "Origin: https://" + PUBLIC, "admin", host.adminPassword);
        assertEquals(200, sameSite.status(), sameSite.body());
        WebHost.Raw otherSite = signIn(PROXY, https + "Origin: https://evil.example", "admin", host.adminPassword);
        assertEquals(403, otherSite.status());
        assertEquals("cross_origin", otherSite.json().get("error").asText());
        WebHost.Raw downgraded = signIn(PROXY, https + "Origin: http://" + PUBLIC, "admin", host.adminPassword);
        assertEquals(403, downgraded.status(), "the same name over plain HTTP is another origin");
    }

    @Test
    @Order(5)
    void requestsForAnotherHostAreRefusedAgainstDnsRebinding() throws Exception {
        String port = Integer.toString(host.base.getPort());
        for (String path : List.of("/api/health", "/api/session", "/")) {
            WebHost.Raw rebound = get(LOCAL, path, "Host: evil.example:" + port);
            assertEquals(421, rebound.status(), path + " " + rebound.body());
            assertEquals("host_not_allowed", rebound.json().get("error").asText());
        }
        assertEquals(421, get(LOCAL, "/api/health", "Host: localhost:1").status(), "another port");
        assertEquals(421, get(PROXY, "/api/health", "Host: " + PUBLIC + "\r\nX-Forwarded-Host: evil.example")
                .status(), "the host the proxy was asked for counts");
        assertEquals(421, get(LOCAL, "/api/health", "Host: evil.example:" + port + "\r\nX-Forwarded-Host: " + PUBLIC)
                .status(), "and only the proxy may say so");
        for (String ok : List.of("127.0.0.1:" + port, "localhost:" + port, PUBLIC, PUBLIC + ":443")) {
            assertEquals(200, get(LOCAL, "/api/health", "Host: " + ok).status(), ok);
        }
    }

    @Test
    @Order(6)
    void aSettingThatIsNotAnAddressStopsServeWithItsName() throws Exception {
        AssertionError e = assertThrows(AssertionError.class, () -> WebHost.start(temp.resolve("bad"),
                "web.trustedProxies=proxy.example.org\n", data -> { }));
        assertTrue(e.getMessage().contains("conf/tilskudd.properties: web.trustedProxies: 'proxy.example.org' is not "
                + "an IP address"), e.getMessage());
    }

    // ------------------------------------------------------------------------------------------ helpers

    private WebHost.Raw signIn(String from, String headers) throws Exception {
        return signIn(from, headers, "ana", password);
    }

    private WebHost.Raw signIn(String from, String headers, String name, String pw) throws Exception {
        byte[] body = WebHost.JSON.writeValueAsBytes(Map.of("name", name, "password", pw));
        return host.raw(from, "POST /api/session HTTP/1.1\r\nContent-Type: application/json\r\n" + headers, body);
    }

    private WebHost.Raw get(String from, String path, String headers) throws Exception {
        return host.raw(from, "GET " + path + " HTTP/1.1\r\n" + headers, null);
    }
}
