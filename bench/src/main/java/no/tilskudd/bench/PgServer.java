package no.tilskudd.bench;

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
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server for the benchmarks, in a folder of its own that outlives the JVM: the loading JVM creates the
 * cluster and its database, the measuring JVM (with a small heap) starts the same cluster again. Like the store
 * tests' server (core/store's test class PostgresServer, which is tied to JUnit): 127.0.0.1 on a free port, a private
 * socket folder, run as the user {@code postgres} when started as root. Unlike it, the server keeps PostgreSQL's
 * default durability (fsync on), since imports are measured on it. Roles as in the store's settings: an owner that
 * migrates and an application user.
 */
final class PgServer implements AutoCloseable {

    static final String DATABASE = "tilskudd";
    private static final String SUPERUSER = "postgres";
    private static final String PASSWORD = "bench-secret";
    private static final String RUN_AS = "postgres";

    private final Path bin;
    private final Path root;
    private final Path data;
    private final int port;
    private final boolean asRoot;

    private PgServer(Path root) throws Exception {
        this.bin = binaries();
        this.root = root;
        this.data = root.resolve("data");
        this.port = freePort();
        this.asRoot = ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }

    /**
     * Starts the server in a folder, creating the cluster, its roles and the store's database on first use.
     *
     * @param root the folder
     * @return the running server; {@link #close()} stops it
     * @throws Exception when it cannot be created or started
     */
    static PgServer start(Path root) throws Exception {
        PgServer s = new PgServer(root);
        boolean fresh = !Files.exists(s.data);
        Path socket = Files.createDirectories(root.resolve("socket"));
        if (fresh) {
            Path pw = root.resolve("superuser.pw");
            Files.writeString(pw, PASSWORD + "\n");
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwx------"));
            if (s.asRoot) {
                s.run(List.of("chown", "-R", RUN_AS + ":", root.toString()), false);
            }
            s.run(List.of(s.bin.resolve("initdb").toString(), "-D", s.data.toString(), "-U", SUPERUSER, "-E",
                    "UTF8", "--no-locale", "--auth=scram-sha-256", "--pwfile=" + pw), true);
        }
        s.run(List.of(s.bin.resolve("pg_ctl").toString(), "-D", s.data.toString(), "-l",
                root.resolve("server.log").toString(), "-w", "-t", "120", "-o", "-p " + s.port + " -k " + socket
                        + " -c listen_addresses=127.0.0.1", "start"), true);
        Runtime.getRuntime().addShutdownHook(new Thread(s::stopQuietly, "postgres-stop"));
        if (fresh) {
            try (Connection c = s.superuser("postgres"); Statement st = c.createStatement()) {
                st.execute("CREATE ROLE tilskudd_owner LOGIN PASSWORD '" + PASSWORD + "'");
                st.execute("CREATE ROLE tilskudd_app LOGIN PASSWORD '" + PASSWORD + "'");
                st.execute("CREATE DATABASE " + DATABASE + " OWNER tilskudd_owner");
            }
        }
        return s;
    }

    /** The server's programs: {@code -Dtilskudd.postgres.bin}, else the newest of Debian's packages. */
    private static Path binaries() throws IOException {
        String configured = System.getProperty("tilskudd.postgres.bin");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparingInt(PgServer::version))
                        .orElseThrow(() -> missing());
            }
        }
        throw missing();
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static IllegalStateException missing() {
        return new IllegalStateException("the PostgreSQL benchmarks need a server's programs (initdb, pg_ctl) in "
                + "/usr/lib/postgresql/*/bin: apt-get install postgresql, or -Dtilskudd.postgres.bin=DIR");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * A connection as the superuser, for the baseline's table and for EXPLAIN.
     *
     * @param database the database
     * @return the connection
     * @throws SQLException when it cannot connect
     */
    Connection superuser(String database) throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url(database));
        ds.setUser(SUPERUSER);
        ds.setPassword(PASSWORD);
        return ds.getConnection();
    }

    /**
     * The store's settings (as in conf/tilskudd.properties) for the benchmark database, password files in the
     * server's folder.
     *
     * @return the settings
     * @throws IOException when a password file cannot be written
     */
    Map<String, String> storeSettings() throws IOException {
        return storeSettings(DATABASE);
    }

    /**
     * The store's settings for a database of this server.
     *
     * @param database the database, made with {@link #createDatabase(String)}
     * @return the settings
     * @throws IOException when a password file cannot be written
     */
    Map<String, String> storeSettings(String database) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        Path pw = root.resolve("store.pw");
        if (!Files.exists(pw)) {
            Files.writeString(pw, PASSWORD + "\n");
            Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        }
        settings.put("store.url", url(database));
        settings.put("store.owner", "tilskudd_owner");
        settings.put("store.owner.passwordFile", pw.toString());
        settings.put("store.user", "tilskudd_app");
        settings.put("store.passwordFile", pw.toString());
        return settings;
    }

    /**
     * Makes a new, empty database owned by the store's owner, as an administrator would for the store.
     *
     * @param name its name
     * @throws SQLException when it cannot be created
     */
    void createDatabase(String name) throws SQLException {
        try (Connection c = superuser("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " OWNER tilskudd_owner");
        }
    }

    /**
     * Drops a database made with {@link #createDatabase(String)}.
     *
     * @param name its name
     * @throws SQLException when it cannot be dropped
     */
    void dropDatabase(String name) throws SQLException {
        try (Connection c = superuser("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"), true);
        }
    }

    private void stopQuietly() {
        try {
            close();
        } catch (Exception e) {
            // the JVM is ending; the folder names the cluster
        }
    }

    private void run(List<String> command, boolean asServerUser) throws Exception {
        List<String> full = new ArrayList<>();
        if (asServerUser && asRoot) {
            full.addAll(List.of("setpriv", "--reuid=" + RUN_AS, "--regid=" + RUN_AS, "--clear-groups", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", full) + " failed:\n" + out);
        }
    }
}
