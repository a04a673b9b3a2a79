package no.tilskudd.api.store;

import java.time.Instant;
import java.util.Objects;
import no.tilskudd.api.submission.SubmissionKey;

/**
 * The latest version of a report filled in through the browser: one per scheme, year and org unit.
 *
 * @param key         the scheme, year and org unit
 * @param status      draft, submitted or reopened
 * @param version     the number of its latest version, from 1
 * @param formVersion the form version it is filled in against
 * @param values      the answers as a JSON object, in the shape of a submission's {@code values}; a draft's may be
 *                    incomplete or wrong, as the reporter left them
 * @param updated     when the latest version was made
 * @param updatedBy   who made it, as in {@link no.tilskudd.api.audit.AuditEntry#actor()}
 * @since 1.6
 */
public record ReportDraft(SubmissionKey key, ReportStatus status, int version, String formVersion, String values,
        Instant updated, String updatedBy) {

    /**
     * Checks the parts.
     *
     * @param key the scheme, year and org unit
     * @param status draft, submitted or reopened
     * @param version the number of its latest version, from 1
     * @param formVersion the form version
     * @param values the answers as a JSON object
     * @param updated when the latest version was made
     * @param updatedBy who made it
     */
    public ReportDraft {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(formVersion, "formVersion");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(updatedBy, "updatedBy");
        if (version < 1) {
            throw new IllegalArgumentException("a report's version starts at 1: " + version);
        }
    }
}
