package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 1: {@code serve} opened an H2 TCP port on all interfaces (AUTO_SERVER), through which any local
 * user could read the store and run code as the host. The host now listens on the web console's loopback port and
 * nothing else, and no H2 client gets in.
 */
class NoDatabasePortTest {

    @TempDir
    Path temp;

    /** A listening TCP socket: its address and port. */
    record Listener(InetAddress address, int port) {
        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port;
        }
    }

    @Test
    void theHostListensOnlyOnTheConsolesLoopbackPortAndNoH2ClientGetsIn() throws Exception {
        try (ServeProcess host = ServeProcess.start(temp, WebHost.plugin("tilskudd-example-scheme"))) {
            Path analyst = Files.createDirectories(temp.resolve("analyst"));
            Files.copy(WebHost.demoFile(), analyst.resolve("demo.jsonl"));
            // A store with data in it, and the database opened by the host the way a one-shot command did.
            assertEquals(0, host.tilskudd(analyst, "import", "demo.jsonl").exit());

            List<Listener> listening = listeners(host.process.pid());
            assertEquals(1, listening.size(), "the host listens on " + listening);
            assertTrue(listening.get(0).address().isLoopbackAddress(), listening.toString());
            assertEquals(host.port, listening.get(0).port());

            String db = host.data.resolve("tilskudd").toString();
            for (Listener l : listening) {
                assertRefused("jdbc:h2:tcp://127.0.0.1:" + l.port() + "/" + db);
            }
            // What an intruder did: AUTO_SERVER reads the host's address and key from the lock file.
            assertRefused("jdbc:h2:file:" + db + ";AUTO_SERVER=TRUE");
            assertEquals(0, host.tilskudd(analyst, "status", "--json").exit(), "the host is unharmed");
        }
    }

    private static void assertRefused(String url) throws Exception {
        CompletableFuture<Connection> attempt = CompletableFuture.supplyAsync(() -> {
            try {
                return DriverManager.getConnection(url, "sa", "");
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        Exception e = assertThrows(Exception.class, () -> {
            try (Connection c = attempt.get(60, TimeUnit.SECONDS)) {
                System.out.println("connected to " + url + ": " + c.getMetaData().getURL());
            }
        }, "an H2 client connected through " + url);
        System.out.println("refused as it should be: " + url + ": " + e.getMessage());
    }

    /** The TCP sockets the process listens on, from /proc: its socket inodes matched against the tables. */
    static List<Listener> listeners(long pid) throws Exception {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    // closed meanwhile
                }
            }
        }
        assertTrue(!inodes.isEmpty(), "no sockets in /proc/" + pid + "/fd: is that the host's process?");
        List<Listener> out = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            List<String> lines = Files.readAllLines(Path.of("/proc/" + pid + "/net/" + table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                boolean listen = f[3].equals("0A");
                if (listen && inodes.contains(f[9])) {
                    String[] local = f[1].split(":");
                    out.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
                }
            }
        }
        return out;
    }

    /** /proc/net/tcp writes each 32-bit word of the address in host (little-endian) order. */
    private static InetAddress address(String hex) throws Exception {
        byte[] raw = HexFormat.of().parseHex(hex);
        byte[] address = new byte[raw.length];
        for (int w = 0; w < raw.length; w += 4) {
            for (int i = 0; i < 4; i++) {
                address[w + i] = raw[w + 3 - i];
            }
        }
        return InetAddress.getByAddress(address);
    }
}
