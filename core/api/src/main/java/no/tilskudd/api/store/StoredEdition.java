package no.tilskudd.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A frozen edition of a publication: what the publication showed when it was frozen, kept so that it can be exported
 * again exactly so, whatever is imported later. The store keeps the parts as the engine wrote them; it does not read
 * them.
 *
 * @param publicationId the publication
 * @param edition       the edition's name, e.g. {@code 2009-11}; one per publication
 * @param source        where the definition came from (a plugin, or an uploaded revision), for people
 * @param definition    the definition the edition was made from (JSON)
 * @param figures       the computed tables (JSON, the engine's format)
 * @param submissions   the submissions the figures were computed from, with the time each was stored (JSON)
 * @param cutOff        the data cut-off: the latest time a submission it used was stored (the freezing time when it
 *                      used none)
 * @param actor         who froze it
 * @param frozen        when
 * @since 1.5
 */
public record StoredEdition(String publicationId, String edition, String source, String definition, String figures,
        String submissions, Instant cutOff, String actor, Instant frozen) {

    /**
     * Checks the parts.
     *
     * @param publicationId the publication
     * @param edition       the edition's name
     * @param source        where the definition came from
     * @param definition    the definition
     * @param figures       the computed tables
     * @param submissions   the submissions used
     * @param cutOff        the data cut-off
     * @param actor         who froze it
     * @param frozen        when
     */
    public StoredEdition {
        Objects.requireNonNull(publicationId, "publicationId");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(submissions, "submissions");
        Objects.requireNonNull(cutOff, "cutOff");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(frozen, "frozen");
    }
}
