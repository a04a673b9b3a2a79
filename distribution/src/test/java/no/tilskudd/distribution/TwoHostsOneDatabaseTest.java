package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tilskudd.store.internal.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hosts, each with its own data folder, on one PostgreSQL database, as a directorate runs them behind a proxy:
 * they share the console's users and sessions. A user added on one signs in on the other, a session cookie from one
 * is valid on the other, and a new password or role set on one ends the sessions on both at their next request.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TwoHostsOneDatabaseTest {

    private static final Pattern PASSWORD = Pattern.compile("\\(shown once\\): (\\S+)");

    static PostgresServer server;

    @RegisterExtension
    static final BeforeEachCallback SERVER = context -> server = PostgresServer.get(context);

    @TempDir
    Path temp;

    @Test
    void theHostsShareTheUsersAndAChangeOnOneEndsTheSessionsOnTheOther() throws Exception {
        Map<String, String> settings = server.storeSettings(server.createDatabase(),
                Files.createDirectories(temp.resolve("secrets")));
        Path plugin = WebHost.plugin("tilskudd-example-scheme");
        try (WebHost first = WebHost.start(Files.createDirectories(temp.resolve("first")), settings, plugin);
                WebHost second = WebHost.startSharing(Files.createDirectories(temp.resolve("second")), settings,
                        plugin)) {
            assertNull(second.adminPassword, "the second host found the first one's administrator");
            assertEquals(200, second.get("/api/schemes", WebHost.basic("admin", first.adminPassword)).statusCode());

            String ana = first.addUser("ana", "analyst");
            String onFirst = signedIn(first, "ana", ana);
            String onSecond = signedIn(second, "ana", ana);
            assertEquals(200, withCookie(second, "/api/session", onFirst).statusCode(),
                    "a sign-in on one host is valid on the other");
            assertEquals(200, withCookie(first, "/api/schemes", onSecond).statusCode());
            assertTrue(second.run("users", "list").out().contains("ana"));

            WebHost.Result passwd = second.run("users", "passwd", "ana");
            assertEquals(0, passwd.exit(), passwd.out() + passwd.err());
            Matcher m = PASSWORD.matcher(passwd.out());
            assertTrue(m.find(), passwd.out());
            assertEquals(401, withCookie(first, "/api/schemes", onFirst).statusCode(),
                    "the other host's new password ended the session");
            assertEquals(401, withCookie(second, "/api/schemes", onSecond).statusCode());
            assertEquals(401, signIn(first, "ana", ana).status());

            String again = signedIn(first, "ana", m.group(1));
            assertEquals(0, second.run("users", "role", "ana", "--role", "admin").exit());
            assertEquals(401, withCookie(first, "/api/schemes", again).statusCode(),
                    "signed in as an analyst, now an admin on the other host");
            assertEquals("admin", signIn(first, "ana", m.group(1)).json().get("role").asText());

            String removed = signedIn(second, "ana", m.group(1));
            assertEquals(0, first.run("users", "remove", "ana").exit());
            assertEquals(401, withCookie(second, "/api/schemes", removed).statusCode());
            assertEquals(401, signIn(second, "ana", m.group(1)).status());

            assertFalse(Files.exists(first.data.resolve("users.json")), "the users are in the database");
            assertFalse(Files.exists(second.data.resolve("users.json")));
        }
    }

    private static WebHost.Raw signIn(WebHost host, String name, String password) throws Exception {
        byte[] body = WebHost.JSON.writeValueAsBytes(Map.of("name", name, "password", password));
        return host.raw("127.0.0.1", "POST /api/session HTTP/1.1\r\nContent-Type: application/json", body);
    }

    private static String signedIn(WebHost host, String name, String password) throws Exception {
        WebHost.Raw r = signIn(host, name, password);
        assertEquals(200, r.status(), r.body());
        String setCookie = r.header("Set-Cookie");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertEquals(200, withCookie(host, "/api/schemes", cookie).statusCode());
        return cookie;
    }

    private static HttpResponse<String> withCookie(WebHost host, String path, String cookie) throws Exception {
        return host.send(host.request(path).header("Cookie", cookie).GET().build());
    }
}
