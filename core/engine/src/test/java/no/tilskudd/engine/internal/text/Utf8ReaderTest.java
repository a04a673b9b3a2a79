package no.tilskudd.engine.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Regression: submission and org-unit files in Latin-1 or UTF-16 were read with U+FFFD in place of æ, ø and å. */
class Utf8ReaderTest {

    private static String read(byte[] bytes) throws IOException {
        return read(new ByteArrayInputStream(bytes));
    }

    private static String read(InputStream in) throws IOException {
        StringWriter w = new StringWriter();
        try (Reader r = new Utf8Reader(in)) {
            r.transferTo(w);
        }
        return w.toString();
    }

    private static NotUtf8Exception refused(byte[] bytes) {
        return assertThrows(NotUtf8Exception.class, () -> read(bytes));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void utf8TextIsReadWholeAcrossBufferBoundaries() throws IOException {
        String text = "Bærum, Tromsø og Ålesund – 💶\n".repeat(2000);
        assertEquals(text, read(utf8(text)));
        // One byte at a time, so that every multi-byte character is split between reads.
        InputStream trickle = new ByteArrayInputStream(utf8(text)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        assertEquals(text, read(trickle));
        assertEquals("", read(new byte[0]));
        assertEquals("ø", read(utf8("ø")));
    }

    @Test
    void utf8ByteOrderMarkIsSkipped() throws IOException {
        assertEquals("{}\n", read(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("{}\n"))));
    }

    @Test
    void latin1ByteIsRefusedWithItsLine() {
        byte[] latin1 = "a\nb\nBærum\n".getBytes(StandardCharsets.ISO_8859_1);
        NotUtf8Exception e = refused(latin1);
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("0xE6") && e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void lineIsRightFarIntoTheFile() {
        byte[] far = concat(utf8("æøå line\n".repeat(4999)), new byte[] {'x', (byte) 0xFF, '\n'});
        assertEquals(5000, refused(far).line());
    }

    @Test
    void utf16AndUtf32AreRefusedWithOrWithoutAByteOrderMark() {
        for (var cs : new java.nio.charset.Charset[] {StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE}) {
            NotUtf8Exception e = refused("{\"scheme\":\"example\"}\n".getBytes(cs));
            assertEquals(1, e.line(), cs.name());
            assertTrue(e.getMessage().contains("UTF-16") && e.getMessage().contains("UTF-8"), e.getMessage());
        }
        byte[] le16WithMark = concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "{}".getBytes(StandardCharsets.UTF_16LE));
        assertTrue(refused(le16WithMark).getMessage().contains("byte-order mark"));
        NotUtf8Exception e32 = refused(concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF},
                "{}".getBytes(java.nio.charset.Charset.forName("UTF-32BE"))));
        assertTrue(e32.getMessage().contains("UTF-32"), e32.getMessage());
    }

    @Test
    void malformedSequencesAreRefused() {
        // Overlong '/', a UTF-16 surrogate written as UTF-8, a lone continuation byte, a cut-off character.
        assertEquals(2, refused(concat(utf8("ok\n"), new byte[] {(byte) 0xC0, (byte) 0xAF})).line());
        assertEquals(1, refused(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80}).line());
        assertEquals(1, refused(new byte[] {(byte) 0x80}).line());
        NotUtf8Exception cut = refused(new byte[] {'a', 'b', (byte) 0xC3});
        assertTrue(cut.getMessage().contains("ends in the middle of a UTF-8 character"), cut.getMessage());
    }
}
