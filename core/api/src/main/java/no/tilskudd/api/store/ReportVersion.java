package no.tilskudd.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One kept version of a browser report: every save, submission and reopening is one, and none is ever changed.
 *
 * @param version     its number, from 1
 * @param status      the status it gave the report
 * @param formVersion the form version
 * @param values      the answers as a JSON object
 * @param at          when it was made
 * @param by          who made it, as in {@link no.tilskudd.api.audit.AuditEntry#actor()}
 * @since 1.6
 */
public record ReportVersion(int version, ReportStatus status, String formVersion, String values, Instant at,
        String by) {

    /**
     * Checks the parts.
     *
     * @param version its number, from 1
     * @param status the status it gave the report
     * @param formVersion the form version
     * @param values the answers as a JSON object
     * @param at when it was made
     * @param by who made it
     */
    public ReportVersion {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(formVersion, "formVersion");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }
}
