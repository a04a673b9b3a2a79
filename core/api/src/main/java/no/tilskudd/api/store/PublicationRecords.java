package no.tilskudd.api.store;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Publication definitions that analysts upload, every revision kept with who and when, and the frozen editions of
 * publications. In the store, so that every host and one-shot command on the same data sees the same.
 *
 * @since 1.5
 */
@ProviderType
public interface PublicationRecords {

    /**
     * Keeps a new revision of a publication: the next number after the latest of the id, given in one transaction,
     * so that two uploads at once get two revisions.
     *
     * @param id         the publication id
     * @param fileName   the uploaded file's name
     * @param definition the definition (JSON)
     * @param actor      who uploads it
     * @return what was stored, with its revision and time
     * @throws StoreException when it cannot be stored
     */
    StoredPublication addPublication(String id, String fileName, String definition, String actor);

    /**
     * Every revision of every uploaded publication.
     *
     * @return by id, then revision
     * @throws StoreException when the store cannot be read
     */
    List<StoredPublication> publications();

    /**
     * Keeps a frozen edition.
     *
     * @param edition the edition
     * @return false when the publication already has an edition of that name (which stays as it was)
     * @throws StoreException when it cannot be stored
     */
    boolean saveEdition(StoredEdition edition);

    /**
     * One edition.
     *
     * @param publicationId the publication
     * @param edition       the edition's name
     * @return the edition, if frozen
     * @throws StoreException when the store cannot be read
     */
    Optional<StoredEdition> edition(String publicationId, String edition);

    /**
     * The editions of a publication.
     *
     * @param publicationId the publication
     * @return by the time they were frozen
     * @throws StoreException when the store cannot be read
     */
    List<StoredEdition> editions(String publicationId);
}
