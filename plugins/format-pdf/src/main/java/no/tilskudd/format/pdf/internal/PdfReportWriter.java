package no.tilskudd.format.pdf.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.DottedLineSeparator;
import java.awt.Color;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Writes one report as one PDF: cover, contents, then the sections with their paragraphs, key figures, tables and
 * charts. One instance per export; nothing is shared between exports but the font bytes.
 */
final class PdfReportWriter {

    /** Rows handed to OpenPDF at a time, so a large table is written as it goes instead of held whole. */
    static final int ROWS_PER_FLUSH = 200;

    private static final Color INK = new Color(0x1A, 0x1A, 0x1A);
    private static final Color HEADER_FILL = new Color(0xDC, 0xE3, 0xEA);
    private static final Color ZEBRA = new Color(0xF3, 0xF5, 0xF7);
    private static final Color RULE = new Color(0xB0, 0xB0, 0xB0);

    private final Report report;
    private final Words words;
    private final Locale locale;
    private final EmbeddedFonts fonts;
    private final Font title;
    private final Font h1;
    private final Font caption;
    private final Font body;
    private final Font bodyBold;
    private final Font cell;
    private final Font cellBold;
    private final Font cellNarrow;
    /** Tables with more columns than this are set in the narrow type. */
    private static final int WIDE_TABLE = 8;
    private final Font cellNarrowBold;
    private final Font note;
    private final Font figureValue;
    private String where = "the cover";

    PdfReportWriter(Report report, EmbeddedFonts fonts) {
        this.report = report;
        this.words = Words.forLanguage(report.language());
        this.locale = report.locale();
        this.fonts = fonts;
        this.title = new Font(fonts.bold, 24f, Font.NORMAL, INK);
        this.h1 = new Font(fonts.bold, 15f, Font.NORMAL, INK);
        this.caption = new Font(fonts.bold, 10f, Font.NORMAL, INK);
        this.body = new Font(fonts.regular, 10f, Font.NORMAL, INK);
        this.bodyBold = new Font(fonts.bold, 10f, Font.NORMAL, INK);
        this.cell = new Font(fonts.regular, 8.5f, Font.NORMAL, INK);
        this.cellBold = new Font(fonts.bold, 8.5f, Font.NORMAL, INK);
        this.cellNarrow = new Font(fonts.regular, 6.5f, Font.NORMAL, INK);
        this.cellNarrowBold = new Font(fonts.bold, 6.5f, Font.NORMAL, INK);
        this.note = new Font(fonts.regular, 8f, Font.NORMAL, PageDecorator.GREY);
        this.figureValue = new Font(fonts.bold, 16f, Font.NORMAL, INK);
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
        Document doc = new Document(PageSize.A4, 56, 56, 72, 64);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setCloseStream(false);
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            writer.setViewerPreferences(PdfWriter.PageModeUseOutlines | PdfWriter.DisplayDocTitle);
            writer.setStrictImageSequence(true);
            PageDecorator pages = new PageDecorator(fonts, words, report.title());
            writer.setPageEvent(pages);
            doc.addTitle(report.title());
            doc.addSubject(subject());
            doc.addCreator(words.creator());
            doc.addCreationDate();
            doc.setDocumentLanguage(report.language());
            // setDocumentLanguage alone does not reach the catalog; /Lang is what screen readers and pdfinfo read.
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(report.language()));
            writer.createXmpMetadata();
            doc.open();
            cover(doc);
            List<Plan> plan = plan(pages);
            doc.newPage();
            where = "the table of contents";
            contents(doc, writer, pages, plan);
            doc.newPage();
            for (Plan section : plan) {
                section(doc, writer, section);
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

    // ------------------------------------------------------------------ cover

    private void cover(Document doc) {
        Paragraph t = new Paragraph(report.title(), title);
        t.setLeading(30f);
        t.setSpacingBefore(110f);
        t.setSpacingAfter(36f);
        doc.add(t);
        PdfPTable meta = new PdfPTable(new float[] {1f, 2.6f});
        meta.setWidthPercentage(100);
        for (Map.Entry<String, String> e : report.metadata().entrySet()) {
            meta.addCell(metaCell(e.getKey(), bodyBold));
            meta.addCell(metaCell(e.getValue(), body));
        }
        if (!report.data().isEmpty()) {
            meta.addCell(metaCell(words.dataLeftOutKey(), bodyBold));
            meta.addCell(metaCell(String.format(words.dataLeftOut(), report.data().size()), body));
        }
        if (meta.size() > 0) {
            doc.add(meta);
        }
    }

    private PdfPCell metaCell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setBorder(Rectangle.BOTTOM);
        c.setBorderColor(RULE);
        c.setBorderWidth(0.4f);
        c.setPaddingTop(4f);
        c.setPaddingBottom(6f);
        c.setPaddingLeft(0f);
        return c;
    }

    // ------------------------------------------------------------------ plan and contents

    /** A section with its number, its anchor, and the anchors of its tables in block order. */
    private record Plan(int number, ReportSection section, PageDecorator.Anchor anchor,
            List<PageDecorator.Anchor> tables) {
    }

    private List<Plan> plan(PageDecorator pages) {
        List<Plan> plan = new ArrayList<>();
        int number = 0;
        for (ReportSection s : report.sections()) {
            number++;
            PageDecorator.Anchor sa = new PageDecorator.Anchor("s" + number, number + " " + s.title(), null);
            pages.add(sa);
            List<PageDecorator.Anchor> tables = new ArrayList<>();
            int t = 0;
            for (ReportBlock b : s.blocks()) {
                if (b instanceof Table table) {
                    t++;
                    PageDecorator.Anchor ta = new PageDecorator.Anchor("t" + number + "." + t,
                            words.table() + " " + number + "." + t + " " + table.title().in(locale), sa);
                    pages.add(ta);
                    tables.add(ta);
                }
            }
            plan.add(new Plan(number, s, sa, tables));
        }
        return plan;
    }

    private void contents(Document doc, PdfWriter writer, PageDecorator pages, List<Plan> plan) {
        Paragraph heading = new Paragraph(words.contents(), h1);
        heading.setSpacingAfter(14f);
        doc.add(heading);
        for (Plan p : plan) {
            doc.add(contentsLine(writer, pages, p.anchor(), bodyBold, 0f, 6f));
            for (PageDecorator.Anchor t : p.tables()) {
                doc.add(contentsLine(writer, pages, t, body, 16f, 2f));
            }
        }
    }

    private Paragraph contentsLine(PdfWriter writer, PageDecorator pages, PageDecorator.Anchor a, Font font,
            float indent, float before) {
        Paragraph line = new Paragraph();
        line.setFont(font);
        line.setLeading(font.getSize() * 1.45f);
        line.setIndentationLeft(indent);
        line.setSpacingBefore(before);
        Chunk text = new Chunk(a.title(), font);
        text.setLocalGoto(a.id());
        line.add(text);
        line.add(new Chunk(" ", font));
        DottedLineSeparator dots = new DottedLineSeparator();
        dots.setGap(3f);
        dots.setOffset(1.5f);
        dots.setLineColor(RULE);
        line.add(new Chunk(dots));
        line.add(new Chunk(Image.getInstance(pages.tocNumber(writer, a, font.getSize())), 0, 0, true));
        return line;
    }

    // ------------------------------------------------------------------ sections

    private void section(Document doc, PdfWriter writer, Plan p) {
        where = "section '" + p.section().title() + "'";
        ensureSpace(doc, writer, 140f);
        Chunk heading = new Chunk(p.anchor().title(), h1);
        heading.setLocalDestination(p.anchor().id());
        heading.setGenericTag(p.anchor().id());
        Paragraph h = new Paragraph(heading);
        h.setLeading(19f);
        h.setSpacingBefore(18f);
        h.setSpacingAfter(8f);
        doc.add(h);
        int tables = 0;
        int figures = 0;
        for (ReportBlock b : p.section().blocks()) {
            if (b instanceof ReportBlock.Paragraph para) {
                Paragraph text = new Paragraph(para.text(), body);
                text.setLeading(14f);
                text.setSpacingAfter(6f);
                doc.add(text);
            } else if (b instanceof KeyFigures k) {
                keyFigures(doc, k);
            } else if (b instanceof Table t) {
                table(doc, writer, p.tables().get(tables++), t);
            } else if (b instanceof Chart c) {
                chart(doc, writer, words.figure() + " " + p.number() + "." + (++figures) + " " + c.title(), c);
            }
        }
    }

    private void ensureSpace(Document doc, PdfWriter writer, float points) {
        if (writer.getVerticalPosition(false) - doc.bottom() < points) {
            doc.newPage();
        }
    }

    private void keyFigures(Document doc, KeyFigures k) {
        if (k.figures().isEmpty()) {
            return;
        }
        int columns = Math.min(4, k.figures().size());
        PdfPTable t = new PdfPTable(columns);
        t.setWidthPercentage(100f);
        t.setHorizontalAlignment(Element.ALIGN_LEFT);
        t.setSpacingBefore(4f);
        t.setSpacingAfter(10f);
        for (KeyFigure f : k.figures()) {
            Paragraph content = new Paragraph();
            content.add(new Chunk(NorwegianNumbers.format(f.value(), f.kind()), figureValue));
            content.add(new Chunk("\n", note));
            content.add(new Chunk(f.label(), body));
            PdfPCell c = new PdfPCell();
            c.addElement(content);
            c.setBorderColor(RULE);
            c.setBorderWidth(0.5f);
            c.setBackgroundColor(ZEBRA);
            c.setPadding(8f);
            c.setPaddingTop(2f);
            t.addCell(c);
        }
        t.completeRow();
        doc.add(t);
    }

    // ------------------------------------------------------------------ tables

    private void table(Document doc, PdfWriter writer, PageDecorator.Anchor anchor, Table table) {
        where = "table '" + table.id() + "'";
        // Keep the caption with the header and the first rows.
        ensureSpace(doc, writer, 90f);
        Chunk text = new Chunk(anchor.title(), caption);
        text.setLocalDestination(anchor.id());
        text.setGenericTag(anchor.id());
        Paragraph cap = new Paragraph(text);
        cap.setLeading(13f);
        cap.setSpacingBefore(10f);
        cap.setSpacingAfter(5f);
        doc.add(cap);

        List<Column> columns = table.columns();
        // A wide table (e.g. a percent and a count column per year) gets a smaller type so that headers do not break
        // inside words.
        boolean wide = columns.size() > WIDE_TABLE;
        Font cell = wide ? cellNarrow : this.cell;
        Font cellBold = wide ? cellNarrowBold : this.cellBold;
        PdfPTable t = new PdfPTable(widths(table, locale));
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        t.setSplitLate(true);
        boolean large = table.rows().size() > ROWS_PER_FLUSH;
        t.setComplete(!large);
        for (Column c : columns) {
            PdfPCell h = new PdfPCell(new Phrase(c.label().in(locale), cellBold));
            h.setHorizontalAlignment(numeric(c.kind()) ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            h.setVerticalAlignment(Element.ALIGN_BOTTOM);
            h.setBackgroundColor(HEADER_FILL);
            h.setBorder(Rectangle.BOTTOM);
            h.setBorderColor(INK);
            h.setBorderWidth(0.8f);
            pad(h);
            t.addCell(h);
        }
        if (table.rows().isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase(words.noRows(), cell));
            none.setColspan(columns.size());
            none.setBorder(Rectangle.NO_BORDER);
            pad(none);
            t.addCell(none);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> row = table.rows().get(r).cells();
            boolean total = table.rows().get(r).kind() == RowKind.TOTAL;
            for (int c = 0; c < columns.size(); c++) {
                Object v = row.get(c);
                ValueKind kind = table.kind(r, c);
                String s;
                if (v == null) {
                    s = "";
                } else if (v instanceof Suppressed sup) {
                    s = sup.toString();
                } else if (v instanceof Number n) {
                    s = NorwegianNumbers.format(n, kind);
                } else if (v instanceof LocalizedText localized) {
                    s = localized.in(locale);
                } else {
                    s = v.toString();
                }
                PdfPCell x = new PdfPCell(new Phrase(s, total ? cellBold : cell));
                x.setHorizontalAlignment(numeric(kind) || v instanceof Suppressed ? Element.ALIGN_RIGHT
                        : Element.ALIGN_LEFT);
                x.setBorder(total ? Rectangle.TOP | Rectangle.BOTTOM : Rectangle.BOTTOM);
                x.setBorderColor(total ? INK : RULE);
                x.setBorderWidthBottom(0.3f);
                x.setBorderWidthTop(total ? 0.8f : 0f);
                if (r % 2 == 1 && !total) {
                    x.setBackgroundColor(ZEBRA);
                }
                pad(x);
                t.addCell(x);
            }
            if (large && (r + 1) % ROWS_PER_FLUSH == 0) {
                doc.add(t);
            }
        }
        t.setComplete(true);
        doc.add(t);
        notes(doc, table);
    }

    /** The lines under a table: its N, the author's notes, and what the hidden cells mean, each from its field. */
    static List<String> noteLines(Table table, Words words, Locale locale) {
        List<String> notes = new ArrayList<>();
        table.n().ifPresent(n -> notes.add("N = " + NorwegianNumbers.count(n.value())
                + n.counted().map(c -> " " + c.in(locale)).orElse("")));
        for (Note note : table.notes()) {
            String text = note.text().in(locale);
            notes.add(note.kind() == Table.NoteKind.SOURCE ? words.source() + ": " + text : text);
        }
        table.suppression().ifPresent(s -> notes.add("– " + String.format(words.hidden(), s.threshold())
                + (table.hides(Suppressed.Reason.REVEALS_HIDDEN) ? words.revealsHidden() : "") + "."));
        return notes;
    }

    private void notes(Document doc, Table table) {
        List<String> notes = noteLines(table, words, locale);
        for (int i = 0; i < notes.size(); i++) {
            Paragraph p = new Paragraph(notes.get(i), note);
            p.setLeading(10.5f);
            p.setSpacingBefore(i == 0 ? 4f : 0f);
            doc.add(p);
        }
        Paragraph gap = new Paragraph(" ", note);
        gap.setLeading(8f);
        doc.add(gap);
    }

    private static boolean numeric(ValueKind kind) {
        return kind != ValueKind.TEXT;
    }

    private static void pad(PdfPCell c) {
        c.setPaddingLeft(4f);
        c.setPaddingRight(4f);
        c.setPaddingTop(2f);
        c.setPaddingBottom(3.5f);
    }

    /** Relative column widths from the longest header word and the longest cell among the first rows. */
    static float[] widths(Table table, Locale locale) {
        int n = table.columns().size();
        float[] w = new float[n];
        int sample = Math.min(table.rows().size(), 500);
        for (int c = 0; c < n; c++) {
            Column col = table.columns().get(c);
            int longestWord = 0;
            for (String word : col.label().in(locale).split("\\s+")) {
                longestWord = Math.max(longestWord, word.length());
            }
            int longestCell = 0;
            for (int r = 0; r < sample; r++) {
                Object v = table.rows().get(r).cells().get(c);
                int len = v == null ? 0 : v instanceof Number num ? NorwegianNumbers.format(num, col.kind()).length()
                        : v instanceof LocalizedText text ? text.in(locale).length() : v.toString().length();
                longestCell = Math.max(longestCell, len);
            }
            w[c] = Math.max(4, Math.max(longestWord, Math.min(longestCell, 45))) + 2;
        }
        return w;
    }

    // ------------------------------------------------------------------ charts

    private void chart(Document doc, PdfWriter writer, String captionText, Chart chart) {
        where = "chart '" + chart.id() + "'";
        float width = doc.right() - doc.left();
        float height = chart.type() == ReportBlock.ChartType.PIE ? 250f : 230f;
        ensureSpace(doc, writer, height + 40f);
        Paragraph cap = new Paragraph(captionText, caption);
        cap.setLeading(13f);
        cap.setSpacingBefore(10f);
        cap.setSpacingAfter(4f);
        doc.add(cap);
        Image image = ChartRenderer.draw(chart, writer.getDirectContent(), fonts, words, width, height);
        if (image == null) {
            doc.add(new Paragraph(words.noData(), note));
        } else {
            doc.add(image);
        }
    }
}
