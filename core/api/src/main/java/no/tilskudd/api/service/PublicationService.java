package no.tilskudd.api.service;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.report.Report;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Publications: reports defined as data (sections, text whose numbers are filled from computed tables, tables,
 * charts, key figures), shipped in plugins or uploaded by analysts, and their frozen editions. One service for the
 * command line, the HTTP API and the console.
 *
 * @since 2.3
 */
@ProviderType
public interface PublicationService {

    /**
     * Every publication that is shipped or uploaded (the latest revision of each uploaded one).
     *
     * @return by id
     */
    List<PublicationInfo> publications();

    /**
     * One publication.
     *
     * @param id the publication id
     * @return it, if shipped or uploaded
     */
    Optional<PublicationInfo> publication(String id);

    /**
     * Checks a definition against the installed schemes and indicators and keeps it in the store as the next
     * revision of its id, attributed to the actor.
     *
     * @param fileName   the file's name as the user knows it, for messages
     * @param definition the definition (JSON, UTF-8)
     * @param actor      who uploads it
     * @return the publication as now kept
     * @throws PublicationException when the definition is refused (file, JSON pointer and reason), or its id is that
     *                              of a publication a plugin ships
     * @throws IllegalStateException when no store is installed
     */
    PublicationInfo add(String fileName, byte[] definition, String actor);

    /**
     * Assembles a publication: its live figures, or those of a frozen edition.
     *
     * @param id      the publication id
     * @param edition a frozen edition, or empty for the live figures
     * @param options language and suppression of small counts (data tables are not part of a publication)
     * @return the report
     * @throws IllegalArgumentException when there is no such publication or edition
     * @throws PublicationException     when the live figures cannot be made (e.g. an indicator it names is gone, a
     *                                  placeholder names a row or column its table does not have)
     */
    Report assemble(String id, Optional<String> edition, ReportOptions options);

    /**
     * Assembles a publication and writes it through an installed exporter.
     *
     * @param id      the publication id
     * @param edition a frozen edition, or empty for the live figures
     * @param options language and suppression of small counts
     * @param format  the format id
     * @param out     where to write
     * @throws UnknownFormatException when the format is not installed
     * @throws IOException            when writing fails
     */
    void writeReport(String id, Optional<String> edition, ReportOptions options, String format, OutputStream out)
            throws IOException;

    /**
     * Freezes the live figures of a publication as an edition: its tables, the data cut-off and the submissions
     * they were computed from.
     *
     * @param id      the publication id
     * @param edition the edition's name (letters, digits, {@code .}, {@code -}, {@code _}), new for the publication
     * @param actor   who freezes it
     * @return the edition
     * @throws IllegalArgumentException when there is no such publication, or the edition exists
     * @throws IllegalStateException    when no store is installed
     */
    PublicationEdition freeze(String id, String edition, String actor);

    /**
     * Compares a frozen edition with the live figures.
     *
     * @param id      the publication id
     * @param edition the edition
     * @return the figures that differ and the submissions added, replaced or deleted since
     * @throws IllegalArgumentException when there is no such publication or edition
     */
    EditionComparison compare(String id, String edition);
}
