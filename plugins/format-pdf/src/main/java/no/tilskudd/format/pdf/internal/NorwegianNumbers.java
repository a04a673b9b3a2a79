package no.tilskudd.format.pdf.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import no.tilskudd.api.report.ValueKind;

/**
 * Numbers as Norwegian publications print them: a no-break space between groups of three digits, a decimal comma,
 * a real minus sign, "kr" after amounts and " %" after percentages (both with a no-break space, so a number and its
 * unit never part at a line break). An English report gets English digits instead: a comma between groups and a
 * decimal point (86.7, 1,250,000 kr), never a mix of the two.
 */
final class NorwegianNumbers {

    /** Between digit groups and before units: a no-break space, which every PDF viewer and text extractor keeps. */
    static final char SPACE = '\u00A0';
    static final char MINUS = '\u2212';

    private NorwegianNumbers() {
    }

    /**
     * Formats a number for a cell of the given kind.
     *
     * @param value the number
     * @param kind  the column's kind
     * @return the text
     */
    static String format(Number value, ValueKind kind) {
        return format(value, kind, false);
    }

    /**
     * Formats a number for a cell of the given kind in the report's language.
     *
     * @param value   the number
     * @param kind    the column's kind
     * @param english English digit grouping and decimal point instead of Norwegian
     * @return the text
     */
    static String format(Number value, ValueKind kind, boolean english) {
        String norwegian = norwegian(value, kind);
        return english ? toEnglish(norwegian) : norwegian;
    }

    /** Swaps the Norwegian separators for the English ones: a group space becomes a comma, a decimal comma a point. */
    private static String toEnglish(String norwegian) {
        StringBuilder b = new StringBuilder(norwegian.length());
        for (int i = 0; i < norwegian.length(); i++) {
            char c = norwegian.charAt(i);
            boolean digitBefore = i > 0 && Character.isDigit(norwegian.charAt(i - 1));
            boolean digitAfter = i + 1 < norwegian.length() && Character.isDigit(norwegian.charAt(i + 1));
            if (c == SPACE && digitBefore && digitAfter) {
                b.append(',');
            } else if (c == ',' && digitBefore && digitAfter) {
                b.append('.');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String norwegian(Number value, ValueKind kind) {
        BigDecimal d = decimal(value);
        if (d == null) {
            return String.valueOf(value);
        }
        if (d.signum() != 0) {
            // Rounding 1E+99999999 to whole kroner would build a number of 100 million digits (and 1E-99999999
            // would divide by one): far outside any amount, a number is printed exactly with its exponent instead,
            // and one far below the smallest printed decimal is the zero it rounds to.
            long exponent = (long) d.precision() - d.scale() - 1;
            if (exponent > MAX_PLAIN_EXPONENT) {
                return scientific(d) + unit(kind);
            }
            if (exponent < -MAX_PLAIN_EXPONENT) {
                d = BigDecimal.ZERO;
            }
        }
        return switch (kind) {
            case YEAR -> plain(d.setScale(0, RoundingMode.HALF_UP), false);
            case COUNT, PERSONS -> plain(d.setScale(0, RoundingMode.HALF_UP), true);
            case AMOUNT -> plain(isWhole(d) ? d.setScale(0, RoundingMode.HALF_UP) : d.setScale(2, RoundingMode.HALF_UP),
                    true) + SPACE + "kr";
            case PERCENT -> plain(isWhole(d) ? d.setScale(0, RoundingMode.HALF_UP) : d.setScale(1, RoundingMode.HALF_UP),
                    true) + SPACE + "%";
            case DECIMAL, TEXT -> plain(d.setScale(Math.min(Math.max(d.stripTrailingZeros().scale(), 0), 2),
                    RoundingMode.HALF_UP), true);
        };
    }

    /** Numbers with more whole digits than this are printed with an exponent: 10^30 kr is no amount. */
    static final int MAX_PLAIN_EXPONENT = 30;

    private static String unit(ValueKind kind) {
        return kind == ValueKind.AMOUNT ? SPACE + "kr" : kind == ValueKind.PERCENT ? SPACE + "%" : "";
    }

    /** Every digit, with a decimal comma, a real minus sign and an exponent: 1,5E+400. */
    private static String scientific(BigDecimal d) {
        String s = d.stripTrailingZeros().toString().replace('.', ',');
        return s.startsWith("-") ? MINUS + s.substring(1) : s;
    }

    /** A whole count, grouped, as in "N = 1 234". */
    static String count(long value) {
        return format(value, ValueKind.COUNT);
    }

    /** A whole count, grouped, in the report's language. */
    static String count(long value, boolean english) {
        return format(value, ValueKind.COUNT, english);
    }

    private static boolean isWhole(BigDecimal d) {
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }

    /** The number as a BigDecimal, or null for NaN and infinities, which are printed as Java prints them. */
    private static BigDecimal decimal(Number value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Double || value instanceof Float) {
            double v = value.doubleValue();
            return Double.isFinite(v) ? BigDecimal.valueOf(v) : null;
        }
        return BigDecimal.valueOf(value.longValue());
    }

    private static String plain(BigDecimal d, boolean group) {
        String digits = d.abs().toPlainString();
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (d.signum() < 0) {
            out.append(MINUS);
        }
        for (int i = 0; i < whole.length(); i++) {
            if (group && i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(SPACE);
            }
            out.append(whole.charAt(i));
        }
        if (dot >= 0) {
            out.append(',').append(digits, dot + 1, digits.length());
        }
        return out.toString();
    }

    /** The same rules as a {@link NumberFormat}, for chart axes and value labels. */
    static NumberFormat asFormat(ValueKind kind) {
        return asFormat(kind, false);
    }

    /** The same rules as a {@link NumberFormat} in the report's language. */
    static NumberFormat asFormat(ValueKind kind, boolean english) {
        return new Format(kind == null ? ValueKind.DECIMAL : kind, english);
    }

    private static final class Format extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final ValueKind kind;
        private final boolean english;

        Format(ValueKind kind, boolean english) {
            this.kind = kind;
            this.english = english;
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(NorwegianNumbers.format(number, kind, english));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(NorwegianNumbers.format(number, kind, english));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("formatting only");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Format f && f.kind == kind && f.english == english;
        }

        @Override
        public int hashCode() {
            return kind.hashCode();
        }
    }
}
