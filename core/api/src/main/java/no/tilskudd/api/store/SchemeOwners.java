package no.tilskudd.api.store;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The binding of scheme ids to the bundles that own them, kept in the store so that it survives restarts and is the
 * same for the long-running host and for every one-shot command on the same data (and for every host on one
 * database). A new store knows the owners of the schemes the distribution ships.
 *
 * @since 1.4
 */
@ProviderType
public interface SchemeOwners {

    /**
     * Every binding.
     *
     * @return the owners, by scheme id
     * @throws StoreException when the store cannot be read
     */
    List<SchemeOwner> owners();

    /**
     * The owner of one scheme id.
     *
     * @param schemeId the scheme id
     * @return the owner, if one is recorded
     * @throws StoreException when the store cannot be read
     */
    Optional<SchemeOwner> owner(String schemeId);

    /**
     * Records a first owner unless the id has one already (recorded by this host or another, even at the same
     * moment): the first to be recorded stays.
     *
     * @param owner the owner to record
     * @return the owner now recorded: the given one, or the one that was there
     * @throws StoreException when the store cannot be written
     */
    SchemeOwner claim(SchemeOwner owner);

    /**
     * Binds a scheme id to another owner (or to a first one), replacing any binding.
     *
     * @param owner the new owner
     * @return the owner it replaced, if any
     * @throws StoreException when the store cannot be written
     */
    Optional<SchemeOwner> transfer(SchemeOwner owner);
}
