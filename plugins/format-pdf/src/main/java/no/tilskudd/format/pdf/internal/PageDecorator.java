package no.tilskudd.format.pdf.internal;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Page events: the running header (report title) and footer ("side X av Y"), and, when a heading or table caption
 * is laid out, its bookmark (outline entry) and its page number in the table of contents. Page numbers are not known
 * until the text is placed, so the contents and "av Y" hold form XObjects that are filled in as pages are made
 * and when the document closes.
 */
final class PageDecorator extends PdfPageEventHelper {

    /**
     * A place that gets a bookmark and a contents line.
     *
     * @param id     the generic tag and local destination name
     * @param title  the bookmark and contents text
     * @param parent the section a table belongs to, or null for a section
     */
    record Anchor(String id, String title, Anchor parent) {
    }

    static final float TOC_NUMBER_WIDTH = 28f;
    static final Color GREY = new Color(0x55, 0x55, 0x55);

    private final EmbeddedFonts fonts;
    private final Words words;
    private final String runningTitle;
    private final Map<String, Anchor> anchors = new LinkedHashMap<>();
    private final Map<Anchor, PdfTemplate> tocNumbers = new HashMap<>();
    private final Map<Anchor, PdfOutline> outlines = new HashMap<>();
    private final Map<Anchor, Integer> pages = new LinkedHashMap<>();
    private PdfTemplate totalPages;

    PageDecorator(EmbeddedFonts fonts, Words words, String runningTitle) {
        this.fonts = fonts;
        this.words = words;
        this.runningTitle = runningTitle;
    }

    void add(Anchor anchor) {
        anchors.put(anchor.id(), anchor);
    }

    /** The contents page number of an anchor, as a small form to place on the contents line. */
    PdfTemplate tocNumber(PdfWriter writer, Anchor anchor, float fontSize) {
        return tocNumbers.computeIfAbsent(anchor, a -> writer.getDirectContent().createTemplate(TOC_NUMBER_WIDTH,
                fontSize * 1.2f));
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        totalPages = writer.getDirectContent().createTemplate(40, 10);
    }

    @Override
    public void onGenericTag(PdfWriter writer, Document document, Rectangle rect, String tag) {
        Anchor a = anchors.get(tag);
        // A tagged chunk that wraps over two lines reports each piece; the first is where the heading starts.
        if (a == null || pages.containsKey(a)) {
            return;
        }
        int page = writer.getPageNumber();
        pages.put(a, page);
        PdfOutline parent = a.parent() == null ? writer.getDirectContent().getRootOutline()
                : outlines.getOrDefault(a.parent(), writer.getDirectContent().getRootOutline());
        PdfDestination target = new PdfDestination(PdfDestination.XYZ, document.left(), rect.getTop() + 8, 0);
        outlines.put(a, new PdfOutline(parent, PdfAction.gotoLocalPage(page, target, writer), a.title(),
                a.parent() == null));
        PdfTemplate number = tocNumbers.get(a);
        if (number != null) {
            float size = number.getHeight() / 1.2f;
            number.beginText();
            number.setFontAndSize(fonts.regular, size);
            number.showTextAligned(Element.ALIGN_RIGHT, String.valueOf(page), TOC_NUMBER_WIDTH, 0, 0);
            number.endText();
        }
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte cb = writer.getDirectContent();
        int page = writer.getPageNumber();
        Font small = new Font(fonts.regular, 8f, Font.NORMAL, GREY);
        if (page > 1) {
            float y = document.top() + 22;
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(runningTitle, small), document.left(), y,
                    0);
            cb.saveState();
            cb.setColorStroke(GREY);
            cb.setLineWidth(0.4f);
            cb.moveTo(document.left(), y - 5);
            cb.lineTo(document.right(), y - 5);
            cb.stroke();
            cb.restoreState();
        }
        String text = words.page() + " " + page + " " + words.of() + " ";
        float width = fonts.regular.getWidthPoint(text, 8f);
        float x = (document.left() + document.right()) / 2 - width / 2 - 6;
        float y = document.bottom() - 28;
        cb.saveState();
        cb.beginText();
        cb.setColorFill(GREY);
        cb.setFontAndSize(fonts.regular, 8f);
        cb.setTextMatrix(x, y);
        cb.showText(text);
        cb.endText();
        cb.restoreState();
        cb.addTemplate(totalPages, x + width, y);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        totalPages.beginText();
        totalPages.setColorFill(GREY);
        totalPages.setFontAndSize(fonts.regular, 8f);
        totalPages.setTextMatrix(0, 0);
        totalPages.showText(String.valueOf(writer.getPageNumber() - 1));
        totalPages.endText();
    }
}
