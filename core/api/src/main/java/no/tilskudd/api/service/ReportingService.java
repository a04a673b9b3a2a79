package no.tilskudd.api.service;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import no.tilskudd.api.store.ReportDraft;
import no.tilskudd.api.submission.SubmissionKey;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reporting through the browser: the forms a unit fills in, its drafts, their validation by the same engine as an
 * import, their submission as ordinary submissions, receipts, reopening, and the reporting status of a scheme and
 * year. Every method takes the {@link ReportingUser} and refuses with {@link ReportingDeniedException} what that user
 * may not do, so that the HTTP API and the command line apply the same rules: a reporter sees and changes only the
 * reports of its own units; reopening and the status are for analysts and administrators.
 *
 * @since 2.4
 */
@ProviderType
public interface ReportingService {

    /**
     * The user's units, the installed forms by scheme and year, and the reports of those units so far.
     *
     * @param user who asks
     * @return the assignments
     * @throws IllegalStateException when no store is installed
     */
    ReportingAssignments assignments(ReportingUser user);

    /**
     * The form for a scheme and year.
     *
     * @param user     who asks (any role may read a form)
     * @param schemeId the scheme
     * @param year     the reporting year
     * @return the scheme and its form for the year
     * @throws java.util.NoSuchElementException when the scheme is not installed or has no form for the year
     */
    ReportForm form(ReportingUser user, String schemeId, int year);

    /**
     * One unit's report, with its history.
     *
     * @param user who asks
     * @param key  the scheme, year and org unit
     * @return where it stands; status empty when nothing was saved yet
     * @throws ReportingDeniedException when a reporter asks for another unit
     * @throws java.util.NoSuchElementException when the scheme has no form for the year
     */
    ReportState report(ReportingUser user, SubmissionKey key);

    /**
     * Validates values without storing anything: read by the submission importer and checked by the
     * {@link ValidationService}, the same codes and messages as {@code tilskudd validate}.
     *
     * @param user  who asks
     * @param input the values
     * @return the findings, and which conditional fields apply
     * @throws ReportingDeniedException when a reporter asks for another unit
     * @throws java.util.NoSuchElementException when the scheme has no form for the year
     */
    ReportCheck validate(ReportingUser user, ReportInput input);

    /**
     * Saves a draft, whatever its findings, as the report's next version.
     *
     * @param user  who saves
     * @param input the values
     * @return the draft as saved, and what validation found
     * @throws ReportingDeniedException when a reporter saves for another unit
     * @throws no.tilskudd.api.store.ReportClosedException when the report is submitted and not reopened
     * @throws java.util.NoSuchElementException when the scheme has no form for the year
     */
    ReportSaved saveDraft(ReportingUser user, ReportInput input);

    /**
     * Submits a report: validated, then stored whole as an ordinary submission (counted in indicators at once) and
     * as the report's next version; with any error nothing is stored and the report is empty in the answer.
     *
     * @param user  who submits
     * @param input the values
     * @return the report as submitted, or the findings that refused it
     * @throws ReportingDeniedException when a reporter submits for another unit
     * @throws no.tilskudd.api.store.ReportClosedException when the report is submitted and not reopened
     * @throws java.util.NoSuchElementException when the scheme has no form for the year
     */
    ReportSaved submit(ReportingUser user, ReportInput input);

    /**
     * Writes the receipt of a submitted report with the installed PDF exporter: scheme, year, unit, version, when
     * and by whom it was submitted, and every answer with its label.
     *
     * @param user   who asks
     * @param key    the scheme, year and org unit
     * @param locale the language of labels and headings
     * @param out    where to write the PDF
     * @throws ReportingDeniedException when a reporter asks for another unit
     * @throws java.util.NoSuchElementException when the report is not submitted
     * @throws UnknownFormatException when no PDF exporter is installed
     * @throws IOException when writing fails
     */
    void receipt(ReportingUser user, SubmissionKey key, Locale locale, OutputStream out) throws IOException;

    /**
     * Reopens a submitted report (or a unit's imported submission) so that the reporter may edit and submit it
     * again; the stored submission counts until the new one replaces it.
     *
     * @param user who reopens: an analyst or administrator
     * @param key  the scheme, year and org unit
     * @return the report as reopened
     * @throws ReportingDeniedException when a reporter asks
     * @throws no.tilskudd.api.store.ReportClosedException when the report is not submitted
     */
    ReportDraft reopen(ReportingUser user, SubmissionKey key);

    /**
     * The reporting status of a scheme and year: the units expected to report (those with a grant in the grant
     * register when it has rows for the scheme and year, else those that reported the year before), and where each
     * of their reports stands, with whom to remind.
     *
     * @param user     who asks: an analyst or administrator
     * @param schemeId the scheme
     * @param year     the reporting year
     * @return the status
     * @throws ReportingDeniedException when a reporter asks
     * @throws IllegalStateException when no store is installed
     */
    ReportingStatus status(ReportingUser user, String schemeId, int year);
}
