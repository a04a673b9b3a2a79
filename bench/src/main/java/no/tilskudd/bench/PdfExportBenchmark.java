package no.tilskudd.bench;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.ReportExporter;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;

/**
 * The PDF exporter against plain OpenPDF writing the same 10,000-row table (same font, same header repeat), in one
 * JVM: warm-up, then alternating timed runs; prints median, spread, peak heap and the ratio.
 *
 * <p>Run: {@code mvn -B -q -Pbench -pl bench -am install -DskipTests} then
 * {@code mvn -B -q -Pbench -pl bench dependency:build-classpath -Dmdep.outputFile=target/cp.txt} and
 * {@code java -Xmx1g -cp bench/target/classes:$(cat bench/target/cp.txt) no.tilskudd.bench.PdfExportBenchmark}.
 * Arguments: rows (10000), warm-up runs (3), timed runs (10).
 */
public final class PdfExportBenchmark {

    private static final String FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    private static final String FONT_BOLD = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";

    private PdfExportBenchmark() {
    }

    /** What one run produced and cost. */
    private record Run(double millis, long peakHeap, int bytes) {
    }

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        ReportExporter exporter = ServiceLoader.load(ReportExporter.class).stream().map(ServiceLoader.Provider::get)
                .filter(e -> e.format().equals("pdf")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no pdf ReportExporter on the class path"));
        Report report = report(rows);
        Table table = (Table) report.sections().get(0).blocks().get(0);
        byte[] regular = resource(FONT);
        byte[] bold = resource(FONT_BOLD);

        Writer viaExporter = out -> exporter.export(report, out);
        Writer plain = out -> plainOpenPdf(table, regular, bold, out);

        System.out.printf("PDF export benchmark: %d rows x %d columns, %d warm-up + %d timed runs each, Java %s, "
                + "%d CPUs, max heap %d MB%n", rows, table.columns().size(), warmup, repeats,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        for (int i = 0; i < warmup; i++) {
            once(viaExporter);
            once(plain);
        }
        List<Run> a = new ArrayList<>();
        List<Run> b = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            // Alternate, so that drift (other builds on the machine, JIT) hits both alike.
            if (i % 2 == 0) {
                a.add(once(viaExporter));
                b.add(once(plain));
            } else {
                b.add(once(plain));
                a.add(once(viaExporter));
            }
        }
        int pagesA = pages(viaExporter);
        int pagesB = pages(plain);
        print("Tilskudd PdfReportExporter", a, pagesA);
        print("plain OpenPDF PdfPTable", b, pagesB);
        System.out.printf("ratio exporter/plain: time %.2f, peak heap %.2f, size %.2f%n",
                median(a, Run::millis) / median(b, Run::millis),
                median(a, r -> r.peakHeap()) / median(b, r -> r.peakHeap()),
                median(a, r -> r.bytes()) / median(b, r -> r.bytes()));
    }

    private static Run once(Writer writer) throws IOException {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        CountingStream out = new CountingStream();
        long t0 = System.nanoTime();
        writer.write(out);
        double millis = (System.nanoTime() - t0) / 1e6;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Run(millis, peak, (int) out.count);
    }

    private static int pages(Writer writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out);
        PdfReader reader = new PdfReader(out.toByteArray());
        try {
            return reader.getNumberOfPages();
        } finally {
            reader.close();
        }
    }

    private static void print(String name, List<Run> runs, int pages) {
        double[] t = runs.stream().mapToDouble(Run::millis).sorted().toArray();
        System.out.printf("%-28s median %7.1f ms  min %7.1f  max %7.1f  IQR %6.1f ms | peak heap median %5.0f MB"
                + " | %,d bytes, %d pages%n", name, median(runs, Run::millis), t[0], t[t.length - 1],
                t[(3 * t.length) / 4] - t[t.length / 4], median(runs, r -> r.peakHeap()) / (1 << 20),
                runs.get(0).bytes(), pages);
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The baseline: what a developer writes with OpenPDF alone for the same table. */
    static void plainOpenPdf(Table table, byte[] regular, byte[] bold, OutputStream out)
            throws IOException {
        BaseFont base = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, regular,
                null);
        BaseFont baseBold = BaseFont.createFont("DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                bold, null);
        Font cell = new Font(base, 8.5f);
        Font head = new Font(baseBold, 8.5f);
        NumberFormat nb = NumberFormat.getNumberInstance(Locale.forLanguageTag("nb-NO"));
        Document doc = new Document(PageSize.A4, 56, 56, 72, 64);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setCloseStream(false);
        doc.open();
        PdfPTable t = new PdfPTable(table.columns().size());
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (Table.Column c : table.columns()) {
            t.addCell(new PdfPCell(new Phrase(c.label().nb(), head)));
        }
        for (Table.Row r : table.rows()) {
            List<Object> row = r.cells();
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                ValueKind kind = table.columns().get(c).kind();
                String s = v == null ? "" : v instanceof Number n ? nb.format(n)
                        + (kind == ValueKind.AMOUNT ? " kr" : kind == ValueKind.PERCENT ? " %" : "") : v.toString();
                PdfPCell x = new PdfPCell(new Phrase(s, cell));
                if (v instanceof Number) {
                    x.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                t.addCell(x);
            }
        }
        doc.add(t);
        doc.close();
    }

    static Report report(int rows) {
        List<Table.Column> columns = List.of(Table.Column.of("unit", "Kommune", ValueKind.TEXT),
                Table.Column.of("children", "Deltakende barn", ValueKind.PERSONS),
                Table.Column.of("grant", "Tilskudd", ValueKind.AMOUNT),
                Table.Column.of("girls", "Andel jenter", ValueKind.PERCENT),
                Table.Column.of("hours", "Timer per uke", ValueKind.DECIMAL));
        List<Table.Row> data = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            data.add(Table.Row.data(String.format("Kommune %05d Ærøy–Åsnes", i + 1), 5L + (i * 37L) % 400,
                    10_000L + i * 1_234L, 30 + (i % 40) + 0.5, (i % 9) + 0.25));
        }
        Table table = Table.of("bench", LocalizedText.of("Deltakere og tilskudd per kommune"), columns, data)
                .withN(rows).withNotes(List.of(Table.Note.remark(LocalizedText.of("Fiktive tall."))));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("Ordning", "Benchmark");
        return new Report("PDF-benchmark", "nb-NO", meta, List.of(new ReportSection("Stor tabell", List.of(table))),
                List.of());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PdfExportBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " not on the class path (it ships in tilskudd-format-pdf)");
            }
            return in.readAllBytes();
        }
    }

    /** Discards the bytes and counts them, so disk speed does not enter the numbers. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
