package no.tilskudd.launch.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frames on data/host.sock: what either side accepts, and that a lying length allocates nothing. */
class HostProtocolTest {

    private static final Path CWD = Path.of("/home/kari/rapporter");

    @Test
    void aRequestSurvivesTheWire() throws Exception {
        HostProtocol.Request r = new HostProtocol.Request(CWD, List.of("import", "--replace", "bodø 2008.jsonl",
                "", "with\nnewline"));
        assertEquals(r, HostProtocol.Request.decode(r.encode()));
    }

    @Test
    void framesRoundTripAndACleanEndIsNull() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HostProtocol.write(Channels.newChannel(bytes), HostProtocol.OUT, "æøå".getBytes("UTF-8"));
        HostProtocol.writeExit(Channels.newChannel(bytes), 2);
        ReadableByteChannel in = channel(bytes.toByteArray());
        HostProtocol.Frame out = HostProtocol.read(in, 100);
        assertEquals(HostProtocol.OUT, out.type());
        assertArrayEquals("æøå".getBytes("UTF-8"), out.payload());
        assertEquals(2, HostProtocol.exitCode(HostProtocol.read(in, 100)));
        assertNull(HostProtocol.read(in, 100));
    }

    @Test
    void aFrameLongerThanTheLimitIsRefusedBeforeItIsRead() {
        // Announces 2 GiB; reading it would need the memory first.
        byte[] header = ByteBuffer.allocate(5).put(HostProtocol.REQUEST).putInt(Integer.MAX_VALUE).array();
        HostProtocol.ProtocolException e = assertThrows(HostProtocol.ProtocolException.class,
                () -> HostProtocol.read(channel(header), HostProtocol.MAX_REQUEST));
        assertEquals("a frame of 2147483647 bytes (at most 1048576)", e.getMessage());
    }

    @Test
    void aFrameCutOffIsAnError() {
        byte[] cut = ByteBuffer.allocate(7).put(HostProtocol.OUT).putInt(10).put((byte) 1).put((byte) 2).array();
        assertThrows(EOFException.class, () -> HostProtocol.read(channel(cut), 100));
    }

    @Test
    void aCommandLineOverTheLimitIsRefusedByTheClient() {
        List<String> huge = Collections.nCopies(2000, "x".repeat(600));
        HostProtocol.ProtocolException e = assertThrows(HostProtocol.ProtocolException.class,
                () -> new HostProtocol.Request(CWD, huge).encode());
        assertTrue(e.getMessage().startsWith("the command line is too long to hand to the running host"),
                e.getMessage());
    }

    @Test
    void lyingCountsAndLengthsAreRefused() {
        byte[] manyArgs = ByteBuffer.allocate(4 + 4 + 1 + 4).putInt(HostProtocol.VERSION).putInt(1).put((byte) '/')
                .putInt(1 << 30).array();
        assertEquals("the request names 1073741824 arguments in 13 bytes", refusal(manyArgs));
        byte[] longString = ByteBuffer.allocate(8).putInt(HostProtocol.VERSION).putInt(1 << 20).array();
        assertEquals("a string of 1048576 bytes in a request with 0 left", refusal(longString));
        byte[] cut = ByteBuffer.allocate(6).putInt(HostProtocol.VERSION).put((byte) 0).put((byte) 0).array();
        assertEquals("the request is cut off", refusal(cut));
    }

    @Test
    void anotherVersionOrARelativeFolderIsRefused() throws Exception {
        byte[] v2 = new HostProtocol.Request(CWD, List.of("status")).encode();
        ByteBuffer.wrap(v2).putInt(0, 2);
        assertTrue(refusal(v2).startsWith("the client speaks protocol version 2, this host 1"), refusal(v2));
        byte[] relative = ByteBuffer.allocate(4 + 4 + 3 + 4).putInt(HostProtocol.VERSION).putInt(3)
                .put("tmp".getBytes("UTF-8")).putInt(0).array();
        assertEquals("the request's working directory is not usable: the working directory must be absolute: tmp",
                refusal(relative));
    }

    private static String refusal(byte[] payload) {
        return assertThrows(HostProtocol.ProtocolException.class, () -> HostProtocol.Request.decode(payload))
                .getMessage();
    }

    private static ReadableByteChannel channel(byte[] bytes) {
        return Channels.newChannel(new ByteArrayInputStream(bytes));
    }
}
