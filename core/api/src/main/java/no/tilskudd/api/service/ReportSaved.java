package no.tilskudd.api.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.tilskudd.api.store.ReportDraft;

/**
 * What saving or submitting a report did.
 *
 * @param report the report as stored; empty when a submission was refused for its errors (nothing stored)
 * @param check  what the engine found in the values
 * @since 2.4
 */
public record ReportSaved(Optional<ReportDraft> report, ReportCheck check) {

    /**
     * Checks the parts.
     *
     * @param report the report as stored, or empty when refused
     * @param check what the engine found
     */
    public ReportSaved {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(check, "check");
    }

    /**
     * The errors and warnings.
     *
     * @return the findings
     */
    public List<no.tilskudd.api.submission.Violation> findings() {
        return check.findings();
    }
}
