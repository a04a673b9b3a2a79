package no.tilskudd.format.xlsx.internal;

import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Writes user text into cells. Text is only ever stored as a string cell (POI never turns a string into a formula),
 * and text that a spreadsheet would take for a formula when typed or pasted ({@code = + - @}, tab, carriage return at
 * the start) also gets a quote prefix, so that editing the cell or copying it out as CSV keeps it text.
 */
final class Cells {

    /** Excel's limit for the text in one cell. */
    static final int MAX_TEXT = 32_767;

    private final Workbook workbook;
    private final Map<CellStyle, CellStyle> quoted = new IdentityHashMap<>();

    Cells(Workbook workbook) {
        this.workbook = workbook;
    }

    /**
     * Tells whether a spreadsheet could read text as a formula.
     *
     * @param s the text
     * @return true if it starts with {@code = + - @}, a tab or a carriage return
     */
    static boolean formulaLike(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /**
     * Makes text safe for the XML of a workbook: characters XML 1.0 cannot hold become U+FFFD, and text over Excel's
     * limit is cut.
     *
     * @param s the text
     * @return the cleaned text
     */
    static String clean(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
            if (bad) {
                if (b == null) {
                    b = new StringBuilder(s.substring(0, i));
                }
                b.append('\uFFFD');
            } else if (b != null) {
                b.append(c);
            }
        }
        String t = b == null ? s : b.toString();
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT - 1) + "…" : t;
    }

    /**
     * Writes text as a string cell.
     *
     * @param cell  the cell
     * @param text  the text
     * @param style the style to use (a quote-prefixed copy of it for formula-like text)
     */
    void text(Cell cell, String text, CellStyle style) {
        String t = clean(text);
        cell.setCellValue(t);
        if (formulaLike(t)) {
            cell.setCellStyle(quoted(style));
        } else if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private CellStyle quoted(CellStyle style) {
        return quoted.computeIfAbsent(style, s -> {
            CellStyle q = workbook.createCellStyle();
            if (s != null) {
                q.cloneStyleFrom(s);
            }
            q.setQuotePrefixed(true);
            return q;
        });
    }
}
