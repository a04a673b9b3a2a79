package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An administrator chooses the OSGi framework through {@code bin/tilskudd}: Felix by default, Eclipse Equinox (shipped
 * in {@code lib/equinox/}) by {@code --framework equinox}, {@code TILSKUDD_FRAMEWORK=equinox} or
 * {@code tilskudd.framework} in {@code conf/tilskudd.properties}. The framework that ran is the system bundle the
 * host reports.
 */
class FrameworkChoiceTest {

    private static final String FELIX = "org.apache.felix.framework";
    private static final String EQUINOX = "org.eclipse.osgi";

    @TempDir
    Path temp;

    private Path home;

    private record Result(int exit, String out, String err) {
        JsonNode json() {
            return new TestHost.Result(exit, out, err).json();
        }
    }

    @BeforeEach
    void copyTheDistributionWithTheExampleSchemeOnly() throws Exception {
        home = temp.resolve("tilskudd");
        WebHost.copyTree(WebHost.distribution(), home);
        try (Stream<Path> s = Files.list(home.resolve("deploy"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.copy(TestHost.exampleJar(), home.resolve("deploy/example.jar"));
    }

    @Test
    void theOptionRunsACommandOnEquinox() throws Exception {
        Result r = tilskudd(Map.of(), "--framework", "equinox", "status", "--json");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(EQUINOX, systemBundle(r.json()));
        Result schemes = tilskudd(Map.of(), "--framework=equinox", "schemes", "--json");
        assertEquals(0, schemes.exit(), schemes.err());
        assertTrue(TestHost.hasScheme(schemes.json(), "example"), schemes.out());
    }

    @Test
    void theEnvironmentChoosesEquinoxAndTheOptionWins() throws Exception {
        Result env = tilskudd(Map.of("TILSKUDD_FRAMEWORK", "equinox"), "status", "--json");
        assertEquals(0, env.exit(), env.err());
        assertEquals(EQUINOX, systemBundle(env.json()));
        Result option = tilskudd(Map.of("TILSKUDD_FRAMEWORK", "equinox"), "--data", temp.resolve("d2").toString(),
                "--framework", "felix", "status", "--json");
        assertEquals(0, option.exit(), option.err());
        assertEquals(FELIX, systemBundle(option.json()));
        assertTrue(Files.isDirectory(temp.resolve("d2/log")), "--data before --framework still names the data");
    }

    @Test
    void withoutAChoiceItIsFelixUnlessTheSettingsNameEquinox() throws Exception {
        Result plain = tilskudd(Map.of(), "status", "--json");
        assertEquals(0, plain.exit(), plain.err());
        assertEquals(FELIX, systemBundle(plain.json()));
        Files.writeString(home.resolve("conf/tilskudd.properties"), "tilskudd.framework = equinox\n");
        Result configured = tilskudd(Map.of(), "status", "--json");
        assertEquals(0, configured.exit(), configured.err());
        assertEquals(EQUINOX, systemBundle(configured.json()));
    }

    @Test
    void anUnknownFrameworkIsAUsageError() throws Exception {
        Result r = tilskudd(Map.of(), "--framework", "knopflerfish", "status");
        assertEquals(2, r.exit());
        assertEquals("tilskudd: unknown framework 'knopflerfish' (felix or equinox)\n", r.err());
        Result missing = tilskudd(Map.of(), "--framework");
        assertEquals(2, missing.exit());
        assertEquals("tilskudd: --framework needs felix or equinox\n", missing.err());
    }

    private static String systemBundle(JsonNode status) {
        for (JsonNode b : status.get("bundles")) {
            if (b.get("id").asLong() == 0) {
                return b.get("symbolicName").asText();
            }
        }
        throw new AssertionError("no system bundle in " + status);
    }

    private Result tilskudd(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/tilskudd").toString());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(temp.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().remove("TILSKUDD_FRAMEWORK");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            fail(cmd + " did not end within 3 minutes");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
