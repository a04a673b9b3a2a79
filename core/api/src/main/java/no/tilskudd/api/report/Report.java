package no.tilskudd.api.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A report, independent of any file format. Its own texts are in the report's language; its {@link Table}s are
 * language-neutral, and exporters pick their texts with {@link #locale()}.
 *
 * @param title    the title
 * @param language the language tag, e.g. {@code nb-NO}
 * @param metadata facts for the cover, in order (scheme, years, selection, generated time, N, data source...)
 * @param sections the sections in order
 * @param data     the underlying data as plain tables (e.g. one row per submission, one row per measure), for formats
 *                 that carry data for further analysis (a workbook); formats for reading (PDF) may leave them out.
 *                 Person counts in data tables are never suppressed, so a report with data tables is for internal use
 *                 unless the data tables are left out.
 * @param synthetic whether the report rests on synthetic demo data; every format says so where a reader sees it
 */
public record Report(String title, String language, Map<String, String> metadata, List<ReportSection> sections,
        List<Table> data, boolean synthetic) {

    /**
     * Checks the parts and freezes the collections (keeping the metadata's order).
     *
     * @param title the title
     * @param language the language tag, e.g. {@code nb-NO}
     * @param metadata facts for the cover, in order (scheme, years, selection, generated time, N, data source...)
     * @param sections the sections in order
     * @param data the underlying data as plain tables (e.g. one row per submission, one row per measure), for formats that carry data for further analysis (a workbook); formats for reading (PDF) may leave them out. Person counts in data tables are never suppressed, so a report with data tables is for internal use unless the data tables are left out.
     * @param synthetic whether the report rests on synthetic demo data
     */
    public Report {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(language, "language");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        sections = List.copyOf(sections);
        data = List.copyOf(data);
    }

    /**
     * A report on real data.
     *
     * @param title the title
     * @param language the language tag, e.g. {@code nb-NO}
     * @param metadata facts for the cover, in order
     * @param sections the sections in order
     * @param data the underlying data as plain tables
     */
    public Report(String title, String language, Map<String, String> metadata, List<ReportSection> sections,
            List<Table> data) {
        this(title, language, metadata, sections, data, false);
    }

    /**
     * The report's language as a locale, to pick the texts of its tables with
     * ({@link no.tilskudd.api.form.LocalizedText#in(Locale)}).
     *
     * @return the locale
     */
    public Locale locale() {
        return Locale.forLanguageTag(language);
    }
}
