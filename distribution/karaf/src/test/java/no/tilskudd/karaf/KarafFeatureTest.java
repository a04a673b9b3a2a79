package no.tilskudd.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The feature repository in a real, stock Apache Karaf 4.4 from Maven Central: {@code feature:repo-add} and
 * {@code feature:install tilskudd} bring up the core, the store (its database in Karaf's data folder, whatever the
 * working directory), the three schemes, the 2009 evaluation questionnaire and the {@code tilskudd:*} shell
 * commands; a scheme jar dropped into Karaf's own {@code deploy/} comes and goes; {@code tilskudd-console} serves
 * the console on its own Felix HTTP Jetty 12 and brings the deploy gate. One Karaf for the class, stopped in every
 * case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KarafFeatureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = System.getProperty("tilskudd.version");
    private static final int AWAIT_TRIES = 40;

    private Karaf karaf;
    private long bootMillis;

    @BeforeAll
    void bootKaraf() throws Exception {
        Path repo = Path.of(property("tilskudd.karaf.repo"));
        // This module's own artifacts, as `mvn install` would lay them out, next to its dependencies.
        Path own = Files.createDirectories(repo.resolve("no/tilskudd/tilskudd-karaf/" + VERSION));
        Files.copy(Path.of(property("tilskudd.karaf.bundle")), own.resolve("tilskudd-karaf-" + VERSION + ".jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of(property("tilskudd.karaf.features")),
                own.resolve("tilskudd-karaf-" + VERSION + "-features.xml"), StandardCopyOption.REPLACE_EXISTING);
        long t0 = System.nanoTime();
        karaf = Karaf.start(Path.of(property("tilskudd.karaf.home")), repo, Path.of(property("tilskudd.karaf.work")));
        karaf.awaitShell();
        bootMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("karaf: stock Karaf booted, shell answering, in " + bootMillis + " ms");
    }

    @AfterAll
    void stopKaraf() {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    @Order(1)
    void theFeatureInstallsTheCoreTheStoreAndTheThreeSchemes() throws Exception {
        long t0 = System.nanoTime();
        ok(karaf.shell("feature:repo-add mvn:no.tilskudd/tilskudd-karaf/" + VERSION + "/xml/features",
                "feature:install tilskudd"));
        System.out.println("karaf: feature:repo-add + feature:install tilskudd in " + (System.nanoTime() - t0) / 1_000_000
                + " ms");

        assertEquals(List.of("avdir", "bufdir", "survey-2009", "urban-youth"),
                schemeIds(json("tilskudd:schemes --json")));

        // The store follows the feature's configuration into Karaf's data folder, not the working directory.
        assertTrue(Files.isRegularFile(karaf.home.resolve("data/tilskudd/tilskudd.mv.db")), karaf.log());
        try (Stream<Path> s = Files.list(karaf.cwd)) {
            assertEquals(List.of(), s.toList(), "nothing may land in the working directory");
        }

        JsonNode status = json("tilskudd:status --json");
        assertTrue(status.get("failures").isEmpty(), status.toString());
        List<String> ours = new ArrayList<>();
        boolean postgresDriver = false;
        for (JsonNode b : status.get("bundles")) {
            postgresDriver |= b.get("symbolicName").asText().equals("org.postgresql.jdbc")
                    && b.get("state").asText().equals("ACTIVE");
            if (b.get("symbolicName").asText().startsWith("no.tilskudd.")) {
                assertEquals("ACTIVE", b.get("state").asText(), b.toString());
                ours.add(b.get("symbolicName").asText());
            }
        }
        assertEquals(List.of("no.tilskudd.api", "no.tilskudd.cli", "no.tilskudd.cross.scheme.indicators",
                "no.tilskudd.engine", "no.tilskudd.format.pdf", "no.tilskudd.format.xlsx", "no.tilskudd.host",
                "no.tilskudd.karaf",
                "no.tilskudd.scheme.avdir", "no.tilskudd.scheme.bufdir", "no.tilskudd.scheme.urban.youth",
                "no.tilskudd.store", "no.tilskudd.survey.evaluering2009"), ours.stream().sorted().toList());
        assertTrue(postgresDriver, "the core feature brings the PostgreSQL driver, active: " + status.get("bundles"));
        assertEquals(karaf.home.resolve("deploy").toString(), status.get("deploy").asText());
    }

    /**
     * Karaf writes etc/no.tilskudd.cfg, and its FileInstall then updates the configuration: a change must reach the
     * running components (DS modified) without restarting them and everything that uses them, or a command that runs
     * meanwhile fails. The host's start time tells whether it was restarted.
     */
    @Test
    @Order(2)
    void aConfigurationChangeReachesTheRunningHostWithoutARestart() throws Exception {
        long started = json("tilskudd:status --json").get("startMillis").asLong();
        Path elsewhere = Files.createDirectories(karaf.home.resolve("deploy-elsewhere"));
        ok(karaf.shell("config:edit no.tilskudd", "config:property-set tilskudd.deploy " + elsewhere, "config:update"));
        JsonNode moved = await("the host to see the new deploy folder", "tilskudd:status --json",
                s -> s.get("deploy").asText().equals(elsewhere.toString()));
        assertEquals(started, moved.get("startMillis").asLong(), "the host was restarted by the change");
        ok(karaf.shell("config:edit no.tilskudd", "config:property-delete tilskudd.deploy", "config:update"));
        await("the deploy folder to be Karaf's again", "tilskudd:status --json",
                s -> s.get("deploy").asText().equals(karaf.home.resolve("deploy").toString()));
        assertEquals(List.of("avdir", "bufdir", "survey-2009", "urban-youth"),
                schemeIds(json("tilskudd:schemes --json")));
    }

    @Test
    @Order(3)
    void aSchemeJarDroppedIntoKarafsDeployFolderIsUsedAndLeavesWhenDeleted() throws Exception {
        Path submission = karaf.cwd.getParent().resolve("example-2016.jsonl");
        Files.writeString(submission, "{\"scheme\":\"example\",\"year\":2016,\"orgUnit\":\"1804\",\"values\":{"
                + "\"grantAmount\":100000,\"goalsReached\":\"all\",\"measures\":[{\"name\":\"Leksehjelp\","
                + "\"category\":\"individ\",\"participantsChildren\":12,\"participantsFamilies\":3,"
                + "\"newOrContinued\":\"new\",\"firstFundedYear\":2016}]}}\n");
        Path deployed = karaf.home.resolve("deploy/example-scheme.jar");
        // Copied beside deploy/, then renamed in, so that FileInstall never sees half a jar.
        Path part = karaf.home.resolve("example-scheme.jar.part");
        Files.copy(exampleJar(), part);
        Files.move(part, deployed, StandardCopyOption.ATOMIC_MOVE);

        long t0 = System.nanoTime();
        await("the example scheme to appear", "tilskudd:schemes --json", s -> schemeIds(s).contains("example"));
        System.out.println("karaf: jar dropped into deploy/ -> scheme listed within "
                + (System.nanoTime() - t0) / 1_000_000 + " ms (FileInstall polls every 1000 ms)");
        Karaf.Result valid = karaf.shell("tilskudd:validate --json " + submission);
        ok(valid);
        assertTrue(jsonOf(valid).get("files").get(0).get("findings").isEmpty(), valid.out());

        Files.delete(deployed);
        await("the example scheme to leave", "tilskudd:schemes --json", s -> !schemeIds(s).contains("example"));
        Karaf.Result gone = karaf.shell("tilskudd:validate --json " + submission);
        assertNotEquals(0, gone.exit(), gone.out());
        assertEquals("SCHEME_UNKNOWN",
                jsonOf(gone).get("files").get(0).get("findings").get(0).get("code").asText(), gone.out());
    }

    @Test
    @Order(4)
    void theConsoleFeatureServesOnItsOwnJettyAndDeploysThroughTheGate() throws Exception {
        ok(karaf.shell("feature:install tilskudd-console"));
        Karaf.Result features = karaf.shell("feature:list -i");
        assertFalse(features.out().contains("pax-web"), "the console needs no Pax Web: " + features.out());

        String base = "http://127.0.0.1:" + karaf.httpPort;
        Page page = awaitPage(base + "/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<html"), page.body());

        Karaf.Result added = ok(karaf.shell("tilskudd:users add kari --role admin"));
        Matcher m = Pattern.compile("password \\(shown once\\): (\\S+)").matcher(added.out());
        assertTrue(m.find(), added.out());
        String basic = Base64.getEncoder().encodeToString(("kari:" + m.group(1)).getBytes(StandardCharsets.UTF_8));
        Page schemes = get(base + "/api/schemes", basic);
        assertEquals(200, schemes.status(), schemes.body());
        assertEquals(List.of("avdir", "bufdir", "survey-2009", "urban-youth"),
                schemeIds(JSON.readTree(schemes.body())));
        assertEquals(401, get(base + "/api/schemes", null).status());

        // The gate: a core bundle is refused, a plugin passes the dry run and lands in Karaf's deploy/.
        Karaf.Result refused = karaf.shell("tilskudd:deploy " + repoJar("tilskudd-api"));
        assertNotEquals(0, refused.exit(), refused.out());
        assertTrue(refused.out().contains("is part of the host"), refused.out());
        ok(karaf.shell("tilskudd:deploy --dry-run " + exampleJar()));
        Karaf.Result deployed = ok(karaf.shell("tilskudd:deploy " + exampleJar()));
        assertTrue(deployed.out().contains("state: ACTIVE"), deployed.out());
        assertTrue(Files.isRegularFile(karaf.home.resolve("deploy/no.tilskudd.example.scheme.jar")));
        assertTrue(schemeIds(json("tilskudd:schemes --json")).contains("example"));
        ok(karaf.shell("tilskudd:undeploy example"));
        assertFalse(schemeIds(json("tilskudd:schemes --json")).contains("example"));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Karaf.Result ok(Karaf.Result r) {
        assertEquals(0, r.exit(), () -> r.out() + "\n--- karaf.log:\n" + karaf.log());
        assertFalse(r.out().contains("Error executing command"), () -> r.out() + "\n--- karaf.log:\n" + karaf.log());
        return r;
    }

    private JsonNode json(String command) throws Exception {
        return jsonOf(ok(karaf.shell(command)));
    }

    private static JsonNode jsonOf(Karaf.Result r) throws IOException {
        int start = r.out().indexOf('{');
        if (start < 0) {
            throw new AssertionError("no JSON in: " + r.out());
        }
        return JSON.readTree(r.out().substring(start));
    }

    private static List<String> schemeIds(JsonNode schemes) {
        List<String> ids = new ArrayList<>();
        schemes.get("schemes").forEach(s -> ids.add(s.get("id").asText()));
        return ids.stream().sorted().toList();
    }

    /** Runs a command that prints JSON until its output satisfies the condition, at most {@value #AWAIT_TRIES} times. */
    private JsonNode await(String what, String command, Predicate<JsonNode> condition) throws Exception {
        JsonNode last = null;
        for (int i = 1; i <= AWAIT_TRIES; i++) {
            last = json(command);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("gave up waiting for " + what + "; last: " + last + "\n" + karaf.log());
    }

    /** Status and body of one GET. */
    private record Page(int status, String body) {
    }

    private static Page get(String url, String basic) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(30_000);
        if (basic != null) {
            c.setRequestProperty("Authorization", "Basic " + basic);
        }
        try {
            int status = c.getResponseCode();
            try (var in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                return new Page(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            c.disconnect();
        }
    }

    /** Jetty starts when Config Admin hands it its configuration, just after the feature install returns. */
    private Page awaitPage(String url) throws Exception {
        IOException last = null;
        for (int i = 0; i < AWAIT_TRIES; i++) {
            try {
                return get(url, null);
            } catch (IOException e) {
                last = e;
                Thread.sleep(250);
            }
        }
        throw new AssertionError("no answer from " + url + "\n" + karaf.log(), last);
    }

    private static Path exampleJar() {
        return repoJar("tilskudd-example-scheme");
    }

    private static Path repoJar(String artifactId) {
        return Path.of(property("tilskudd.karaf.repo"), "no/tilskudd", artifactId, VERSION,
                artifactId + "-" + VERSION + ".jar");
    }

    private static String property(String name) {
        String v = System.getProperty(name);
        if (v == null) {
            throw new IllegalStateException("system property " + name + " is not set; run the test through Maven");
        }
        return v;
    }
}
