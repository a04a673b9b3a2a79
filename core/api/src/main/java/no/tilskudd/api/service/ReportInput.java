package no.tilskudd.api.service;

import java.util.Objects;
import no.tilskudd.api.submission.SubmissionKey;

/**
 * A report as a reporter has filled it in so far.
 *
 * @param key    the scheme, year and org unit
 * @param values the answers as a JSON object, in the shape of a submission's {@code values}
 *               ({@code docs/submission-format.md}): read by the same importer as a submission file
 * @since 2.4
 */
public record ReportInput(SubmissionKey key, String values) {

    /**
     * Checks the parts.
     *
     * @param key the scheme, year and org unit
     * @param values the answers as a JSON object
     */
    public ReportInput {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(values, "values");
    }
}
