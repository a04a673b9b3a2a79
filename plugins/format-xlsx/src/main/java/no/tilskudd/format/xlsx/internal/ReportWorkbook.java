package no.tilskudd.format.xlsx.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.Table.Column;
import no.tilskudd.api.report.Table.Note;
import no.tilskudd.api.report.Table.RowKind;
import no.tilskudd.api.report.Table.Suppressed;
import no.tilskudd.api.report.ValueKind;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumns;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableStyleInfo;

/**
 * Writes one report as a workbook.
 *
 * <p>The cover, the report tables and their charts are built as an ordinary {@link XSSFWorkbook} (tables, charts,
 * formulas and styles need the full object model; they are small). The data tables can be a million rows, so the
 * finished XSSF workbook is then wrapped in an {@link SXSSFWorkbook}, which leaves the sheets built so far as they
 * are and streams the rows of each new data sheet to a temporary file, keeping only a window of rows in memory.
 */
final class ReportWorkbook {

    /** Rows an XLSX sheet can hold, the header included. */
    static final int MAX_SHEET_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    private static final int STREAM_WINDOW = 100;
    private static final int WIDTH_SAMPLE_ROWS = 1_000;
    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 60;
    static final String TABLE_STYLE = "TableStyleLight1";

    /** A cover value that is a count, at most 15 digits so that Excel holds it exactly. */
    private static final java.util.regex.Pattern WHOLE_NUMBER = java.util.regex.Pattern.compile("-?[0-9]{1,15}");

    private final Report report;
    private final Texts tx;
    private final Locale locale;
    private final SheetNames names = new SheetNames();
    private XSSFWorkbook wb;
    private ReportStyles st;
    private Cells cells;
    private int tableCount;
    /** Sheet name → caption, for the table of contents, in sheet order. */
    private final Map<String, String> contents = new LinkedHashMap<>();
    /** Distinct reasons for suppressed cells, and the sheets that have them. */
    private final Set<String> suppressedReasons = new TreeSet<>();
    private final Set<String> suppressedSheets = new LinkedHashSet<>();
    /** Sheets with numbers written as text because Excel cannot hold them to the digit ({@link #fitsExcel}). */
    private final Set<String> numbersAsTextSheets = new LinkedHashSet<>();

    ReportWorkbook(Report report) {
        this.report = report;
        this.tx = Texts.forLanguage(report.language());
        this.locale = report.locale();
    }

    void write(OutputStream target) throws IOException {
        OutputStream out = new KeepOpen(target);
        wb = new XSSFWorkbook();
        try {
            st = new ReportStyles(wb);
            cells = new Cells(wb);
            properties();
            XSSFSheet cover = wb.createSheet(names.unique(tx.cover(), "Forside"));
            for (ReportSection section : report.sections()) {
                section(section);
            }
            // The data sheets are made after the cover is finished (they are streamed), so name them now for the
            // table of contents: one sheet per table, more if a table has more rows than a sheet holds.
            List<List<String>> dataSheets = new ArrayList<>();
            for (int i = 0; i < report.data().size(); i++) {
                Table t = report.data().get(i);
                String title = t.title().in(locale);
                String wanted = i == 0 ? tx.data() : tx.data() + " " + title;
                List<String> sheetNames = new ArrayList<>();
                int parts = Math.max(1, (t.rows().size() + MAX_SHEET_ROWS - 2) / (MAX_SHEET_ROWS - 1));
                for (int p = 0; p < parts; p++) {
                    String name = names.unique(wanted, "Data");
                    sheetNames.add(name);
                    contents.put(name, title);
                }
                dataSheets.add(sheetNames);
                // the cover, finished before the data sheets are streamed, must already say where this happens
                if (t.rows().stream().anyMatch(row -> row.cells().stream().anyMatch(v -> v instanceof Number n
                        && !fitsExcel(n)))) {
                    numbersAsTextSheets.addAll(sheetNames);
                }
            }
            coverSheet(cover);
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            wb.setForceFormulaRecalculation(true);
            wb.setActiveSheet(0);
            if (report.data().isEmpty()) {
                wb.write(out);
                return;
            }
            SXSSFWorkbook sx = new SXSSFWorkbook(wb, STREAM_WINDOW, false, false);
            try {
                for (int i = 0; i < report.data().size(); i++) {
                    dataTable(sx, report.data().get(i), dataSheets.get(i));
                }
                sx.write(out);
            } finally {
                sx.close();
            }
        } finally {
            wb.close();
        }
    }

    // ------------------------------------------------------------------ properties and cover

    private void properties() {
        POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
        core.setTitle(Cells.clean(report.title()));
        String subject = report.metadata().isEmpty() ? report.title()
                : report.metadata().values().iterator().next();
        core.setSubjectProperty(Cells.clean(subject));
        core.setCreator("Tilskudd");
        core.setDescription(Cells.clean(report.title()));
        wb.getProperties().getExtendedProperties().getUnderlyingProperties().setApplication("Tilskudd");
    }

    private void coverSheet(XSSFSheet cover) {
        int r = 0;
        cells.text(cover.createRow(r++).createCell(0), report.title(), st.title);
        r++;
        for (Map.Entry<String, String> m : report.metadata().entrySet()) {
            Row row = cover.createRow(r++);
            cells.text(row.createCell(0), m.getKey(), st.bold);
            if (m.getValue() != null && WHOLE_NUMBER.matcher(m.getValue()).matches()) {
                // a count on the cover ("Antall rapporter (N)") is a number a formula can use, not text
                Cell c = row.createCell(1);
                c.setCellStyle(st.left(ValueKind.COUNT, null));
                c.setCellValue(Long.parseLong(m.getValue()));
            } else {
                cells.text(row.createCell(1), m.getValue(), st.text);
            }
        }
        for (ReportSection section : report.sections()) {
            List<ReportBlock> prose = section.blocks().stream()
                    .filter(b -> b instanceof ReportBlock.Paragraph || b instanceof ReportBlock.KeyFigures).toList();
            if (prose.isEmpty()) {
                continue;
            }
            r++;
            cells.text(cover.createRow(r++).createCell(0), section.title(), st.heading);
            for (ReportBlock b : prose) {
                if (b instanceof ReportBlock.Paragraph p) {
                    cells.text(cover.createRow(r++).createCell(0), p.text(), st.text);
                } else if (b instanceof ReportBlock.KeyFigures k) {
                    for (ReportBlock.KeyFigure f : k.figures()) {
                        Row row = cover.createRow(r++);
                        cells.text(row.createCell(0), f.label(), st.text);
                        Cell c = row.createCell(1);
                        c.setCellStyle(st.left(f.kind(), f.value()));
                        if (!setNumber(c, f.value(), f.kind(), cells)) {
                            numbersAsTextSheets.add(cover.getSheetName());
                        }
                    }
                }
            }
        }
        if (!contents.isEmpty() || !report.data().isEmpty()) {
            r++;
            cells.text(cover.createRow(r++).createCell(0), tx.contents(), st.heading);
            for (Map.Entry<String, String> e : contents.entrySet()) {
                Row row = cover.createRow(r++);
                Cell c = row.createCell(0);
                cells.text(c, e.getKey(), st.link);
                Hyperlink link = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
                link.setAddress("'" + e.getKey().replace("'", "''") + "'!A1");
                c.setHyperlink(link);
                cells.text(row.createCell(1), e.getValue(), st.text);
            }
        }
        List<String> notes = new ArrayList<>();
        if (!suppressedSheets.isEmpty()) {
            notes.add(tx.suppressedNote(String.join("; ", suppressedReasons), String.join(", ", suppressedSheets)));
        }
        if (!numbersAsTextSheets.isEmpty()) {
            // in the order of the sheets; the data sheets, not made yet, come last as they will
            List<String> where = new ArrayList<>(numbersAsTextSheets);
            where.sort(java.util.Comparator.comparingInt(n -> wb.getSheetIndex(n) < 0 ? Integer.MAX_VALUE
                    : wb.getSheetIndex(n)));
            notes.add(tx.numbersAsTextNote(String.join(", ", where)));
        }
        if (!report.data().isEmpty()) {
            notes.add(tx.dataSheetNote());
        }
        if (!notes.isEmpty()) {
            r++;
            cells.text(cover.createRow(r++).createCell(0), tx.notes(), st.heading);
            for (String n : notes) {
                cells.text(cover.createRow(r++).createCell(0), n, st.note);
            }
        }
        printOnePageWide(cover);
        cover.setColumnWidth(0, 32 * 256);
        cover.setColumnWidth(1, 90 * 256);
    }

    // ------------------------------------------------------------------ report tables and charts

    /** Where a table was written, so that a chart after it can point at its cells. */
    record Placed(XSSFSheet sheet, Table table, int headerRow, int nextFreeRow, int chartCount) {
        Placed withChart(int nextFree) {
            return new Placed(sheet, table, headerRow, nextFree, chartCount + 1);
        }
    }

    private void section(ReportSection section) {
        Placed last = null;
        for (ReportBlock block : section.blocks()) {
            if (block instanceof Table t) {
                last = table(t);
            } else if (block instanceof ReportBlock.Chart c) {
                if (last == null) {
                    XSSFSheet sheet = wb.createSheet(names.unique(c.title(), c.id()));
                    printOnePageWide(sheet);
                    contents.put(sheet.getSheetName(), c.title());
                    last = new Placed(sheet, null, 0, 0, 0);
                }
                last = new ReportCharts(wb, st, cells, tx).chart(last, c);
            }
        }
    }

    private Placed table(Table t) {
        String title = t.title().in(locale);
        XSSFSheet sheet = wb.createSheet(names.unique(title, t.id()));
        contents.put(sheet.getSheetName(), title);
        int cols = t.columns().size();
        cells.text(sheet.createRow(0).createCell(0), title, st.title);
        int headerRow = 1;
        List<String> headers = uniqueHeaders(t.columns(), locale);
        Row head = sheet.createRow(headerRow);
        for (int c = 0; c < cols; c++) {
            cells.text(head.createCell(c), headers.get(c),
                    t.columns().get(c).kind() == ValueKind.TEXT ? st.header : st.headerNumber);
        }
        int[] width = new int[cols];
        for (int c = 0; c < cols; c++) {
            width[c] = headers.get(c).length();
        }
        int firstData = headerRow + 1;
        int groupStart = 0;
        boolean anyAsText = false;
        for (int i = 0; i < t.rows().size(); i++) {
            List<Object> values = t.rows().get(i).cellsIn(locale);
            Row row = sheet.createRow(firstData + i);
            boolean total = t.rows().get(i).kind() == RowKind.TOTAL;
            for (int c = 0; c < cols; c++) {
                ValueKind kind = t.kind(i, c);
                Object v = values.get(c);
                Cell cell = row.createCell(c);
                if (v instanceof Suppressed) {
                    cell.setCellValue("–");
                    cell.setCellStyle(st.suppressed);
                } else if (v instanceof Number n) {
                    cell.setCellStyle(total ? st.total(kind, n) : st.number(kind, n));
                    if (total && kind != ValueKind.YEAR && i > groupStart && sumOfNumbers(t, groupStart, i, c)
                            && fitsExcel(n)) {
                        // only our own cell references go into a formula, never text from the report
                        String range = new CellRangeAddress(firstData + groupStart, firstData + i - 1, c, c)
                                .formatAsString();
                        cell.setCellFormula("SUM(" + range + ")");
                    } else if (!setNumber(cell, n, kind, cells)) {
                        anyAsText = true;
                    }
                } else if (v != null) {
                    cells.text(cell, String.valueOf(v), total ? st.totalText : st.text);
                } else if (total) {
                    cell.setCellStyle(st.totalText);
                }
                width[c] = Math.max(width[c], displayWidth(v, kind));
            }
            if (total) {
                groupStart = i + 1;
            }
        }
        int lastRow = headerRow + t.rows().size();
        // Trailing total rows stay below the Excel table, so that sorting and pivoting see only the data rows.
        int dataRows = t.rows().size();
        while (dataRows > 0 && t.rows().get(dataRows - 1).kind() == RowKind.TOTAL) {
            dataRows--;
        }
        if (dataRows > 0) {
            excelTable(sheet, headerRow, headerRow + dataRows, headers);
        } else {
            sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, lastRow), 0, cols - 1));
        }
        sheet.createFreezePane(0, headerRow + 1);
        columnTitles(sheet, headerRow);
        printOnePageWide(sheet);
        for (int c = 0; c < cols; c++) {
            sheet.setColumnWidth(c, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width[c] + 2)) * 256);
        }
        int r = lastRow + 2;
        List<String> notes = noteLines(t, tx);
        if (anyAsText) {
            numbersAsTextSheets.add(sheet.getSheetName());
            notes.add(tx.numbersAsTextFootnote());
        }
        t.suppression().ifPresent(s -> {
            suppressedSheets.add(sheet.getSheetName());
            suppressedReasons.add(hiddenBecause(t, tx));
            notes.add(tx.suppressedFootnote(hiddenBecause(t, tx)));
        });
        for (String n : notes) {
            cells.text(sheet.createRow(r++).createCell(0), n, st.note);
        }
        return new Placed(sheet, t, headerRow, r + 1, 0);
    }

    /**
     * Marks the header row for screen readers and print: a sheet-level name {@code ColumnTitle} on its first cell
     * (the convention JAWS and NVDA use to read a cell's column header with it) and the row repeated on every
     * printed page.
     */
    static void columnTitles(XSSFSheet sheet, int headerRow) {
        org.apache.poi.ss.usermodel.Name name = sheet.getWorkbook().createName();
        name.setNameName("ColumnTitle");
        name.setSheetIndex(sheet.getWorkbook().getSheetIndex(sheet));
        name.setRefersToFormula(new CellReference(sheet.getSheetName(), headerRow, 0, true, true).formatAsString());
        sheet.setRepeatingRows(CellRangeAddress.valueOf((headerRow + 1) + ":" + (headerRow + 1)));
    }

    /** Printed landscape and one page wide, so that a table and the chart beside it stay together on paper. */
    static void printOnePageWide(org.apache.poi.ss.usermodel.Sheet sheet) {
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    /**
     * The N and the author's notes, each from its field; the workbook adds its own lines (hidden cells, numbers as
     * text) after them.
     */
    static List<String> noteLines(Table t, Texts tx) {
        List<String> notes = new ArrayList<>();
        t.n().ifPresent(n -> notes.add("N = " + n.value() + n.counted().map(c -> " " + c.in(tx.locale())).orElse("")));
        for (Note note : t.notes()) {
            String text = note.text().in(tx.locale());
            notes.add(note.kind() == Table.NoteKind.SOURCE ? tx.source(text) : text);
        }
        return notes;
    }

    /** Why a table's cells are hidden, from its suppression rule and the reasons of its hidden cells. */
    static String hiddenBecause(Table t, Texts tx) {
        return tx.hiddenBecause(t.suppression().orElseThrow().threshold(),
                t.hides(Suppressed.Reason.REVEALS_HIDDEN));
    }

    /**
     * A live sum is only right when every cell it adds up is a shown number (a hidden cell, or a number written as
     * text, would be left out).
     */
    private static boolean sumOfNumbers(Table t, int from, int toExclusive, int col) {
        for (int r = from; r < toExclusive; r++) {
            Object v = t.rows().get(r).cells().get(col);
            if (v != null && !(v instanceof Number n && fitsExcel(n))) {
                return false;
            }
        }
        return true;
    }

    /** The most significant digits Excel keeps (and shows) of a number. */
    static final int EXCEL_DIGITS = 15;
    /** Excel's numbers stop short of the double's range: about 2.2E-308 to 9.99E+307. */
    private static final int EXCEL_MAX_EXPONENT = 307;

    /**
     * Tells whether a number can go into a cell as a number and come out digit for digit. A double is what a cell
     * holds, so any finite one fits; an exact value (a stored BigDecimal or Long) fits when it has at most 15
     * significant digits and is within Excel's range. Anything else would be rounded or, beyond the range, lost.
     *
     * @param n the number
     * @return true if a numeric cell holds it exactly
     */
    static boolean fitsExcel(Number n) {
        if (n instanceof Double || n instanceof Float) {
            return Double.isFinite(n.doubleValue());
        }
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            long v = n.longValue();
            return v > -1_000_000_000_000_000L && v < 1_000_000_000_000_000L || fitsExcel(BigDecimal.valueOf(v));
        }
        BigDecimal d;
        if (n instanceof BigDecimal b) {
            d = b;
        } else if (n instanceof BigInteger i) {
            d = new BigDecimal(i);
        } else {
            return Double.isFinite(n.doubleValue());
        }
        if (d.signum() == 0) {
            return true;
        }
        if (d.precision() > EXCEL_DIGITS) {
            d = d.stripTrailingZeros();
            if (d.precision() > EXCEL_DIGITS) {
                return false;
            }
        }
        long exponent = (long) d.precision() - d.scale() - 1;
        return exponent >= -EXCEL_MAX_EXPONENT && exponent <= EXCEL_MAX_EXPONENT;
    }

    /**
     * Writes a number into a cell: as a number when Excel holds it exactly ({@link #fitsExcel}), otherwise as text,
     * digit for digit, so that a stored value is never rounded or emptied without a word (the sheet and the cover
     * then say so). The cell's style is kept.
     *
     * @param cell  the cell, its style already set
     * @param n     the number
     * @param cells the text writer (text that starts with a minus sign is quote-prefixed)
     * @return true if written as a number, false if as text
     */
    static boolean setNumber(Cell cell, Number n, Cells cells) {
        return setNumber(cell, n, ValueKind.DECIMAL, cells);
    }

    /**
     * Writes a number of a kind into a cell, as {@link #setNumber(Cell, Number, Cells)}; a percentage is stored as
     * the fraction it is (61 as 0.61, shown as 61 % by its format), so that formulas and pivots compute with it.
     *
     * @param cell  the cell, its style already set
     * @param n     the number as the report holds it (a percentage 0–100)
     * @param kind  what the number is
     * @param cells the text writer
     * @return true if written as a number, false if as text
     */
    static boolean setNumber(Cell cell, Number n, ValueKind kind, Cells cells) {
        if (fitsExcel(n)) {
            double d = cellValue(n, kind);
            cell.setCellValue(d == 0 ? 0.0 : d); // no negative zero, which some spreadsheets show as "-0"
            return true;
        }
        cells.text(cell, exactText(n), cell.getCellStyle());
        return false;
    }

    /**
     * The value a cell holds for a number of a kind: a percentage as its fraction, scaled in decimal so that 61
     * becomes exactly the double nearest 0.61, everything else as it is.
     *
     * @param n    the number (a percentage 0–100)
     * @param kind what it is
     * @return the cell value
     */
    static double cellValue(Number n, ValueKind kind) {
        if (kind != ValueKind.PERCENT) {
            return n.doubleValue();
        }
        BigDecimal d = n instanceof BigDecimal b ? b
                : n instanceof BigInteger i ? new BigDecimal(i)
                : n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue())
                : BigDecimal.valueOf(n.longValue());
        return d.movePointLeft(2).doubleValue();
    }

    /** A number as text without losing a digit: plain where that is short, else with an exponent (1E+400). */
    static String exactText(Number n) {
        BigDecimal d = n instanceof BigDecimal b ? b : n instanceof BigInteger i ? new BigDecimal(i) : null;
        if (d == null) {
            return n instanceof Double || n instanceof Float ? String.valueOf(n.doubleValue()) : n.toString();
        }
        long wholeDigits = (long) d.precision() - d.scale();
        return wholeDigits <= 40 && d.scale() <= 40 ? d.toPlainString() : d.toString();
    }

    /** A cell with its text in the report's language. */
    private Object text(Object v) {
        return v instanceof LocalizedText t ? t.in(locale) : v;
    }

    /** Roughly how many characters a value takes once formatted, for column widths. */
    static int displayWidth(Object v, ValueKind kind) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n) {
            long whole = Math.abs((long) n.doubleValue());
            int digits = String.valueOf(whole).length();
            int separators = kind == ValueKind.YEAR ? 0 : (digits - 1) / 3;
            int extra = switch (kind) {
                case AMOUNT -> 3;
                case PERCENT -> 2;
                case DECIMAL -> 3;
                default -> 0;
            };
            return digits + separators + extra + (n.doubleValue() < 0 ? 1 : 0);
        }
        String s = String.valueOf(v);
        int nl = s.indexOf('\n');
        return nl >= 0 ? nl : s.length();
    }

    /** Column headers made unique without regard to case, as Excel tables require. */
    static List<String> uniqueHeaders(List<Column> columns, Locale locale) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            String base = Cells.clean(columns.get(i).label().in(locale)).replace('\n', ' ').trim();
            if (base.isEmpty()) {
                base = "Kolonne " + (i + 1);
            }
            String name = base;
            for (int n = 2; !seen.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + " (" + n + ")";
            }
            out.add(name);
        }
        return out;
    }

    /**
     * Makes an Excel table (a "ListObject": banded, filterable, usable as a pivot source) over a header row and the
     * data rows under it. The columns are named here rather than read back from the sheet, since a streamed sheet
     * has no rows in memory; the names are the header texts, as Excel requires.
     */
    private void excelTable(XSSFSheet sheet, int headerRow, int lastRow, List<String> headers) {
        tableCount++;
        XSSFTable table = sheet.createTable(null);
        String name = "Tabell_" + tableCount;
        table.setName(name);
        table.setDisplayName(name);
        CTTable ct = table.getCTTable();
        String ref = new CellRangeAddress(headerRow, lastRow, 0, headers.size() - 1).formatAsString();
        ct.setRef(ref);
        ct.setHeaderRowCount(1);
        (ct.isSetAutoFilter() ? ct.getAutoFilter() : ct.addNewAutoFilter()).setRef(ref);
        CTTableColumns columns = ct.getTableColumns() != null ? ct.getTableColumns() : ct.addNewTableColumns();
        while (columns.sizeOfTableColumnArray() > 0) {
            columns.removeTableColumn(0);
        }
        for (int i = 0; i < headers.size(); i++) {
            var col = columns.addNewTableColumn();
            col.setId(i + 1L);
            col.setName(headers.get(i));
        }
        columns.setCount(headers.size());
        CTTableStyleInfo style = ct.isSetTableStyleInfo() ? ct.getTableStyleInfo() : ct.addNewTableStyleInfo();
        style.setName(TABLE_STYLE);
        style.setShowRowStripes(true);
        style.setShowColumnStripes(false);
        style.setShowFirstColumn(false);
        style.setShowLastColumn(false);
        table.updateReferences();
    }

    // ------------------------------------------------------------------ data tables (streamed)

    private void dataTable(SXSSFWorkbook sx, Table t, List<String> sheetNames) {
        int cols = t.columns().size();
        List<String> headers = uniqueHeaders(t.columns(), locale);
        CellStyle[] styles = new CellStyle[cols];
        int[] width = new int[cols];
        for (int c = 0; c < cols; c++) {
            ValueKind kind = t.columns().get(c).kind();
            styles[c] = kind == ValueKind.TEXT ? null : st.number(kind);
            width[c] = headers.get(c).length();
        }
        int sample = Math.min(WIDTH_SAMPLE_ROWS, t.rows().size());
        for (int r = 0; r < sample; r++) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], displayWidth(text(t.rows().get(r).cells().get(c)),
                        t.columns().get(c).kind()));
            }
        }
        int perSheet = MAX_SHEET_ROWS - 1;
        int total = t.rows().size();
        int from = 0;
        int part = 0;
        do {
            int to = Math.min(total, from + perSheet);
            SXSSFSheet sheet = sx.createSheet(sheetNames.get(part++));
            Row head = sheet.createRow(0);
            for (int c = 0; c < cols; c++) {
                cells.text(head.createCell(c), headers.get(c), st.header);
                sheet.setColumnWidth(c, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width[c] + 2)) * 256);
            }
            sheet.createFreezePane(0, 1);
            columnTitles(sx.getXSSFWorkbook().getSheet(sheet.getSheetName()), 0);
            for (int r = from; r < to; r++) {
                List<Object> values = t.rows().get(r).cells();
                Row row = sheet.createRow(r - from + 1);
                for (int c = 0; c < cols; c++) {
                    Object v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof Number n) {
                        ValueKind kind = t.columns().get(c).kind();
                        if (styles[c] != null) {
                            cell.setCellStyle(kind == ValueKind.PERCENT ? st.number(kind, n) : styles[c]);
                        }
                        setNumber(cell, n, kind, cells);
                    } else if (v instanceof Suppressed) {
                        cell.setCellValue("–");
                        cell.setCellStyle(st.suppressed);
                    } else {
                        cells.text(cell, String.valueOf(text(v)), null);
                    }
                }
            }
            XSSFSheet backing = sx.getXSSFWorkbook().getSheet(sheet.getSheetName());
            if (to > from) {
                excelTable(backing, 0, to - from, headers);
            } else {
                backing.setAutoFilter(new CellRangeAddress(0, 0, 0, cols - 1));
            }
            from = to;
        } while (from < total);
    }

    /** Exporters must not close the stream they are given; POI closes what it writes to in some paths. */
    static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
