package no.tilskudd.api.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which part of the trail to read, oldest first.
 *
 * @param since only events recorded at or after this time, if given
 * @param limit at most this many events (the newest of them), at least 1
 */
public record AuditQuery(Optional<Instant> since, int limit) {

    /** The most a query may ask for, so that reading the trail never holds all of it in memory. */
    public static final int MAX_LIMIT = 100_000;

    /**
     * Checks the parts.
     *
     * @param since only events recorded at or after this time, if given
     * @param limit at most this many events
     */
    public AuditQuery {
        Objects.requireNonNull(since, "since");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
    }
}
