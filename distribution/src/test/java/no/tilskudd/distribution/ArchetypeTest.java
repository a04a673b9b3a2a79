package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An integrator's first quarter hour: generate a plugin project from the archetype, build it offline, and drop its
 * jar into a host, where the new scheme shows up.
 */
class ArchetypeTest {

    private static final String VERSION = System.getProperty("tilskudd.version", "0.1.0-SNAPSHOT");

    @TempDir
    Path temp;

    @Test
    void aGeneratedPluginBuildsOfflineAndIsUsableInAHost() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        mvn(work, "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate", "-DarchetypeCatalog=local",
                "-DarchetypeGroupId=no.tilskudd", "-DarchetypeArtifactId=tilskudd-plugin-archetype",
                "-DarchetypeVersion=" + VERSION, "-DgroupId=org.example", "-DartifactId=youth-clubs",
                "-Dversion=1.0.0", "-Dpackage=org.example.youthclubs", "-DschemeId=youth-clubs",
                "-DschemeName=Tilskudd til fritidsklubber", "-Dyear=2024", "-DinteractiveMode=false");
        Path project = work.resolve("youth-clubs");
        assertTrue(Files.exists(project.resolve("src/main/resources/tilskudd/youth-clubs/forms/2024.json")));

        String build = mvn(project, "verify");
        assertTrue(build.contains("Tests run: 6, Failures: 0, Errors: 0"), build);
        Path jar = project.resolve("target/youth-clubs-1.0.0.jar");
        assertTrue(Files.exists(jar), build);

        try (TestHost host = TestHost.start(temp.resolve("host"), false, jar)) {
            JsonNode schemes = host.run("schemes", "--json").json();
            JsonNode s = TestHost.scheme(schemes, "youth-clubs");
            assertEquals("org.example.youthclubs", s.get("bundle").asText());
            assertEquals("Tilskudd til fritidsklubber", s.get("name").asText());
            assertEquals(List.of("2024"), TestHost.texts(s.get("formVersions")));
            JsonNode status = host.run("status", "--json").json();
            assertTrue(status.get("failures").isEmpty(), status.toString());
        }
    }

    /**
     * Runs Maven offline: everything a generated project needs should be in the local repository after this build.
     * If Maven reports that something was never downloaded, the run is repeated online and the gap is printed, so that
     * a machine with a fresh repository tests the generated project rather than its own download history.
     */
    private static String mvn(Path dir, String... args) throws IOException, InterruptedException {
        Run offline = run(dir, true, args);
        if (offline.exit != 0 && offline.out.contains("offline mode")) {
            System.out.println("ArchetypeTest: not everything was in the local repository; retrying online:\n"
                    + offline.out.lines().filter(l -> l.contains("offline mode")).findFirst().orElse(""));
            Run online = run(dir, false, args);
            assertEquals(0, online.exit, "mvn " + String.join(" ", args) + " failed:\n" + online.out);
            return online.out;
        }
        assertEquals(0, offline.exit, "mvn " + String.join(" ", args) + " failed:\n" + offline.out);
        return offline.out;
    }

    private record Run(int exit, String out) {
    }

    private static Run run(Path dir, boolean offline, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B"));
        if (offline) {
            cmd.add("-o");
        }
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", args) + " did not finish:\n" + out);
        }
        return new Run(p.exitValue(), out);
    }
}
