package no.tilskudd.launch.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import no.tilskudd.launch.CommandLine;

/**
 * The serving host's socket, {@code data/host.sock}: one-shot commands started beside the host run in it through
 * this socket instead of opening the store themselves (which only one process may have open). The socket file is
 * 0600 in a 0700 folder, and every connection's peer is checked with {@code SO_PEERCRED}: only the user the host
 * runs as may use it, so root's bypass of file modes does not let anyone else in either. Each command runs on its
 * own thread with its own output, which goes back to the client as it is written.
 */
final class HostSocket implements AutoCloseable {

    /** The socket's file name in the data folder. */
    static final String FILE = "host.sock";
    /** Commands running at once through the socket; more are refused rather than queued without bound. */
    static final int MAX_CONCURRENT = 16;
    /** A client that connects must send its request within this time, or it is dropped. */
    static final long REQUEST_TIMEOUT_MS = 10_000;
    /** How long a command that arrives during start-up waits for the host to be ready. */
    static final long READY_TIMEOUT_MS = 120_000;

    /** Runs one command in the host. */
    interface Commands {
        int run(List<String> args, Path workingDirectory, PrintStream out, PrintStream err);
    }

    /** Another host already serves this data folder: its socket accepts connections. */
    static final class HostRunningException extends IOException {
        private static final long serialVersionUID = 1L;

        HostRunningException(String message) {
            super(message);
        }
    }

    private final Path path;
    private final ServerSocketChannel server;
    private final UserPrincipal owner;
    private final Commands commands;
    private final Predicate<String> localOnly;
    private final FileLogger log;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Semaphore slots = new Semaphore(MAX_CONCURRENT);
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger serial = new AtomicInteger();
    private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tilskudd-host-socket-timeouts");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    private HostSocket(Path path, ServerSocketChannel server, UserPrincipal owner, Commands commands,
            Predicate<String> localOnly, FileLogger log) {
        this.path = path;
        this.server = server;
        this.owner = owner;
        this.commands = commands;
        this.localOnly = localOnly;
        this.log = log;
    }

    /**
     * Opens the socket in a data folder, removing a stale socket file nobody listens on. Commands are accepted at
     * once but wait until {@link #ready()}.
     *
     * @param data      the data folder (0700)
     * @param commands  runs a command in the host
     * @param localOnly commands that never run through the socket
     * @param log       the host's log
     * @return the open socket
     * @throws HostRunningException when another host serves the folder
     * @throws IOException          when the socket cannot be opened
     */
    static HostSocket open(Path data, Commands commands, Predicate<String> localOnly, FileLogger log)
            throws IOException {
        Path path = data.resolve(FILE);
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
                throw new IOException(path + " exists and is not a socket; remove it");
            }
            if (accepts(path)) {
                throw new HostRunningException("a host is already serving " + data + " (" + path
                        + " accepts connections); stop it first, or give another --data folder");
            }
            log.write(FileLogger.LOG_INFO, "removing the stale socket " + path + " (nobody listens on it)", null);
            Files.delete(path);
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(path));
        } catch (BindException e) {
            server.close();
            throw new HostRunningException("another host started serving " + data + " at the same moment ("
                    + e.getMessage() + ")");
        } catch (SocketException e) {
            server.close();
            throw new IOException("cannot open the host's socket " + path + ": " + e.getMessage()
                    + (path.toString().length() > 100 ? " (a socket's path has at most 107 bytes: give a shorter "
                            + "--data folder)" : ""), e);
        }
        try {
            DataFolder.makePrivate(path);
            HostSocket socket = new HostSocket(path, server, Files.getOwner(path), commands, localOnly, log);
            Thread accept = new Thread(socket::acceptLoop, "tilskudd-host-socket");
            accept.setDaemon(true);
            accept.start();
            return socket;
        } catch (IOException | RuntimeException e) {
            server.close();
            Files.deleteIfExists(path);
            throw e;
        }
    }

    /** Whether someone listens on a socket file: the only way to tell a running host from a stale file. */
    static boolean accepts(Path socket) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The host has started: commands waiting for it run now. */
    void ready() {
        ready.countDown();
    }

    /** Stops accepting, removes the socket file; commands still running finish and then end their connections. */
    void stopAccepting() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing is all we want
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.write(FileLogger.LOG_WARNING, "cannot remove " + path + ": " + e.getMessage(), null);
        }
    }

    /** Stops accepting and ends every connection, so that a client still waiting learns that the host is gone. */
    @Override
    public void close() {
        stopAccepting();
        ready.countDown();
        timeouts.shutdownNow();
        for (SocketChannel ch : open) {
            closeQuietly(ch);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    log.write(FileLogger.LOG_WARNING, FILE + ": accept failed: " + e.getMessage(), null);
                }
                continue;
            }
            if (!slots.tryAcquire()) {
                refuse(ch, "the host is running " + MAX_CONCURRENT + " commands already; try again when one "
                        + "has finished");
                continue;
            }
            Thread t = new Thread(() -> {
                try {
                    serve(ch);
                } finally {
                    slots.release();
                }
            }, "tilskudd-host-command-" + serial.incrementAndGet());
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(SocketChannel ch) {
        open.add(ch);
        try {
            UserPrincipal peer;
            try {
                UnixDomainPrincipal p = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
                peer = p.user();
            } catch (IOException | UnsupportedOperationException e) {
                log.write(FileLogger.LOG_WARNING, FILE + ": refused a connection whose user cannot be checked: " + e,
                        null);
                refuse(ch, "the host cannot check which user connects on this system, so it refuses");
                return;
            }
            if (!owner.equals(peer)) {
                log.write(FileLogger.LOG_WARNING, FILE + ": refused a connection from user " + peer.getName()
                        + " (the host runs as " + owner.getName() + ")", null);
                refuse(ch, "the running host accepts commands only from its own user (" + owner.getName()
                        + "), not from " + peer.getName());
                return;
            }
            HostProtocol.Request request;
            ScheduledFuture<?> timeout = timeouts.schedule(() -> closeQuietly(ch), REQUEST_TIMEOUT_MS,
                    TimeUnit.MILLISECONDS);
            try {
                HostProtocol.Frame f = HostProtocol.read(ch, HostProtocol.MAX_REQUEST);
                if (f == null) {
                    return;
                }
                if (f.type() != HostProtocol.REQUEST) {
                    throw new HostProtocol.ProtocolException("expected a request, got a frame of type "
                            + (char) f.type());
                }
                request = HostProtocol.Request.decode(f.payload());
            } catch (HostProtocol.ProtocolException e) {
                log.write(FileLogger.LOG_WARNING, FILE + ": refused a bad request: " + e.getMessage(), null);
                refuse(ch, e.getMessage());
                return;
            } finally {
                timeout.cancel(false);
            }
            String command = request.args().isEmpty() ? "" : request.args().get(0);
            if (localOnly.test(command)) {
                refuse(ch, "'" + command + "' does not run through a running host");
                return;
            }
            if (!ready.await(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS) || closed) {
                refuse(ch, "the host is not ready (it is starting or stopping); try again");
                return;
            }
            run(ch, request, peer);
        } catch (IOException e) {
            // The client went away; its command, if any, has already finished or never started.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(ch);
            closeQuietly(ch);
        }
    }

    private void run(SocketChannel ch, HostProtocol.Request request, UserPrincipal peer) throws IOException {
        String what = String.join(" ", request.args());
        log.write(FileLogger.LOG_INFO, FILE + ": running '" + what + "' for " + peer.getName() + " in "
                + request.workingDirectory(), null);
        long t0 = System.nanoTime();
        FrameStream outFrames = new FrameStream(ch, HostProtocol.OUT);
        FrameStream errFrames = new FrameStream(ch, HostProtocol.ERR);
        int exit;
        try (PrintStream out = printStream(outFrames); PrintStream err = printStream(errFrames)) {
            try {
                exit = commands.run(request.args(), request.workingDirectory(), out, err);
            } catch (RuntimeException e) {
                // A command must not take the host down; the CLI bundle catches its own failures, so this is rare.
                log.write(FileLogger.LOG_ERROR, FILE + ": '" + what + "' failed", e);
                err.println("tilskudd: the command failed in the running host: " + e + " (see the log)");
                exit = CommandLine.FAILED;
            }
        }
        log.write(FileLogger.LOG_INFO, FILE + ": '" + what + "' ended with exit code " + exit + " after "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms"
                + (outFrames.gone || errFrames.gone ? " (the client had gone away)" : ""), null);
        synchronized (ch) {
            HostProtocol.writeExit(ch, exit);
        }
    }

    private static PrintStream printStream(FrameStream frames) {
        return new PrintStream(new BufferedOutputStream(frames, 8192), true, StandardCharsets.UTF_8);
    }

    private void refuse(SocketChannel ch, String reason) {
        try {
            synchronized (ch) {
                HostProtocol.write(ch, HostProtocol.REFUSED, reason.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the client has gone
        } finally {
            closeQuietly(ch);
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    /**
     * A command's stdout or stderr, sent as frames. When the client has gone, output is dropped and the command runs
     * to its end: interrupting it could leave an import half done, and a file is stored whole or not at all.
     */
    private static final class FrameStream extends OutputStream {
        private final SocketChannel ch;
        private final byte type;
        volatile boolean gone;

        FrameStream(SocketChannel ch, byte type) {
            this.ch = ch;
            this.type = type;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (gone) {
                return;
            }
            try {
                for (int i = 0; i < len; i += HostProtocol.MAX_OUTPUT_FRAME) {
                    int n = Math.min(HostProtocol.MAX_OUTPUT_FRAME, len - i);
                    synchronized (ch) {
                        HostProtocol.write(ch, type, b, off + i, n);
                    }
                }
            } catch (IOException e) {
                gone = true;
            }
        }
    }
}
