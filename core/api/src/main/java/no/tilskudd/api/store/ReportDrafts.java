package no.tilskudd.api.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.SubmissionKey;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reports filled in through the browser: their drafts, their submission and reopening, and every version of each,
 * in the store so that a draft survives a restart and every host on the same database sees the same. Every change is
 * one transaction together with its audit event.
 *
 * @since 1.6
 */
@ProviderType
public interface ReportDrafts {

    /**
     * The latest version of one report.
     *
     * @param key the scheme, year and org unit
     * @return the report, if one was ever saved through the browser
     * @throws StoreException when the store cannot be read
     */
    Optional<ReportDraft> draft(SubmissionKey key);

    /**
     * The latest versions of reports, ordered by scheme, year and org unit.
     *
     * @param schemeId only this scheme's, if given
     * @param year     only this year's, if given
     * @param orgUnits only these units', or every unit's when empty
     * @return the reports
     * @throws StoreException when the store cannot be read
     */
    List<ReportDraft> drafts(Optional<String> schemeId, Optional<Integer> year, Set<String> orgUnits);

    /**
     * Every version of one report.
     *
     * @param key the scheme, year and org unit
     * @return oldest first; empty when none was saved
     * @throws StoreException when the store cannot be read
     */
    List<ReportVersion> history(SubmissionKey key);

    /**
     * Saves a draft as the report's next version, whatever its values hold.
     *
     * @param key         the scheme, year and org unit
     * @param formVersion the form version
     * @param values      the answers as a JSON object
     * @param actor       who saves it
     * @return the report as saved: status {@link ReportStatus#DRAFT}, or {@link ReportStatus#REOPENED} while it is
     *         reopened (it stays open until submitted again)
     * @throws ReportClosedException when the report is submitted and not reopened, or a submission of the unit is
     *                               stored without a browser report (an import); nothing is stored
     * @throws StoreException        when the store fails; nothing is stored
     */
    ReportDraft saveDraft(SubmissionKey key, String formVersion, String values, String actor);

    /**
     * Submits a report: stores the submission as an ordinary one (as an import of one submission would, in the
     * answers and the audit trail, so that it counts in indicators at once) and the report's next version, with
     * status {@link ReportStatus#SUBMITTED}, in one transaction. A reopened report's submission replaces the stored
     * one.
     *
     * @param submission the validated submission, with its form version
     * @param values     the answers as a JSON object, as the version keeps them
     * @param source     the source the submission is stored with
     * @param actor      who submits it
     * @return the report as submitted
     * @throws ReportClosedException when the report is submitted and not reopened, or a submission of the unit is
     *                               stored without a reopened browser report; nothing is stored
     * @throws StoreException        when the store fails; nothing is stored
     */
    ReportDraft submit(Submission submission, String values, String source, String actor);

    /**
     * Reopens a submitted report for the reporter to edit and submit again; the stored submission stays, and still
     * counts, until it is replaced.
     *
     * @param key         the scheme, year and org unit
     * @param formVersion the form version of the stored submission
     * @param values      its answers as a JSON object: the reopened version starts from them
     * @param actor       who reopens it
     * @return the report as reopened
     * @throws ReportClosedException when neither a submitted browser report nor a stored submission of the unit
     *                               exists, or the report is already open; nothing is stored
     * @throws StoreException        when the store fails; nothing is stored
     */
    ReportDraft reopen(SubmissionKey key, String formVersion, String values, String actor);
}
