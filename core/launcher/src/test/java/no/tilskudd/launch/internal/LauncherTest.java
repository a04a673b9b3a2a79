package no.tilskudd.launch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.Manifest;
import no.tilskudd.launch.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher with an empty distribution (no bundles): folders, the host socket, and the API version. */
class LauncherTest {

    @TempDir
    Path temp;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Path cwd, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Launcher.run(args, cwd, o, e);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Launcher serving(Path home, Path data) throws Exception {
        Files.createDirectories(home);
        Launcher host = new Launcher(home, data, true, System.out, System.err);
        host.start();
        return host;
    }

    /** A one-shot command beside a serving host runs in that host, with the client's folder. */
    @Test
    void aOneShotCommandRunsInTheServingHost() throws Exception {
        Path home = temp.resolve("home");
        Launcher host = serving(home, home.resolve("data"));
        try {
            AtomicReference<List<String>> args = new AtomicReference<>();
            AtomicReference<Path> cwd = new AtomicReference<>();
            CommandLine fake = (a, wd, out, err) -> {
                args.set(a);
                cwd.set(wd);
                out.println("ran in the host");
                return 4;
            };
            host.bundleContext().registerService(CommandLine.class, fake, null);
            Path client = Files.createDirectories(temp.resolve("client"));
            // --data relative to the client's folder, as a user in another folder would give it.
            Run r = run(client, "--home", home.toString(), "--data", "../home/data", "validate", "x.jsonl");
            assertEquals(4, r.exit(), r.err());
            assertEquals("ran in the host" + System.lineSeparator(), r.out());
            assertEquals(List.of("validate", "x.jsonl"), args.get());
            assertEquals(client, cwd.get());
        } finally {
            host.stop();
        }
        assertFalse(Files.exists(home.resolve("data/host.sock")));
    }

    @Test
    void aSecondServeOnTheSameDataFolderIsAClearError() throws Exception {
        Path home = temp.resolve("home");
        Launcher host = serving(home, home.resolve("data"));
        try {
            Run r = run(temp, "--home", home.toString(), "serve");
            assertEquals(CommandLine.FAILED, r.exit());
            assertEquals("tilskudd serve: a host is already serving " + home.resolve("data") + " ("
                    + home.resolve("data/host.sock") + " accepts connections); stop it first, or give another "
                    + "--data folder" + System.lineSeparator(), r.err());
            assertTrue(Files.exists(home.resolve("data/host.sock")), "the first host's socket stays");
        } finally {
            host.stop();
        }
    }

    @Test
    void theDataFolderIsCreatedPrivate() throws Exception {
        Path home = temp.resolve("home");
        Launcher host = serving(home, home.resolve("data"));
        host.stop();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("data"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                home.resolve("data/log"))));
    }

    @Test
    void aDataFolderWithASemicolonIsAUsageErrorWithoutAStackTrace() {
        Run r = run(temp, "--home", temp.toString(), "--data", "a;b", "status");
        assertEquals(CommandLine.USAGE, r.exit());
        assertEquals("tilskudd: --data " + temp.resolve("a;b") + ": the folder's path must not contain ';' (the "
                + "database URL cannot carry it)" + System.lineSeparator(), r.err());
        assertFalse(Files.exists(temp.resolve("a;b")));
    }

    /** The system bundle must export the launch API at the version the bundles were built against. */
    @Test
    void theExportedLaunchApiVersionIsThePackagesVersion() throws Exception {
        Path classes = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest m;
        try (InputStream in = Files.newInputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
            m = new Manifest(in);
        }
        List<String> exports = List.of(m.getMainAttributes().getValue("Export-Package").split(","));
        assertTrue(exports.contains("no.tilskudd.launch;version=\"" + Launcher.LAUNCH_API_VERSION + "\""),
                exports.toString());
        assertTrue(exports.stream().noneMatch(e -> e.startsWith("no.tilskudd.launch.internal")), exports.toString());
    }

    /** The store and the org-unit register read the framework property; the CLI and console read Host.data(). */
    @Test
    void theBundlesFindTheSameDataFolderAsTheHostFacts() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Launcher host = Launcher.embedded(home, Path.of(temp.toString(), "x", "..", "store"), false, System.out,
                System.err);
        host.start();
        try {
            assertEquals(temp.resolve("store"), host.host().data());
            assertEquals(host.host().data().toString(), host.bundleContext().getProperty("tilskudd.data"));
        } finally {
            host.stop();
        }
    }
}
