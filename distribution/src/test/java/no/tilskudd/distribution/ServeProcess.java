package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of the built distribution running {@code bin/tilskudd serve --port 0} as a real process, as an
 * administrator starts it, and one-shot commands run as further processes. Unlike {@link WebHost} this runs the
 * launch script (its umask) in a process of its own, whose open files and ports a test can inspect.
 */
final class ServeProcess implements AutoCloseable {

    private static final Pattern ENDPOINT = Pattern.compile("Web console: http://127\\.0\\.0\\.1:(\\d+)/");

    final Path home;
    final Path data;
    final Process process;
    final int port;
    private final Path temp;
    private final Path log;

    /** The outcome of one command. */
    record Result(int exit, String out, String err) {
        JsonNode json() {
            return new TestHost.Result(exit, out, err).json();
        }
    }

    private ServeProcess(Path temp, Path home, Process process, int port, Path log) {
        this.temp = temp;
        this.home = home;
        this.data = home.resolve("data");
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Copies the distribution with only the given plugins in deploy/ (data/ as shipped, with its README) and starts
     * serving; returns once the web console listens.
     */
    static ServeProcess start(Path temp, Path... plugins) throws Exception {
        Path home = temp.resolve("tilskudd");
        WebHost.copyTree(WebHost.distribution(), home);
        try (Stream<Path> s = Files.list(home.resolve("deploy"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        for (Path p : plugins) {
            Files.copy(p, home.resolve("deploy").resolve(p.getFileName()));
        }
        Files.writeString(home.resolve("conf/tilskudd.properties"), "felix.fileinstall.poll=50\n");
        Path log = temp.resolve("serve.log");
        Process p = new ProcessBuilder(home.resolve("bin/tilskudd").toString(), "serve", "--port", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Matcher m = ENDPOINT.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return new ServeProcess(temp, home, p, Integer.parseInt(m.group(1)), log);
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        p.destroyForcibly().waitFor();
        fail("bin/tilskudd serve did not report its web console:\n" + Files.readString(log));
        return null;
    }

    /** What serve printed so far. */
    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** The host's log file. */
    String hostLog() throws IOException {
        return Files.readString(data.resolve("log/tilskudd.log"), StandardCharsets.UTF_8);
    }

    /** Runs {@code bin/tilskudd} as a one-shot command in a working directory. */
    Result tilskudd(Path cwd, String... args) throws Exception {
        return tilskudd(home, temp, cwd, args);
    }

    /** Runs a distribution's {@code bin/tilskudd} as a process in a working directory. */
    static Result tilskudd(Path home, Path temp, Path cwd, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/tilskudd").toString());
        cmd.addAll(List.of(args));
        return exec(temp, cwd, cmd);
    }

    /** Runs a command as another user (util-linux setpriv; the caller must be root). */
    Result as(int uid, Path cwd, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid,
                "--clear-groups", "--"));
        cmd.addAll(List.of(command));
        return exec(temp, cwd, cmd);
    }

    /** Whether this test may act as another user: root, with util-linux's setpriv (as on CI). */
    static boolean canSwitchUser() throws Exception {
        Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        return Integer.valueOf(0).equals(uid) && Files.isExecutable(Path.of("/usr/bin/setpriv"));
    }

    private static Result exec(Path temp, Path cwd, List<String> cmd) throws Exception {
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        // Opened here and inherited, so a command run as another user can write them without access to temp.
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            fail(cmd + " did not end within 3 minutes");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Stops the host as a service manager would (SIGTERM), so that its shutdown hook runs. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
