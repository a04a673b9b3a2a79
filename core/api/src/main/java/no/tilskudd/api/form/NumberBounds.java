package no.tilskudd.api.form;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * The numbers a numeric field accepts: a closed range and a most number of decimals. Every numeric type has
 * defaults ({@link #defaults(FieldType)}); a field's {@code min} and {@code max} replace the default ends; nothing
 * may lie outside {@link #CEILING}.
 *
 * <p>The checks compare a number's magnitude (its precision and scale) before doing any arithmetic, so a hostile
 * {@code 1e99999999} (a one-digit {@link BigDecimal} with scale -99999999, which {@code toBigInteger()} or an
 * addition would expand to a hundred million digits) is refused as fast as {@code 1}. Importers that convert text
 * to numbers use these bounds before normalising what they read; the core checks every submission value against
 * them before any rule or plugin validator sees it.
 *
 * @param min      the smallest accepted value, inclusive
 * @param max      the largest accepted value, inclusive
 * @param decimals the most digits after the decimal point (trailing zeros do not count)
 */
public record NumberBounds(BigDecimal min, BigDecimal max, int decimals) {

    /**
     * The outer limit for any number in a submission, whatever its field: the range of a Java {@code long} and
     * at most 20 decimals (more than any program writes for a {@code double} of a sensible size). A field's
     * {@code min}/{@code max} must lie within it.
     */
    public static final NumberBounds CEILING = new NumberBounds(BigDecimal.valueOf(Long.MIN_VALUE),
            BigDecimal.valueOf(Long.MAX_VALUE), 20);

    private static final BigDecimal AMOUNT_MAX = BigDecimal.TEN.pow(12);
    private static final BigDecimal DECIMAL_MAX = BigDecimal.TEN.pow(15);

    private static final NumberBounds AMOUNT = new NumberBounds(BigDecimal.ZERO, AMOUNT_MAX, 2);
    private static final NumberBounds INTEGER = new NumberBounds(CEILING.min, CEILING.max, 0);
    private static final NumberBounds PERCENT = new NumberBounds(BigDecimal.ZERO, BigDecimal.valueOf(100),
            CEILING.decimals);
    private static final NumberBounds YEAR = new NumberBounds(BigDecimal.valueOf(1900), BigDecimal.valueOf(2100), 0);
    private static final NumberBounds DECIMAL = new NumberBounds(DECIMAL_MAX.negate(), DECIMAL_MAX, CEILING.decimals);

    /**
     * Checks the parts.
     *
     * @param min      the smallest accepted value, inclusive
     * @param max      the largest accepted value, inclusive
     * @param decimals the most digits after the decimal point
     * @throws IllegalArgumentException when min is above max or decimals is negative
     */
    public NumberBounds {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min " + min + " is larger than max " + max);
        }
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must not be negative: " + decimals);
        }
    }

    /**
     * The default bounds of a field type: amounts 0 to 10^12 kroner with at most two decimals (øre); integers the
     * range of a {@code long}; percentages 0 to 100; years 1900 to 2100; decimals -10^15 to 10^15. Integers and
     * years take no decimals, decimals and percentages at most 20.
     *
     * @param type the field type
     * @return the bounds, or empty for a type that is not numeric
     */
    public static Optional<NumberBounds> defaults(FieldType type) {
        return Optional.ofNullable(switch (type) {
            case AMOUNT -> AMOUNT;
            case INTEGER -> INTEGER;
            case PERCENT -> PERCENT;
            case YEAR -> YEAR;
            case DECIMAL -> DECIMAL;
            default -> null;
        });
    }

    /**
     * The bounds of a field: its type's defaults, with the field's {@code min} and {@code max} in place of the
     * default ends.
     *
     * @param field the field
     * @return the bounds, or empty when the field is not numeric
     * @throws IllegalArgumentException when the field's min/max leave no range (min above the default max, say)
     */
    public static Optional<NumberBounds> of(Field field) {
        Optional<NumberBounds> d = defaults(field.type());
        Constraints c = field.constraints();
        if (d.isEmpty() || (c.min().isEmpty() && c.max().isEmpty())) {
            return d;
        }
        return Optional.of(new NumberBounds(c.min().orElse(d.get().min), c.max().orElse(d.get().max),
                d.get().decimals));
    }

    /**
     * Tells whether a value is a number that {@link #check(Object)} can judge: {@link BigDecimal},
     * {@link BigInteger}, {@link Long}, {@link Integer}, {@link Short}, {@link Byte}, {@link Double} or
     * {@link Float}.
     *
     * @param value a submission value
     * @return true for those types
     */
    public static boolean isNumber(Object value) {
        return value instanceof Long || value instanceof BigDecimal || value instanceof Integer
                || value instanceof Double || value instanceof BigInteger || value instanceof Short
                || value instanceof Byte || value instanceof Float;
    }

    /** The outcome of {@link #check(Object)}. */
    public enum Check {
        /** Within the range, with no more decimals than allowed. */
        IN_RANGE,
        /** Below the minimum or above the maximum (also NaN and infinities). */
        OUT_OF_RANGE,
        /** Within the range but with more decimals than allowed. */
        TOO_PRECISE,
        /** Not a number at all; other checks say what is wrong with it. */
        NOT_A_NUMBER
    }

    /**
     * Checks a value, whatever its Java type, without converting or computing with it first.
     *
     * @param value a submission value
     * @return the outcome
     */
    public Check check(Object value) {
        BigDecimal d;
        if (value instanceof Long l) {
            // The common case, without allocating: a long has no decimals.
            return compare(min, l) <= 0 && compare(max, l) >= 0 ? Check.IN_RANGE : Check.OUT_OF_RANGE;
        } else if (value instanceof BigDecimal b) {
            d = b;
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            d = BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger b) {
            d = new BigDecimal(b);
        } else if (value instanceof Double || value instanceof Float) {
            double x = ((Number) value).doubleValue();
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                return Check.OUT_OF_RANGE;
            }
            d = BigDecimal.valueOf(x);
        } else {
            return Check.NOT_A_NUMBER;
        }
        // compareTo looks at the adjusted exponents (precision - scale) first and rescales only numbers of the same
        // magnitude, so it is cheap for any scale.
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            return Check.OUT_OF_RANGE;
        }
        return decimalsOf(d) > decimals ? Check.TOO_PRECISE : Check.IN_RANGE;
    }

    private static int compare(BigDecimal bound, long x) {
        if (bound.scale() == 0 && bound.precision() <= 18) {
            return Long.compare(bound.longValue(), x);
        }
        return bound.compareTo(BigDecimal.valueOf(x));
    }

    /**
     * The digits after the decimal point, trailing zeros not counted, computed without expanding the number.
     *
     * @param d a number within the ceiling's range
     * @return the count; {@code Integer.MAX_VALUE} when it is beyond any bound
     */
    private static long decimalsOf(BigDecimal d) {
        if (d.scale() <= 0 || d.signum() == 0) {
            return 0;
        }
        // |d| < 10^(precision - scale); a non-zero number below 10^-20 has more than 20 decimals, and stripping
        // trailing zeros of anything else divides at most precision + 20 times.
        if ((long) d.precision() - d.scale() < -CEILING.decimals) {
            return Integer.MAX_VALUE;
        }
        return Math.max(0, d.stripTrailingZeros().scale());
    }
}
