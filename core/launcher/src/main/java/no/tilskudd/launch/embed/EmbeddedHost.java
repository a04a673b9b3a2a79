package no.tilskudd.launch.embed;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import no.tilskudd.launch.CommandLine;
import no.tilskudd.launch.Host;
import no.tilskudd.launch.internal.Launcher;
import org.osgi.framework.BundleException;

/**
 * A Tilskudd host running in this JVM: the distribution's framework and bundles, booted from a distribution folder,
 * as {@code bin/tilskudd} boots them. Commands run through the command-line bundle, with their own output streams.
 *
 * <pre>{@code
 * try (EmbeddedHost host = EmbeddedHost.builder(Path.of("/opt/tilskudd")).serving(true).start()) {
 *     int exit = host.run(List.of("schemes", "--json"), System.out, System.err);
 * }
 * }</pre>
 *
 * <p>Only one host may serve a data folder at a time, as with {@code tilskudd serve}: a second serving host on the
 * same folder fails to start.
 */
public final class EmbeddedHost implements AutoCloseable {

    private final Launcher launcher;

    private EmbeddedHost(Launcher launcher) {
        this.launcher = launcher;
    }

    /**
     * Starts describing a host.
     *
     * @param home the distribution folder (with {@code lib/}, {@code bundle/}, {@code conf/}, {@code deploy/})
     * @return a builder with the command line's defaults: data in {@code home/data}, one-shot, output to
     *         {@link System#out} and {@link System#err}
     */
    public static Builder builder(Path home) {
        return new Builder(Objects.requireNonNull(home, "home"));
    }

    /**
     * The facts about this host that the bundles see as the {@link Host} service.
     *
     * @return the host's folders and state
     */
    public Host host() {
        return launcher.host();
    }

    /**
     * Runs one command, as {@code tilskudd ARGS} would in {@code workingDirectory}.
     *
     * @param args             the command and its options, e.g. {@code List.of("validate", "--json", "a.jsonl")}
     * @param workingDirectory the folder relative paths in {@code args} are resolved against
     * @param out              normal output
     * @param err              errors and progress
     * @return the exit code ({@link CommandLine#OK}, {@link CommandLine#FAILED}, {@link CommandLine#USAGE})
     */
    public int run(List<String> args, Path workingDirectory, PrintStream out, PrintStream err) {
        return launcher.runCommand(List.copyOf(args), workingDirectory.toAbsolutePath().normalize(), out, err);
    }

    /**
     * Runs one command, resolving relative paths against this process's working directory.
     *
     * @param args the command and its options
     * @param out  normal output
     * @param err  errors and progress
     * @return the exit code
     */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, Path.of(""), out, err);
    }

    /** Stops the framework; the store closes, and a one-shot host deletes its framework cache. */
    @Override
    public void close() {
        launcher.stop();
    }

    /** What host to start; {@link #start()} boots it. */
    public static final class Builder {

        private final Path home;
        private Path data;
        private boolean serving;
        private PrintStream out = System.out;
        private PrintStream err = System.err;

        private Builder(Path home) {
            this.home = home;
        }

        /**
         * The data folder, as {@code --data} gives it; without this, {@code home/data}. A relative folder is resolved
         * against this process's working directory.
         *
         * @param data the data folder
         * @return this builder
         */
        public Builder data(Path data) {
            this.data = Objects.requireNonNull(data, "data");
            return this;
        }

        /**
         * Whether the host serves, as {@code tilskudd serve} does: it watches {@code deploy/} (hot deployment),
         * keeps its framework cache in the data folder, and answers one-shot commands started elsewhere on the same
         * data folder. Otherwise it installs {@code deploy/} once, as a one-shot command does.
         *
         * @param serving true to serve
         * @return this builder
         */
        public Builder serving(boolean serving) {
            this.serving = serving;
            return this;
        }

        /**
         * Where the host itself reports (bundles that did not start, and, when serving, the log's warnings); each
         * command gets its own streams in {@link EmbeddedHost#run}.
         *
         * @param out normal output
         * @param err errors
         * @return this builder
         */
        public Builder output(PrintStream out, PrintStream err) {
            this.out = Objects.requireNonNull(out, "out");
            this.err = Objects.requireNonNull(err, "err");
            return this;
        }

        /**
         * Boots the host.
         *
         * @return the running host
         * @throws IllegalArgumentException when the data folder cannot be one (the reason is in the message)
         * @throws IOException              when a folder cannot be created or read, or another host serves the data
         *                                  folder
         * @throws IllegalStateException    when the framework does not start (the framework's reason is the cause);
         *                                  the OSGi types stay out of this API, so that its users need no framework
         *                                  jar to compile against it
         */
        public EmbeddedHost start() throws IOException {
            Launcher launcher = Launcher.embedded(home, data, serving, out, err);
            try {
                launcher.start();
            } catch (BundleException e) {
                launcher.stop();
                throw new IllegalStateException("the framework did not start: " + e.getMessage(), e);
            } catch (IOException | RuntimeException e) {
                launcher.stop();
                throw e;
            }
            return new EmbeddedHost(launcher);
        }
    }
}
