package no.tilskudd.format.pdf.internal;

import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfStructureTreeRoot;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The logical structure of a PDF/UA document, built with OpenPDF's structure API while the layout draws: every piece
 * of real content is drawn between {@link #begin} and {@link #end} of its structure element (a marked-content
 * sequence with an MCID that the parent tree maps back to the element), and everything else (running header and
 * footer, rules, fills, repeated table headers) between {@link #beginArtifact} and {@link #end}.
 *
 * <p>OpenPDF keeps an element's marked content in its {@code /K} and cannot mix marked content and child elements
 * in one element, so container elements (Document, Sect, Table, TR, L, LI, TOC, TOCI) only get children, and leaf
 * elements (H1–H3, P, TH, TD, LBody, Figure, Link) only marked content. A leaf may be begun more than once, e.g. a
 * paragraph that goes on over a page break; OpenPDF then lists each piece in {@code /K}.
 */
final class Tagging {

    static final PdfName DOCUMENT = new PdfName("Document");
    static final PdfName SECT = new PdfName("Sect");
    static final PdfName H1 = new PdfName("H1");
    static final PdfName H2 = new PdfName("H2");
    static final PdfName H3 = new PdfName("H3");
    static final PdfName P = PdfName.P;
    static final PdfName TABLE = new PdfName("Table");
    static final PdfName TR = new PdfName("TR");
    static final PdfName TH = new PdfName("TH");
    static final PdfName TD = new PdfName("TD");
    static final PdfName L = new PdfName("L");
    static final PdfName LI = new PdfName("LI");
    static final PdfName LBODY = new PdfName("LBody");
    static final PdfName TOC = new PdfName("TOC");
    static final PdfName TOCI = new PdfName("TOCI");
    static final PdfName LINK = PdfName.LINK;
    static final PdfName FIGURE = new PdfName("Figure");

    static final PdfName COLUMN = new PdfName("Column");
    static final PdfName ROW = new PdfName("Row");

    private static final PdfName SCOPE = new PdfName("Scope");
    private static final PdfName COLSPAN = new PdfName("ColSpan");
    private static final PdfName ARTIFACT = new PdfName("Artifact");
    private static final PdfName LAYOUT = new PdfName("Layout");
    private static final PdfName PAGINATION = new PdfName("Pagination");
    private static final PdfName OBJR = new PdfName("OBJR");
    private static final PdfName OBJ = new PdfName("Obj");
    private static final PdfName STRUCT_PARENT = new PdfName("StructParent");
    private static final PdfName SUBTYPE = PdfName.SUBTYPE;

    private final PdfWriter writer;
    private final PdfStructureTreeRoot root;
    final PdfStructureElement document;

    Tagging(PdfWriter writer, String language) {
        this.writer = writer;
        this.root = writer.getStructureTreeRoot();
        this.document = new PdfStructureElement(root, DOCUMENT);
        document.put(PdfName.LANG, new PdfString(language));
    }

    /** A new element, the last child of its parent: structure order is reading order. */
    PdfStructureElement element(PdfStructureElement parent, PdfName type) {
        return new PdfStructureElement(parent, type);
    }

    /** A header cell, with the scope that tells a screen reader which cells it heads. */
    PdfStructureElement headerCell(PdfStructureElement row, PdfName scope) {
        PdfStructureElement th = element(row, TH);
        th.put(PdfName.A, tableAttributes(SCOPE, scope));
        return th;
    }

    /** A data cell that spans columns (the one cell of an empty table). */
    PdfStructureElement spanningCell(PdfStructureElement row, int columns) {
        PdfStructureElement td = element(row, TD);
        if (columns > 1) {
            td.put(PdfName.A, tableAttributes(COLSPAN, new PdfNumber(columns)));
        }
        return td;
    }

    private static PdfDictionary tableAttributes(PdfName key, PdfObject value) {
        PdfDictionary a = new PdfDictionary();
        a.put(PdfName.O, TABLE);
        a.put(key, value);
        return a;
    }

    /** A figure with its alternate text, which is all a screen reader says of it. */
    PdfStructureElement figure(PdfStructureElement parent, String alt) {
        PdfStructureElement f = element(parent, FIGURE);
        f.put(PdfName.ALT, new PdfString(alt, PdfObject.TEXT_UNICODE));
        return f;
    }

    void begin(PdfContentByte cb, PdfStructureElement element) {
        cb.beginMarkedContentSequence(element);
    }

    void end(PdfContentByte cb) {
        cb.endMarkedContentSequence();
    }

    /** Starts content that is not part of the document's text: rules, fills, a header row drawn again. */
    void beginArtifact(PdfContentByte cb) {
        PdfDictionary props = new PdfDictionary();
        props.put(PdfName.TYPE, LAYOUT);
        cb.beginMarkedContentSequence(ARTIFACT, props, true);
    }

    /** Starts the running header or footer of a page. */
    void beginPagination(PdfContentByte cb, boolean header) {
        PdfDictionary props = new PdfDictionary();
        props.put(PdfName.TYPE, PAGINATION);
        props.put(SUBTYPE, header ? new PdfName("Header") : new PdfName("Footer"));
        cb.beginMarkedContentSequence(ARTIFACT, props, true);
    }

    /**
     * Ties a link annotation to its Link element, both ways: the element gets an object reference to the annotation
     * after its marked content, and the annotation a {@code /StructParent} key in the parent tree that leads back to
     * the element. Call it after the link's text was drawn inside the element.
     */
    void annotate(PdfStructureElement link, PdfAnnotation annotation) {
        annotation.put(STRUCT_PARENT, new PdfNumber(root.addExistingObject(link.getReference())));
        PdfDictionary objr = new PdfDictionary(OBJR);
        objr.put(OBJ, annotation.getIndirectReference());
        objr.put(PdfName.PG, writer.getCurrentPage());
        PdfObject k = link.get(PdfName.K);
        PdfArray kids;
        if (k instanceof PdfArray array) {
            kids = array;
        } else {
            kids = new PdfArray();
            if (k != null) {
                kids.add(k);
            }
            link.put(PdfName.K, kids);
        }
        kids.add(objr);
    }
}
