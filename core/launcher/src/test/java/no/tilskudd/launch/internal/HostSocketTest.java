package no.tilskudd.launch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import no.tilskudd.launch.CommandLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serving host's socket, with a fake in place of the CLI bundle. */
class HostSocketTest {

    @TempDir
    Path data;

    private final List<HostSocket> opened = new ArrayList<>();

    /** One client's view: exit code (empty: no host), what it printed. */
    private record Client(OptionalInt exit, String out, String err) {
    }

    @AfterEach
    void closeSockets() {
        opened.forEach(HostSocket::close);
    }

    private FileLogger log() {
        return new FileLogger(data.resolve("test.log"), null);
    }

    private HostSocket open(HostSocket.Commands commands) throws IOException {
        HostSocket s = HostSocket.open(data, commands, Launcher.LOCAL_ONLY::contains, log());
        opened.add(s);
        s.ready();
        return s;
    }

    private Client client(Path cwd, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OptionalInt exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = HostClient.run(data.resolve(HostSocket.FILE), new HostProtocol.Request(cwd, List.of(args)), o, e);
        }
        return new Client(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theCommandRunsInTheHostWithTheClientsFolderAndItsOutputComesBack() throws Exception {
        AtomicReference<List<String>> args = new AtomicReference<>();
        AtomicReference<Path> cwd = new AtomicReference<>();
        open((a, wd, out, err) -> {
            args.set(a);
            cwd.set(wd);
            out.println("Bodø: 12 rapporter");
            err.println("progress");
            // More than one frame, with multi-byte characters across the frame boundaries.
            out.print("ø".repeat(HostProtocol.MAX_OUTPUT_FRAME));
            return 3;
        });
        Path clientFolder = Path.of("/home/kari/rapporter");
        Client c = client(clientFolder, "import", "b.jsonl");
        assertEquals(OptionalInt.of(3), c.exit());
        assertEquals(List.of("import", "b.jsonl"), args.get());
        assertEquals(clientFolder, cwd.get());
        assertEquals("Bodø: 12 rapporter" + System.lineSeparator() + "ø".repeat(HostProtocol.MAX_OUTPUT_FRAME),
                c.out());
        assertEquals("progress" + System.lineSeparator(), c.err());
        assertTrue(Files.readString(data.resolve("test.log")).contains("host.sock: running 'import b.jsonl' for "),
                Files.readString(data.resolve("test.log")));
    }

    @Test
    void theSocketIsPrivateAndGoneWhenTheHostStops() throws Exception {
        HostSocket s = open((a, wd, out, err) -> 0);
        Path sock = data.resolve(HostSocket.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sock)));
        s.close();
        assertFalse(Files.exists(sock));
        assertEquals(OptionalInt.empty(), client(data, "status").exit());
    }

    @Test
    void withoutAHostTheClientRunsTheCommandItself() throws Exception {
        assertEquals(OptionalInt.empty(), client(data, "status").exit());
        // A host killed with -9 leaves its socket file; nobody listens on it.
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(data.resolve(HostSocket.FILE)));
        }
        assertTrue(Files.exists(data.resolve(HostSocket.FILE)));
        assertEquals(OptionalInt.empty(), client(data, "status").exit());
    }

    @Test
    void aStaleSocketIsRemovedAtStartAndALiveOneRefusesASecondHost() throws Exception {
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(data.resolve(HostSocket.FILE)));
        }
        open((a, wd, out, err) -> 5);
        assertTrue(Files.readString(data.resolve("test.log")).contains("removing the stale socket"));
        assertEquals(OptionalInt.of(5), client(data, "status").exit());

        HostSocket.HostRunningException e = assertThrows(HostSocket.HostRunningException.class,
                () -> HostSocket.open(data, (a, wd, out, err) -> 0, c -> false, log()));
        assertTrue(e.getMessage().startsWith("a host is already serving " + data), e.getMessage());
        assertEquals(OptionalInt.of(5), client(data, "status").exit(), "the first host still serves");
    }

    @Test
    void aFileInThePlaceOfTheSocketIsNotDeleted() throws Exception {
        Files.writeString(data.resolve(HostSocket.FILE), "not a socket");
        IOException e = assertThrows(IOException.class, () -> open((a, wd, out, err) -> 0));
        assertEquals(data.resolve(HostSocket.FILE) + " exists and is not a socket; remove it", e.getMessage());
        assertEquals("not a socket", Files.readString(data.resolve(HostSocket.FILE)));
    }

    @Test
    void serveAndRestoreNeverRunThroughTheSocket() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        open((a, wd, out, err) -> ran.incrementAndGet());
        for (String command : List.of("serve", "restore")) {
            Client c = client(data, command);
            assertEquals(OptionalInt.of(CommandLine.FAILED), c.exit());
            assertEquals("tilskudd: the running host refused the command: '" + command
                    + "' does not run through a running host" + System.lineSeparator(), c.err());
        }
        assertEquals(0, ran.get());
    }

    @Test
    void aHostThatDiesMidCommandIsReportedAsSuch() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HostSocket s = open((a, wd, out, err) -> {
            out.println("importing ...");
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
        CompletableFuture<Client> c = CompletableFuture.supplyAsync(() -> client(data, "import", "big.jsonl"));
        assertTrue(started.await(30, TimeUnit.SECONDS));
        s.close();
        Client r = c.get(30, TimeUnit.SECONDS);
        release.countDown();
        assertEquals(OptionalInt.of(CommandLine.FAILED), r.exit());
        assertEquals("importing ..." + System.lineSeparator(), r.out());
        assertTrue(r.err().startsWith("tilskudd: the running host (" + data.resolve(HostSocket.FILE)
                + ") ended the connection before the command finished"), r.err());
    }

    @Test
    void commandsBeyondTheLimitAreRefusedNotQueued() throws Exception {
        CountDownLatch running = new CountDownLatch(HostSocket.MAX_CONCURRENT);
        CountDownLatch release = new CountDownLatch(1);
        open((a, wd, out, err) -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
        ExecutorService clients = Executors.newFixedThreadPool(HostSocket.MAX_CONCURRENT);
        List<CompletableFuture<Client>> busy = new ArrayList<>();
        for (int i = 0; i < HostSocket.MAX_CONCURRENT; i++) {
            busy.add(CompletableFuture.supplyAsync(() -> client(data, "indicators"), clients));
        }
        assertTrue(running.await(30, TimeUnit.SECONDS));
        Client refused = client(data, "status");
        release.countDown();
        assertEquals(OptionalInt.of(CommandLine.FAILED), refused.exit());
        assertTrue(refused.err().contains("the host is running " + HostSocket.MAX_CONCURRENT + " commands already"),
                refused.err());
        for (CompletableFuture<Client> f : busy) {
            assertEquals(OptionalInt.of(0), f.get(30, TimeUnit.SECONDS).exit());
        }
        clients.shutdown();
    }
}
