package no.tilskudd.engine.internal.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.NumberBounds;
import no.tilskudd.api.form.NumberBounds.Check;
import no.tilskudd.api.submission.Violation;

/**
 * The bounds checks of a submission's numbers: every number against the bounds of its field, and numbers anywhere
 * else (unknown fields, a number given for a text field, inside lists) against {@link NumberBounds#CEILING}, before
 * any condition, rule or plugin validator computes with them. The checks compare magnitudes only, so they take
 * microseconds even for {@code 1e99999999}.
 */
public final class NumberRanges {

    public static final String CODE = "NUMBER_OUT_OF_RANGE";

    private NumberRanges() {
    }

    /**
     * Tells whether a whole-number field's value has a fraction that the type check reports ("a whole number")
     * rather than this check: a few decimals, within the ceiling.
     *
     * @param f the field
     * @param v its value
     * @return true for such a fraction
     */
    static boolean isPlainFraction(Field f, Object v) {
        return NumberBounds.of(f).map(b -> b.check(v)).orElse(Check.NOT_A_NUMBER) == Check.TOO_PRECISE
                && NumberBounds.CEILING.check(v) == Check.IN_RANGE;
    }

    /**
     * Checks a numeric field's number against the field's bounds.
     *
     * @param f    the field
     * @param v    its value, a number ({@link NumberBounds#isNumber})
     * @param path its path, for the violation
     * @param out  where a {@code NUMBER_OUT_OF_RANGE} violation goes
     * @return false when the number is out of range (and was reported)
     */
    static boolean number(Field f, Object v, String path, List<Violation> out) {
        NumberBounds b = NumberBounds.of(f).orElseThrow();
        Check c = b.check(v);
        boolean whole = b.decimals() == 0;
        if (c == Check.IN_RANGE || c == Check.NOT_A_NUMBER || (c == Check.TOO_PRECISE && whole
                && isPlainFraction(f, v))) {
            return true;
        }
        if (c == Check.OUT_OF_RANGE || whole) {
            String kind = whole ? "et heltall" : "et tall";
            String kindEn = whole ? "a whole number" : "a number";
            out.add(Violation.error(path, CODE,
                    "«" + f.label().nb() + "» må være " + kind + " fra " + plain(b.min()) + " til " + plain(b.max())
                            + " (er " + show(v) + ").",
                    "'" + f.label().en() + "' must be " + kindEn + " from " + plain(b.min()) + " to "
                            + plain(b.max()) + " (is " + show(v) + ")."));
        } else {
            out.add(Violation.error(path, CODE,
                    "«" + f.label().nb() + "» kan ha høyst " + b.decimals() + " desimaler (er " + show(v) + ").",
                    "'" + f.label().en() + "' can have at most " + b.decimals() + " decimals (is " + show(v) + ")."));
        }
        return false;
    }

    /**
     * Checks numbers that no numeric field describes (a number given for a text field, an unknown field, numbers
     * inside lists and objects) against the ceiling.
     *
     * @param v    the value
     * @param path its path, for violations
     * @param out  where {@code NUMBER_OUT_OF_RANGE} violations go
     * @return false when a number was out of range (and was reported)
     */
    static boolean scan(Object v, String path, List<Violation> out) {
        if (v instanceof String || v instanceof Boolean || v == null) {
            return true;
        }
        boolean ok = true;
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                ok &= scan(e.getValue(), path + "." + e.getKey(), out);
            }
            return ok;
        }
        if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                Object o = l.get(i);
                if (!(o instanceof String)) {
                    ok &= scan(o, path + "[" + i + "]", out);
                }
            }
            return ok;
        }
        Check c = NumberBounds.CEILING.check(v);
        if (c == Check.IN_RANGE || c == Check.NOT_A_NUMBER) {
            return true;
        }
        NumberBounds b = NumberBounds.CEILING;
        String range = plain(b.min()) + " til " + plain(b.max()) + ", høyst " + b.decimals() + " desimaler";
        String rangeEn = plain(b.min()) + " to " + plain(b.max()) + ", at most " + b.decimals() + " decimals";
        out.add(Violation.error(path, CODE,
                "«" + path + "» er " + show(v) + ", utenfor det noe felt godtar (" + range + ").",
                "'" + path + "' is " + show(v) + ", beyond what any field accepts (" + rangeEn + ")."));
        return false;
    }

    private static String plain(BigDecimal d) {
        return d.toPlainString();
    }

    /**
     * A number for a message: plain when it is of a sensible size, else in scientific notation (the plain form of
     * 1E+99999999 has a hundred million digits), and shortened around the middle so the exponent stays visible.
     */
    public static String show(Object v) {
        String t;
        if (v instanceof BigDecimal d) {
            t = NumberBounds.CEILING.check(d) == Check.IN_RANGE ? d.toPlainString() : d.toString();
        } else {
            t = String.valueOf(v);
        }
        return t.length() <= 40 ? t : t.substring(0, 24) + "…" + t.substring(t.length() - 12);
    }
}
