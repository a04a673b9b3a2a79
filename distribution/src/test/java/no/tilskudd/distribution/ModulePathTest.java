package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same plugin jar that the host hot-deploys also works on a plain JPMS module path, found through
 * ServiceLoader, with no OSGi framework in the JVM.
 */
class ModulePathTest {

    @TempDir
    Path temp;

    @Test
    void validationRunsOnAPlainModulePathWithoutAFramework() throws Exception {
        Path dist = TestHost.distribution();
        List<String> modulePath = new ArrayList<>();
        for (String name : List.of("tilskudd-api", "tilskudd-engine", "jackson-core", "jackson-databind",
                "jackson-annotations", "commons-jexl3", "commons-logging")) {
            modulePath.add(find(dist.resolve("bundle"), name).toString());
        }
        modulePath.add(TestHost.exampleJar().toString());
        Path good = temp.resolve("good.jsonl");
        Files.writeString(good, HotDeployTest.submission(2016, "1804", "") + "\n");
        Path bad = temp.resolve("bad.jsonl");
        Files.writeString(bad, HotDeployTest.submission(2016, "1804", "").replace("\"goalsReached\":\"all\"",
                "\"goalsReached\":\"maybe\"") + "\n");

        Run ok = java(modulePath, List.of(good.toString()));
        assertEquals(0, ok.exit, ok.output);
        assertTrue(ok.output.contains("scheme example from no.tilskudd.example.scheme"), ok.output);
        assertTrue(ok.output.contains("module=no.tilskudd.api"), "the API is a named module: " + ok.output);
        assertTrue(ok.output.contains("osgi framework present: false"), ok.output);

        Run refused = java(modulePath, List.of(bad.toString()));
        assertEquals(1, refused.exit, refused.output);
        assertTrue(refused.output.contains("bad.jsonl:1: goalsReached: CHOICE_UNKNOWN"), refused.output);
    }

    @Test
    void severalSchemePluginsLoadInLayersOfTheirOwn() throws Exception {
        Path dist = TestHost.distribution();
        List<String> modulePath = new ArrayList<>();
        for (String name : List.of("tilskudd-api", "tilskudd-engine", "jackson-core", "jackson-databind",
                "jackson-annotations", "commons-jexl3", "commons-logging")) {
            modulePath.add(find(dist.resolve("bundle"), name).toString());
        }
        // AVdir and Bufdir are pure data, read by their manifest header; urban youth adds a validator, loaded in a
        // layer of its own (plugins may carry private copies of the same packages, a split package on one path).
        List<String> plugins = new ArrayList<>();
        for (String name : List.of("tilskudd-scheme-avdir", "tilskudd-scheme-bufdir", "tilskudd-scheme-urban-youth")) {
            plugins.add(find(dist.resolve("deploy"), name).toString());
        }
        Path avdir = temp.resolve("avdir.jsonl");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(plugins.get(0))) {
            Files.write(avdir, in.getInputStream(in.getEntry("tilskudd/avdir/demo/avdir-demo.jsonl")).readAllBytes());
        }
        Run run = java(modulePath, List.of("--plugins", String.join(File.pathSeparator, plugins), avdir.toString()));
        assertEquals(0, run.exit, run.output);
        assertTrue(run.output.contains("scheme avdir from no.tilskudd.scheme.avdir"), run.output);
        assertTrue(run.output.contains("scheme bufdir from no.tilskudd.scheme.bufdir"), run.output);
        assertTrue(run.output.contains("scheme urban-youth from no.tilskudd.scheme.urban.youth"), run.output);
        assertTrue(run.output.contains("avdir.jsonl: 249 submissions, 0 rejected"), run.output);
    }

    private record Run(int exit, String output) {
    }

    private Run java(List<String> modulePath, List<String> args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String testClasses = Path.of(ModulePathMain.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath()).toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--module-path", String.join(File.pathSeparator, modulePath),
                "--add-modules", "ALL-MODULE-PATH", "-cp", testClasses, ModulePathMain.class.getName()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the module-path JVM did not finish: " + out);
        }
        return new Run(p.exitValue(), out);
    }

    private static Path find(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches(prefix + "-\\d.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + prefix + " jar in " + dir));
        }
    }
}
