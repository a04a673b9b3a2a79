package no.tilskudd.api.store;

import java.util.List;
import no.tilskudd.api.submission.SubmissionKey;

/** Thrown when a save of grants without replacing meets grants that are already stored; nothing is saved. */
public class DuplicateGrantException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** The keys that are already stored, or repeated within the batch. */
    private final List<SubmissionKey> duplicates;

    /**
     * Creates the exception.
     *
     * @param duplicates the keys (scheme, year, org unit) that are already stored, or repeated within the batch
     */
    public DuplicateGrantException(List<SubmissionKey> duplicates) {
        super("grants already stored (use replace to overwrite): " + duplicates);
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
