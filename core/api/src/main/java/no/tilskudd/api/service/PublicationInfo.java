package no.tilskudd.api.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.tilskudd.api.form.LocalizedText;

/**
 * A publication that can be made: a report defined as data, shipped in a plugin or uploaded by an analyst.
 *
 * @param id       the publication id, e.g. {@code evaluering-2009}
 * @param version  the version the definition gives itself
 * @param title    the title
 * @param source   where the definition comes from: {@code plugin <symbolic name> <version>} or
 *                 {@code uploaded <file>}
 * @param revision for an uploaded definition, its revision in the store (1, 2, ...)
 * @param addedBy  for an uploaded definition, who uploaded this revision
 * @param added    for an uploaded definition, when
 * @param editions the frozen editions, oldest first
 * @param problems why it cannot be made now (e.g. an indicator it names is not installed); empty when it can
 * @since 2.3
 */
public record PublicationInfo(String id, String version, LocalizedText title, String source,
        Optional<Integer> revision, Optional<String> addedBy, Optional<Instant> added, List<PublicationEdition> editions,
        List<String> problems) {

    /**
     * Checks the parts and freezes the lists.
     *
     * @param id       the publication id
     * @param version  the definition's version
     * @param title    the title
     * @param source   where the definition comes from
     * @param revision the uploaded revision
     * @param addedBy  who uploaded it
     * @param added    when
     * @param editions the frozen editions
     * @param problems why it cannot be made now
     */
    public PublicationInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(addedBy, "addedBy");
        Objects.requireNonNull(added, "added");
        editions = List.copyOf(editions);
        problems = List.copyOf(problems);
    }
}
