package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, signed plugins: with {@code tilskudd.plugins.requireSignature=true} the host resolves a plugin only when
 * its jar verifies and a key of the trust store signed it, however the jar arrives. Four jars of the example scheme,
 * made here with the JDK's keytool and jarsigner as the README says: signed by a trusted key (used, its signer
 * recorded with the scheme's owner), unsigned, changed after signing, and signed by a key the host does not trust
 * (each installed but held unresolved, named in status, /api/bundles and the log); a second trusted key signing the
 * same symbolic name does not get the scheme; and without the setting an unsigned jar is used as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedPluginsTest {

    static final String EXAMPLE = "no.tilskudd.example.scheme";
    static final String STOREPASS = "keys-pw";

    private Path keys;
    private Path unsigned;
    private Path signed;
    private Path tampered;
    private Path foreign;
    private Path signedByOther;
    private Path trustStore;
    private Path passwordFile;
    private String trustedFingerprint;
    /** The example scheme's bundle version, as built. */
    private static String version;

    @BeforeAll
    void jars(@TempDir Path dir) throws Exception {
        keys = dir;
        Path trusted = key("trusted");
        Path other = key("other");
        Path stranger = key("stranger");
        trustStore = dir.resolve("trusted-plugins.p12");
        passwordFile = dir.resolve("trusted-plugins.pw");
        trust(trusted, "trusted");
        trust(other, "other");
        Files.writeString(passwordFile, "trust-pw\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));

        unsigned = TestHost.exampleJar();
        try (JarFile j = new JarFile(unsigned.toFile())) {
            version = org.osgi.framework.Version.parseVersion(j.getManifest().getMainAttributes()
                    .getValue("Bundle-Version")).toString();
        }
        signed = sign(unsigned, trusted, "trusted", dir.resolve("signed.jar"));
        signedByOther = sign(unsigned, other, "other", dir.resolve("signed-by-other.jar"));
        foreign = sign(unsigned, stranger, "stranger", dir.resolve("foreign.jar"));
        tampered = tamper(signed, dir.resolve("tampered.jar"));

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trusted)) {
            ks.load(in, STOREPASS.toCharArray());
        }
        trustedFingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(ks.getCertificate("trusted").getEncoded()));
    }

    private Path key(String alias) throws Exception {
        Path store = keys.resolve(alias + "-key.p12");
        run("keytool", "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=" + alias + " plugins, O=Tilskudd test", "-validity", "30", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", STOREPASS);
        return store;
    }

    private void trust(Path keyStore, String alias) throws Exception {
        Path cer = keys.resolve(alias + ".cer");
        run("keytool", "-exportcert", "-alias", alias, "-keystore", keyStore.toString(), "-storepass", STOREPASS,
                "-file", cer.toString());
        run("keytool", "-importcert", "-noprompt", "-alias", alias, "-file", cer.toString(), "-keystore",
                trustStore.toString(), "-storetype", "PKCS12", "-storepass", "trust-pw");
    }

    private Path sign(Path jar, Path keyStore, String alias, Path target) throws Exception {
        run("jarsigner", "-keystore", keyStore.toString(), "-storepass", STOREPASS, "-signedjar", target.toString(),
                jar.toString(), alias);
        return target;
    }

    private static void run(String tool, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        cmd.add("-J-Duser.language=en");
        Collections.addAll(cmd, args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    /** The signed jar with one byte of its form changed, as someone with write access to deploy/ might. */
    private static Path tamper(Path jar, Path target) throws IOException {
        boolean changed = false;
        try (JarFile in = new JarFile(jar.toFile(), false); OutputStream out = Files.newOutputStream(target);
                JarOutputStream j = new JarOutputStream(out)) {
            for (JarEntry e : Collections.list(in.entries())) {
                byte[] bytes;
                try (InputStream s = in.getInputStream(e)) {
                    bytes = s.readAllBytes();
                }
                if (!changed && e.getName().endsWith(".json") && e.getName().contains("/forms/")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replaceFirst("\"required\": *true",
                            "\"required\": false").getBytes(StandardCharsets.UTF_8);
                    changed = true;
                }
                j.putNextEntry(new JarEntry(e.getName()));
                j.write(bytes);
                j.closeEntry();
            }
        }
        assertTrue(changed, "the example jar has a form to change");
        return target;
    }

    private Map<String, String> required() {
        return Map.of("tilskudd.plugins.requireSignature", "true",
                "tilskudd.plugins.trustStore", trustStore.toString(),
                "tilskudd.plugins.trustStore.passwordFile", passwordFile.toString());
    }

    private static Predicate<JsonNode> heldFor(String reason) {
        return s -> s.get("failures").toString().contains("example.jar: " + EXAMPLE + " " + version + ": held unresolved: "
                + reason);
    }

    private static String stateOfExample(JsonNode status) {
        for (JsonNode b : status.get("bundles")) {
            if (EXAMPLE.equals(b.path("symbolicName").asText())) {
                return b.get("state").asText();
            }
        }
        return "none";
    }

    /** The status line, exit 1, the same in /api/bundles and the log; the scheme is not there. */
    private static void assertHeld(WebHost host, String reason) throws Exception {
        JsonNode status = host.awaitJson("held: " + reason, heldFor(reason), "status", "--json");
        assertEquals("INSTALLED", stateOfExample(status), status.toString());
        WebHost.Result text = host.run("status");
        assertEquals(1, text.exit(), text.out());
        assertTrue(text.out().contains("FAILED example.jar: " + EXAMPLE + " " + version + ": held unresolved: " + reason),
                text.out());
        assertTrue(text.out().contains("(tilskudd.plugins.requireSignature=true)"), text.out());
        assertFalse(TestHost.hasScheme(host.run("schemes", "--json").json(), "example"));
        HttpResponse<String> bundles = host.get("/api/bundles", WebHost.basic("admin", host.adminPassword));
        assertEquals(200, bundles.statusCode(), bundles.body());
        assertTrue(heldFor(reason).test(WebHost.json(bundles)), bundles.body());
        String log = Files.readString(host.data.resolve("log/tilskudd.log"));
        assertTrue(log.contains("example.jar (" + EXAMPLE + " " + version + "): held unresolved: " + reason), log);
    }

    @Test
    void aServingHostUsesOnlyAJarSignedByATrustedKey() throws Exception {
        try (WebHost host = WebHost.start(keys.resolve("serving"), required())) {
            // The dry run (CLI and HTTP alike) says why the jar would be held.
            WebHost.Result dry = host.run("deploy", "--dry-run", "--json", unsigned.toString());
            JsonNode check = dry.json().has("check") ? dry.json().get("check") : dry.json();
            assertFalse(check.get("safe").asBoolean(), dry.out());
            assertTrue(check.get("problems").toString().contains(EXAMPLE + " " + version + " would be held unresolved: it is "
                    + "not signed"), dry.out());
            HttpResponse<String> upload = host.post("/api/bundles", WebHost.basic("admin", host.adminPassword),
                    new WebHost.Multipart().file(foreign, "application/java-archive"));
            assertEquals(422, upload.statusCode(), upload.body());
            assertTrue(upload.body().contains("not a trusted signer"), upload.body());

            host.replaceExampleJar(unsigned);
            assertHeld(host, "it is not signed");
            host.replaceExampleJar(tampered);
            assertHeld(host, "its content was changed after it was signed");
            host.replaceExampleJar(foreign);
            assertHeld(host, "it is signed by CN=stranger plugins");

            host.replaceExampleJar(signed);
            JsonNode schemes = host.awaitJson("the signed scheme", s -> TestHost.hasScheme(s, "example"), "schemes",
                    "--json");
            assertEquals(EXAMPLE, TestHost.scheme(schemes, "example").get("bundle").asText());
            JsonNode healthy = host.awaitJson("a healthy host", s -> s.get("failures").isEmpty()
                    && s.get("schemeProblems").isEmpty(), "status", "--json");
            assertEquals("ACTIVE", stateOfExample(healthy));
            assertEquals(0, host.run("status").exit());
            assertEquals(0, host.run("validate", WebHost.demoFile().toString()).exit());
            JsonNode owner = owner(host.run("schemes", "owners", "--json").json(), "example");
            assertEquals(trustedFingerprint, owner.get("signer").asText(), owner.toString());
            assertEquals("SEEDED", owner.get("how").asText());
            assertTrue(Files.readString(host.data.resolve("log/tilskudd.log")).contains("example.jar (" + EXAMPLE
                    + " " + version + "): signed by CN=trusted plugins"));

            // Another trusted key signs the same symbolic name: a symbolic name alone can be copied.
            host.replaceExampleJar(signedByOther);
            JsonNode refused = host.awaitJson("the other signer refused", s -> s.get("schemeProblems").toString()
                    .contains("belongs to " + EXAMPLE + " (signed by " + trustedFingerprint + ")"), "status",
                    "--json");
            assertTrue(refused.get("schemeProblems").toString().contains("this jar is signed by "), refused.toString());
            assertFalse(TestHost.hasScheme(host.run("schemes", "--json").json(), "example"));
            assertEquals(1, host.run("status").exit());
        }
    }

    private static JsonNode owner(JsonNode owners, String scheme) {
        for (JsonNode o : owners.get("owners")) {
            if (o.get("scheme").asText().equals(scheme)) {
                return o;
            }
        }
        throw new AssertionError("no owner of " + scheme + " in " + owners);
    }

    /** A one-shot command installs deploy/ itself: the same hook holds the unsigned jar there. */
    @Test
    void aOneShotCommandHoldsAnUnsignedJarToo(@TempDir Path temp) throws Exception {
        Path copy = temp.resolve("example.jar");
        Files.copy(unsigned, copy);
        try (TestHost host = TestHost.start(temp, false, required(), copy)) {
            assertFalse(TestHost.hasScheme(host.run("schemes", "--json").json(), "example"));
            TestHost.Result status = host.run("status");
            assertEquals(1, status.exit(), status.out());
            assertTrue(status.out().contains("FAILED example.jar: " + EXAMPLE + " " + version + ": held unresolved: it is not "
                    + "signed"), status.out());
        }
        Path signedCopy = temp.resolve("signed").resolve("example.jar");
        Files.createDirectories(signedCopy.getParent());
        Files.copy(signed, signedCopy);
        try (TestHost host = TestHost.start(temp.resolve("signed"), false, required(), signedCopy)) {
            assertTrue(TestHost.hasScheme(host.run("schemes", "--json").json(), "example"));
            TestHost.Result status = host.run("status");
            assertEquals(0, status.exit(), status.out());
        }
    }

    /** The setting is off by default: the shipped, unsigned plugins are used as ever. */
    @Test
    void withoutTheSettingAnUnsignedJarIsUsed(@TempDir Path temp) throws Exception {
        try (TestHost host = TestHost.start(temp, false, unsigned)) {
            assertTrue(TestHost.hasScheme(host.run("schemes", "--json").json(), "example"));
            TestHost.Result status = host.run("status");
            assertEquals(0, status.exit(), status.out());
        }
    }
}
