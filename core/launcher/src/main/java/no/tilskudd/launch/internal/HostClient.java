package no.tilskudd.launch.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.OptionalInt;
import no.tilskudd.launch.CommandLine;

/**
 * The one-shot side of {@link HostSocket}: hands a command to the serving host and relays its output and exit code.
 */
final class HostClient {

    private HostClient() {
    }

    /**
     * Runs a command in the host that serves a data folder, if one does.
     *
     * @param socket  the host's socket file
     * @param request the working directory and the command
     * @param out     receives the command's output
     * @param err     receives its errors and progress
     * @return the command's exit code, or empty when no host listens (then the caller runs the command itself)
     */
    static OptionalInt run(Path socket, HostProtocol.Request request, PrintStream out, PrintStream err) {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return OptionalInt.empty();
        }
        SocketChannel ch;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalInt.empty();
        }
        try (ch) {
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                if (String.valueOf(e.getMessage()).contains("Permission denied")) {
                    err.println("tilskudd: a host serves this data folder, but its socket " + socket + " is not open"
                            + " to this user; run the command as the user the host runs as");
                    return OptionalInt.of(CommandLine.FAILED);
                }
                // A stale socket file: the host was killed. The command runs here, and the next serve removes it.
                return OptionalInt.empty();
            }
            byte[] payload;
            try {
                payload = request.encode();
            } catch (HostProtocol.ProtocolException e) {
                err.println("tilskudd: " + e.getMessage());
                return OptionalInt.of(CommandLine.USAGE);
            }
            return OptionalInt.of(exchange(ch, payload, socket, out, err));
        } catch (IOException e) {
            return OptionalInt.of(hostGone(socket, e, err));
        }
    }

    private static int exchange(SocketChannel ch, byte[] payload, Path socket, PrintStream out, PrintStream err) {
        Utf8Relay toOut = new Utf8Relay(out);
        Utf8Relay toErr = new Utf8Relay(err);
        IOException writeFailure = null;
        try {
            HostProtocol.write(ch, HostProtocol.REQUEST, payload);
        } catch (IOException e) {
            // A host that refuses (busy, wrong user) answers and closes without reading: its answer is still there.
            writeFailure = e;
        }
        try {
            while (true) {
                HostProtocol.Frame f = HostProtocol.read(ch, HostProtocol.MAX_OUTPUT_FRAME);
                if (f == null) {
                    toOut.finish();
                    toErr.finish();
                    return hostGone(socket, writeFailure, err);
                }
                switch (f.type()) {
                    case HostProtocol.OUT -> toOut.relay(f.payload());
                    case HostProtocol.ERR -> toErr.relay(f.payload());
                    case HostProtocol.EXIT -> {
                        toOut.finish();
                        toErr.finish();
                        return HostProtocol.exitCode(f);
                    }
                    case HostProtocol.REFUSED -> {
                        err.println("tilskudd: the running host refused the command: "
                                + new String(f.payload(), StandardCharsets.UTF_8));
                        return CommandLine.FAILED;
                    }
                    default -> throw new HostProtocol.ProtocolException("a frame of unknown type " + f.type());
                }
            }
        } catch (IOException e) {
            toOut.finish();
            toErr.finish();
            return hostGone(socket, writeFailure != null ? writeFailure : e, err);
        }
    }

    private static int hostGone(Path socket, IOException cause, PrintStream err) {
        err.println("tilskudd: the running host (" + socket + ") ended the connection before the command finished"
                + (cause == null ? "" : " (" + cause.getMessage() + ")") + "; it may have stopped or been killed. "
                + "An import is stored whole or not at all: 'tilskudd indicators' or 'tilskudd status' shows what "
                + "is there. See " + socket.resolveSibling("log").resolve("tilskudd.log"));
        return CommandLine.FAILED;
    }

    /**
     * Decodes the host's UTF-8 output into text and prints it, so that the client's streams encode it as they would
     * the command's own output; a character split between two frames is kept until its end arrives.
     */
    private static final class Utf8Relay {
        private final PrintStream target;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final CharBuffer chars = CharBuffer.allocate(HostProtocol.MAX_OUTPUT_FRAME + 8);
        private ByteBuffer pending = ByteBuffer.allocate(0);

        Utf8Relay(PrintStream target) {
            this.target = target;
        }

        void relay(byte[] bytes) {
            ByteBuffer in = ByteBuffer.allocate(pending.remaining() + bytes.length);
            in.put(pending).put(bytes).flip();
            decoder.decode(in, chars, false);
            pending = in;
            drain();
        }

        void finish() {
            decoder.decode(pending, chars, true);
            decoder.flush(chars);
            pending = ByteBuffer.allocate(0);
            drain();
        }

        private void drain() {
            chars.flip();
            target.append(chars);
            chars.clear();
            target.flush();
        }
    }
}
