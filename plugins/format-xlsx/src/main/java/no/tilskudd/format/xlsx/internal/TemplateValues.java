package no.tilskudd.format.xlsx.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.form.Choice;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.NumberBounds;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * Turns what a case worker typed into a cell into a submission value of the field's type ({@link Long} for whole
 * numbers and years, {@link BigDecimal} for amounts, percentages and decimals, ISO text for dates, {@link Boolean},
 * codes for choices). What cannot be converted is passed on as the text that was typed, so that the core's validation
 * reports it (with this cell as the position) in the same words as for any other format.
 *
 * <p>A number beyond {@link NumberBounds#CEILING} (1E+308, or thirty thousand digits pasted into a text cell) is passed
 * on as read, without normalising it: normalising computes with the number, and the core's validation refuses it as
 * {@code NUMBER_OUT_OF_RANGE} at this cell anyway. Numbers within it are normalised, then checked against their
 * field's bounds by the core like those of any other format.
 */
final class TemplateValues {

    private static final DateTimeFormatter NORWEGIAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");
    /** Excel's date serials run from 1 (1900-01-01) to 2958465 (9999-12-31). */
    private static final double LAST_SERIAL = 2_958_465;
    /**
     * Excel keeps and shows 15 significant digits; the rest of a double is binary noise (a formula's 0.1 + 0.2 is
     * 0.30000000000000004), which would give an amount more than its two decimals.
     */
    private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

    private TemplateValues() {
    }

    /** A number as stored in a cell, and whether the cell shows it as a date. */
    record Num(double value, boolean date) {
    }

    /**
     * What a cell holds: null when empty, else a {@link String}, {@link Num} or {@link Boolean}. A formula counts as
     * the value it last showed; an error shows as its text (e.g. {@code #REF!}).
     *
     * @param cell the cell, or null
     * @return the content
     */
    static Object raw(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> {
                String s = cell.getStringCellValue();
                yield s == null || s.isEmpty() ? null : s;
            }
            case NUMERIC -> new Num(cell.getNumericCellValue(), DateUtil.isCellDateFormatted(cell));
            case BOOLEAN -> cell.getBooleanCellValue();
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> null;
        };
    }

    static boolean blank(Object raw) {
        return raw == null || (raw instanceof String s && s.isBlank());
    }

    /**
     * The choice labels a drop-down offers, in code-list order; a label used twice gets its code added so that every
     * label names one code.
     */
    static List<String> choiceLabels(Field f) {
        Map<String, Integer> count = new HashMap<>();
        for (Choice c : f.choices()) {
            count.merge(c.label().nb().trim().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        for (Choice c : f.choices()) {
            String l = c.label().nb().trim();
            out.add(count.get(l.toLowerCase(Locale.ROOT)) > 1 ? l + " (" + c.code() + ")" : l);
        }
        return out;
    }

    /** The code for a label (as offered in the drop-down) or for the code itself, typed in any case. */
    static Optional<String> choiceCode(Field f, String text) {
        String t = text.trim();
        List<String> labels = choiceLabels(f);
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).equalsIgnoreCase(t)) {
                return Optional.of(f.choices().get(i).code());
            }
        }
        for (Choice c : f.choices()) {
            if (c.code().equals(t) || c.label().nb().trim().equalsIgnoreCase(t)
                    || c.label().en().trim().equalsIgnoreCase(t)) {
                return Optional.of(c.code());
            }
        }
        for (Choice c : f.choices()) {
            if (c.code().equalsIgnoreCase(t)) {
                return Optional.of(c.code());
            }
        }
        return Optional.empty();
    }

    /**
     * The submission value for a field's cell.
     *
     * @param f   the field
     * @param raw the cell content (not blank)
     * @return the typed value, or the typed text when it does not convert
     */
    static Object value(Field f, Object raw) {
        return switch (f.type()) {
            case TEXT -> text(raw);
            case INTEGER, YEAR -> whole(raw);
            case DECIMAL, AMOUNT, PERCENT -> decimal(raw);
            case DATE -> date(raw);
            case BOOLEAN -> yesNo(raw);
            case CHOICE -> choice(f, raw);
            case MULTI_CHOICE, GROUP -> text(raw);
        };
    }

    /** True, false, or the typed text for a Ja/Nei cell. */
    static Object yesNo(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof Num n && (n.value() == 0 || n.value() == 1)) {
            return n.value() == 1;
        }
        String t = text(raw).trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "ja", "j", "yes", "y", "true", "sant", "x" -> Boolean.TRUE;
            case "nei", "n", "no", "false", "usant" -> Boolean.FALSE;
            default -> text(raw);
        };
    }

    private static Object choice(Field f, Object raw) {
        String t = text(raw);
        return choiceCode(f, t).<Object>map(c -> c).orElse(t);
    }

    static String text(Object raw) {
        if (raw instanceof Num n) {
            BigDecimal d = normalize(BigDecimal.valueOf(n.value()));
            return d.toPlainString();
        }
        if (raw instanceof Boolean b) {
            return b ? TemplateWorkbook.YES : TemplateWorkbook.NO;
        }
        return String.valueOf(raw);
    }

    private static Object whole(Object raw) {
        Object d = decimal(raw);
        if (d instanceof BigDecimal n && n.scale() <= 0 && withinCeiling(n)) {
            return n.longValueExact();
        }
        return d;
    }

    private static Object decimal(Object raw) {
        BigDecimal d;
        if (raw instanceof Num n) {
            if (Double.isNaN(n.value()) || Double.isInfinite(n.value())) {
                return text(raw);
            }
            d = new BigDecimal(Double.toString(n.value())).round(EXCEL_DIGITS);
        } else if (raw instanceof String s) {
            Optional<BigDecimal> typed = parseNumber(s);
            if (typed.isEmpty()) {
                return s;
            }
            d = typed.get();
        } else {
            return text(raw);
        }
        return withinCeiling(d) ? normalize(d) : d;
    }

    private static boolean withinCeiling(BigDecimal d) {
        return NumberBounds.CEILING.check(d) == NumberBounds.Check.IN_RANGE;
    }

    /**
     * Reads "12 500", "12 500 kr", "12,5", "80 %" as numbers, as a person types them in a text cell; not normalised,
     * because the number may be far out of bounds.
     */
    static Optional<BigDecimal> parseNumber(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("kr")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1);
        }
        t = t.replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace('\u2212', '-');
        if (t.indexOf(',') >= 0 && t.indexOf('.') < 0 && t.indexOf(',') == t.lastIndexOf(',')) {
            t = t.replace(',', '.');
        }
        if (!t.matches("[+-]?\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(t));
    }

    /** 500000 rather than 5E+5 or 500000.0, so that equal numbers are equal values. */
    static BigDecimal normalize(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static Object date(Object raw) {
        if (raw instanceof Num n && n.value() >= 1 && n.value() <= LAST_SERIAL) {
            return DateUtil.getLocalDateTime(n.value()).toLocalDate().toString();
        }
        String t = text(raw).trim();
        try {
            return LocalDate.parse(t).toString();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(t, NORWEGIAN_DATE).toString();
            } catch (DateTimeParseException e2) {
                return t;
            }
        }
    }
}
