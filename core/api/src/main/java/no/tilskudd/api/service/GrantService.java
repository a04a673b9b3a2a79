package no.tilskudd.api.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.store.StoredGrant;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The grant register (tildelinger) and what it tells about reporting: who was expected to report, who did, who did
 * not. One service for the command line, the HTTP API and reports, so that they count alike.
 *
 * @since 2.1
 */
@ProviderType
public interface GrantService {

    /**
     * Reads a grant register file (CSV, UTF-8; or a workbook where a format plugin reads its rows), checks every row
     * and stores the file in one transaction, whole or not at all. Each finding names the file, the row, the column
     * (as {@link Finding#path()}) and the reason; a file with any error stores nothing, and so does a grant already
     * stored for the same scheme, year and org unit unless {@code replace} is true.
     *
     * @param file    the file
     * @param name    the file's name as the user knows it, for findings and the audit trail
     * @param replace whether grants may replace stored ones with the same scheme, year and org unit
     * @param actor   who imports it, as in {@link no.tilskudd.api.audit.AuditEntry#actor()}
     * @return what was found and stored; {@link FileReport#submissions()} counts the grant rows read
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when no reader reads this kind of file
     * @throws IllegalStateException    when no store is installed
     */
    FileReport importGrants(Path file, String name, boolean replace, String actor) throws IOException;

    /**
     * The stored grants, ordered by scheme, year and org unit.
     *
     * @param schemeId only this scheme's, if given
     * @param year     only this year's, if given
     * @return the grants
     * @throws IllegalStateException when no store is installed
     */
    List<StoredGrant> grants(Optional<String> schemeId, Optional<Integer> year);

    /**
     * The response rate of a scheme in a year: the org units with a grant are expected to report; those of them
     * with a stored report have reported; a stored report from a unit without a grant is a warning. For a
     * questionnaire the year does not matter: it is {@link #responses(String)}, so that a client that names a year
     * for every scheme gets the questionnaire's respondents.
     *
     * @param schemeId the scheme (installed or only named in the register)
     * @param year     the grant and reporting year
     * @return the counts, the rate and the units
     * @throws IllegalStateException when no store is installed
     */
    ResponseRate responses(String schemeId, int year);

    /**
     * The response rate of a questionnaire: its respondents are every org unit (or scheme-unit) with a grant from the
     * schemes and years its descriptor names ({@link no.tilskudd.api.scheme.Questionnaire}); a respondent with a
     * stored response (a row answering for its scheme, for scheme-units) has answered, whatever the response's year;
     * a response from outside the list is a warning ({@link ResponseRate#withoutGrant()}).
     *
     * @param questionnaireId the questionnaire's scheme id
     * @return the counts, the rate and the respondents, with {@link ResponseRate#questionnaire()} present
     * @throws IllegalArgumentException when no installed scheme of that id is a questionnaire
     * @throws IllegalStateException    when no store is installed
     * @since 2.3
     */
    ResponseRate responses(String questionnaireId);

    /**
     * The file kinds {@link #importGrants} reads.
     *
     * @return format ids, such as {@code csv} and {@code xlsx}
     */
    List<String> formats();
}
