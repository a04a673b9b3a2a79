package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import no.tilskudd.launch.embed.EmbeddedHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: a second jar declaring {@code avdir} took the scheme over, for every one-shot command (they install
 * deploy/ in file-name order) and after a restart in the host too, and the AVdir demo data then gave 249 of 249 reports
 * with errors. Now a scheme id belongs to one bundle: the distribution's for the schemes it ships, so the impostor is
 * refused, named with both bundles in status (exit 1), the log and /api/bundles, the host and one-shot commands agree,
 * before and after a restart, until an administrator transfers the id.
 */
class ImpostorSchemeJarTest {

    static final String IMPOSTOR = "test.impostor.avdir";
    static final String OWNER = "no.tilskudd.scheme.avdir";

    @TempDir
    Path temp;

    /**
     * A data-only jar that declares {@code avdir} with a form of its own for the demo years, which no AVdir report
     * fills in: were it used, every demo report would have errors.
     */
    static Path impostor(Path target) throws IOException {
        String descriptor = """
                { "id": "avdir", "name": "Falsk AVdir", "agency": "Ukjent", "budgetLine": "-", "firstYear": 2006,
                  "forms": ["forms/2006.json"] }""";
        String form = """
                { "scheme": "avdir", "version": "2006", "years": { "from": 2006, "to": 2020 }, "title": "F",
                  "sections": [ { "id": "s", "title": "S", "fields": [
                    { "id": "impostorCode", "type": "text", "label": "Kode", "required": true } ] } ] }""";
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", IMPOSTOR);
        a.putValue("Bundle-Version", "9.0.0");
        a.putValue("Tilskudd-Scheme", "tilskudd/avdir");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), mf)) {
            for (Map.Entry<String, String> e : Map.of("tilskudd/avdir/scheme.json", descriptor,
                    "tilskudd/avdir/forms/2006.json", form).entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return target;
    }

    private Path avdirDemo() throws IOException {
        Path target = temp.resolve("avdir-demo.jsonl");
        try (JarFile jar = new JarFile(SchemeBundlesTest.jar("tilskudd-scheme-avdir").toFile());
                InputStream in = jar.getInputStream(jar.getEntry("tilskudd/avdir/demo/avdir-demo.jsonl"))) {
            Files.copy(in, target);
        }
        return target;
    }

    private static boolean refusal(JsonNode problems) {
        for (JsonNode p : problems) {
            if (p.asText().startsWith(IMPOSTOR + " 9.0.0: scheme id 'avdir' belongs to " + OWNER + " ")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The impostor is held by the framework's ownership gate: installed, not resolved, named as a scheme problem and
     * as the one failure of its bundle, and nothing else is wrong.
     */
    private static boolean settledRefusal(JsonNode status) {
        JsonNode failures = status.get("failures");
        return refusal(status.get("schemeProblems")) && status.get("schemeProblems").size() == 1
                && status.get("schemeProblems").get(0).asText().endsWith(HELD)
                && failures.size() == 1 && failures.get(0).asText().contains(": " + IMPOSTOR + " 9.0.0: scheme id "
                        + "'avdir' belongs to " + OWNER) && failures.get(0).asText().endsWith(HELD)
                && "INSTALLED".equals(state(status, IMPOSTOR));
    }

    static final String HELD = "; held unresolved (installed, not started) until then";

    /** The framework state of a bundle as status lists it, or null when it is not listed. */
    static String state(JsonNode status, String symbolicName) {
        for (JsonNode b : status.get("bundles")) {
            if (symbolicName.equals(b.get("symbolicName").asText())) {
                return b.get("state").asText();
            }
        }
        return null;
    }

    /**
     * Status as text: exit 1, the refusal naming both bundles. Asked again while FileInstall is still busy with the
     * new bundle (a failure line of a bundle not started yet), for up to 30 s.
     */
    private static void assertRefusedInStatus(Supplier<String[]> status) throws InterruptedException {
        String expected = "SCHEME PROBLEM " + IMPOSTOR + " 9.0.0: scheme id 'avdir' belongs to " + OWNER
                + " (shipped with the distribution); " + IMPOSTOR + " is refused until an administrator transfers "
                + "it (tilskudd schemes transfer avdir --to " + IMPOSTOR + ")" + HELD;
        long deadline = System.nanoTime() + 30_000_000_000L;
        String[] r = status.get();
        while (!r[1].contains("FAILED ") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            r = status.get();
        }
        assertEquals("1", r[0], r[1]);
        assertTrue(r[1].contains(expected), r[1]);
        assertTrue(r[1].contains("FAILED ") && r[1].contains(": " + IMPOSTOR + " 9.0.0: scheme id 'avdir' belongs "
                + "to " + OWNER), "the impostor's bundle is named as held: " + r[1]);
    }

    private static String avdirBundle(JsonNode schemes) {
        return TestHost.scheme(schemes, "avdir").get("bundle").asText();
    }

    private static void await(WebHost host, String what, Predicate<JsonNode> condition, String... command)
            throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            WebHost.Result r = host.run(command);
            last = r.out() + r.err();
            try {
                if (condition.test(r.json())) {
                    return;
                }
            } catch (AssertionError | RuntimeException e) {
                // not JSON yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited 30 s for " + what + "; last: " + last);
    }

    /** A command in a host booted on the same home and data, as after a restart. */
    private static String[] runIn(EmbeddedHost host, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            int exit = host.run(List.of(args), o, o);
            return new String[] {String.valueOf(exit), out.toString(StandardCharsets.UTF_8)};
        }
    }

    @Test
    void anImpostorDeployedIntoARunningHostIsRefusedUntilTheSchemeIsTransferred() throws Exception {
        Path demo = avdirDemo();
        Path fake = impostor(temp.resolve("impostor.jar"));
        Path home;
        try (WebHost host = WebHost.start(temp, SchemeBundlesTest.jar("tilskudd-scheme-avdir"))) {
            home = host.home;
            await(host, "avdir", s -> TestHost.hasScheme(s, "avdir"), "schemes", "--json");

            // The dry run says so before the jar goes in.
            WebHost.Result dry = host.run("deploy", "--dry-run", "--json", fake.toString());
            JsonNode check = dry.json().has("check") ? dry.json().get("check") : dry.json();
            assertFalse(check.get("safe").asBoolean(), dry.out());
            assertTrue(check.get("problems").toString().contains("scheme 'avdir' belongs to " + OWNER + ", not to "
                    + IMPOSTOR + " 9.0.0"), dry.out());

            // Its file name sorts before the real one's, as in the defect.
            Path tmp = host.home.resolve("aaa-avdir.jar.tmp");
            Files.copy(fake, tmp);
            Files.move(tmp, host.home.resolve("deploy/aaa-avdir.jar"), StandardCopyOption.ATOMIC_MOVE);
            // FileInstall may refresh the new bundle once after starting it: wait until it has settled.
            await(host, "the impostor refused", ImpostorSchemeJarTest::settledRefusal, "status", "--json");

            assertRefusedInStatus(() -> {
                WebHost.Result r = host.run("status");
                return new String[] {String.valueOf(r.exit()), r.out()};
            });
            assertEquals(OWNER, avdirBundle(host.run("schemes", "--json").json()));
            WebHost.Result valid = host.run("validate", demo.toString());
            assertEquals(0, valid.exit(), "the demo data validate against the real scheme: " + valid.out());

            HttpResponse<String> bundles = host.get("/api/bundles", WebHost.basic("admin", host.adminPassword));
            assertEquals(200, bundles.statusCode(), bundles.body());
            assertTrue(refusal(WebHost.json(bundles).get("schemeProblems")), bundles.body());
            assertEquals("INSTALLED", state(WebHost.json(bundles), IMPOSTOR), "held, not resolved: " + bundles.body());

            // Over HTTP the owners are the administrator's, as the transfer is.
            String admin = WebHost.basic("admin", host.adminPassword);
            HttpResponse<String> owners = host.get("/api/scheme-owners", admin);
            assertEquals(200, owners.statusCode(), owners.body());
            assertTrue(owners.body().contains("\"scheme\":\"avdir\",\"symbolicName\":\"" + OWNER + "\""),
                    owners.body());
            String analyst = WebHost.basic("ana", host.addUser("ana", "analyst"));
            HttpResponse<String> refused = host.send(host.request("/api/scheme-owners?scheme=avdir&to=" + IMPOSTOR)
                    .header("Authorization", analyst).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(403, refused.statusCode(), refused.body());
            HttpResponse<String> given = host.send(host.request("/api/scheme-owners?scheme=clubs&to=org.example"
                    + ".clubs").header("Authorization", admin).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, given.statusCode(), given.body());
            assertEquals("TRANSFERRED", WebHost.json(given).get("how").asText());
            HttpResponse<String> bad = host.send(host.request("/api/scheme-owners?scheme=Avdir!&to=x")
                    .header("Authorization", admin).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(400, bad.statusCode(), bad.body());
            assertEquals(OWNER, avdirBundle(host.run("schemes", "--json").json()),
                    "the refused requests changed nothing");

            String log = Files.readString(host.data.resolve("log/tilskudd.log"));
            assertTrue(log.contains(IMPOSTOR + " 9.0.0: scheme id 'avdir' belongs to " + OWNER), log);
        }

        // One-shot commands install deploy/ in file-name order, the impostor first: they decide as the host did.
        try (EmbeddedHost oneShot = EmbeddedHost.builder(home).serving(false).start()) {
            String[] schemes = runIn(oneShot, "schemes", "--json");
            assertEquals(OWNER, avdirBundle(new com.fasterxml.jackson.databind.ObjectMapper().readTree(schemes[1])));
            String[] valid = runIn(oneShot, "validate", demo.toString());
            assertEquals("0", valid[0], valid[1]);
            assertRefusedInStatus(() -> runIn(oneShot, "status"));
        }

        // After a restart the host decides the same, and the administrator transfers the id.
        try (EmbeddedHost restarted = EmbeddedHost.builder(home).serving(true).start()) {
            // FileInstall starts the deploy/ bundles from the framework's cache shortly after the start.
            long deadline = System.nanoTime() + 30_000_000_000L;
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            while (!settledRefusal(mapper.readTree(runIn(restarted, "status", "--json")[1]))) {
                assertTrue(System.nanoTime() < deadline, "the restarted host names the impostor");
                Thread.sleep(100);
            }
            assertRefusedInStatus(() -> runIn(restarted, "status"));
            assertEquals("0", runIn(restarted, "validate", demo.toString())[0]);

            String[] transfer = runIn(restarted, "schemes", "transfer", "avdir", "--to", IMPOSTOR);
            assertEquals("0", transfer[0], transfer[1]);
            assertTrue(transfer[1].contains("scheme avdir now belongs to " + IMPOSTOR), transfer[1]);
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            // The transfer releases the held bundle: resolved and started without a restart.
            deadline = System.nanoTime() + 30_000_000_000L;
            JsonNode released = json.readTree(runIn(restarted, "status", "--json")[1]);
            while (!"ACTIVE".equals(state(released, IMPOSTOR))
                    || !IMPOSTOR.equals(avdirBundle(json.readTree(runIn(restarted, "schemes", "--json")[1])))) {
                assertTrue(System.nanoTime() < deadline, "the impostor is released by the transfer: " + released);
                Thread.sleep(100);
                released = json.readTree(runIn(restarted, "status", "--json")[1]);
            }
            assertFalse(released.get("failures").toString().contains(IMPOSTOR), released.toString());
            String[] invalid = runIn(restarted, "validate", "--json", demo.toString());
            assertEquals("1", invalid[0], "the impostor's form is used now");
            String[] owners = runIn(restarted, "schemes", "owners", "--json");
            JsonNode avdir = null;
            for (JsonNode o : json.readTree(owners[1]).get("owners")) {
                if (o.get("scheme").asText().equals("avdir")) {
                    avdir = o;
                }
            }
            assertEquals(IMPOSTOR, avdir.get("symbolicName").asText(), owners[1]);
            assertEquals("TRANSFERRED", avdir.get("how").asText());
            String[] audit = runIn(restarted, "audit", "--json");
            assertTrue(audit[1].contains("\"scheme.transfer\""), audit[1]);
            String[] after = runIn(restarted, "status", "--json");
            assertTrue(after[1].contains(OWNER + " 0.1.0") && after[1].contains("belongs to " + IMPOSTOR),
                    "now the real bundle is the refused one: " + after[1]);
        }
    }

    /**
     * On an empty store a one-shot command keeps the shipped owner whatever the impostor's file is called, and the
     * framework holds the impostor unresolved.
     */
    @Test
    void onAnEmptyStoreTheShippedOwnerWinsWhateverTheFileNames() throws Exception {
        Path demo = avdirDemo();
        Path fake = impostor(temp.resolve("0-avdir.jar"));
        try (TestHost host = TestHost.start(temp, false, fake, SchemeBundlesTest.jar("tilskudd-scheme-avdir"))) {
            assertEquals(OWNER, avdirBundle(host.run("schemes", "--json").json()));
            TestHost.Result valid = host.run("validate", demo.toString());
            assertEquals(0, valid.exit(), valid.out());
            assertEquals("INSTALLED", state(host.run("status", "--json").json(), IMPOSTOR));
            assertRefusedInStatus(() -> {
                TestHost.Result r = host.run("status");
                return new String[] {String.valueOf(r.exit()), r.out()};
            });
        }
    }
}
