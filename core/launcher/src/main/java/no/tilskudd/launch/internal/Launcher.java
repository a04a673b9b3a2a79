package no.tilskudd.launch.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import no.tilskudd.launch.CommandLine;
import no.tilskudd.launch.Host;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Starts Felix with the bundles in {@code bundle/}, the plugins in {@code deploy/}, and runs one command through the
 * CLI bundle. For {@code serve} it also starts Felix FileInstall, which then owns {@code deploy/}, the web server
 * ({@link WebServer}), and opens
 * {@code data/host.sock}: a one-shot command started while a host serves the same data folder runs in that host
 * through the socket, since only one process may have the store open.
 */
public final class Launcher {

    private static final long SERVICE_TIMEOUT_MS = 30_000;

    /**
     * Commands that never run through a serving host: {@code serve} is the host, and {@code restore} replaces the
     * data folder underneath it.
     */
    static final Set<String> LOCAL_ONLY = Set.of("serve", "restore");

    /** The version the system bundle exports {@code no.tilskudd.launch} at; it follows that package's package-info. */
    static final String LAUNCH_API_VERSION = "2.0.0";

    private final Path home;
    private final Path data;
    private final Path deploy;
    private final boolean serving;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> deployFailures = new LinkedHashMap<>();
    private Framework framework;
    private Path cache;
    private long startMillis;
    private HostSocket socket;
    private FileLogger logger;
    private Map<String, String> webOverrides = Map.of();
    private boolean webStarted;

    /**
     * Creates a launcher; {@link #start()} boots it. Programs that embed a host use {@code EmbeddedHost}, which finds
     * the data folder first.
     *
     * @param home    the distribution folder
     * @param data    the data folder
     * @param serving whether to watch {@code deploy/} (FileInstall) instead of installing it once
     * @param out     command output
     * @param err     errors
     */
    public Launcher(Path home, Path data, boolean serving, PrintStream out, PrintStream err) {
        this.home = home.toAbsolutePath().normalize();
        this.data = data.toAbsolutePath().normalize();
        this.deploy = this.home.resolve("deploy");
        this.serving = serving;
        this.out = out;
        this.err = err;
    }

    /**
     * Creates a launcher for an embedding program ({@code no.tilskudd.launch.embed.EmbeddedHost}), with the data folder
     * found as the command line finds it.
     *
     * @param home    the distribution folder
     * @param data    the data folder as {@code --data} would give it, or null for the default
     * @param serving whether to serve
     * @param out     command output
     * @param err     errors
     * @return the launcher, not started
     * @throws IllegalArgumentException when the data folder cannot be one
     */
    public static Launcher embedded(Path home, Path data, boolean serving, PrintStream out, PrintStream err) {
        Path cwd = Path.of("").toAbsolutePath();
        Path folder = DataFolder.locate(home, data, cwd);
        DataFolder.unusable(folder).ifPresent(reason -> {
            throw new IllegalArgumentException("data folder " + folder + ": " + reason);
        });
        return new Launcher(cwd.resolve(home), folder, serving, out, err);
    }

    /**
     * Runs the launcher.
     *
     * @param args {@code --home DIR} (set by {@code bin/tilskudd}), {@code --data DIR}, then the command
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs a command in a fresh framework and returns its exit code (used by {@link #main} and by tests).
     *
     * @param args the arguments
     * @param out  normal output
     * @param err  errors
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, Path.of("").toAbsolutePath(), out, err);
    }

    /**
     * Runs a command, in the host that serves the data folder if one does, else in a fresh framework.
     *
     * @param args             the arguments
     * @param workingDirectory the folder relative paths in the arguments are resolved against
     * @param out              normal output
     * @param err              errors
     * @return the exit code
     */
    /**
     * {@code --lang} is a global option and may come before the command ({@code tilskudd --lang en report ...}); it
     * is moved after the command, where every command reads it.
     *
     * @param args the arguments without {@code --home} and {@code --data}
     * @return the same arguments, a leading language option after the command
     */
    static List<String> languageAfterCommand(List<String> args) {
        List<String> moved = new ArrayList<>();
        int i = 0;
        while (i < args.size() && (args.get(i).equals("--lang") || args.get(i).startsWith("--lang="))) {
            if (args.get(i).equals("--lang") && i + 1 < args.size()) {
                moved.add(args.get(i++));
            }
            moved.add(args.get(i++));
        }
        if (moved.isEmpty() || i >= args.size()) {
            return args;
        }
        List<String> out = new ArrayList<>();
        out.add(args.get(i));
        out.addAll(moved);
        out.addAll(args.subList(i + 1, args.size()));
        return out;
    }

    public static int run(String[] args, Path workingDirectory, PrintStream out, PrintStream err) {
        long t0 = System.nanoTime();
        Path home = Path.of(System.getProperty("tilskudd.home", "."));
        Path data = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if ((args[i].equals("--home") || args[i].equals("--data")) && i + 1 >= args.length) {
                err.println("tilskudd: " + args[i] + " needs a folder");
                return CommandLine.USAGE;
            }
            if (args[i].equals("--home")) {
                home = Path.of(args[++i]);
            } else if (args[i].equals("--data")) {
                data = Path.of(args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        rest = languageAfterCommand(rest);
        data = DataFolder.locate(home, data, workingDirectory);
        Optional<String> unusable = DataFolder.unusable(data);
        if (unusable.isPresent()) {
            err.println("tilskudd: --data " + data + ": " + unusable.get());
            return CommandLine.USAGE;
        }
        String command = rest.isEmpty() ? "" : rest.get(0);
        if (command.equals("restore")) {
            if (rest.size() != 2 || rest.get(1).startsWith("--")) {
                err.println("tilskudd restore: usage: tilskudd [--data DIR] restore FILE (a zip from tilskudd backup)");
                return CommandLine.USAGE;
            }
            return Restore.run(workingDirectory.resolve(rest.get(1)), data, out, err);
        }
        if (!LOCAL_ONLY.contains(command)) {
            OptionalInt delegated = HostClient.run(data.resolve(HostSocket.FILE),
                    new HostProtocol.Request(workingDirectory, rest), out, err);
            if (delegated.isPresent()) {
                return delegated.getAsInt();
            }
        }
        boolean serving = command.equals("serve");
        Launcher launcher = new Launcher(workingDirectory.resolve(home), data, serving, out, err);
        try {
            launcher.start(t0);
        } catch (HostSocket.HostRunningException e) {
            err.println("tilskudd serve: " + e.getMessage());
            launcher.stop();
            return CommandLine.FAILED;
        } catch (Exception e) {
            err.println("tilskudd: the runtime did not start: " + e.getMessage());
            launcher.stop();
            return CommandLine.FAILED;
        }
        if (serving) {
            // Ctrl-C or a service manager's stop: shut the framework down so the store closes cleanly.
            Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "tilskudd-shutdown"));
        }
        try {
            return launcher.runCommand(rest, workingDirectory, out, err);
        } finally {
            launcher.stop();
        }
    }

    /**
     * Boots the framework with the distribution's bundles.
     *
     * @throws IOException     when a folder cannot be read
     * @throws BundleException when the framework fails
     */
    public void start() throws IOException, BundleException {
        start(System.nanoTime());
    }

    void start(long t0) throws IOException, BundleException {
        List<String> notPrivate = DataFolder.prepare(data);
        Files.createDirectories(data.resolve("log"), DataFolder.privateDir());
        Properties conf = new Properties();
        Path confFile = home.resolve("conf/tilskudd.properties");
        if (Files.exists(confFile)) {
            try (InputStream in = Files.newInputStream(confFile)) {
                conf.load(in);
            }
        }
        Map<String, String> props = new HashMap<>();
        conf.forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        cache = serving ? data.resolve("felix-cache") : Files.createTempDirectory("tilskudd-felix-");
        props.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "no.tilskudd.launch;version=\"" + LAUNCH_API_VERSION + "\"");
        props.put("tilskudd.home", home.toString());
        props.put(DataFolder.SETTING, data.toString());
        props.put("tilskudd.deploy", deploy.toString());
        if (serving) {
            props.put("felix.fileinstall.dir", deploy.toString());
            props.putIfAbsent("felix.fileinstall.poll", "50");
            props.put("felix.fileinstall.noInitialDelay", "true");
            props.put("felix.fileinstall.bundles.new.start", "true");
            props.put("felix.fileinstall.filter", ".*\\.jar");
            props.putIfAbsent("felix.fileinstall.log.level", "3");
            props.put("felix.fileinstall.bundles.startTransient", "false");
            webOverrides = WebServer.defaults(props, data);
        }
        FileLogger logger = new FileLogger(data.resolve("log/tilskudd.log"), serving ? err : null);
        for (String f : notPrivate) {
            logger.write(FileLogger.LOG_WARNING, "cannot make private in the data folder: " + f, null);
        }
        if (serving) {
            // Before the framework, so that a second serve on the same folder stops before it touches the store.
            socket = HostSocket.open(data, this::runCommand, LOCAL_ONLY::contains, logger);
        }
        this.logger = logger;
        HostLoggerFinder.use(logger);
        Map<String, Object> config = new HashMap<>(props);
        config.put("felix.log.logger", logger);
        config.put("felix.log.level", "2");
        framework = Frameworks.create(props.get(Frameworks.SETTING), config);
        framework.init();
        BundleContext ctx = framework.getBundleContext();
        ctx.registerService(Host.class, new HostInfo(), null);
        framework.start();

        List<Bundle> core = new ArrayList<>();
        for (Path jar : jars(home.resolve("bundle"))) {
            core.add(ctx.installBundle(jar.toUri().toString()));
        }
        if (serving) {
            for (Path jar : jars(home.resolve("bundle/serve"))) {
                core.add(ctx.installBundle(jar.toUri().toString()));
            }
        }
        framework.adapt(FrameworkWiring.class).resolveBundles(core);
        for (Bundle b : core) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                try {
                    b.start();
                } catch (BundleException e) {
                    logger.write(1, "core bundle " + b.getSymbolicName() + " did not start: " + e.getMessage(), e);
                    err.println("tilskudd: core bundle " + b.getSymbolicName() + " did not start: " + e.getMessage());
                }
            }
        }
        if (!serving) {
            installDeployed(ctx, logger);
        }
        startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        if (socket != null) {
            socket.ready();
        }
    }

    /** One-shot commands install the plugins themselves: faster than waiting for FileInstall's first scan. */
    private void installDeployed(BundleContext ctx, FileLogger logger) throws IOException {
        if (!Files.isDirectory(deploy)) {
            return;
        }
        List<Bundle> plugins = new ArrayList<>();
        for (Path jar : jars(deploy)) {
            String name = jar.getFileName().toString();
            try {
                checkReadable(jar);
                plugins.add(ctx.installBundle(jar.toUri().toString()));
            } catch (BundleException | IOException e) {
                deployFailures.put(name, "not installed: " + e.getMessage());
                logger.write(1, "deploy/" + name + " not installed: " + e.getMessage(), null);
            }
        }
        framework.adapt(FrameworkWiring.class).resolveBundles(plugins);
        for (Bundle b : plugins) {
            String name = Path.of(java.net.URI.create(b.getLocation())).getFileName().toString();
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                b.start();
            } catch (BundleException | RuntimeException e) {
                deployFailures.put(name, "not started: " + e.getMessage());
                logger.write(1, "deploy/" + name + " not started: " + e.getMessage(), null);
            }
        }
    }

    static void checkReadable(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            if (j.getManifest() == null) {
                throw new IOException("the jar has no manifest, so it is not a bundle");
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException("not a valid jar (" + e.getMessage() + ")", e);
        }
    }

    private static List<Path> jars(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }

    /**
     * Runs one command through the CLI bundle.
     *
     * @param args the command and its options
     * @return the exit code
     */
    public int runCommand(List<String> args) {
        return runCommand(args, out, err);
    }

    /**
     * Runs one command through the CLI bundle, with its own output streams; relative paths are resolved against the
     * process's working directory.
     *
     * @param args the command and its options
     * @param out  normal output
     * @param err  errors
     * @return the exit code
     */
    public int runCommand(List<String> args, PrintStream out, PrintStream err) {
        return runCommand(args, Path.of("").toAbsolutePath(), out, err);
    }

    /**
     * Runs one command through the CLI bundle, with its own working directory and output streams.
     *
     * @param args             the command and its options
     * @param workingDirectory the absolute folder relative paths are resolved against
     * @param out              normal output
     * @param err              errors
     * @return the exit code
     */
    public int runCommand(List<String> args, Path workingDirectory, PrintStream out, PrintStream err) {
        if (serving && !args.isEmpty() && args.get(0).equals("serve")) {
            synchronized (this) {
                if (!webStarted) {
                    int web = WebServer.start(framework.getBundleContext(), home, args.subList(1, args.size()),
                            webOverrides, err);
                    if (web != CommandLine.OK) {
                        return web;
                    }
                    webStarted = true;
                }
            }
        }
        ServiceTracker<CommandLine, CommandLine> tracker =
                new ServiceTracker<>(framework.getBundleContext(), CommandLine.class, null);
        tracker.open();
        try {
            CommandLine cli = tracker.waitForService(SERVICE_TIMEOUT_MS);
            if (cli == null) {
                err.println("tilskudd: the command line did not become available within "
                        + SERVICE_TIMEOUT_MS / 1000 + " s; bundles not active:");
                for (Bundle b : framework.getBundleContext().getBundles()) {
                    if (b.getState() != Bundle.ACTIVE && b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                        err.println("  " + b.getSymbolicName() + " " + b.getVersion() + " (" + state(b) + ")");
                    }
                }
                err.println("see " + data.resolve("log/tilskudd.log"));
                return CommandLine.FAILED;
            }
            return cli.run(args, workingDirectory, out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CommandLine.FAILED;
        } finally {
            tracker.close();
        }
    }

    /**
     * The host facts registered as the {@link Host} service.
     *
     * @return the facts
     */
    public Host host() {
        return new HostInfo();
    }

    /** The framework's context, for tests that register fakes of the bundles' services. */
    BundleContext bundleContext() {
        return framework.getBundleContext();
    }

    static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.INSTALLED -> "installed, not resolved";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.ACTIVE -> "active";
            default -> "uninstalled";
        };
    }

    /** Stops the framework. */
    public synchronized void stop() {
        if (socket != null) {
            // No new commands; those running finish (or fail) with the framework and report it to their clients.
            socket.stopAccepting();
        }
        try {
            if (framework == null || (framework.getState() & (Bundle.RESOLVED | Bundle.INSTALLED)) != 0) {
                return;
            }
            try {
                framework.stop();
                framework.waitForStop(15_000);
            } catch (BundleException | InterruptedException e) {
                err.println("tilskudd: the runtime did not stop cleanly: " + e.getMessage());
            }
            if (!serving && cache != null) {
                deleteTree(cache);
            }
        } finally {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
        HostLoggerFinder.release(logger);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless.
        }
    }

    private final class HostInfo implements Host {
        @Override
        public Path home() {
            return home;
        }

        @Override
        public Path data() {
            return data;
        }

        @Override
        public Path deploy() {
            return deploy;
        }

        @Override
        public boolean serving() {
            return serving;
        }

        @Override
        public Map<String, String> deployFailures() {
            return Map.copyOf(deployFailures);
        }

        @Override
        public long startMillis() {
            return startMillis;
        }
    }
}
