package no.tilskudd.format.pdf.internal;

import com.lowagie.text.pdf.CMapAwareDocumentFont;
import com.lowagie.text.pdf.PRIndirectReference;
import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfContentParser;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfLiteral;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A PDF's logical structure read back with OpenPDF's reader, independently of how it was written: the structure
 * tree from the catalog, and for each element the text of the marked content it owns, found by decoding the pages'
 * content streams (MCID by MCID, through each font's ToUnicode map). Text in artifacts belongs to no element.
 */
final class StructureTree {

    /** One structure element: its type, its attributes dictionary, its alternate text, its own text, its kids. */
    record Node(String type, PdfDictionary attributes, String alt, String text, List<Node> kids, boolean linksAnnot) {

        /** Every node below and including this one, in reading order, that matches. */
        List<Node> all(Predicate<Node> p) {
            List<Node> out = new ArrayList<>();
            collect(p, out);
            return out;
        }

        List<Node> all(String type) {
            return all(n -> n.type().equals(type));
        }

        private void collect(Predicate<Node> p, List<Node> out) {
            if (p.test(this)) {
                out.add(this);
            }
            for (Node k : kids) {
                k.collect(p, out);
            }
        }

        /** The text of this element and everything below it. */
        String fullText() {
            StringBuilder b = new StringBuilder(text);
            for (Node k : kids) {
                String t = k.fullText();
                if (!t.isEmpty()) {
                    b.append(b.length() > 0 ? " " : "").append(t);
                }
            }
            return b.toString();
        }

        String scope() {
            if (attributes == null) {
                return null;
            }
            PdfObject s = attributes.get(new PdfName("Scope"));
            return s == null ? null : s.toString().substring(1);
        }
    }

    private final PdfReader reader;
    /** Page object number to 1-based page number. */
    private final Map<Integer, Integer> pages = new HashMap<>();
    /** Per page, the text of each MCID. */
    private final Map<Integer, Map<Integer, StringBuilder>> marked = new HashMap<>();

    private StructureTree(PdfReader reader) {
        this.reader = reader;
    }

    /** Reads the structure tree; its root node is the StructTreeRoot (type "StructTreeRoot"). */
    static Node read(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            StructureTree t = new StructureTree(reader);
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                t.pages.put(reader.getPageOrigRef(p).getNumber(), p);
                t.page(p);
            }
            PdfDictionary root = reader.getCatalog().getAsDict(PdfName.STRUCTTREEROOT);
            if (root == null) {
                return new Node("none", null, null, "", List.of(), false);
            }
            return t.node(root, "StructTreeRoot", -1);
        } finally {
            reader.close();
        }
    }

    private Node node(PdfDictionary dict, String type, int inheritedPage) {
        int page = inheritedPage;
        PdfObject pg = dict.get(PdfName.PG);
        if (pg instanceof PRIndirectReference ref) {
            page = pages.getOrDefault(ref.getNumber(), -1);
        }
        StringBuilder text = new StringBuilder();
        List<Node> kids = new ArrayList<>();
        boolean annot = false;
        PdfObject k = PdfReader.getPdfObject(dict.get(PdfName.K));
        List<PdfObject> items = new ArrayList<>();
        if (k instanceof PdfArray array) {
            for (int i = 0; i < array.size(); i++) {
                items.add(array.getPdfObject(i));
            }
        } else if (k != null) {
            items.add(dict.get(PdfName.K));
        }
        for (PdfObject item : items) {
            PdfObject direct = PdfReader.getPdfObject(item);
            if (direct instanceof PdfNumber mcid) {
                append(text, mcidText(page, mcid.intValue()));
            } else if (direct instanceof PdfDictionary d) {
                PdfName t = d.getAsName(PdfName.TYPE);
                if (t != null && t.toString().equals("/MCR")) {
                    int mcrPage = page;
                    if (d.get(PdfName.PG) instanceof PRIndirectReference ref) {
                        mcrPage = pages.getOrDefault(ref.getNumber(), -1);
                    }
                    append(text, mcidText(mcrPage, d.getAsNumber(PdfName.MCID).intValue()));
                } else if (t != null && t.toString().equals("/OBJR")) {
                    annot = true;
                } else {
                    PdfName s = d.getAsName(PdfName.S);
                    kids.add(node(d, s == null ? "?" : s.toString().substring(1), page));
                }
            }
        }
        PdfObject alt = dict.get(PdfName.ALT);
        PdfDictionary attributes = dict.getAsDict(PdfName.A);
        return new Node(type, attributes, alt instanceof PdfString s ? s.toUnicodeString() : null, text.toString(),
                kids, annot);
    }

    private static void append(StringBuilder b, String s) {
        if (!s.isEmpty()) {
            b.append(b.length() > 0 ? " " : "").append(s);
        }
    }

    private String mcidText(int page, int mcid) {
        StringBuilder b = marked.getOrDefault(page, Map.of()).get(mcid);
        return b == null ? "" : b.toString().strip();
    }

    /** Decodes a page's content stream, gathering the text shown inside each MCID (lines joined by spaces). */
    private void page(int p) throws IOException {
        PdfDictionary resources = reader.getPageN(p).getAsDict(PdfName.RESOURCES);
        PdfDictionary fontDict = resources == null ? null : resources.getAsDict(PdfName.FONT);
        Map<String, CMapAwareDocumentFont> fonts = new HashMap<>();
        Map<Integer, StringBuilder> texts = new HashMap<>();
        marked.put(p, texts);
        Deque<Integer> stack = new ArrayDeque<>();
        CMapAwareDocumentFont font = null;
        PdfContentParser parser = new PdfContentParser(new PRTokeniser(reader.getPageContent(p)));
        List<PdfObject> operands = new ArrayList<>();
        while (!parser.parse(operands).isEmpty()) {
            String op = ((PdfLiteral) operands.get(operands.size() - 1)).toString();
            switch (op) {
                case "BDC" -> {
                    PdfObject props = operands.get(1);
                    int mcid = -1;
                    if (props instanceof PdfDictionary d && d.getAsNumber(PdfName.MCID) != null) {
                        mcid = d.getAsNumber(PdfName.MCID).intValue();
                    }
                    stack.push(mcid);
                }
                case "BMC" -> stack.push(-1);
                case "EMC" -> stack.pop();
                case "Tf" -> {
                    String name = operands.get(0).toString();
                    font = fonts.computeIfAbsent(name, n -> new CMapAwareDocumentFont(
                            (PRIndirectReference) fontDict.get(new PdfName(n.substring(1)))));
                }
                case "Tj", "'", "\"" -> show(texts, stack, font, operands.get(operands.size() - 2));
                case "TJ" -> {
                    PdfArray parts = (PdfArray) operands.get(0);
                    for (int i = 0; i < parts.size(); i++) {
                        show(texts, stack, font, parts.getPdfObject(i));
                    }
                }
                case "BT" -> {
                    if (!stack.isEmpty() && stack.peek() >= 0) {
                        StringBuilder b = texts.get(stack.peek());
                        if (b != null && b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                            b.append(' ');
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    private static void show(Map<Integer, StringBuilder> texts, Deque<Integer> stack, CMapAwareDocumentFont font,
            PdfObject s) {
        if (!(s instanceof PdfString str) || font == null || stack.isEmpty() || stack.peek() < 0) {
            return;
        }
        byte[] bytes = str.getOriginalBytes();
        texts.computeIfAbsent(stack.peek(), m -> new StringBuilder()).append(font.decode(bytes, 0, bytes.length));
    }
}
