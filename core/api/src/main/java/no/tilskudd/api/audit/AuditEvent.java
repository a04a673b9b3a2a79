package no.tilskudd.api.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A recorded change.
 *
 * @param sequence the position in the trail: ascending, without reuse
 * @param at       when it was recorded
 * @param entry    what was recorded
 */
public record AuditEvent(long sequence, Instant at, AuditEntry entry) {

    /**
     * Checks the parts.
     *
     * @param sequence the position in the trail
     * @param at       when it was recorded
     * @param entry    what was recorded
     */
    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(entry, "entry");
    }
}
