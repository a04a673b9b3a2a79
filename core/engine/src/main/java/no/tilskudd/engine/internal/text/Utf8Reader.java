package no.tilskudd.engine.internal.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads text that must be UTF-8, strictly: a byte sequence that is not UTF-8 stops the reading with a
 * {@link NotUtf8Exception} that names the line, instead of the U+FFFD replacement characters an
 * {@code InputStreamReader} would quietly store. So do UTF-16 and UTF-32 files: their byte-order marks are not
 * UTF-8, and without a mark their Latin text is full of NUL bytes, which no text file holds. A UTF-8 byte-order mark
 * at the start is skipped.
 */
public final class Utf8Reader extends Reader {

    private static final String SAVE_AS = "; save the file as UTF-8";

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    /** The line of the next character decoded. */
    private int line = 1;
    private boolean started;
    private boolean eof;
    private boolean flushed;
    /** How much of chars has been scanned for line ends and NUL. */
    private int scanned;

    /**
     * Reads a stream.
     *
     * @param in the bytes; closed when this reader is closed
     */
    public Utf8Reader(InputStream in) {
        this.in = in;
        chars.flip();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (flushed) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        return n;
    }

    private void fill() throws IOException {
        // Between calls, bytes holds undecoded input in [0, position) and chars the decoded text not yet read.
        chars.clear();
        scanned = 0;
        while (chars.position() == 0 && !flushed) {
            if (!eof && bytes.hasRemaining()) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
            }
            bytes.flip();
            if (!started) {
                if (bytes.remaining() < 4 && !eof) {
                    bytes.compact();
                    continue;
                }
                started = true;
                skipOrRefuseByteOrderMark();
            }
            CoderResult r = decoder.decode(bytes, chars, eof);
            scan(chars.position());
            if (r.isError()) {
                int b = bytes.get(bytes.position()) & 0xFF;
                throw new NotUtf8Exception(line, eof && bytes.position() + r.length() >= bytes.limit()
                        ? "the file ends in the middle of a UTF-8 character" + SAVE_AS
                        : String.format("byte 0x%02X is not valid UTF-8 here%s%s", b,
                                b >= 0x80 ? " (is the file Latin-1 or Windows-1252? There, æ, ø and å are single "
                                        + "bytes)" : "", SAVE_AS));
            }
            if (eof && !bytes.hasRemaining()) {
                decoder.flush(chars);
                flushed = true;
            }
            bytes.compact();
        }
        chars.flip();
    }

    private void scan(int end) throws NotUtf8Exception {
        for (int i = scanned; i < end; i++) {
            char c = chars.get(i);
            if (c == '\n') {
                line++;
            } else if (c == 0) {
                throw new NotUtf8Exception(line, "the file holds NUL characters, as UTF-16 text does" + SAVE_AS);
            }
        }
        scanned = end;
    }

    private void skipOrRefuseByteOrderMark() throws NotUtf8Exception {
        int n = bytes.remaining();
        int b0 = n > 0 ? bytes.get(0) & 0xFF : -1;
        int b1 = n > 1 ? bytes.get(1) & 0xFF : -1;
        int b2 = n > 2 ? bytes.get(2) & 0xFF : -1;
        int b3 = n > 3 ? bytes.get(3) & 0xFF : -1;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            bytes.position(3);
        } else if ((b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) || (b0 == 0 && b1 == 0 && b2 == 0xFE
                && b3 == 0xFF)) {
            throw new NotUtf8Exception(1, "the file is UTF-32 (it starts with a UTF-32 byte-order mark)" + SAVE_AS);
        } else if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
            throw new NotUtf8Exception(1, "the file is UTF-16 (it starts with a UTF-16 byte-order mark)" + SAVE_AS);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
