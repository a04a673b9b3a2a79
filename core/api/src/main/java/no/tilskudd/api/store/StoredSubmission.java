package no.tilskudd.api.store;

import java.time.Instant;
import java.util.Objects;
import no.tilskudd.api.submission.Submission;

/**
 * A submission as stored.
 *
 * @param submission the submission, with its form version filled in
 * @param source     the file it was imported from
 * @param importedAt when it was stored
 */
public record StoredSubmission(Submission submission, String source, Instant importedAt) {

    /**
     * Checks the parts.
     *
     * @param submission the submission, with its form version filled in
     * @param source the file it was imported from
     * @param importedAt when it was stored
     */
    public StoredSubmission {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(importedAt, "importedAt");
    }
}
