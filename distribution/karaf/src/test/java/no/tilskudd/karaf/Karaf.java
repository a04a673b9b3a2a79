package no.tilskudd.karaf;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stock Apache Karaf (the tar.gz from Maven Central, unpacked afresh by the build for each run) run as
 * {@code bin/karaf server}, driven through {@code bin/client} as an administrator would. It resolves {@code mvn:}
 * URLs only from its own {@code system/} folder and from the repository the build fills, so it never goes online.
 * Every port is a free one, so that it cannot collide with another Karaf or test on the machine.
 */
final class Karaf implements AutoCloseable {

    private static final String USER = "tilskudd";
    // A throwaway login for the test's own Karaf, which listens on loopback only.
    private static final String PASSWORD = "karaf-test-only";
    private static final int CLIENT_TIMEOUT_S = 120;

    final Path home;
    final Path cwd;
    final int httpPort;
    private final int sshPort;
    private final Process process;
    private final Thread killer;

    /** What one {@code bin/client} run printed, and its exit code. */
    record Result(int exit, String out) {
    }

    private Karaf(Path home, Path cwd, int sshPort, int httpPort) throws IOException {
        this.home = home;
        this.cwd = cwd;
        this.sshPort = sshPort;
        this.httpPort = httpPort;
        ProcessBuilder pb = new ProcessBuilder("sh", home.resolve("bin/karaf").toString(), "server")
                .directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("karaf.out").toFile());
        // A small heap: the machine is shared, and Karaf with these features needs little.
        environment(pb.environment(), "-Xmx512m");
        process = pb.start();
        // If the test JVM is ended before close(), Karaf must not outlive it.
        killer = new Thread(this::kill, "stop-test-karaf");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Points the unpacked Karaf at the test repository and free ports, and starts it.
     *
     * @param home the unpacked apache-karaf folder, as the build left it
     * @param repo a Maven repository (layout) holding every bundle the features need
     * @param work a folder for Karaf's working directory and its unused local repository
     * @return the starting Karaf; call {@link #awaitShell()} before using it
     */
    static Karaf start(Path home, Path repo, Path work) throws IOException {
        if (Files.exists(home.resolve("data/cache"))) {
            throw new IllegalStateException(home + " has run before; the build unpacks a fresh Karaf for each run");
        }
        Path cwd = Files.createDirectories(work.resolve("cwd"));
        int ssh = freePort();
        int rmiRegistry = freePort();
        int rmiServer = freePort();
        int http = freePort();
        Path etc = home.resolve("etc");
        Files.writeString(etc.resolve("users.properties"), USER + " = " + PASSWORD + ",_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");
        replace(etc.resolve("org.apache.karaf.shell.cfg"), Map.of("sshPort = 8101", "sshPort = " + ssh,
                "sshHost = 0.0.0.0", "sshHost = 127.0.0.1"));
        replace(etc.resolve("org.apache.karaf.management.cfg"), Map.of("rmiRegistryPort = 1099",
                "rmiRegistryPort = " + rmiRegistry, "rmiServerPort = 44444", "rmiServerPort = " + rmiServer));
        Files.writeString(etc.resolve("org.ops4j.pax.url.mvn.cfg"), String.join("\n",
                "org.ops4j.pax.url.mvn.localRepository=" + work.resolve("m2-unused"),
                "org.ops4j.pax.url.mvn.useFallbackRepositories=false",
                "org.ops4j.pax.url.mvn.defaultRepositories=${karaf.home.uri}system@id=system.repository@snapshots, "
                        + repo.toUri() + "@id=tilskudd@snapshots",
                "org.ops4j.pax.url.mvn.repositories=", ""));
        // What an administrator would write to move the console off the feature's port 8182.
        Files.writeString(etc.resolve("org.apache.felix.http.cfg"),
                "org.osgi.service.http.port = " + http + "\norg.apache.felix.http.host = 127.0.0.1\n");
        return new Karaf(home, cwd, ssh, http);
    }

    /** Waits (a bounded number of tries) until the shell answers over ssh, i.e. Karaf's boot features are up. */
    void awaitShell() throws Exception {
        Result last = null;
        for (int i = 0; i < 90; i++) {
            if (!process.isAlive()) {
                throw new AssertionError("Karaf exited with " + process.exitValue() + ":\n" + tail("karaf.out"));
            }
            last = shell("feature:list -i");
            if (last.exit() == 0 && last.out().contains("shell")) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("Karaf's shell did not answer; last: " + last + "\n" + log());
    }

    /**
     * Runs shell commands in one {@code bin/client} session (batch mode: the commands on standard input).
     *
     * @param commands the command lines
     * @return the exit code (non-zero when a command failed) and what the session printed
     */
    Result shell(String... commands) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", home.resolve("bin/client").toString(), "-a",
                Integer.toString(sshPort), "-h", "127.0.0.1", "-u", USER, "-p", PASSWORD, "-b")
                .directory(cwd.toFile()).redirectErrorStream(true);
        // The client is a short-lived JVM per call: keep it small and quick to start.
        environment(pb.environment(), "-Xmx64m -XX:TieredStopAtLevel=1");
        Process client = pb.start();
        try (OutputStream in = client.getOutputStream()) {
            in.write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = client.getInputStream().readAllBytes();
        if (!client.waitFor(CLIENT_TIMEOUT_S, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new AssertionError("bin/client did not return within " + CLIENT_TIMEOUT_S + " s: " + List.of(commands));
        }
        return new Result(client.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Karaf's log (data/log/karaf.log), the end of it, for failure messages. */
    String log() {
        return tail("data/log/karaf.log");
    }

    private String tail(String file) {
        try {
            List<String> lines = Files.readAllLines(home.resolve(file), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Stops Karaf: SIGTERM lets it shut the framework down cleanly, a kill follows if it does not. */
    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down, and the hook runs anyway
        }
    }

    private void kill() {
        // bin/karaf is a shell loop around the JVM: stop the JVM first, so that the loop does not start another.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }

    private static void environment(Map<String, String> env, String javaOptions) {
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("EXTRA_JAVA_OPTS", javaOptions);
        env.remove("KARAF_HOME");
        env.remove("KARAF_BASE");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void replace(Path file, Map<String, String> replacements) throws IOException {
        String text = Files.readString(file);
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            if (!text.contains(r.getKey())) {
                throw new IllegalStateException(file + " has no '" + r.getKey() + "' (another Karaf version?)");
            }
            text = text.replace(r.getKey(), r.getValue());
        }
        Files.writeString(file, text);
    }
}
