package no.tilskudd.api.store;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The console's users in the store, so that every host on the same database shares them. Each call sees what any
 * host wrote before it; rules about users (names, roles, org units) are the host's, except that a change the host
 * asks to keep one user of a role ({@link #update(UserRecord, String)}, {@link #delete(String, String)}) is checked
 * and made in one step that no change of the same kind, on any host, can interleave with.
 */
@ProviderType
public interface UserRecords {

    /**
     * What a change that keeps one user of a role came to.
     *
     * @since 1.3
     */
    enum Change {
        /** The user was changed or removed. */
        DONE,
        /** There is no such user (now). */
        NO_SUCH_USER,
        /** Nothing changed: the user is the last of the role to keep. */
        LAST_OF_ROLE
    }

    /**
     * The users.
     *
     * @return every user with its org units, in the order they were added
     * @throws StoreException when the store cannot be read
     */
    List<UserRecord> list();

    /**
     * One user.
     *
     * @param name a user name
     * @return the user with its org units, if stored now
     * @throws StoreException when the store cannot be read
     */
    Optional<UserRecord> find(String name);

    /**
     * Adds a user with its org units, unless one of that name is stored (by this host or another, even at the same
     * moment).
     *
     * @param user the user
     * @return whether it was added
     * @throws StoreException when the store cannot be written
     */
    boolean insert(UserRecord user);

    /**
     * Replaces the stored user of the same name, org units and all.
     *
     * @param user the user's new state
     * @return whether there was such a user
     * @throws StoreException when the store cannot be written
     */
    boolean update(UserRecord user);

    /**
     * Replaces the stored user of the same name, org units and all, unless that would leave no user of the role to
     * keep: refused when the stored user has that role, the new state has not, and no other user has it. The check
     * and the change are one transaction that waits for any other such change (by this host or another on the same
     * database), so two hosts demoting the last two users of a role at once leave one.
     *
     * @param user     the user's new state
     * @param keptRole the role id of which one user must remain, e.g. {@code admin}
     * @return what came of it
     * @throws StoreException when the store cannot be written
     * @since 1.3
     */
    Change update(UserRecord user, String keptRole);

    /**
     * Removes a user.
     *
     * @param name the user name
     * @return whether there was such a user
     * @throws StoreException when the store cannot be written
     */
    boolean delete(String name);

    /**
     * Removes a user, with its org units and unless it is the last user of the role to keep: the check and the
     * removal are one transaction that waits for any other such change (by this host or another on the same
     * database), so two hosts removing the last two users of a role at once leave one.
     *
     * @param name     the user name
     * @param keptRole the role id of which one user must remain, e.g. {@code admin}
     * @return what came of it
     * @throws StoreException when the store cannot be written
     * @since 1.3
     */
    Change delete(String name, String keptRole);
}
