package no.tilskudd.format.pdf.internal;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Sans, shipped inside this bundle (see {@code net/sf/jasperreports/fonts/dejavu/LICENSE}), so that every
 * letter of Norwegian and the other languages of Norway is drawn, embedded and extractable whatever fonts the
 * machine has. The bytes are read from the bundle's own class path once; each document gets its own
 * {@link BaseFont}, because a BaseFont holds a read position while a document is closed and so must not be shared
 * between documents written at the same time.
 */
final class EmbeddedFonts implements FontMapper {

    static final String DIR = "/net/sf/jasperreports/fonts/dejavu/";
    static final String REGULAR = "DejaVuSans.ttf";
    static final String BOLD = "DejaVuSans-Bold.ttf";

    /** Loaded on first use, once per class loader (that is, once per installed bundle). */
    private static final class Bytes {
        static final byte[] REGULAR_TTF = read(REGULAR);
        static final byte[] BOLD_TTF = read(BOLD);
    }

    /** AWT versions of the same faces, for chart layout, so that measured and drawn text agree. */
    private static final class Awt {
        static final Font REGULAR_FONT = awt(Bytes.REGULAR_TTF, REGULAR);
        static final Font BOLD_FONT = awt(Bytes.BOLD_TTF, BOLD);
    }

    final BaseFont regular;
    final BaseFont bold;

    private EmbeddedFonts(BaseFont regular, BaseFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** Fresh PDF fonts for one document, embedded as subsets with Unicode (Identity-H) encoding and no CIDSet. */
    static EmbeddedFonts forDocument() throws IOException {
        return new EmbeddedFonts(pdf(REGULAR, Bytes.REGULAR_TTF), pdf(BOLD, Bytes.BOLD_TTF));
    }

    static BaseFont pdf(String name, byte[] ttf) throws IOException {
        BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
        // OpenPDF's CIDSet lists only the glyphs used, while PDF/A-2 and PDF/UA want all glyphs of the embedded
        // subset or no CIDSet at all (which both allow).
        font.setIncludeCidSet(false);
        return font;
    }

    /** The regular face at a size, for charts. */
    static Font awtRegular(float size) {
        return Awt.REGULAR_FONT.deriveFont(size);
    }

    /** The bold face at a size, for charts. */
    static Font awtBold(float size) {
        return Awt.BOLD_FONT.deriveFont(size);
    }

    @Override
    public BaseFont awtToPdf(Font font) {
        return font.isBold() || font.getFontName().contains("Bold") ? bold : regular;
    }

    @Override
    public Font pdfToAwt(BaseFont font, int size) {
        return font == bold ? awtBold(size) : awtRegular(size);
    }

    private static byte[] read(String name) {
        try (InputStream in = EmbeddedFonts.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("the font " + DIR + name + " is missing from the PDF plugin's jar; "
                        + "the build copies it from net.sf.jasperreports:jasperreports-fonts");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + DIR + name, e);
        }
    }

    private static Font awt(byte[] ttf, String name) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("Java cannot load the font " + name + " for charts", e);
        }
    }
}
