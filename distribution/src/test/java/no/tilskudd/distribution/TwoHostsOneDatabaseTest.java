package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

            String rita = first.addReporter("rita", "1804,0301");
            WebHost.Raw ritaIn = signIn(second, "rita", rita);
            assertEquals(200, ritaIn.status(), ritaIn.body());
            assertEquals("[\"0301\",\"1804\"]", ritaIn.json().get("orgUnits").toString(),
                    "the org units are shared too");
            String ritaCookie = ritaIn.header("Set-Cookie").substring(0, ritaIn.header("Set-Cookie").indexOf(';'));
            assertEquals(403, withCookie(second, "/api/indicators?scheme=example", ritaCookie).statusCode());
            assertEquals(0, first.run("users", "role", "rita", "reporter", "--org-unit", "1804").exit());
            assertEquals(401, withCookie(second, "/api/session", ritaCookie).statusCode(),
                    "other org units on one host end the session on the other");

            lastTwoAdministratorsAtOnce(first, second);

            assertFalse(Files.exists(first.data.resolve("users.json")), "the users are in the database");
            assertFalse(Files.exists(second.data.resolve("users.json")));
        }
    }

    /**
     * Each host is asked, at the same moment, to remove or demote one of the last two administrators: one succeeds
     * and the other is refused, every round, and one administrator is left.
     */
    private static void lastTwoAdministratorsAtOnce(WebHost first, WebHost second) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                List<String> admins = admins(first);
                assertEquals(1, admins.size(), admins.toString());
                String old = admins.get(0);
                String fresh = "boss" + round;
                assertEquals(0, second.run("users", "add", fresh, "--role", "admin").exit());
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                String[] a = round % 2 == 0 ? new String[] {"users", "remove", old}
                        : new String[] {"users", "role", old, "--role", "analyst"};
                String[] b = round < 2 ? new String[] {"users", "role", fresh, "--role", "analyst"}
                        : new String[] {"users", "remove", fresh};
                java.util.concurrent.Future<WebHost.Result> onFirst = pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return first.run(a);
                });
                java.util.concurrent.Future<WebHost.Result> onSecond = pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return second.run(b);
                });
                List<WebHost.Result> results = List.of(onFirst.get(60, TimeUnit.SECONDS),
                        onSecond.get(60, TimeUnit.SECONDS));
                List<WebHost.Result> ok = results.stream().filter(r -> r.exit() == 0).toList();
                List<WebHost.Result> refused = results.stream().filter(r -> r.exit() != 0).toList();
                assertEquals(1, ok.size(), "round " + round + ": " + results);
                assertEquals(1, refused.size(), "round " + round + ": " + results);
                assertTrue(refused.get(0).err().contains("is the last administrator"), refused.get(0).err());
                assertEquals(1, admins(second).size(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> admins(WebHost host) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode u : WebHost.JSON.readTree(host.run("users", "list", "--json")
                .out()).get("users")) {
            if (u.get("role").asText().equals("admin")) {
                out.add(u.get("name").asText());
            }
        }
        return out;
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
