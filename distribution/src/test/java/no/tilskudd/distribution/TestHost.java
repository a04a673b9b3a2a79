package no.tilskudd.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import no.tilskudd.testkit.TilskuddHost;

/**
 * The built distribution booted by the test kit's {@link TilskuddHost}, with the shortcuts these tests share: where
 * the distribution and the example plugin are, and reading {@code schemes --json} output.
 */
final class TestHost implements AutoCloseable {

    final Path home;
    final Path data;
    private final TilskuddHost host;

    /** The outcome of one command. */
    record Result(int exit, String out, String err) {
        JsonNode json() {
            return new TilskuddHost.Result(exit, out, err).json();
        }
    }

    private TestHost(TilskuddHost host) {
        this.host = host;
        this.home = host.home();
        this.data = host.data();
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
        return new TestHost(TilskuddHost.start(distribution(), tempDir, serving, plugins));
    }

    /** Like {@link #start(Path, boolean, Path...)}, with extra settings for conf/tilskudd.properties. */
    static TestHost start(Path tempDir, boolean serving, java.util.Map<String, String> settings, Path... plugins)
            throws Exception {
        return new TestHost(TilskuddHost.start(distribution(), tempDir, serving, settings, plugins));
    }

    Result run(String... args) {
        TilskuddHost.Result r = host.run(args);
        return new Result(r.exit(), r.out(), r.err());
    }

    void deploy(Path jar, String name) throws IOException {
        host.deploy(jar, name);
    }

    void undeploy(String name) throws IOException {
        host.undeploy(name);
    }

    long await(String what, Predicate<JsonNode> condition, String... command) throws InterruptedException {
        return host.await(what, condition, command);
    }

    static boolean hasScheme(JsonNode schemes, String id) {
        return TilskuddHost.hasScheme(schemes, id);
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
        host.close();
    }
}
