package no.tilskudd.format.pdf.internal;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.ReportBlock.Chart;
import no.tilskudd.api.report.ReportBlock.KeyFigure;
import no.tilskudd.api.report.ReportBlock.KeyFigures;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.Table.Column;
import no.tilskudd.api.report.Table.Note;
import no.tilskudd.api.report.Table.RowKind;
import no.tilskudd.api.report.Table.Suppressed;
import no.tilskudd.api.report.ValueKind;

/**
 * Writes one report as one PDF that is both PDF/A-2u and PDF/UA-1: cover, contents, then the sections with their
 * paragraphs, key figures, tables and charts. One instance per export; nothing is shared between exports but the
 * font bytes.
 *
 * <p>OpenPDF's high-level layout ({@code Document.add}) writes no marked content, so this class lays the report out
 * itself on the page's direct content: a cursor moves down the page, text is broken into lines here, tables are drawn
 * row by row with their header repeated on each page, and every piece is drawn inside its structure element
 * ({@link Tagging}) in reading order. Fills, rules, the repeated header rows and the running header and footer are
 * artifacts.
 */
final class PdfReportWriter {

    private static final Color INK = new Color(0x1A, 0x1A, 0x1A);
    private static final Color HEADER_FILL = new Color(0xDC, 0xE3, 0xEA);
    private static final Color ZEBRA = new Color(0xF3, 0xF5, 0xF7);
    private static final Color RULE = new Color(0xB0, 0xB0, 0xB0);
    /** Tables with more columns than this start in the narrow type. */
    private static final int WIDE_TABLE = 8;
    /** The cell type sizes tried, largest first, until every header word fits its column; below, columns split. */
    private static final float[] CELL_SIZES = {8.5f, 7.5f, 6.5f, 6f, 5.5f};
    private static final float CELL_PAD_X = 4f;
    private static final float CELL_PAD_TOP = 2f;
    private static final float CELL_PAD_BOTTOM = 3.5f;
    static final float TOC_NUMBER_WIDTH = 28f;

    /** A type: face, size, colour and line height. */
    private record Style(BaseFont font, float size, Color color, float leading) {
        float width(String s) {
            return font.getWidthPoint(s, size);
        }
    }

    /** A place that gets a bookmark and a contents line, and where the contents line's page number and link go. */
    private static final class Anchor {
        final String title;
        final Anchor parent;
        PdfTemplate number;
        PdfIndirectReference action;
        PdfOutline outline;

        final boolean listed;

        Anchor(String title, Anchor parent, boolean listed) {
            this.title = title;
            this.parent = parent;
            this.listed = listed;
        }
    }

    /** A section with its number, its anchor, and the anchors of its tables in block order. */
    private record Plan(int number, ReportSection section, Anchor anchor, List<Anchor> tables) {
    }

    private final Report report;
    private final Words words;
    private final Locale locale;
    private final EmbeddedFonts fonts;
    private final Style title;
    private final Style h1;
    private final Style caption;
    private final Style body;
    private final Style bodyBold;
    private final Style note;
    private final Style figureValue;
    private final Style marker;
    private String where = "the cover";

    private Document doc;
    private PdfWriter writer;
    private PdfContentByte cb;
    private Tagging tagging;
    /** The top of the free space on the current page. */
    private float y;

    PdfReportWriter(Report report, EmbeddedFonts fonts) {
        this.report = report;
        this.words = Words.forLanguage(report.language());
        this.locale = report.locale();
        this.fonts = fonts;
        this.title = new Style(fonts.bold, 24f, INK, 30f);
        this.h1 = new Style(fonts.bold, 15f, INK, 19f);
        this.caption = new Style(fonts.bold, 10f, INK, 13f);
        this.body = new Style(fonts.regular, 10f, INK, 14f);
        this.bodyBold = new Style(fonts.bold, 10f, INK, 14f);
        this.note = new Style(fonts.regular, 8f, PageDecorator.GREY, 10.5f);
        this.figureValue = new Style(fonts.bold, 16f, INK, 20f);
        this.marker = new Style(fonts.bold, 12f, new Color(0x8E, 0x2C, 0x48), 16f);
    }

    void write(OutputStream target) throws IOException {
        BufferedOutputStream out = new BufferedOutputStream(new FilterOutputStream(target) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                target.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the caller owns the stream
            }
        }, 1 << 16);
        doc = new Document(PageSize.A4, 56, 56, 72, 64);
        try {
            writer = PdfWriter.getInstance(doc, out);
            writer.setCloseStream(false);
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            // Object streams (PDF 1.5, allowed in PDF/A-2): the structure tree has an object per table cell, which
            // written one by one would make a long table's file ten times larger.
            writer.setFullCompression();
            writer.setTagged();
            // Tab order follows the structure on every page (PDF/UA requires it where there are links).
            writer.setTabs(PdfName.S);
            writer.setViewerPreferences(PdfWriter.PageModeUseOutlines | PdfWriter.DisplayDocTitle);
            PageDecorator pages = new PageDecorator(fonts, words, report.synthetic()
                    ? report.title() + " \u2013 " + words.synthetic() : report.title());
            writer.setPageEvent(pages);
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(report.language()));
            Archive.metadata(writer, new Archive.Facts(report.title(), subject(), Optional.empty(), words.creator(),
                    report.language(), Archive.now()));
            doc.open();
            tagging = new Tagging(writer, report.language());
            pages.tagging(tagging);
            cb = writer.getDirectContent();
            Archive.outputIntent(writer);
            y = doc.top();
            cover();
            List<Plan> plan = plan();
            newPage();
            where = "the table of contents";
            contents(plan);
            newPage();
            for (Plan section : plan) {
                section(section);
            }
            where = "closing the document";
            doc.close();
        } catch (RuntimeException e) {
            throw new IOException("PDF export of report '" + report.title() + "' failed in " + where + ": " + e, e);
        }
        out.flush();
    }

    /** The subject: the scheme, which the report's metadata lists first. */
    private String subject() {
        for (Map.Entry<String, String> e : report.metadata().entrySet()) {
            if (e.getKey().equals("Ordning") || e.getKey().equals("Scheme")) {
                return e.getValue();
            }
        }
        return report.metadata().values().stream().findFirst().orElse(report.title());
    }

    // ------------------------------------------------------------------ page and text primitives

    private void newPage() {
        doc.newPage();
        y = doc.top();
    }

    private float width() {
        return doc.right() - doc.left();
    }

    /** Starts a new page unless the space left holds {@code points}, or the page is still empty. */
    private void need(float points) {
        if (y - points < doc.bottom() && y < doc.top()) {
            newPage();
        }
    }

    /** Breaks text into lines at spaces (a word longer than a line is broken where it must be). */
    static List<String> wrap(String text, BaseFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            float space = font.getWidthPoint(" ", size);
            for (String word : paragraph.split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                float w = font.getWidthPoint(word, size);
                if (line.length() > 0 && lineWidth + space + w <= width) {
                    line.append(' ').append(word);
                    lineWidth += space + w;
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineWidth = 0;
                }
                while (w > width && word.length() > 1) {
                    int cut = word.length() - 1;
                    while (cut > 1 && font.getWidthPoint(word.substring(0, cut), size) > width) {
                        cut--;
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                    w = font.getWidthPoint(word, size);
                }
                line.append(word);
                lineWidth = w;
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** One line of text with its baseline placed in a line box whose top is {@code top}. */
    private void show(String text, Style s, float x, float top, int align) {
        if (text.isEmpty()) {
            return;
        }
        float baseline = top - s.leading() + (s.leading() - s.size()) / 2 + s.size() * 0.22f;
        cb.beginText();
        cb.setFontAndSize(s.font(), s.size());
        cb.setColorFill(s.color());
        cb.showTextAligned(align, text, x, baseline, 0);
        cb.endText();
    }

    /**
     * A block of text as one structure element, broken over pages where it must be; each page's part is its own
     * marked-content sequence of the same element.
     */
    private void text(PdfStructureElement e, String text, Style s, float indent, float before, float after) {
        List<String> lines = wrap(text, s.font(), s.size(), width() - indent);
        y -= before;
        int i = 0;
        while (i < lines.size()) {
            if (y - s.leading() < doc.bottom()) {
                newPage();
            }
            tagging.begin(cb, e);
            while (i < lines.size() && y - s.leading() >= doc.bottom()) {
                show(lines.get(i++), s, doc.left() + indent, y, Element.ALIGN_LEFT);
                y -= s.leading();
            }
            tagging.end(cb);
        }
        y -= after;
    }

    private void paragraph(PdfStructureElement parent, String text, Style s, float before, float after) {
        text(tagging.element(parent, Tagging.P), text, s, 0, before, after);
    }

    /** A heading kept on one page with the {@code keep} points that follow it. */
    private float heading(PdfStructureElement parent, PdfName level, String text, Style s, float before, float after,
            float keep) {
        List<String> lines = wrap(text, s.font(), s.size(), width());
        need(before + lines.size() * s.leading() + after + keep);
        if (y < doc.top()) {
            y -= before;
        }
        float top = y;
        text(tagging.element(parent, level), text, s, 0, 0, after);
        return top;
    }

    private void rect(float x, float yTop, float w, float h, Color fill) {
        cb.saveState();
        cb.setColorFill(fill);
        cb.rectangle(x, yTop - h, w, h);
        cb.fill();
        cb.restoreState();
    }

    private void rule(float x1, float x2, float at, Color colour, float lineWidth) {
        cb.saveState();
        cb.setColorStroke(colour);
        cb.setLineWidth(lineWidth);
        cb.moveTo(x1, at);
        cb.lineTo(x2, at);
        cb.stroke();
        cb.restoreState();
    }

    // ------------------------------------------------------------------ cover

    private void cover() {
        y = doc.top() - 110f;
        text(tagging.element(tagging.document, Tagging.H1), report.title(), title, 0, 0,
                report.synthetic() ? 12f : 36f);
        if (report.synthetic()) {
            paragraph(tagging.document, words.synthetic(), marker, 0f, 2f);
            paragraph(tagging.document, words.syntheticNote(), body, 0f, 24f);
        }
        List<String[]> facts = new ArrayList<>();
        for (Map.Entry<String, String> e : report.metadata().entrySet()) {
            facts.add(new String[] {e.getKey(), e.getValue()});
        }
        if (!report.data().isEmpty()) {
            facts.add(new String[] {words.dataLeftOutKey(), String.format(words.dataLeftOut(), report.data().size())});
        }
        if (facts.isEmpty()) {
            return;
        }
        PdfStructureElement table = tagging.element(tagging.document, Tagging.TABLE);
        float keyWidth = width() / 3.6f;
        float valueWidth = width() - keyWidth;
        for (String[] fact : facts) {
            List<String> key = wrap(fact[0], bodyBold.font(), bodyBold.size(), keyWidth - 6f);
            List<String> value = wrap(fact[1], body.font(), body.size(), valueWidth - 6f);
            float h = Math.max(key.size(), value.size()) * body.leading() + 10f;
            need(h);
            PdfStructureElement row = tagging.element(table, Tagging.TR);
            float top = y - 4f;
            cell(tagging.headerCell(row, Tagging.ROW), key, bodyBold, doc.left(), keyWidth - 6f, top, false);
            cell(tagging.element(row, Tagging.TD), value, body, doc.left() + keyWidth, valueWidth - 6f, top, false);
            y -= h;
            tagging.beginArtifact(cb);
            rule(doc.left(), doc.right(), y, RULE, 0.4f);
            tagging.end(cb);
        }
    }

    /** The lines of one cell inside its element; nothing is marked for an empty cell. */
    private void cell(PdfStructureElement e, List<String> lines, Style s, float x, float w, float top,
            boolean right) {
        if (lines.stream().allMatch(String::isEmpty)) {
            return;
        }
        if (e != null) {
            tagging.begin(cb, e);
        }
        float at = top;
        for (String line : lines) {
            show(line, s, right ? x + w : x, at, right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            at -= s.leading();
        }
        if (e != null) {
            tagging.end(cb);
        }
    }

    // ------------------------------------------------------------------ plan and contents

    private List<Plan> plan() {
        List<Plan> plan = new ArrayList<>();
        int number = 0;
        for (ReportSection s : report.sections()) {
            number++;
            Anchor sa = new Anchor(number + " " + s.title(), null, true);
            List<Anchor> tables = new ArrayList<>();
            int t = 0;
            for (ReportBlock b : s.blocks()) {
                if (b instanceof Table table) {
                    t++;
                    String own = table.title().in(locale);
                    // A section made of one table has the table's title: the caption then gives only the number, and
                    // the contents and bookmarks list the title once, as the section.
                    boolean repeats = own.equals(s.title());
                    tables.add(new Anchor(words.table() + " " + number + "." + t + (repeats ? "" : " " + own), sa,
                            !repeats));
                }
            }
            plan.add(new Plan(number, s, sa, tables));
        }
        return plan;
    }

    private void contents(List<Plan> plan) {
        heading(tagging.document, Tagging.H2, words.contents(), h1, 0, 14f, 20f);
        PdfStructureElement toc = tagging.element(tagging.document, Tagging.TOC);
        for (Plan p : plan) {
            PdfStructureElement item = tagging.element(toc, Tagging.TOCI);
            contentsLine(item, p.anchor(), bodyBold, 0f, 6f);
            List<Anchor> listed = p.tables().stream().filter(t -> t.listed).toList();
            if (!listed.isEmpty()) {
                PdfStructureElement inner = tagging.element(item, Tagging.TOC);
                for (Anchor t : listed) {
                    contentsLine(tagging.element(inner, Tagging.TOCI), t, body, 16f, 2f);
                }
            }
        }
    }

    /**
     * One contents line: a Link element holding the title and the page number, with the link annotation tied to it;
     * the dotted leader is an artifact. The page number and the link's target are filled in when the heading is
     * drawn, through a form XObject and an indirect action object.
     */
    private void contentsLine(PdfStructureElement item, Anchor a, Style s, float indent, float before) {
        Style line = new Style(s.font(), s.size(), s.color(), s.size() * 1.45f);
        float textWidth = width() - indent - TOC_NUMBER_WIDTH - 12f;
        List<String> lines = wrap(a.title, s.font(), s.size(), textWidth);
        need(before + lines.size() * line.leading());
        y -= before;
        float top = y;
        PdfStructureElement link = tagging.element(item, Tagging.LINK);
        a.number = cb.createTemplate(TOC_NUMBER_WIDTH, s.size() * 1.2f);
        a.action = writer.getPdfIndirectReference();
        tagging.begin(cb, link);
        for (String l : lines) {
            show(l, line, doc.left() + indent, y, Element.ALIGN_LEFT);
            y -= line.leading();
        }
        float baseline = y + (line.leading() - s.size()) / 2 + s.size() * 0.22f;
        cb.addTemplate(a.number, doc.right() - TOC_NUMBER_WIDTH, baseline - s.size() * 0.25f);
        tagging.end(cb);
        float dotsFrom = doc.left() + indent + s.width(lines.get(lines.size() - 1)) + 4f;
        float dotsTo = doc.right() - TOC_NUMBER_WIDTH - 2f;
        if (dotsTo > dotsFrom) {
            tagging.beginArtifact(cb);
            cb.saveState();
            cb.setColorStroke(RULE);
            cb.setLineWidth(0.8f);
            cb.setLineDash(0.8f, 2.2f, 0f);
            cb.moveTo(dotsFrom, baseline + 1f);
            cb.lineTo(dotsTo, baseline + 1f);
            cb.stroke();
            cb.restoreState();
            tagging.end(cb);
        }
        PdfAnnotation annotation = new PdfAnnotation(writer, doc.left() + indent, y, doc.right(), top,
                (PdfAction) null);
        annotation.remove(PdfName.C);
        annotation.put(PdfName.A, a.action);
        annotation.put(PdfName.CONTENTS, new PdfString(a.title, PdfObject.TEXT_UNICODE));
        annotation.put(PdfName.F, new PdfNumber(PdfAnnotation.FLAGS_PRINT));
        writer.addAnnotation(annotation);
        tagging.annotate(link, annotation);
    }

    /** Once a heading is placed: its bookmark, the page number on its contents line, and its link's target. */
    private void placed(Anchor a, float top) {
        if (!a.listed) {
            return;
        }
        int page = writer.getPageNumber();
        PdfOutline parent = a.parent == null || a.parent.outline == null ? cb.getRootOutline() : a.parent.outline;
        a.outline = new PdfOutline(parent, PdfAction.gotoLocalPage(page,
                new PdfDestination(PdfDestination.XYZ, doc.left(), top + 8, 0), writer), a.title, a.parent == null);
        if (a.number != null) {
            float size = a.number.getHeight() / 1.2f;
            a.number.beginText();
            a.number.setFontAndSize(fonts.regular, size);
            a.number.setColorFill(INK);
            a.number.showTextAligned(Element.ALIGN_RIGHT, String.valueOf(page), TOC_NUMBER_WIDTH, size * 0.25f, 0);
            a.number.endText();
        }
        if (a.action != null) {
            try {
                writer.addToBody(PdfAction.gotoLocalPage(page,
                        new PdfDestination(PdfDestination.XYZ, doc.left(), top + 8, 0), writer), a.action);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ------------------------------------------------------------------ sections

    private void section(Plan p) {
        where = "section '" + p.section().title() + "'";
        PdfStructureElement sect = tagging.element(tagging.document, Tagging.SECT);
        float top = heading(sect, Tagging.H2, p.anchor().title, h1, 18f, 8f, 100f);
        placed(p.anchor(), top);
        int tables = 0;
        int figures = 0;
        for (ReportBlock b : p.section().blocks()) {
            if (b instanceof ReportBlock.Paragraph para) {
                paragraph(sect, para.text(), body, 0f, 6f);
            } else if (b instanceof KeyFigures k) {
                keyFigures(sect, k);
            } else if (b instanceof Table t) {
                table(sect, p.tables().get(tables++), t);
            } else if (b instanceof Chart c) {
                String number = words.figure() + " " + p.number() + "." + (++figures);
                chart(sect, c.title().equals(p.section().title()) ? number : number + " " + c.title(),
                        number + " " + c.title(), c);
            }
        }
    }

    /** Key figures: a list, each figure an item drawn as a box (the box is an artifact, its text the item). */
    private void keyFigures(PdfStructureElement parent, KeyFigures k) {
        if (k.figures().isEmpty()) {
            return;
        }
        int columns = Math.min(4, k.figures().size());
        float boxWidth = width() / columns;
        PdfStructureElement list = tagging.element(parent, Tagging.L);
        y -= 4f;
        for (int start = 0; start < k.figures().size(); start += columns) {
            List<KeyFigure> row = k.figures().subList(start, Math.min(start + columns, k.figures().size()));
            List<List<String>> labels = new ArrayList<>();
            int most = 1;
            for (KeyFigure f : row) {
                List<String> l = wrap(f.label(), body.font(), body.size(), boxWidth - 16f);
                labels.add(l);
                most = Math.max(most, l.size());
            }
            float h = 2f + figureValue.leading() + most * body.leading() + 8f;
            need(h);
            tagging.beginArtifact(cb);
            for (int i = 0; i < row.size(); i++) {
                float x = doc.left() + i * boxWidth;
                rect(x, y, boxWidth, h, ZEBRA);
                cb.saveState();
                cb.setColorStroke(RULE);
                cb.setLineWidth(0.5f);
                cb.rectangle(x, y - h, boxWidth, h);
                cb.stroke();
                cb.restoreState();
            }
            tagging.end(cb);
            for (int i = 0; i < row.size(); i++) {
                KeyFigure f = row.get(i);
                float x = doc.left() + i * boxWidth + 8f;
                PdfStructureElement body = tagging.element(tagging.element(list, Tagging.LI), Tagging.LBODY);
                tagging.begin(cb, body);
                float top = y - 2f;
                show(NorwegianNumbers.format(f.value(), f.kind(), words == Words.ENGLISH), figureValue, x, top,
                        Element.ALIGN_LEFT);
                top -= figureValue.leading();
                for (String line : labels.get(i)) {
                    show(line, this.body, x, top, Element.ALIGN_LEFT);
                    top -= this.body.leading();
                }
                tagging.end(cb);
            }
            y -= h;
        }
        y -= 10f;
    }

    // ------------------------------------------------------------------ tables

    /** A table's type and column widths, chosen so that no header word is broken. */
    private record Layout(Style cell, Style cellBold, float[] widths) {
    }

    private void table(PdfStructureElement parent, Anchor anchor, Table table) {
        where = "table '" + table.id() + "'";
        List<int[]> groups = columnGroups(table);
        for (int g = 0; g < groups.size(); g++) {
            int[] cols = groups.get(g);
            Layout layout = layout(table, cols);
            List<List<String>> header = new ArrayList<>();
            int headerLines = 1;
            for (int i = 0; i < cols.length; i++) {
                List<String> lines = wrap(table.columns().get(cols[i]).label().in(locale), layout.cellBold().font(),
                        layout.cellBold().size(), layout.widths()[i] - 2 * CELL_PAD_X);
                header.add(lines);
                headerLines = Math.max(headerLines, lines.size());
            }
            float headerHeight = headerLines * layout.cellBold().leading() + CELL_PAD_TOP + CELL_PAD_BOTTOM;
            float keep = headerHeight + 3 * layout.cell().leading();
            if (g == 0) {
                // Keep the caption with the header and the first rows.
                float top = heading(parent, Tagging.H3, anchor.title, caption, 10f, 5f, keep);
                placed(anchor, top);
            } else {
                need(caption.leading() + 10f + keep);
                paragraph(parent, String.format(words.continued(), anchor.title, g + 1, groups.size()), caption,
                        10f, 5f);
            }
            rows(tagging.element(parent, Tagging.TABLE), table, cols, layout, header, headerHeight);
        }
        notes(parent, table);
    }

    /**
     * The columns drawn together: all of them, unless even the smallest type cannot keep every header word whole;
     * then as many as fit side by side, each group repeating the label column, as printed statistics do.
     */
    private List<int[]> columnGroups(Table table) {
        int n = table.columns().size();
        int[] all = new int[n];
        for (int c = 0; c < n; c++) {
            all[c] = c;
        }
        float smallest = CELL_SIZES[CELL_SIZES.length - 1];
        if (n <= 1 || widths(table, all, smallest, false) != null) {
            return List.of(all);
        }
        boolean label = table.columns().get(0).kind() == ValueKind.TEXT;
        List<int[]> groups = new ArrayList<>();
        List<Integer> group = new ArrayList<>();
        if (label) {
            group.add(0);
        }
        int fixed = group.size();
        for (int c = label ? 1 : 0; c < n; c++) {
            group.add(c);
            if (group.size() > fixed + 1 && widths(table, ints(group), smallest, false) == null) {
                group.remove(group.size() - 1);
                groups.add(ints(group));
                group = new ArrayList<>(group.subList(0, fixed));
                group.add(c);
            }
        }
        groups.add(ints(group));
        return groups;
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The header and the rows of one group of columns, as one Table element, over as many pages as it takes. */
    private void rows(PdfStructureElement element, Table table, int[] cols, Layout layout, List<List<String>> header,
            float headerHeight) {
        header(element, table, cols, layout, header, headerHeight, true);
        if (table.rows().isEmpty()) {
            PdfStructureElement row = tagging.element(element, Tagging.TR);
            float h = layout.cell().leading() + CELL_PAD_TOP + CELL_PAD_BOTTOM;
            need(h);
            cell(tagging.spanningCell(row, cols.length), List.of(words.noRows()), layout.cell(),
                    doc.left() + CELL_PAD_X, width(), y - CELL_PAD_TOP, false);
            y -= h;
        }
        boolean firstIsLabel = table.columns().get(cols[0]).kind() == ValueKind.TEXT;
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> row = table.rows().get(r).cells();
            boolean total = table.rows().get(r).kind() == RowKind.TOTAL;
            Style s = total ? layout.cellBold() : layout.cell();
            List<List<String>> cells = new ArrayList<>(cols.length);
            boolean[] right = new boolean[cols.length];
            int most = 1;
            for (int i = 0; i < cols.length; i++) {
                Object v = row.get(cols[i]);
                ValueKind kind = table.kind(r, cols[i]);
                right[i] = kind != ValueKind.TEXT || v instanceof Suppressed;
                List<String> lines = wrap(text(v, kind), s.font(), s.size(), layout.widths()[i] - 2 * CELL_PAD_X);
                cells.add(lines);
                most = Math.max(most, lines.size());
            }
            float h = most * s.leading() + CELL_PAD_TOP + CELL_PAD_BOTTOM;
            if (y - h < doc.bottom()) {
                newPage();
                header(element, table, cols, layout, header, headerHeight, false);
            }
            tagging.beginArtifact(cb);
            if (r % 2 == 1 && !total) {
                rect(doc.left(), y, width(), h, ZEBRA);
            }
            if (total) {
                rule(doc.left(), doc.right(), y, INK, 0.8f);
            }
            rule(doc.left(), doc.right(), y - h, RULE, 0.3f);
            tagging.end(cb);
            PdfStructureElement tr = tagging.element(element, Tagging.TR);
            float x = doc.left();
            for (int i = 0; i < cols.length; i++) {
                PdfStructureElement e = i == 0 && firstIsLabel ? tagging.headerCell(tr, Tagging.ROW)
                        : tagging.element(tr, Tagging.TD);
                float w = layout.widths()[i];
                cell(e, cells.get(i), s, x + CELL_PAD_X, w - 2 * CELL_PAD_X, y - CELL_PAD_TOP, right[i]);
                x += w;
            }
            y -= h;
        }
    }

    /**
     * The header row: tagged (TR of TH with column scope) where the table starts, an artifact where it is repeated
     * on a following page, so a screen reader meets each header once.
     */
    private void header(PdfStructureElement table, Table model, int[] cols, Layout layout,
            List<List<String>> header, float height, boolean tagged) {
        need(height + layout.cell().leading() + CELL_PAD_TOP + CELL_PAD_BOTTOM);
        tagging.beginArtifact(cb);
        rect(doc.left(), y, width(), height, HEADER_FILL);
        rule(doc.left(), doc.right(), y - height, INK, 0.8f);
        if (!tagged) {
            headerText(null, model, cols, layout, header, height);
        }
        tagging.end(cb);
        if (tagged) {
            headerText(tagging.element(table, Tagging.TR), model, cols, layout, header, height);
        }
        y -= height;
    }

    private void headerText(PdfStructureElement row, Table model, int[] cols, Layout layout,
            List<List<String>> header, float height) {
        float x = doc.left();
        for (int i = 0; i < header.size(); i++) {
            float w = layout.widths()[i];
            boolean right = model.columns().get(cols[i]).kind() != ValueKind.TEXT;
            // Headers sit at the bottom of the header row, next to the numbers they head.
            float top = y - height + CELL_PAD_BOTTOM + header.get(i).size() * layout.cellBold().leading();
            cell(row == null ? null : tagging.headerCell(row, Tagging.COLUMN), header.get(i), layout.cellBold(),
                    x + CELL_PAD_X, w - 2 * CELL_PAD_X, top, right);
            x += w;
        }
    }

    private String text(Object v, ValueKind kind) {
        if (v == null) {
            return "";
        } else if (v instanceof Suppressed sup) {
            return sup.toString();
        } else if (v instanceof Number n) {
            return NorwegianNumbers.format(n, kind, words == Words.ENGLISH);
        } else if (v instanceof LocalizedText localized) {
            return localized.in(locale);
        }
        return v.toString();
    }

    /** The cell type and column widths: the largest type at which every header word fits its column. */
    private Layout layout(Table table, int[] cols) {
        boolean wide = cols.length > WIDE_TABLE;
        float[] widths = null;
        float size = CELL_SIZES[CELL_SIZES.length - 1];
        for (float candidate : CELL_SIZES) {
            if (wide && candidate > 6.5f) {
                continue;
            }
            widths = widths(table, cols, candidate, false);
            if (widths != null) {
                size = candidate;
                break;
            }
        }
        if (widths == null) {
            // One column whose header word is wider than the page: nothing but breaking it can help.
            widths = widths(table, cols, size, true);
        }
        float leading = size * 1.35f;
        return new Layout(new Style(fonts.regular, size, INK, leading), new Style(fonts.bold, size, INK, leading),
                widths);
    }

    /**
     * Column widths in points: each at least its longest header word, then what is left shared by how wide the
     * first rows' cells are. Null when the header words alone do not fit the page, unless {@code force}.
     */
    private float[] widths(Table table, int[] cols, float size, boolean force) {
        int n = cols.length;
        float available = width();
        float[] min = new float[n];
        float[] pref = new float[n];
        int sample = Math.min(table.rows().size(), 500);
        float sumMin = 0;
        float sumPref = 0;
        for (int i = 0; i < n; i++) {
            int c = cols[i];
            Column col = table.columns().get(c);
            float longestWord = 0;
            for (String word : col.label().in(locale).split("\\s+")) {
                longestWord = Math.max(longestWord, fonts.bold.getWidthPoint(word, size));
            }
            float longestCell = 0;
            for (int r = 0; r < sample; r++) {
                String s = text(table.rows().get(r).cells().get(c), table.kind(r, c));
                BaseFont f = table.rows().get(r).kind() == RowKind.TOTAL ? fonts.bold : fonts.regular;
                longestCell = Math.max(longestCell, f.getWidthPoint(s, size));
            }
            min[i] = longestWord + 2 * CELL_PAD_X + 0.5f;
            pref[i] = Math.max(min[i], Math.min(longestCell, available * 0.45f) + 2 * CELL_PAD_X + 0.5f);
            sumMin += min[i];
            sumPref += pref[i];
        }
        float[] w = new float[n];
        if (sumMin > available) {
            if (!force) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                w[i] = min[i] * available / sumMin;
            }
            return w;
        }
        if (sumPref <= available) {
            for (int i = 0; i < n; i++) {
                w[i] = pref[i] * available / sumPref;
            }
        } else {
            float share = (available - sumMin) / (sumPref - sumMin);
            for (int i = 0; i < n; i++) {
                w[i] = min[i] + (pref[i] - min[i]) * share;
            }
        }
        return w;
    }

    /** The lines under a table: its N, the author's notes, and what the hidden cells mean, each from its field. */
    static List<String> noteLines(Table table, Words words, Locale locale) {
        List<String> notes = new ArrayList<>();
        table.n().ifPresent(n -> notes.add("N = " + NorwegianNumbers.count(n.value(), words == Words.ENGLISH)
                + n.counted().map(c -> " " + c.in(locale)).orElse("")));
        for (Note note : table.notes()) {
            String text = note.text().in(locale);
            notes.add(note.kind() == Table.NoteKind.SOURCE ? words.source() + ": " + text : text);
        }
        table.suppression().ifPresent(s -> notes.add("– " + String.format(words.hidden(), s.threshold())
                + (table.hides(Suppressed.Reason.REVEALS_HIDDEN) ? words.revealsHidden() : "") + "."));
        return notes;
    }

    private void notes(PdfStructureElement parent, Table table) {
        List<String> notes = noteLines(table, words, locale);
        for (int i = 0; i < notes.size(); i++) {
            paragraph(parent, notes.get(i), note, i == 0 ? 4f : 0f, 0f);
        }
        y -= 8f;
    }

    // ------------------------------------------------------------------ charts

    private void chart(PdfStructureElement parent, String captionText, String fullCaption, Chart chart) {
        where = "chart '" + chart.id() + "'";
        float height = chart.type() == ReportBlock.ChartType.PIE ? 250f : 230f;
        heading(parent, Tagging.P, captionText, caption, 10f, 4f, height);
        PdfTemplate drawing = ChartRenderer.draw(chart, cb, fonts, words, width(), height);
        if (drawing == null) {
            paragraph(parent, words.noData(), note, 0f, 6f);
            return;
        }
        need(height);
        PdfStructureElement figure = tagging.figure(parent, ChartRenderer.describe(chart, fullCaption, words));
        tagging.begin(cb, figure);
        cb.addTemplate(drawing, doc.left(), y - height);
        tagging.end(cb);
        y -= height + 10f;
    }
}
