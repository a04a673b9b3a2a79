package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import no.tilskudd.launch.internal.Launcher;

/**
 * A copy of the built distribution in a temporary folder, booted in-process through the real launcher, so that each
 * test gets its own deploy/ and data/ and drives the host only through its commands.
 */
final class TestHost implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final Path home;
    final Path data;
    private final Launcher launcher;

    /** The outcome of one command. */
    record Result(int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out + "\nstderr: " + err, e);
            }
        }
    }

    private TestHost(Path home, boolean serving) throws Exception {
        this.home = home;
        this.data = home.resolve("data");
        this.launcher = new Launcher(home, data, serving, System.out, System.err);
        launcher.start();
    }

    /** The built distribution folder (set by the build). */
    static Path distribution() {
        String dist = System.getProperty("tilskudd.dist");
        if (dist == null) {
            throw new IllegalStateException("system property tilskudd.dist is not set; run the tests through Maven");
        }
        return Path.of(dist);
    }

    /** The example scheme plugin as built into the distribution's deploy/. */
    static Path exampleJar() throws IOException {
        try (Stream<Path> s = Files.list(distribution().resolve("deploy"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("tilskudd-example-scheme")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no example scheme jar in the distribution"));
        }
    }

    /**
     * Copies the distribution, with {@code deploy/} holding only the given plugins, and boots it.
     *
     * @param serving whether the host watches deploy/ (FileInstall) or installs it once
     * @param plugins jars to put in deploy/ before the start
     */
    static TestHost start(Path tempDir, boolean serving, Path... plugins) throws Exception {
        Path home = tempDir.resolve("tilskudd");
        copyTree(distribution(), home);
        try (Stream<Path> s = Files.list(home.resolve("deploy"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        deleteTree(home.resolve("data"));
        // A fast poll keeps the hot-deploy tests short; the shipped default is in conf/tilskudd.properties.
        Files.writeString(home.resolve("conf/tilskudd.properties"), "felix.fileinstall.poll=50\n");
        for (Path p : plugins) {
            Files.copy(p, home.resolve("deploy").resolve(p.getFileName()));
        }
        return new TestHost(home, serving);
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int exit = launcher.runCommand(Arrays.asList(args), o, e);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Puts a jar into deploy/ the way an administrator should: written elsewhere, then renamed in. */
    void deploy(Path jar, String name) throws IOException {
        Path tmp = home.resolve(name + ".tmp");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, home.resolve("deploy").resolve(name), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    void undeploy(String name) throws IOException {
        Files.delete(home.resolve("deploy").resolve(name));
    }

    /** Polls a command until its JSON output satisfies a condition; returns the milliseconds it took. */
    long await(String what, Predicate<JsonNode> condition, String... command) throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + 30_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Result r = run(command);
            if (r.exit() == 0 || r.out().startsWith("{")) {
                last = r.json();
                if (condition.test(last)) {
                    return (System.nanoTime() - t0) / 1_000_000;
                }
            }
            Thread.sleep(10);
        }
        fail("timed out waiting for " + what + "; last output: " + last);
        return -1;
    }

    static boolean hasScheme(JsonNode schemes, String id) {
        for (JsonNode s : schemes.get("schemes")) {
            if (s.get("id").asText().equals(id)) {
                return true;
            }
        }
        return false;
    }

    static JsonNode scheme(JsonNode schemes, String id) {
        for (JsonNode s : schemes.get("schemes")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no scheme " + id + " in " + schemes);
    }

    static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Override
    public void close() {
        launcher.stop();
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
