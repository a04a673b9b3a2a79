package no.tilskudd.format.xlsx.internal;

import java.util.EnumMap;
import java.util.Map;
import no.tilskudd.api.report.ValueKind;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The cell styles of a report workbook, made once per workbook. */
final class ReportStyles {

    final CellStyle title;
    final CellStyle heading;
    final CellStyle header;
    final CellStyle headerNumber;
    final CellStyle text;
    final CellStyle wrap;
    final CellStyle bold;
    final CellStyle note;
    final CellStyle link;
    final CellStyle suppressed;
    final CellStyle totalText;
    private final Map<ValueKind, CellStyle> numbers = new EnumMap<>(ValueKind.class);
    private final Map<ValueKind, CellStyle> totals = new EnumMap<>(ValueKind.class);
    private final Map<ValueKind, CellStyle> lefts = new EnumMap<>(ValueKind.class);
    /** Percentages with a decimal (a form's percent field may have one): plain, total, left-aligned. */
    private final CellStyle percentFine;
    private final CellStyle percentFineTotal;
    private final CellStyle percentFineLeft;

    ReportStyles(Workbook wb) {
        DataFormat df = wb.createDataFormat();
        Font titleFont = wb.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 14);
        Font boldFont = wb.createFont();
        boldFont.setBold(true);
        Font italic = wb.createFont();
        italic.setItalic(true);
        Font linkFont = wb.createFont();
        linkFont.setUnderline(Font.U_SINGLE);
        linkFont.setColor(IndexedColors.BLUE.getIndex());

        title = wb.createCellStyle();
        title.setFont(titleFont);
        heading = wb.createCellStyle();
        heading.setFont(boldFont);
        bold = heading;
        header = wb.createCellStyle();
        header.setFont(boldFont);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        header.setWrapText(true);
        headerNumber = wb.createCellStyle();
        headerNumber.cloneStyleFrom(header);
        headerNumber.setAlignment(HorizontalAlignment.RIGHT);
        text = wb.createCellStyle();
        text.setVerticalAlignment(VerticalAlignment.TOP);
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        note = wb.createCellStyle();
        note.setFont(italic);
        link = wb.createCellStyle();
        link.setFont(linkFont);
        suppressed = wb.createCellStyle();
        suppressed.setAlignment(HorizontalAlignment.RIGHT);
        totalText = wb.createCellStyle();
        totalText.setFont(boldFont);
        totalText.setBorderTop(BorderStyle.THIN);
        for (ValueKind k : ValueKind.values()) {
            CellStyle n = wb.createCellStyle();
            n.setDataFormat(df.getFormat(format(k)));
            numbers.put(k, n);
            CellStyle t = wb.createCellStyle();
            t.cloneStyleFrom(n);
            t.setFont(boldFont);
            t.setBorderTop(BorderStyle.THIN);
            totals.put(k, t);
            CellStyle l = wb.createCellStyle();
            l.cloneStyleFrom(n);
            l.setAlignment(HorizontalAlignment.LEFT);
            lefts.put(k, l);
        }
        percentFine = wb.createCellStyle();
        percentFine.cloneStyleFrom(numbers.get(ValueKind.PERCENT));
        percentFine.setDataFormat(df.getFormat(PERCENT_FINE));
        percentFineTotal = wb.createCellStyle();
        percentFineTotal.cloneStyleFrom(totals.get(ValueKind.PERCENT));
        percentFineTotal.setDataFormat(df.getFormat(PERCENT_FINE));
        percentFineLeft = wb.createCellStyle();
        percentFineLeft.cloneStyleFrom(lefts.get(ValueKind.PERCENT));
        percentFineLeft.setDataFormat(df.getFormat(PERCENT_FINE));
    }

    /** A percentage with one decimal, for values that have one. */
    static final String PERCENT_FINE = "0.0\\ %";

    /**
     * The number format for a kind of value. Thousands separators are written as {@code ,}, which Excel and
     * LibreOffice show in the reader's locale (a space in Norwegian). Percentages are stored as fractions (0.61) so
     * that formulas over them compute, and the bare {@code %} of the format shows them as 61 %.
     */
    static String format(ValueKind kind) {
        return switch (kind) {
            case AMOUNT -> "#,##0\\ \"kr\"";
            case PERCENT -> "0\\ %";
            case COUNT, PERSONS -> "#,##0";
            case DECIMAL -> "#,##0.0#";
            case YEAR -> "0";
            case TEXT -> "General";
        };
    }

    CellStyle number(ValueKind kind) {
        return numbers.get(kind);
    }

    /** The style for one value: a percentage with a decimal gets one decimal shown. */
    CellStyle number(ValueKind kind, Number value) {
        return fine(kind, value) ? percentFine : numbers.get(kind);
    }

    /** A number beside its label on the cover, where the value column is wide. */
    CellStyle left(ValueKind kind, Number value) {
        return fine(kind, value) ? percentFineLeft : lefts.get(kind);
    }

    CellStyle total(ValueKind kind, Number value) {
        return fine(kind, value) ? percentFineTotal : totals.get(kind);
    }

    private static boolean fine(ValueKind kind, Number value) {
        if (kind != ValueKind.PERCENT || value == null) {
            return false;
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.stripTrailingZeros().scale() > 0;
        }
        double v = value.doubleValue();
        return Double.isFinite(v) && v != Math.rint(v);
    }
}
