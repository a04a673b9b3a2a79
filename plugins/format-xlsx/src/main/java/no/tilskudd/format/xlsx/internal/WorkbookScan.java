package no.tilskudd.format.xlsx.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * Reads the sheets and the shared strings of a workbook as a stream, before POI builds its DOM of them
 * ({@code XSSFWorkbook}), and stops at the first row, cell, string or character past the limits below.
 *
 * <p>The DOM costs about a kilobyte of heap per cell and is built whole before anything can be counted: a 7.5 MB file
 * with 260,000 rows took 24 s and 0.7 GB only to be told it has too many rows. Here the same file is refused when its
 * 5,001st row starts, having held one row of XML in memory. The {@link PackageGuard} has already bounded every part's
 * unpacked size; these limits bound what the DOM would be made of (elements, attributes and text), so that a sheet
 * with few rows but a great many cells, or a shared-strings part of a million unused strings, is refused too.
 *
 * <p>The parser is POI's hardened StAX factory: no DTDs, no external entities.
 */
final class WorkbookScan {

    /** Rows on any one sheet; a template's sheets have a few hundred. */
    static final int MAX_ROWS = 5_000;
    /** Cells in the whole workbook; a template has under a thousand, a filled one with 500 measures a few thousand. */
    static final int MAX_CELLS = 50_000;
    /** Entries of the shared-strings table; there is at most one per distinct text in a cell. */
    static final int MAX_STRINGS = 50_000;
    /** Characters of text (cell values, formulas, shared strings, attribute values) in the sheets and strings. */
    static final long MAX_TEXT_CHARS = 4_000_000;
    /** Elements and attributes in the sheets and strings: what the DOM is made of, whatever they are. */
    static final int MAX_NODES = 500_000;

    /**
     * Why the workbook is refused.
     *
     * @param location the cell ({@code 'Tiltak'!A5001}), or empty for the shared strings, which belong to no sheet
     * @param code     a stable code
     * @param message  what is wrong, naming the sheet and row, or the shared string
     */
    record Refusal(String location, String code, String message) {
    }

    /**
     * What the scan found and how far it read, so that a test can tell that it stopped early.
     *
     * @param refusal  why the workbook is refused, if it is
     * @param rowsRead rows read per sheet, in the order the sheets were read; a sheet not reached is absent
     * @param cells    cells read in all sheets
     * @param strings  shared strings read
     */
    record Result(Optional<Refusal> refusal, Map<String, Integer> rowsRead, int cells, int strings) {
    }

    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

    private final Map<String, Integer> rowsRead = new LinkedHashMap<>();
    private int cells;
    private int strings;
    private long text;
    private int nodes;

    private WorkbookScan() {
    }

    /**
     * Scans the sheets in workbook order, then the shared strings.
     *
     * @param pkg the opened package, already checked by {@link PackageGuard}
     * @return what was found
     * @throws IOException         if a part cannot be read
     * @throws OpenXML4JException  if the package has no workbook part
     * @throws XMLStreamException  if a part is not well-formed XML
     */
    static Result scan(OPCPackage pkg) throws IOException, OpenXML4JException, XMLStreamException {
        WorkbookScan scan = new WorkbookScan();
        Optional<Refusal> refusal = scan.run(pkg);
        return new Result(refusal, Collections.unmodifiableMap(scan.rowsRead), scan.cells, scan.strings);
    }

    private Optional<Refusal> run(OPCPackage pkg) throws IOException, OpenXML4JException, XMLStreamException {
        Reader reader = new Reader(pkg);
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        while (sheets.hasNext()) {
            try (InputStream in = sheets.next()) {
                Optional<Refusal> r = sheet(sheets.getSheetName(), in);
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        // every shared-strings part the workbook relates to, as XSSFWorkbook loads them, whatever they are named
        for (PackageRelationship rel : reader.workbook().getRelationshipsByType(
                XSSFRelation.SHARED_STRINGS.getRelation())) {
            PackagePart part = rel.getTargetMode() == TargetMode.EXTERNAL ? null
                    : pkg.getPart(PackagingURIHelper.createPartName(rel.getTargetURI()));
            if (part != null) {
                try (InputStream in = part.getInputStream()) {
                    Optional<Refusal> r = sharedStrings(in);
                    if (r.isPresent()) {
                        return r;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** POI's streaming reader, which keeps the workbook part it found to itself. */
    private static final class Reader extends XSSFReader {
        Reader(OPCPackage pkg) throws IOException, OpenXML4JException {
            super(pkg);
        }

        PackagePart workbook() {
            return workbookPart;
        }
    }

    // ------------------------------------------------------------------ a sheet

    private Optional<Refusal> sheet(String name, InputStream in) throws XMLStreamException {
        XMLStreamReader x = XML.createXMLStreamReader(in);
        try {
            int rows = 0;
            long row = 0; // 1-based, as in the file; 0 before the first row
            int col = -1;
            rowsRead.put(name, 0);
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    Optional<Refusal> r = nodes(x, name, row, col);
                    if (r.isPresent()) {
                        return r;
                    }
                    String element = x.getLocalName();
                    if (element.equals("row")) {
                        rowsRead.put(name, ++rows);
                        row = rowNumber(x.getAttributeValue(null, "r"), row + 1);
                        col = -1;
                        if (row > MAX_ROWS || rows > MAX_ROWS) {
                            long past = Math.max(row, rows);
                            return refuse(where(name, past, 0), "XLSX_TOO_MANY_ROWS", "the sheet '" + name
                                    + "' has more than " + MAX_ROWS + " rows (row " + past + " is past the limit); "
                                    + "a form template has at most " + MAX_ROWS + " rows on a sheet");
                        }
                    } else if (element.equals("c")) {
                        col = column(x.getAttributeValue(null, "r"), col + 1);
                        if (++cells > MAX_CELLS) {
                            return refuse(where(name, row, col), "XLSX_TOO_MANY_CELLS", "the workbook has more than "
                                    + MAX_CELLS + " cells (the sheet '" + name + "' has one too many at row " + row
                                    + "); a form template has a few thousand");
                        }
                    }
                } else if (isText(event)) {
                    text += x.getTextLength();
                    if (text > MAX_TEXT_CHARS) {
                        return tooMuchText(where(name, row, Math.max(col, 0)), "the sheet '" + name + "' at row "
                                + row);
                    }
                }
            }
            return Optional.empty();
        } finally {
            x.close();
        }
    }

    /** The row a {@code <row r="...">} names, or the next one when it names none (r is optional). */
    private static long rowNumber(String r, long next) {
        if (r == null) {
            return next;
        }
        try {
            return Long.parseLong(r.trim());
        } catch (NumberFormatException e) {
            return next;
        }
    }

    /** The column a {@code <c r="B12">} names, or the next one. */
    private static int column(String r, int next) {
        if (r == null || r.isEmpty() || r.length() > 12) {
            return next;
        }
        int letters = 0;
        while (letters < r.length() && Character.isLetter(r.charAt(letters))) {
            letters++;
        }
        if (letters == 0 || letters > 3) {
            return next;
        }
        return CellReference.convertColStringToIndex(r.substring(0, letters));
    }

    /** A cell for the finding, kept inside the sheet's grid so that it is a valid reference. */
    private static String where(String sheet, long row, int col) {
        SpreadsheetVersion v = SpreadsheetVersion.EXCEL2007;
        int r = (int) Math.max(0, Math.min(row, v.getMaxRows()) - 1);
        int c = Math.max(0, Math.min(col, v.getLastColumnIndex()));
        return TemplateReader.cell(sheet, r, c);
    }

    // ------------------------------------------------------------------ shared strings

    private Optional<Refusal> sharedStrings(InputStream in) throws XMLStreamException {
        XMLStreamReader x = XML.createXMLStreamReader(in);
        try {
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    Optional<Refusal> r = nodes(x, null, strings, 0);
                    if (r.isPresent()) {
                        return r;
                    }
                    if (x.getLocalName().equals("si") && ++strings > MAX_STRINGS) {
                        return refuse("", "XLSX_TOO_MANY_STRINGS", "the workbook's table of texts (shared strings) "
                                + "has more than " + MAX_STRINGS + " entries (entry " + strings + " is past the "
                                + "limit); a form template has a few hundred");
                    }
                } else if (isText(event)) {
                    text += x.getTextLength();
                    if (text > MAX_TEXT_CHARS) {
                        return tooMuchText("", "shared string " + strings);
                    }
                }
            }
            return Optional.empty();
        } finally {
            x.close();
        }
    }

    // ------------------------------------------------------------------ both

    /**
     * Counts an element and its attributes, and the attributes' text.
     *
     * @param sheet the sheet, or null in the shared strings
     * @param row   the row in the sheet, or the number of the shared string
     */
    private Optional<Refusal> nodes(XMLStreamReader x, String sheet, long row, int col) {
        int attributes = x.getAttributeCount();
        nodes += 1 + attributes;
        for (int i = 0; i < attributes; i++) {
            text += x.getAttributeValue(i).length();
        }
        if (text <= MAX_TEXT_CHARS && nodes <= MAX_NODES) {
            return Optional.empty();
        }
        String place = sheet == null ? "shared string " + row : "the sheet '" + sheet + "' at row " + row;
        String location = sheet == null ? "" : where(sheet, row, Math.max(col, 0));
        if (text > MAX_TEXT_CHARS) {
            return tooMuchText(location, place);
        }
        return refuse(location, "XLSX_TOO_COMPLEX", "the workbook has more than " + MAX_NODES + " XML elements and "
                + "attributes in its sheets and texts (the limit is passed in " + place + "); a form template has "
                + "a few thousand");
    }

    private static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                || event == XMLStreamConstants.SPACE;
    }

    private static Optional<Refusal> tooMuchText(String location, String place) {
        return refuse(location, "XLSX_TOO_MUCH_TEXT", "the workbook holds more than " + MAX_TEXT_CHARS
                + " characters of text (the limit is passed in " + place + "); a filled-in form holds far less");
    }

    private static Optional<Refusal> refuse(String location, String code, String message) {
        return Optional.of(new Refusal(location, code, message));
    }
}
