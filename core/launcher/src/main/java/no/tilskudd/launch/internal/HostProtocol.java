package no.tilskudd.launch.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The protocol on {@code data/host.sock}, by which a one-shot command runs inside the serving host. It is framed and
 * free of dependencies (the launcher has only the JDK and Felix): each frame is one type byte, a four-byte big-endian
 * length and that many bytes. The client sends one {@link #REQUEST}; the host answers with {@link #OUT} and
 * {@link #ERR} frames as the command writes, then one {@link #EXIT}, or with one {@link #REFUSED} instead. Lengths
 * are checked before anything is allocated, so a bad peer cannot make either side reserve more than the limits.
 */
final class HostProtocol {

    /** Raised when the request's version differs, so that an old host and a new client say so instead of failing. */
    static final int VERSION = 1;

    static final byte REQUEST = 'Q';
    static final byte OUT = 'O';
    static final byte ERR = 'E';
    static final byte EXIT = 'X';
    static final byte REFUSED = 'R';

    /** A request holds the working directory and the arguments; a command line is far below this. */
    static final int MAX_REQUEST = 1 << 20;
    /** Output is sent in pieces of at most this size, so that the client reads with a small, fixed buffer. */
    static final int MAX_OUTPUT_FRAME = 1 << 16;

    private static final int HEADER = 5;

    private HostProtocol() {
    }

    /** A frame that breaks the protocol: too long, of an unknown type, or cut off. */
    static final class ProtocolException extends IOException {
        private static final long serialVersionUID = 1L;

        ProtocolException(String message) {
            super(message);
        }
    }

    /**
     * One frame.
     *
     * @param type    the type byte
     * @param payload its bytes
     */
    record Frame(byte type, byte[] payload) {
    }

    /**
     * What the client asks the host to run.
     *
     * @param workingDirectory the client's working directory, against which the command resolves relative paths
     * @param args             the command and its options (without {@code --home} and {@code --data})
     */
    record Request(Path workingDirectory, List<String> args) {

        Request {
            if (!workingDirectory.isAbsolute()) {
                throw new IllegalArgumentException("the working directory must be absolute: " + workingDirectory);
            }
            args = List.copyOf(args);
        }

        byte[] encode() throws ProtocolException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(VERSION);
                writeString(out, workingDirectory.toString());
                out.writeInt(args.size());
                for (String a : args) {
                    writeString(out, a);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            if (bytes.size() > MAX_REQUEST) {
                throw new ProtocolException("the command line is too long to hand to the running host ("
                        + bytes.size() + " bytes; at most " + MAX_REQUEST + ")");
            }
            return bytes.toByteArray();
        }

        static Request decode(byte[] payload) throws ProtocolException {
            ByteBuffer in = ByteBuffer.wrap(payload);
            try {
                int version = in.getInt();
                if (version != VERSION) {
                    throw new ProtocolException("the client speaks protocol version " + version + ", this host "
                            + VERSION + "; use the bin/tilskudd of the distribution that runs the host");
                }
                Path cwd = Path.of(readString(in));
                int count = in.getInt();
                // Each argument takes at least its four length bytes, so a count beyond that is a lie.
                if (count < 0 || count > in.remaining() / 4) {
                    throw new ProtocolException("the request names " + count + " arguments in " + payload.length
                            + " bytes");
                }
                List<String> args = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    args.add(readString(in));
                }
                if (in.hasRemaining()) {
                    throw new ProtocolException("the request has " + in.remaining() + " bytes after its arguments");
                }
                return new Request(cwd, args);
            } catch (BufferUnderflowException e) {
                throw new ProtocolException("the request is cut off");
            } catch (IllegalArgumentException e) {
                throw new ProtocolException("the request's working directory is not usable: " + e.getMessage());
            }
        }

        private static void writeString(DataOutputStream out, String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }

        private static String readString(ByteBuffer in) throws ProtocolException {
            int n = in.getInt();
            if (n < 0 || n > in.remaining()) {
                throw new ProtocolException("a string of " + n + " bytes in a request with " + in.remaining()
                        + " left");
            }
            byte[] b = new byte[n];
            in.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    static void write(WritableByteChannel ch, byte type, byte[] payload) throws IOException {
        write(ch, type, payload, 0, payload.length);
    }

    static void write(WritableByteChannel ch, byte type, byte[] payload, int off, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HEADER + len);
        b.put(type).putInt(len).put(payload, off, len).flip();
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    static void writeExit(WritableByteChannel ch, int code) throws IOException {
        write(ch, EXIT, ByteBuffer.allocate(4).putInt(code).array());
    }

    /**
     * Reads one frame.
     *
     * @param ch        the channel
     * @param maxLength the longest payload accepted for this exchange
     * @return the frame, or null when the peer closed the connection before a new frame began
     * @throws ProtocolException when the frame is too long or cut off
     * @throws IOException       when reading fails
     */
    static Frame read(ReadableByteChannel ch, int maxLength) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        if (!readFully(ch, header, true)) {
            return null;
        }
        header.flip();
        byte type = header.get();
        int len = header.getInt();
        if (len < 0 || len > maxLength) {
            throw new ProtocolException("a frame of " + len + " bytes (at most " + maxLength + ")");
        }
        ByteBuffer payload = ByteBuffer.allocate(len);
        readFully(ch, payload, false);
        return new Frame(type, payload.array());
    }

    static int exitCode(Frame f) throws ProtocolException {
        if (f.payload().length != 4) {
            throw new ProtocolException("an exit frame of " + f.payload().length + " bytes");
        }
        return ByteBuffer.wrap(f.payload()).getInt();
    }

    private static boolean readFully(ReadableByteChannel ch, ByteBuffer b, boolean eofAllowedAtStart)
            throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                if (eofAllowedAtStart && b.position() == 0) {
                    return false;
                }
                throw new EOFException("the connection ended in the middle of a frame");
            }
        }
        return true;
    }
}
