package no.tilskudd.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A grant as stored.
 *
 * @param grant      the grant
 * @param source     the file it was imported from
 * @param importedAt when it was stored
 */
public record StoredGrant(Grant grant, String source, Instant importedAt) {

    /**
     * Checks the parts.
     *
     * @param grant      the grant
     * @param source     the file it was imported from
     * @param importedAt when it was stored
     */
    public StoredGrant {
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(importedAt, "importedAt");
    }
}
