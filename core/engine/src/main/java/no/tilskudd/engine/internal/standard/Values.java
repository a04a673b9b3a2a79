package no.tilskudd.engine.internal.standard;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the plain values a {@link no.tilskudd.api.submission.Submission} holds. Submissions from files hold
 * {@code Long} and {@code BigDecimal}; submissions built in code may hold other numbers, so every reader here accepts
 * any of them, and treats anything else as "not given".
 */
public final class Values {

    private Values() {
    }

    /**
     * A number.
     *
     * @param value a submission value
     * @return the number, if the value is one
     */
    public static Optional<BigDecimal> number(Object value) {
        if (value instanceof BigDecimal d) {
            return Optional.of(d);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Optional.of(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof Double || value instanceof Float) {
            return Optional.of(BigDecimal.valueOf(((Number) value).doubleValue()));
        }
        return Optional.empty();
    }

    /**
     * An amount, with "not given" as zero (an absent own funding adds nothing).
     *
     * @param value a submission value
     * @return the amount, or zero
     */
    public static BigDecimal amountOrZero(Object value) {
        return number(value).orElse(BigDecimal.ZERO);
    }

    /**
     * A whole number (a count of participants, a year).
     *
     * @param value a submission value
     * @return the number, if the value is a whole number
     */
    public static Optional<Long> whole(Object value) {
        return number(value).filter(n -> n.stripTrailingZeros().scale() <= 0).map(BigDecimal::longValueExact);
    }

    /**
     * A code of a choice field (or any non-blank text).
     *
     * @param value a submission value
     * @return the text, if the value is non-blank text
     */
    public static Optional<String> code(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    /**
     * The codes of a multi-choice field, each once, in the order given.
     *
     * @param value a submission value
     * @return the codes; empty when the value is absent or not a list
     */
    public static List<String> codes(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Object o : list) {
            code(o).ifPresent(out::add);
        }
        return List.copyOf(new ArrayList<>(out));
    }

    /**
     * A yes/no value.
     *
     * @param value a submission value
     * @return the value, if it is a boolean
     */
    public static Optional<Boolean> flag(Object value) {
        return value instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    /**
     * Formats kroner the way a Norwegian reader expects them, with a space between thousands: {@code 1 250 000}.
     * Øre are shown only when there are any.
     *
     * @param amount the amount
     * @param english whether to use English grouping ({@code 1,250,000})
     * @return the text
     */
    public static String kroner(BigDecimal amount, boolean english) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(english ? ',' : ' ');
        symbols.setDecimalSeparator(english ? '.' : ',');
        DecimalFormat format = new DecimalFormat("#,##0.##", symbols);
        return format.format(amount);
    }
}
