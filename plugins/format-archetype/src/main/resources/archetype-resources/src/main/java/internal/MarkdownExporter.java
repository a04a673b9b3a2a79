package ${package}.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.ReportExporter;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import org.osgi.service.component.annotations.Component;

/**
 * Writes a report as Markdown: its title, each section's heading and paragraphs, key figures, and every table with
 * its N, its notes and what a hidden cell means. The report model is the same for every format; only the writing
 * is yours.
 */
@Component(service = ReportExporter.class)
@ServiceProvider(value = ReportExporter.class, resolution = Resolution.OPTIONAL)
public final class MarkdownExporter implements ReportExporter {

    @Override
    public String format() {
        return "${format}";
    }

    @Override
    public String mediaType() {
        return "text/markdown";
    }

    @Override
    public String fileExtension() {
        return "${format}";
    }

    @Override
    public void export(Report report, OutputStream out) throws IOException {
        Locale locale = report.locale();
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("# " + report.title() + "\n");
        for (ReportSection section : report.sections()) {
            w.write("\n" + "#".repeat(2) + " " + section.title() + "\n");
            for (ReportBlock block : section.blocks()) {
                // ReportBlock is sealed (Table, Paragraph, Chart, KeyFigures). Java 17 has no pattern switch, so
                // each kind is tested in turn; a chart is drawn from its table, and Markdown has no charts.
                if (block instanceof Table table) {
                    table(w, table, locale);
                } else if (block instanceof ReportBlock.Paragraph paragraph) {
                    w.write("\n" + paragraph.text() + "\n");
                } else if (block instanceof ReportBlock.KeyFigures figures) {
                    w.write("\n");
                    for (ReportBlock.KeyFigure f : figures.figures()) {
                        w.write("- " + f.label() + ": " + number(f.value(), f.kind(), locale) + "\n");
                    }
                }
            }
        }
        w.flush(); // never close the stream you were given
    }

    private static void table(Writer w, Table t, Locale locale) throws IOException {
        w.write("\n" + "#".repeat(3) + " " + t.title().in(locale) + "\n\n");
        List<String> heading = new ArrayList<>();
        List<String> rule = new ArrayList<>();
        for (Table.Column c : t.columns()) {
            heading.add(escape(c.label().in(locale)));
            rule.add(c.kind() == ValueKind.TEXT ? "---" : "---:");
        }
        w.write(line(heading) + line(rule));
        for (int r = 0; r < t.rows().size(); r++) {
            Table.Row row = t.rows().get(r);
            List<Object> cells = row.cellsIn(locale);
            List<String> shown = new ArrayList<>();
            for (int c = 0; c < cells.size(); c++) {
                String text = cell(cells.get(c), t.kind(r, c), locale);
                shown.add(row.kind() == Table.RowKind.TOTAL && !text.isEmpty() ? "**" + text + "**" : text);
            }
            w.write(line(shown));
        }
        if (t.n().isPresent()) {
            Table.Count n = t.n().get();
            w.write("\nN = " + n.value() + n.counted().map(what -> " " + what.in(locale)).orElse("") + "\n");
        }
        for (Table.Note note : t.notes()) {
            w.write("\n" + note.text().in(locale) + "\n");
        }
        if (t.suppression().isPresent()) {
            int threshold = t.suppression().get().threshold();
            w.write("\n" + new LocalizedText("– : skjult, færre enn " + threshold
                    + " eller kunne avsløre et skjult tall.", "– : hidden, fewer than " + threshold
                    + " or it would reveal a hidden number.").in(locale) + "\n");
        }
    }

    private static String cell(Object value, ValueKind kind, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof Table.Suppressed) {
            return "–";
        }
        if (value instanceof Number n) {
            return number(n, kind, locale);
        }
        return escape(value.toString());
    }

    private static String number(Number n, ValueKind kind, Locale locale) {
        String text = NumberFormat.getNumberInstance(locale).format(n);
        return kind == ValueKind.PERCENT ? text + " %" : text;
    }

    private static String line(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
