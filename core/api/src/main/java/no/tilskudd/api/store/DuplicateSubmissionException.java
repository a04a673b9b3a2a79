package no.tilskudd.api.store;

import java.util.List;
import no.tilskudd.api.submission.SubmissionKey;

/** Thrown when a save without replacing meets submissions that are already stored; nothing is saved. */
public class DuplicateSubmissionException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** The keys that are already stored, or repeated within the batch. */
    private final List<SubmissionKey> duplicates;

    /**
     * Creates the exception.
     *
     * @param duplicates the keys that are already stored (or repeated within the batch)
     */
    public DuplicateSubmissionException(List<SubmissionKey> duplicates) {
        super("already stored (use replace to overwrite): " + duplicates);
        this.duplicates = List.copyOf(duplicates);
    }

    /**
     * The keys that are already stored.
     *
     * @return the keys
     */
    public List<SubmissionKey> duplicates() {
        return duplicates;
    }
}
