package no.tilskudd.api.store;

import no.tilskudd.api.submission.SubmissionKey;

/**
 * Thrown when a report cannot change as asked: a draft saved or a submission made while the report is submitted and
 * not reopened (or the unit's report was stored by an import), or a report reopened that is not submitted. Nothing
 * is stored.
 *
 * @since 1.6
 */
public class ReportClosedException extends StoreException {

    private static final long serialVersionUID = 1L;

    /** The report. */
    private final transient SubmissionKey key;
    /** Whether it is submitted. */
    private final boolean submitted;

    /**
     * Creates the exception.
     *
     * @param key       the report
     * @param submitted true when the report is submitted (so it cannot be saved or submitted); false when it is not
     *                  (so it cannot be reopened)
     * @param message   what was refused
     */
    public ReportClosedException(SubmissionKey key, boolean submitted, String message) {
        super(message);
        this.key = key;
        this.submitted = submitted;
    }

    /**
     * The report.
     *
     * @return its key
     */
    public SubmissionKey key() {
        return key;
    }

    /**
     * Whether the refusal is because the report is submitted.
     *
     * @return true when submitted, false when not submitted (a refused reopening)
     */
    public boolean submitted() {
        return submitted;
    }
}
