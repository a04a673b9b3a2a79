package no.tilskudd.testkit;

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
import java.util.function.Predicate;
import java.util.stream.Stream;
import no.tilskudd.launch.embed.EmbeddedHost;

/**
 * A real Tilskudd host for smoke tests: a copy of a distribution folder in a work folder, booted in-process by the
 * real launcher ({@link EmbeddedHost}: the framework with the core bundles), with {@code deploy/} holding only the
 * plugins a test gives, and its data in the copy's {@code data/}. The test
 * drives it through its commands, as a user would.
 *
 * <pre>{@code
 * try (TilskuddHost host = TilskuddHost.start(distributionHome, tempDir, false, pluginJar)) {
 *     assertEquals(0, host.run("schemes", "--json").exit());
 * }
 * }</pre>
 */
public final class TilskuddHost implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long AWAIT_NANOS = 30_000_000_000L;

    private final Path home;
    private final EmbeddedHost embedded;

    /**
     * The outcome of one command.
     *
     * @param exit the exit code
     * @param out  what it printed
     * @param err  what it printed as errors and progress
     */
    public record Result(int exit, String out, String err) {

        /**
         * The output as JSON (for commands run with {@code --json}).
         *
         * @return the parsed output
         * @throws AssertionError when the output is not JSON
         */
        public JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out + "\nstderr: " + err, e);
            }
        }
    }

    private TilskuddHost(Path home, boolean serving) throws Exception {
        this.home = home;
        this.embedded = EmbeddedHost.builder(home).serving(serving).start();
    }

    /**
     * Copies a distribution into a work folder, with {@code deploy/} holding only the given plugins, and boots it.
     *
     * @param distribution the distribution folder (with bin/, lib/, bundle/, conf/)
     * @param workDir      an empty folder for the copy
     * @param serving      whether the host watches deploy/ (hot deployment) or installs it once
     * @param plugins      jars to put in deploy/ before the start
     * @return the running host
     * @throws Exception when the copy or the start fails
     */
    public static TilskuddHost start(Path distribution, Path workDir, boolean serving, Path... plugins)
            throws Exception {
        return start(distribution, workDir, serving, java.util.Map.of(), plugins);
    }

    /**
     * Like {@link #start(Path, Path, boolean, Path...)}, with extra host settings for {@code conf/tilskudd.properties}.
     *
     * @param distribution the distribution folder
     * @param workDir      an empty folder for the copy
     * @param serving      whether the host watches deploy/
     * @param settings     extra settings, e.g. {@code tilskudd.validator.timeout.ms}
     * @param plugins      jars to put in deploy/ before the start
     * @return the running host
     * @throws Exception when the copy or the start fails
     */
    public static TilskuddHost start(Path distribution, Path workDir, boolean serving,
            java.util.Map<String, String> settings, Path... plugins) throws Exception {
        Path home = workDir.resolve("tilskudd");
        copyTree(distribution, home);
        Path deploy = home.resolve("deploy");
        Files.createDirectories(deploy);
        try (Stream<Path> s = Files.list(deploy)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        deleteTree(home.resolve("data"));
        // A fast poll keeps hot-deploy tests short; the shipped default is in conf/tilskudd.properties.
        StringBuilder conf = new StringBuilder("felix.fileinstall.poll=50\n");
        settings.forEach((k, v) -> conf.append(k).append('=').append(v).append('\n'));
        Files.writeString(home.resolve("conf/tilskudd.properties"), conf);
        for (Path p : plugins) {
            Files.copy(p, deploy.resolve(p.getFileName()));
        }
        return new TilskuddHost(home, serving);
    }

    /**
     * The host's home folder (the copy).
     *
     * @return the folder
     */
    public Path home() {
        return home;
    }

    /**
     * The host's data folder (store, logs), as the bundles see it.
     *
     * @return the folder
     */
    public Path data() {
        return embedded.host().data();
    }

    /**
     * Runs a command, e.g. {@code run("validate", "--json", file)}.
     *
     * @param args the command and its options
     * @return exit code and output
     */
    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int exit = embedded.run(Arrays.asList(args), o, e);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * Puts a jar into deploy/ the way an administrator should: written next to it, then renamed in.
     *
     * @param jar  the jar
     * @param name the file name in deploy/
     * @throws IOException when copying fails
     */
    public void deploy(Path jar, String name) throws IOException {
        Path tmp = home.resolve(name + ".tmp");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, home.resolve("deploy").resolve(name), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Deletes a jar from deploy/.
     *
     * @param name the file name in deploy/
     * @throws IOException when deleting fails
     */
    public void undeploy(String name) throws IOException {
        Files.delete(home.resolve("deploy").resolve(name));
    }

    /**
     * Runs a command until its JSON output satisfies a condition (at most 30 s).
     *
     * @param what      what is awaited, for the failure message
     * @param condition the condition
     * @param command   the command, which must print JSON
     * @return the milliseconds it took
     * @throws InterruptedException when interrupted
     * @throws AssertionError       when the condition does not hold in time, with the last output
     */
    public long await(String what, Predicate<JsonNode> condition, String... command) throws InterruptedException {
        long t0 = System.nanoTime();
        JsonNode last = null;
        while (System.nanoTime() - t0 < AWAIT_NANOS) {
            Result r = run(command);
            if (r.out().startsWith("{")) {
                last = r.json();
                if (condition.test(last)) {
                    return (System.nanoTime() - t0) / 1_000_000;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("timed out waiting for " + what + "; last output: " + last);
    }

    /**
     * Tells whether {@code schemes --json} output lists a scheme.
     *
     * @param schemes the output
     * @param id      the scheme id
     * @return true if listed
     */
    public static boolean hasScheme(JsonNode schemes, String id) {
        for (JsonNode s : schemes.get("schemes")) {
            if (s.get("id").asText().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** Stops the host. */
    @Override
    public void close() {
        embedded.close();
    }

    private static void copyTree(Path from, Path to) throws IOException {
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

    private static void deleteTree(Path dir) throws IOException {
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
