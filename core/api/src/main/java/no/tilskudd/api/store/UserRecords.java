package no.tilskudd.api.store;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The console's users in the store, so that every host on the same database shares them. Each call sees what any
 * host wrote before it; rules about users (names, roles, the last administrator) are the host's.
 */
@ProviderType
public interface UserRecords {

    /**
     * The users.
     *
     * @return every user, in the order they were added
     * @throws StoreException when the store cannot be read
     */
    List<UserRecord> list();

    /**
     * One user.
     *
     * @param name a user name
     * @return the user, if stored now
     * @throws StoreException when the store cannot be read
     */
    Optional<UserRecord> find(String name);

    /**
     * Adds a user, unless one of that name is stored (by this host or another, even at the same moment).
     *
     * @param user the user
     * @return whether it was added
     * @throws StoreException when the store cannot be written
     */
    boolean insert(UserRecord user);

    /**
     * Replaces the stored user of the same name.
     *
     * @param user the user's new state
     * @return whether there was such a user
     * @throws StoreException when the store cannot be written
     */
    boolean update(UserRecord user);

    /**
     * Removes a user.
     *
     * @param name the user name
     * @return whether there was such a user
     * @throws StoreException when the store cannot be written
     */
    boolean delete(String name);
}
