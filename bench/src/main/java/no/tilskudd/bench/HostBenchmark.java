package no.tilskudd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.tilskudd.testkit.TilskuddHost;

/**
 * Host start-up and hot deployment, on the built distribution: cold start of a one-shot command (a new JVM, Felix,
 * every bundle active), and in a serving host the time from dropping, replacing and deleting a scheme jar in deploy/
 * until {@code schemes} shows the change.
 *
 * <p>Arguments: the distribution folder, the FileInstall poll in ms (default 50), cycles (default 30).
 */
public final class HostBenchmark {

    private HostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args[0]);
        String poll = args.length > 1 ? args[1] : "50";
        int cycles = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path work = Files.createTempDirectory("tilskudd-bench-host");
        Path example;
        try (Stream<Path> s = Files.list(dist.resolve("deploy"))) {
            example = s.filter(p -> p.getFileName().toString().startsWith("tilskudd-example-scheme")).findFirst()
                    .orElseThrow();
        }
        ObjectMapper json = new ObjectMapper();

        Stats wall = new Stats();
        Stats ready = new Stats();
        Path oneShot = work.resolve("oneshot");
        TilskuddHost.start(dist, oneShot, false, example).close();
        for (int i = 0; i < 12; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(oneShot.resolve("tilskudd/bin/tilskudd").toString(), "status", "--json")
                    .redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(2, TimeUnit.MINUTES);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (i >= 2) {
                wall.add(ms);
                ready.add(json.readTree(out).get("startMillis").asDouble());
            }
        }

        Stats drop = new Stats();
        Stats replace = new Stats();
        Stats delete = new Stats();
        Path v2 = withVersion(example, "0.1.1", work.resolve("example-v2.jar"));
        try (TilskuddHost host = TilskuddHost.start(dist, work.resolve("serving"), true,
                java.util.Map.of("felix.fileinstall.poll", poll))) {
            for (int i = 0; i < cycles + 3; i++) {
                long a = deployAndWait(host, example, json, s -> TilskuddHost.hasScheme(s, "example"));
                long b = deployAndWait(host, v2, json, s -> TilskuddHost.hasScheme(s, "example")
                        && version(s).equals("0.1.1"));
                long t0 = System.nanoTime();
                host.undeploy("example.jar");
                host.await("removal", s -> !TilskuddHost.hasScheme(s, "example"), "schemes", "--json");
                long c = (System.nanoTime() - t0) / 1_000_000;
                if (i >= 3) {
                    drop.add(a);
                    replace.add(b);
                    delete.add(c);
                }
            }
        }
        System.out.println("Host benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, FileInstall poll "
                + poll + " ms)");
        System.out.println(wall.row("cold start: one-shot command, wall (JVM incl.)", "ms"));
        System.out.println(ready.row("cold start: launcher to all bundles started", "ms"));
        System.out.println(drop.row("hot deploy: jar dropped -> scheme usable", "ms"));
        System.out.println(replace.row("hot deploy: jar replaced -> update visible", "ms"));
        System.out.println(delete.row("hot deploy: jar deleted -> scheme gone", "ms"));
    }

    private static String version(JsonNode schemes) {
        for (JsonNode s : schemes.get("schemes")) {
            if (s.get("id").asText().equals("example")) {
                return s.get("bundleVersion").asText();
            }
        }
        return "";
    }

    /** The same plugin with another Bundle-Version, so that the update is visible in {@code schemes}. */
    static Path withVersion(Path jar, String version, Path target) throws java.io.IOException {
        try (java.util.jar.JarFile in = new java.util.jar.JarFile(jar.toFile());
                java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(target),
                        withVersion(in.getManifest(), version))) {
            var entries = in.entries();
            while (entries.hasMoreElements()) {
                var e = entries.nextElement();
                if (e.getName().equals(java.util.jar.JarFile.MANIFEST_NAME) || e.getName().equals("META-INF/")) {
                    continue;
                }
                out.putNextEntry(new java.util.jar.JarEntry(e.getName()));
                try (var s = in.getInputStream(e)) {
                    s.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return target;
    }

    private static java.util.jar.Manifest withVersion(java.util.jar.Manifest mf, String version) {
        java.util.jar.Manifest copy = new java.util.jar.Manifest(mf);
        copy.getMainAttributes().put(new java.util.jar.Attributes.Name("Bundle-Version"), version);
        return copy;
    }

    private static long deployAndWait(TilskuddHost host, Path jar, ObjectMapper json,
            java.util.function.Predicate<JsonNode> done) throws Exception {
        long t0 = System.nanoTime();
        host.deploy(jar, "example.jar");
        host.await("deployment", done, "schemes", "--json");
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
