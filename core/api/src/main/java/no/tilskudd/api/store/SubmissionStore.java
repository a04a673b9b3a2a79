package no.tilskudd.api.store;

import java.util.List;
import java.util.function.Consumer;
import no.tilskudd.api.submission.Submission;
import org.osgi.annotation.versioning.ProviderType;

/** Where accepted submissions are kept. Every save is one transaction: all of it is stored, or none of it. */
@ProviderType
public interface SubmissionStore {

    /**
     * Stores submissions in one transaction, recorded in the audit trail as made by {@code system}.
     *
     * @param submissions the submissions, each with its form version filled in
     * @param replace     whether a submission may replace a stored one with the same scheme, year and org unit
     * @param source      where the submissions came from (a file name)
     * @return how many were inserted and replaced
     * @throws DuplicateSubmissionException when {@code replace} is false and a submission is already stored, or when
     *                                      the batch itself holds the same key twice; nothing is stored
     * @throws StoreException               when the store fails; nothing is stored
     */
    default SaveResult save(List<Submission> submissions, boolean replace, String source) {
        return save(submissions, replace, source, "system");
    }

    /**
     * Stores submissions in one transaction and records the change, with who made it, in the audit trail in the same
     * transaction: the data and its record are stored together or not at all.
     *
     * @param submissions the submissions, each with its form version filled in
     * @param replace     whether a submission may replace a stored one with the same scheme, year and org unit
     * @param source      where the submissions came from (a file name)
     * @param actor       who stores them, as in {@link no.tilskudd.api.audit.AuditEntry#actor()}
     * @return how many were inserted and replaced
     * @throws DuplicateSubmissionException when {@code replace} is false and a submission is already stored, or when
     *                                      the batch itself holds the same key twice; nothing is stored
     * @throws StoreException               when the store fails; nothing is stored
     * @since 1.1
     */
    SaveResult save(List<Submission> submissions, boolean replace, String source, String actor);

    /**
     * Reads stored submissions, ordered by scheme, year and org unit.
     *
     * @param query which ones
     * @return the submissions
     */
    List<StoredSubmission> find(SubmissionQuery query);

    /**
     * Reads stored submissions one at a time, in the order of {@link #find}, for work over a whole selection (such as
     * re-validating every stored report) that must not hold the selection in the heap. This default reads the whole
     * list first; a store with a database streams the rows.
     *
     * @param query  which ones
     * @param action what to do with each, called on the calling thread
     * @since 1.7
     */
    default void forEach(SubmissionQuery query, Consumer<StoredSubmission> action) {
        find(query).forEach(action);
    }

    /**
     * Counts stored submissions.
     *
     * @param query which ones
     * @return how many
     */
    long count(SubmissionQuery query);
}
