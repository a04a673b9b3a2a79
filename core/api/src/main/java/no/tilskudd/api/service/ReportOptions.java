package no.tilskudd.api.service;

import java.util.Locale;
import java.util.Objects;

/**
 * How a report is made.
 *
 * @param locale              the language of the texts (bokmål unless English is asked for)
 * @param suppressSmallCounts whether cells that count fewer persons than the host's threshold (and cells from
 *                            which they could be worked out) are hidden; on for anything published, off only for
 *                            internal use, and the report's cover then says so
 * @param includeData         whether to add the underlying data tables (one row per submission and per measure);
 *                            the data tables are never suppressed
 * @param synthetic           whether the reports selected are synthetic demo data, which the report then says
 *                            ({@link no.tilskudd.api.report.Report#synthetic()}) so that no reader takes it for real
 */
public record ReportOptions(Locale locale, boolean suppressSmallCounts, boolean includeData, boolean synthetic) {

    /**
     * Checks the locale.
     *
     * @param locale the language of the texts (bokmål unless English is asked for)
     * @param suppressSmallCounts whether cells that count fewer persons than the host's threshold (and cells from which they could be worked out) are hidden; on for anything published, off only for internal use, and the report's cover then says so
     * @param includeData whether to add the underlying data tables (one row per submission and per measure); the data tables are never suppressed
     * @param synthetic whether the reports selected are synthetic demo data, which the report then says
     */
    public ReportOptions {
        Objects.requireNonNull(locale, "locale");
    }

    /**
     * Options for a report on real data.
     *
     * @param locale the language of the texts (bokmål unless English is asked for)
     * @param suppressSmallCounts whether small person counts are hidden (on for anything published)
     * @param includeData whether to add the underlying data tables
     */
    public ReportOptions(Locale locale, boolean suppressSmallCounts, boolean includeData) {
        this(locale, suppressSmallCounts, includeData, false);
    }

    /**
     * The options for a published report in bokmål: small counts suppressed, no raw data.
     *
     * @return the options
     */
    public static ReportOptions published() {
        return new ReportOptions(Locale.forLanguageTag("nb-NO"), true, false, false);
    }
}
