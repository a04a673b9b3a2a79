package no.tilskudd.api.service;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Report;
import org.osgi.annotation.versioning.ProviderType;

/** Assembles reports from indicators and writes them, and empty form templates, through the installed exporters. */
@ProviderType
public interface ReportService {

    /**
     * Assembles the report for a selection.
     *
     * @param selection what the report covers
     * @param options   language, suppression of small counts, data tables
     * @return the report
     * @throws SchemeChangedException when the scheme or one of its indicators was removed or replaced meanwhile
     */
    Report assemble(Selection selection, ReportOptions options);

    /**
     * The report formats installed, by format id.
     *
     * @return the format ids
     */
    Set<String> reportFormats();

    /**
     * The file extension for a report format.
     *
     * @param format the format id
     * @return the extension
     * @throws UnknownFormatException when the format is not installed
     */
    String fileExtension(String format);

    /**
     * Assembles and writes a report.
     *
     * @param selection what the report covers
     * @param options   language, suppression of small counts, data tables
     * @param format    the format id
     * @param out       where to write
     * @throws UnknownFormatException when the format is not installed
     * @throws SchemeChangedException when the scheme or one of its indicators was removed or replaced meanwhile;
     *                                the caller discards what was written
     * @throws IOException            when writing fails
     */
    void writeReport(Selection selection, ReportOptions options, String format, OutputStream out) throws IOException;

    /**
     * The template formats installed.
     *
     * @return the format ids
     */
    Set<String> templateFormats();

    /**
     * Writes an empty form for a scheme and year.
     *
     * @param schemeId the scheme
     * @param year     the reporting year
     * @param format   the format id
     * @param orgUnit  an org unit code to fill in beforehand
     * @param out      where to write
     * @throws UnknownFormatException   when the format is not installed
     * @throws IllegalArgumentException when the scheme or its form for the year does not exist
     * @throws IOException              when writing fails
     */
    void writeTemplate(String schemeId, int year, String format, Optional<String> orgUnit, OutputStream out)
            throws IOException;
}
