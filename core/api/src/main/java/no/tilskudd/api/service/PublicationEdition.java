package no.tilskudd.api.service;

import java.time.Instant;
import java.util.Objects;

/**
 * A frozen edition of a publication: its figures as they were, exported the same way whatever is imported later.
 *
 * @param publicationId the publication
 * @param edition       the edition's name, e.g. {@code 2009-11}
 * @param source        where the definition it was made from came from
 * @param cutOff        the data cut-off: the latest time a submission it used was stored
 * @param submissions   how many submissions its figures were computed from
 * @param frozenBy      who froze it
 * @param frozen        when
 * @since 2.3
 */
public record PublicationEdition(String publicationId, String edition, String source, Instant cutOff, int submissions,
        String frozenBy, Instant frozen) {

    /**
     * Checks the parts.
     *
     * @param publicationId the publication
     * @param edition       the edition's name
     * @param source        where the definition came from
     * @param cutOff        the data cut-off
     * @param submissions   how many submissions it used
     * @param frozenBy      who froze it
     * @param frozen        when
     */
    public PublicationEdition {
        Objects.requireNonNull(publicationId, "publicationId");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(cutOff, "cutOff");
        Objects.requireNonNull(frozenBy, "frozenBy");
        Objects.requireNonNull(frozen, "frozen");
    }
}
