package no.tilskudd.store.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL server of the tests' own: a new cluster in {@code target/}, on a free port of 127.0.0.1 and a unix
 * socket in a private folder, stopped and deleted when the test run ends. PostgreSQL refuses to run as root, so as root the
 * server runs as the user {@code postgres}. Without the server's programs the tests fail and say what to install:
 * a store suite that silently skipped PostgreSQL would prove nothing about it.
 */
public final class PostgresServer implements ExtensionContext.Store.CloseableResource {

    static final String SUPERUSER = "postgres";
    static final String OWNER = "tilskudd_owner";
    static final String APP = "tilskudd_app";
    static final String OWNER_PASSWORD = "owner-secret";
    static final String APP_PASSWORD = "app-secret";
    private static final String SUPERUSER_PASSWORD = "super-secret";
    private static final String RUN_AS = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path root;
    private final Path data;
    private final int port;
    private final boolean root0;
    /** How long initdb and the start took, printed once, so that the cost of PostgreSQL in the build is known. */
    final long startMillis;

    private PostgresServer(Path bin, Path root, int port) throws Exception {
        long t0 = System.nanoTime();
        this.bin = bin;
        this.root = root;
        this.data = root.resolve("data");
        this.port = port;
        this.root0 = isRoot();
        Path socket = Files.createDirectories(root.resolve("socket"));
        Path pwfile = root.resolve("superuser.pw");
        Files.writeString(pwfile, SUPERUSER_PASSWORD + "\n");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwx------"));
        if (root0) {
            run(List.of("chown", "-R", RUN_AS + ":", root.toString()), false);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER, "-E", "UTF8",
                "--no-locale", "--auth=scram-sha-256", "--pwfile=" + pwfile, "--no-sync"), true);
        // fsync off: a test cluster is thrown away, and durability costs seconds per test class here.
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", root.resolve("server.log")
                .toString(), "-w", "-t", "60", "-o", "-p " + port + " -k " + socket + " -c listen_addresses=127.0.0.1"
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "start"), true);
        startMillis = (System.nanoTime() - t0) / 1_000_000;
        try (Connection c = PostgresSubmissionStore.dataSource(url("postgres"), SUPERUSER, SUPERUSER_PASSWORD)
                .getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
            st.execute("CREATE ROLE " + APP + " LOGIN PASSWORD '" + APP_PASSWORD + "'");
        }
    }

    /**
     * The server of this test run, started on first use.
     *
     * @param context any test's context
     * @return the server
     */
    public static PostgresServer get(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(PostgresServer.class, k -> start(), PostgresServer.class);
    }

    private static PostgresServer start() {
        Path bin = binaries();
        try {
            Path target = Path.of("target").toAbsolutePath();
            Files.createDirectories(target);
            Path root = Files.createTempDirectory(target, "postgres-");
            PostgresServer server = new PostgresServer(bin, root, freePort());
            System.out.println("PostgreSQL " + bin + " started in " + server.startMillis + " ms on port "
                    + server.port + " (" + root + ")");
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly, "postgres-stop"));
            return server;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the tests' PostgreSQL server: " + e.getMessage(), e);
        }
    }

    /** The server's programs: {@code -Dtilskudd.postgres.bin}, else the newest of Debian's packages. */
    static Path binaries() {
        String configured = System.getProperty("tilskudd.postgres.bin");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        } else {
            try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                versions.map(v -> v.resolve("bin"))
                        .sorted(Comparator.comparing((Path p) -> versionOf(p)).reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                // no Debian packages: the message below says what to install
            }
        }
        for (Path dir : candidates) {
            if (Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"))) {
                return dir;
            }
        }
        throw new IllegalStateException("the store's tests need a PostgreSQL server's programs (initdb, pg_ctl), "
                + "found in none of " + (candidates.isEmpty() ? List.of(Path.of("/usr/lib/postgresql/*/bin"))
                : candidates) + ": install Debian's package postgresql (apt-get install postgresql; .ci/run does), "
                + "or name the folder with -Dtilskudd.postgres.bin=DIR");
    }

    private static int versionOf(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean isRoot() throws IOException {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }

    /**
     * The JDBC URL of a database of this server.
     *
     * @param database the database
     * @return the URL
     */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * A new, empty database owned by {@link #OWNER}, as a database administrator would create it for the store.
     *
     * @return its name
     * @throws SQLException when it cannot be created
     */
    public String createDatabase() throws SQLException {
        String name = "tilskudd_" + DATABASES.incrementAndGet();
        try (Connection c = superuser("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " OWNER " + OWNER);
        }
        return name;
    }

    /**
     * A connection as the server's superuser.
     *
     * @param database the database
     * @return the connection
     * @throws SQLException when it cannot connect
     */
    public Connection superuser(String database) throws SQLException {
        return PostgresSubmissionStore.dataSource(url(database), SUPERUSER, SUPERUSER_PASSWORD).getConnection();
    }

    /**
     * The settings of the store in a database, with its password files written (private) into a folder.
     *
     * @param database the database
     * @param folder   where the password files go
     * @return the settings
     * @throws IOException when a file cannot be written
     */
    PostgresSettings settings(String database, Path folder) throws IOException {
        Map<String, String> settings = storeSettings(database, folder);
        return PostgresSettings.of(settings::get, folder);
    }

    /**
     * The settings that put a host's store in a database ({@code store.url} and the rest, as in
     * {@code conf/tilskudd.properties}), with its password files written (private) into a folder.
     *
     * @param database the database
     * @param folder   where the password files go
     * @return the settings
     * @throws IOException when a file cannot be written
     */
    public Map<String, String> storeSettings(String database, Path folder) throws IOException {
        Path ownerFile = folder.resolve("owner.pw");
        Path appFile = folder.resolve("app.pw");
        for (Path f : List.of(ownerFile, appFile)) {
            if (!Files.exists(f)) {
                StoreCredentials.createPrivate(f);
            }
        }
        Files.writeString(ownerFile, OWNER_PASSWORD + "\n");
        Files.writeString(appFile, APP_PASSWORD + "\n");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(PostgresSettings.URL, url(database));
        settings.put(PostgresSettings.OWNER, OWNER);
        settings.put(PostgresSettings.OWNER_PASSWORD_FILE, ownerFile.toString());
        settings.put(PostgresSettings.USER, APP);
        settings.put(PostgresSettings.PASSWORD_FILE, appFile.toString());
        return settings;
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private synchronized void stop() throws Exception {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"),
                    true);
        }
        // The cluster is some 40 MB, new in every run.
        if (Files.exists(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (Exception e) {
            // the JVM is ending; a server left running is named in target/ by its folder
        }
    }

    private void run(List<String> command, boolean asServerUser) throws Exception {
        List<String> full = new ArrayList<>();
        if (asServerUser && root0) {
            full.addAll(List.of("setpriv", "--reuid=" + RUN_AS, "--regid=" + RUN_AS, "--clear-groups", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            String log = "";
            Path serverLog = root.resolve("server.log");
            if (Files.isReadable(serverLog)) {
                log = "\nserver log:\n" + Files.readString(serverLog);
            }
            throw new IllegalStateException(String.join(" ", full) + " failed:\n" + out + log);
        }
    }
}
