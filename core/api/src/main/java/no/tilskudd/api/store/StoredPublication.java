package no.tilskudd.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One revision of a publication definition that an analyst uploaded: kept whole, never changed; a new upload of the
 * same id is the next revision.
 *
 * @param id         the publication id
 * @param revision   1 for the first upload of the id, then one more for each
 * @param fileName   the name of the uploaded file, for messages
 * @param definition the definition as uploaded (JSON, UTF-8 text)
 * @param actor      who uploaded it
 * @param added      when
 * @since 1.5
 */
public record StoredPublication(String id, int revision, String fileName, String definition, String actor,
        Instant added) {

    /**
     * Checks the parts.
     *
     * @param id         the publication id
     * @param revision   1 for the first upload of the id, then one more for each
     * @param fileName   the name of the uploaded file
     * @param definition the definition as uploaded
     * @param actor      who uploaded it
     * @param added      when
     */
    public StoredPublication {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(added, "added");
        if (revision < 1) {
            throw new IllegalArgumentException("a revision starts at 1, not " + revision);
        }
    }
}
