package no.tilskudd.format.pdf.internal;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;

/**
 * Page events: the running header (report title, from page 2) and footer ("side X av Y"), both marked as pagination
 * artifacts, so a screen reader reads the title and the page numbers once, not on every page. The total page count
 * is not known until the end, so every footer holds one form XObject that is filled in when the document closes.
 */
final class PageDecorator extends PdfPageEventHelper {

    static final Color GREY = new Color(0x55, 0x55, 0x55);

    private final EmbeddedFonts fonts;
    private final Words words;
    private final String runningTitle;
    private Tagging tagging;
    private PdfTemplate totalPages;

    PageDecorator(EmbeddedFonts fonts, Words words, String runningTitle) {
        this.fonts = fonts;
        this.words = words;
        this.runningTitle = runningTitle;
    }

    /** The structure, which OpenPDF can only start once the document is open, before the first page ends. */
    void tagging(Tagging tagging) {
        this.tagging = tagging;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        totalPages = writer.getDirectContent().createTemplate(40, 10);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte cb = writer.getDirectContent();
        int page = writer.getPageNumber();
        if (page > 1) {
            float y = document.top() + 22;
            tagging.beginPagination(cb, true);
            cb.beginText();
            cb.setColorFill(GREY);
            cb.setFontAndSize(fonts.regular, 8f);
            cb.showTextAligned(Element.ALIGN_LEFT, runningTitle, document.left(), y, 0);
            cb.endText();
            cb.saveState();
            cb.setColorStroke(GREY);
            cb.setLineWidth(0.4f);
            cb.moveTo(document.left(), y - 5);
            cb.lineTo(document.right(), y - 5);
            cb.stroke();
            cb.restoreState();
            tagging.end(cb);
        }
        String text = words.page() + " " + page + " " + words.of() + " ";
        float width = fonts.regular.getWidthPoint(text, 8f);
        float x = (document.left() + document.right()) / 2 - width / 2 - 6;
        float y = document.bottom() - 28;
        tagging.beginPagination(cb, false);
        cb.saveState();
        cb.beginText();
        cb.setColorFill(GREY);
        cb.setFontAndSize(fonts.regular, 8f);
        cb.setTextMatrix(x, y);
        cb.showText(text);
        cb.endText();
        cb.restoreState();
        cb.addTemplate(totalPages, x + width, y);
        tagging.end(cb);
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
