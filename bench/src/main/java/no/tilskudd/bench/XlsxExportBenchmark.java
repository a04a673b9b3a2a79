package no.tilskudd.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The xlsx exporter against plain POI SXSSF writing the same cells: a report whose data table has 1,000,000 rows of
 * 12 cells (shaped like the engine's "one row per measure" table), exported through the {@link ReportExporter} found
 * with ServiceLoader, and the same rows written with a bare {@link SXSSFWorkbook} (header, one number format per
 * column, nothing else). Each variant runs in a JVM of its own with {@code -Xmx512m}: warm-up runs, then timed runs;
 * the parent prints median and spread of the time, the peak heap, and the ratio exporter / plain POI.
 *
 * <p>Run: {@code mvn -B -q -Pbench -pl bench package -DskipTests} (after {@code mvn install}), then
 * {@code java -cp bench/target/classes:$(cat bench/target/classpath.txt) no.tilskudd.bench.XlsxExportBenchmark}
 * (or {@code bash bench/run.sh}). Arguments: rows (1000000), warm-up runs (1), timed runs (3), child heap (512m).
 * The output goes to a counting stream, not to disk; SXSSF's temporary files do go to disk.
 */
public final class XlsxExportBenchmark {

    private static final String CHILD = "--child";
    private static final int COLUMNS = 12;

    private XlsxExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(CHILD)) {
            child(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            return;
        }
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String heap = args.length > 3 ? args[3] : "512m";
        System.out.printf("XLSX export benchmark: %,d rows x %d cells, %d warm-up + %d timed runs per variant, "
                + "each variant in its own JVM with -Xmx%s; Java %s, %d CPUs%n", rows, COLUMNS, warmup, repeats, heap,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        Map<String, Result> results = new LinkedHashMap<>();
        for (String variant : List.of("exporter", "poi-sxssf", "fastexcel")) {
            results.put(variant, fork(variant, rows, warmup, repeats, heap));
        }
        Result ex = results.get("exporter");
        Result poi = results.get("poi-sxssf");
        Result fast = results.get("fastexcel");
        System.out.println();
        System.out.println(ex.time.row("exporter (ReportExporter via ServiceLoader)", "ms"));
        System.out.println(poi.time.row("plain POI SXSSF, same cells", "ms"));
        System.out.println(fast.time.row("dhatim fastexcel, same cells", "ms"));
        System.out.println(ex.heap.row("exporter peak heap", "MB"));
        System.out.println(poi.heap.row("plain POI peak heap", "MB"));
        System.out.printf(Locale.ROOT, "model (the Report in memory, before export): %d MB; output: exporter %.1f MB, "
                + "plain POI %.1f MB%n", ex.modelMb, ex.bytes / 1e6, poi.bytes / 1e6);
        System.out.printf(Locale.ROOT, "ratio exporter / plain POI: time %.2f (median), peak heap %.2f%n",
                ex.time.median() / poi.time.median(), ex.heap.median() / poi.heap.median());
        System.out.printf(Locale.ROOT, "ratio exporter / fastexcel: time %.2f (median); plain POI / fastexcel: %.2f%n",
                ex.time.median() / fast.time.median(), poi.time.median() / fast.time.median());
    }

    /** What the runs of one variant measured. */
    private static final class Result {
        final Stats time = new Stats();
        final Stats heap = new Stats();
        long modelMb;
        long bytes;
    }

    private static Result fork(String variant, int rows, int warmup, int repeats, String heap) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                XlsxExportBenchmark.class.getName(), CHILD, variant, String.valueOf(rows), String.valueOf(warmup),
                String.valueOf(repeats));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Result r = new Result();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                System.out.println("  [" + variant + "] " + line);
                String[] f = line.split(" ");
                if (f[0].equals("RUN")) {
                    r.time.add(Double.parseDouble(f[1]));
                    r.heap.add(Double.parseDouble(f[2]));
                    r.bytes = Long.parseLong(f[3]);
                } else if (f[0].equals("MODEL")) {
                    r.modelMb = Long.parseLong(f[1]);
                }
            }
        }
        int exit = p.waitFor();
        if (exit != 0 || r.time.count() == 0) {
            throw new IllegalStateException(variant + " failed (exit " + exit + "); see its output above");
        }
        return r;
    }

    // ------------------------------------------------------------------ one variant, in its own JVM

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void child(String variant, int rows, int warmup, int repeats) throws Exception {
        Report report = report(rows);
        Table data = report.data().get(0);
        System.gc();
        long model = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        System.out.println("MODEL " + model);
        Writer writer;
        if (variant.equals("exporter")) {
            ReportExporter exporter = ServiceLoader.load(ReportExporter.class).stream()
                    .map(ServiceLoader.Provider::get).filter(e -> e.format().equals("xlsx")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no xlsx ReportExporter on the class path"));
            writer = out -> exporter.export(report, out);
        } else if (variant.equals("fastexcel")) {
            writer = out -> fastexcel(data, out);
        } else {
            writer = out -> plainSxssf(data, out);
        }
        for (int i = 0; i < warmup; i++) {
            long[] r = measure(writer);
            System.out.printf(Locale.ROOT, "warm-up %d: %d ms, peak heap %d MB%n", i + 1, r[0], r[1]);
        }
        for (int i = 0; i < repeats; i++) {
            long[] r = measure(writer);
            System.out.println("RUN " + r[0] + " " + r[1] + " " + r[2]);
        }
    }

    /** Time, peak heap (sum of the heap pools' peaks since a reset, so an upper bound) and bytes written. */
    private static long[] measure(Writer writer) throws IOException {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        Counting out = new Counting();
        long t0 = System.nanoTime();
        writer.write(out);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new long[] {millis, Stats.peakHeapMb(), out.count};
    }

    /** The baseline: the same header and cells, with one number format per column, through bare SXSSF. */
    static void plainSxssf(Table t, OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        try {
            SXSSFSheet sheet = wb.createSheet("Data");
            CellStyle[] styles = new CellStyle[t.columns().size()];
            Row head = sheet.createRow(0);
            for (int c = 0; c < styles.length; c++) {
                head.createCell(c).setCellValue(t.columns().get(c).label().nb());
                ValueKind k = t.columns().get(c).kind();
                if (k != ValueKind.TEXT) {
                    styles[c] = wb.createCellStyle();
                    styles[c].setDataFormat(wb.createDataFormat().getFormat(k == ValueKind.AMOUNT ? "#,##0\\ \"kr\""
                            : k == ValueKind.YEAR ? "0" : k == ValueKind.DECIMAL ? "#,##0.0#" : "#,##0"));
                }
            }
            int r = 1;
            for (Table.Row r0 : t.rows()) {
                List<Object> values = r0.cells();
                Row row = sheet.createRow(r++);
                for (int c = 0; c < styles.length; c++) {
                    Object v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                        if (styles[c] != null) {
                            cell.setCellStyle(styles[c]);
                        }
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
        } finally {
            wb.close(); // also deletes SXSSF's temporary files
        }
    }

    /**
     * The fastest Java xlsx writer we know of, for the same header and cells with the same number formats: the gap
     * to it is what a faster exporter could win at most. Rows are flushed as they are written, as SXSSF streams.
     */
    static void fastexcel(Table t, OutputStream out) throws IOException {
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "Tilskudd", "1.0");
        org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("Data");
        String[] formats = new String[t.columns().size()];
        for (int c = 0; c < formats.length; c++) {
            ws.value(0, c, t.columns().get(c).label().nb());
            ValueKind k = t.columns().get(c).kind();
            formats[c] = k == ValueKind.TEXT ? null : k == ValueKind.AMOUNT ? "#,##0\\ \"kr\""
                    : k == ValueKind.YEAR ? "0" : k == ValueKind.DECIMAL ? "#,##0.0#" : "#,##0";
        }
        int r = 1;
        for (Table.Row r0 : t.rows()) {
            List<Object> values = r0.cells();
            for (int c = 0; c < formats.length; c++) {
                Object v = values.get(c);
                if (v == null) {
                    continue;
                }
                if (v instanceof Number n) {
                    ws.value(r, c, n.doubleValue());
                    if (formats[c] != null) {
                        ws.style(r, c).format(formats[c]).set();
                    }
                } else {
                    ws.value(r, c, v.toString());
                }
            }
            r++;
            if (r % 100 == 0) {
                ws.flush();
            }
        }
        wb.finish();
    }

    /**
     * A report like the engine's with its data tables: a small indicator table, and a data table of one row per
     * measure. Texts repeat (municipalities, categories), numbers are boxed per row as the engine does.
     */
    static Report report(int rows) {
        String[][] units = new String[400][];
        for (int i = 0; i < units.length; i++) {
            units[i] = new String[] {String.format("%04d", 101 + i * 7), "Kommune " + i, "Fylke " + i % 18,
                new String[] {"Nord", "Midt", "Vest", "Sør", "Øst/Oslo"}[i % 5]};
        }
        String[] categories = {"alle", "kompetanse", "individ", "familie"};
        String[] names = {"Leksehjelp", "Sommerjobb", "Utstyrsbank", "Sportsutstyr", "Ferietur", "Kulturkort"};
        List<Table.Column> cols = List.of(Table.Column.of("year", "År", ValueKind.YEAR),
                Table.Column.of("orgUnit", "Kommunenr.", ValueKind.TEXT),
                Table.Column.of("unitName", "Navn", ValueKind.TEXT),
                Table.Column.of("county", "Fylke", ValueKind.TEXT), Table.Column.of("region", "Region", ValueKind.TEXT),
                Table.Column.of("formVersion", "Skjemaversjon", ValueKind.TEXT),
                Table.Column.of("row", "Rad", ValueKind.COUNT), Table.Column.of("name", "name", ValueKind.TEXT),
                Table.Column.of("category", "category", ValueKind.TEXT),
                Table.Column.of("participantsChildren", "participantsChildren", ValueKind.COUNT),
                Table.Column.of("budget", "budget", ValueKind.AMOUNT),
                Table.Column.of("averageAge", "averageAge", ValueKind.DECIMAL));
        List<Table.Row> data = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            String[] u = units[i % units.length];
            List<Object> row = new ArrayList<>(COLUMNS);
            row.add((long) (2008 + i % 10));
            row.add(u[0]);
            row.add(u[1]);
            row.add(u[2]);
            row.add(u[3]);
            row.add("2008");
            row.add((long) (1 + i % 5));
            row.add(names[i % names.length]);
            row.add(categories[i % categories.length]);
            row.add((long) (i % 300));
            row.add(BigDecimal.valueOf(10_000L + (i * 37L) % 990_000L));
            row.add(BigDecimal.valueOf(60 + i % 120, 1));
            data.add(new Table.Row(Table.RowKind.DATA, row));
        }
        Table measures = Table.of("data-measures", LocalizedText.of("measures"), cols, data).withN(rows);
        data = null;
        Table indicator = Table.of("children", LocalizedText.of("Barn per region"),
                List.of(Table.Column.of("region", "Region", ValueKind.TEXT),
                        Table.Column.of("children", "Barn", ValueKind.PERSONS)),
                List.of(Table.Row.data("Nord", 120L), Table.Row.data("Sør", 300L), Table.Row.total("Sum", 420L)))
                .withN(2);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("Ordning", "Benchmark");
        return new Report("Benchmark", "nb-NO", meta, List.of(new ReportSection("Barn", List.of(indicator))),
                List.of(measures));
    }

    /** Counts and discards. */
    private static final class Counting extends OutputStream {
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
