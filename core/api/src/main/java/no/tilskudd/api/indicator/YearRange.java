package no.tilskudd.api.indicator;

/**
 * Reporting years as a user writes them, {@code 2016} or {@code 2016-2017}: the one rule by which the command line
 * ({@code --years}, {@code --year}) and the HTTP API ({@code years=}) read them, so that both accept and refuse the
 * same text with the same reason.
 *
 * @param from the first year
 * @param to   the last year (equal to {@code from} for a single year)
 */
public record YearRange(int from, int to) {

    /** The earliest plausible reporting year; the same bound as a form definition's {@code year} fields. */
    public static final int EARLIEST = 1900;
    /** The latest plausible reporting year. */
    public static final int LATEST = 2100;

    /**
     * Checks the range.
     *
     * @param from the first year
     * @param to   the last year
     * @throws IllegalArgumentException when a year is implausible or the range ends before it starts
     */
    public YearRange {
        check(from);
        check(to);
        if (to < from) {
            throw new IllegalArgumentException(from + "-" + to + ": the range ends before it starts");
        }
    }

    /**
     * Reads {@code 2016} or {@code 2016-2017}.
     *
     * @param text the text
     * @return the range
     * @throws IllegalArgumentException when the text is not a plausible year or range, with the reason
     */
    public static YearRange parse(String text) {
        String[] parts = text.split("-", -1);
        if (parts.length == 1) {
            int y = year(parts[0]);
            return new YearRange(y, y);
        }
        if (parts.length == 2) {
            return new YearRange(year(parts[0]), year(parts[1]));
        }
        throw new IllegalArgumentException("'" + text + "' is not a year or a range such as 2016-2017");
    }

    /**
     * Reads one year.
     *
     * @param text the text
     * @return the year
     * @throws IllegalArgumentException when the text is not a plausible year
     */
    public static int year(String text) {
        int y;
        try {
            y = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a year");
        }
        return check(y);
    }

    private static int check(int y) {
        if (y < EARLIEST || y > LATEST) {
            throw new IllegalArgumentException("'" + y + "' is not a plausible year (" + EARLIEST + "-" + LATEST + ")");
        }
        return y;
    }
}
