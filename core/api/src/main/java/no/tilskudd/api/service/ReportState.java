package no.tilskudd.api.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.tilskudd.api.store.ReportStatus;
import no.tilskudd.api.store.ReportVersion;
import no.tilskudd.api.submission.SubmissionKey;

/**
 * Where one unit's report stands, with every version kept.
 *
 * @param key       the scheme, year and org unit
 * @param status    draft, submitted or reopened; empty when nothing was saved yet ("new")
 * @param version   the number of the latest version; 0 when none (new, or stored by an import only)
 * @param values    the answers as a JSON object: the latest version's, or the stored submission's when it was
 *                  imported; {@code {}} when new
 * @param updated   when the latest version was made (or the submission imported)
 * @param updatedBy who made it
 * @param history   every version, oldest first
 * @since 2.4
 */
public record ReportState(SubmissionKey key, Optional<ReportStatus> status, int version, String values,
        Optional<Instant> updated, Optional<String> updatedBy, List<ReportVersion> history) {

    /**
     * Checks the parts and freezes the history.
     *
     * @param key the scheme, year and org unit
     * @param status the status, empty when new
     * @param version the latest version's number
     * @param values the answers as a JSON object
     * @param updated when the latest version was made
     * @param updatedBy who made it
     * @param history every version
     */
    public ReportState {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(updatedBy, "updatedBy");
        history = List.copyOf(history);
    }
}
