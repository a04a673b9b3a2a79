package no.tilskudd.engine.internal.standard;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding as in the published tables of the evaluation: whole percent, with a half rounded up (1 of 8 = 12.5 %
 * is shown as 13). Exact decimal arithmetic is used so that a half is never lost to binary floating point.
 */
public final class Percentages {

    private Percentages() {
    }

    /**
     * A whole percentage.
     *
     * @param part  the count
     * @param total what it is a share of
     * @return the percentage rounded half up, or null when the total is zero (no basis, which is not 0 %)
     */
    public static Long whole(long part, long total) {
        if (total == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * A mean with a fixed number of decimals, rounded half up.
     *
     * @param sum      the sum
     * @param count    how many values the sum is of
     * @param decimals the decimals to keep
     * @return the mean, or null when the count is zero
     */
    public static BigDecimal mean(BigDecimal sum, long count, int decimals) {
        if (count == 0) {
            return null;
        }
        return sum.divide(BigDecimal.valueOf(count), decimals, RoundingMode.HALF_UP);
    }
}
