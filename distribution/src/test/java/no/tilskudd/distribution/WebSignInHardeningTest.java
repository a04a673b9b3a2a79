package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 3: sessions and sign-in. A change of a user ends the user's sessions (a change made on another host
 * on the same database: {@link TwoHostsOneDatabaseTest}); HTTP Basic could be guessed without limit; five failures locked a name for everyone for 10 minutes, from any address.
 * Over real HTTP; a second client address is a socket bound to another loopback address (127.0.0.x).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Timeout(value = 10, unit = TimeUnit.MINUTES)
class WebSignInHardeningTest {

    private static final Pattern PASSWORD = Pattern.compile("\\(shown once\\): (\\S+)");

    @TempDir
    static Path temp;

    private WebHost host;

    @BeforeAll
    void start() throws Exception {
        host = WebHost.start(temp, WebHost.plugin("tilskudd-example-scheme"));
    }

    @AfterAll
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    @Order(3)
    void theUsersCommandsInTheHostEndTheSessions() throws Exception {
        String pw = host.addUser("cid", "analyst");
        String passwd = signedIn("cid", pw);
        WebHost.Result r = host.run("users", "passwd", "cid");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(401, withCookie("/api/schemes", passwd).statusCode());
        Matcher m = PASSWORD.matcher(r.out());
        assertTrue(m.find(), r.out());

        String role = signedIn("cid", m.group(1));
        assertEquals(0, host.run("users", "role", "cid", "--role", "admin").exit());
        assertEquals(401, withCookie("/api/schemes", role).statusCode());

        String removed = signedIn("cid", m.group(1));
        assertEquals(0, host.run("users", "remove", "cid").exit());
        assertEquals(401, withCookie("/api/schemes", removed).statusCode());
    }

    @Test
    @Order(5)
    void httpBasicIsThrottledAndLoggedLikeTheSignIn() throws Exception {
        String pw = host.addUser("dan", "analyst");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, host.get("/api/schemes", WebHost.basic("dan", "guess-" + i)).statusCode());
        }
        HttpResponse<String> held = host.get("/api/schemes", WebHost.basic("dan", "guess-5"));
        assertEquals(429, held.statusCode(), held.body());
        assertEquals("locked", WebHost.json(held).get("error").asText());
        assertTrue(Integer.parseInt(held.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertEquals(429, host.get("/api/schemes", WebHost.basic("dan", pw)).statusCode(),
                "while it waits, not even the right password is checked");
        assertEquals(429, signIn("127.0.0.1", "dan", pw).status(), "Basic and the sign-in share the count");
        String log = Files.readString(host.data.resolve("log/web.log"));
        assertEquals(5, count(log, "failed sign-in (HTTP Basic) for 'dan' from 127.0.0.1"), log);

        assertEquals(200, host.raw("127.0.0.2", "GET /api/schemes HTTP/1.1\r\nAuthorization: "
                + WebHost.basic("dan", pw), null).status(), "from another address dan is not held back");
    }

    @Test
    @Order(6)
    void anotherAddressCanStillSignInAsTheVictim() throws Exception {
        String pw = host.addUser("eva", "analyst");
        holdBack("127.0.0.3", "eva", pw);

        WebHost.Raw victim = signIn("127.0.0.4", "eva", pw);
        assertEquals(200, victim.status(), "the guesser at 127.0.0.3 does not lock eva out at 127.0.0.4: "
                + victim.body());
        assertEquals(200, signIn("127.0.0.1", "eva", pw).status());
    }

    @Test
    @Order(7)
    void floodingWithOtherNamesDoesNotFreeAHeldName() throws Exception {
        String pw = host.addUser("fia", "analyst");
        holdBack("127.0.0.5", "fia", pw);
        for (int i = 0; i < 40; i++) {
            signIn("127.0.0.5", "flood" + i, "x");
        }
        // The flood outlasts the first wait (2 s), but not the count: the next failure is the sixth, which makes
        // the next try wait 4 s, not one of five free ones again.
        WebHost.Raw sixth = signIn("127.0.0.5", "fia", "guess-5");
        if (sixth.status() == 429) {
            Thread.sleep(TimeUnit.SECONDS.toMillis(Long.parseLong(sixth.header("Retry-After"))) + 200);
            sixth = signIn("127.0.0.5", "fia", "guess-5");
        }
        assertEquals(401, sixth.status(), sixth.body());
        WebHost.Raw after = signIn("127.0.0.5", "fia", pw);
        assertEquals(429, after.status(), after.body());
        assertEquals("locked", after.json().get("error").asText());
        assertTrue(Integer.parseInt(after.header("Retry-After")) >= 3, after.headers().toString());
    }

    @Test
    @Order(8)
    void theWaitGrowsWithTheFailures() throws Exception {
        host.addUser("gro", "analyst");
        for (int i = 0; i < 4; i++) {
            assertEquals(401, signIn("127.0.0.6", "gro", "guess-" + i).status());
        }
        long previous = 0;
        for (int round = 0; round < 3; round++) {
            assertEquals(401, signIn("127.0.0.6", "gro", "guess-again").status());
            WebHost.Raw held = signIn("127.0.0.6", "gro", "guess-again");
            assertEquals(429, held.status(), held.body());
            long wait = Long.parseLong(held.header("Retry-After"));
            assertTrue(wait > previous, "round " + round + ": waits " + previous + " s, then " + wait + " s");
            assertTrue(wait <= 15 * 60, "capped at 15 minutes");
            previous = wait;
            if (round < 2) {
                Thread.sleep(TimeUnit.SECONDS.toMillis(wait) + 200);
            }
        }
        assertTrue(previous >= 5, "2, 4, 8 s (less the time a request takes): " + previous);
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Five wrong passwords from one address: then even the right one waits there. */
    private void holdBack(String from, String name, String password) throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, signIn(from, name, "guess-" + i).status());
        }
        WebHost.Raw held = signIn(from, name, password);
        assertEquals(429, held.status(), held.body());
        assertEquals("locked", held.json().get("error").asText());
        assertTrue(Integer.parseInt(held.header("Retry-After")) >= 1, held.headers().toString());
    }

    private WebHost.Raw signIn(String from, String name, String password) throws Exception {
        byte[] body = WebHost.JSON.writeValueAsBytes(Map.of("name", name, "password", password));
        return host.raw(from, "POST /api/session HTTP/1.1\r\nContent-Type: application/json", body);
    }

    /** Signs in and checks that the session works; returns its cookie. */
    private String signedIn(String name, String password) throws Exception {
        WebHost.Raw r = signIn("127.0.0.1", name, password);
        assertEquals(200, r.status(), r.body());
        String setCookie = r.header("Set-Cookie");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertEquals(200, withCookie("/api/schemes", cookie).statusCode());
        return cookie;
    }

    private HttpResponse<String> withCookie(String path, String cookie) throws Exception {
        return host.send(host.request(path).header("Cookie", cookie).GET().build());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
