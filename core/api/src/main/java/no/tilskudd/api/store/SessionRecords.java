package no.tilskudd.api.store;

import java.time.Instant;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The console's signed-in sessions in the store, so that a sign-in on one host is valid on every host on the same
 * database. When a session expires, and whose stamp still holds, is the console's to decide.
 */
@ProviderType
public interface SessionRecords {

    /**
     * Stores a new session.
     *
     * @param session the session
     * @throws StoreException when the store cannot be written (or the id hash is taken)
     */
    void insert(SessionRecord session);

    /**
     * One session.
     *
     * @param idHash the hash of its id
     * @return the session, if stored now
     * @throws StoreException when the store cannot be read
     */
    Optional<SessionRecord> findSession(String idHash);

    /**
     * Notes that a session was used.
     *
     * @param idHash   the hash of its id
     * @param lastSeen when
     * @throws StoreException when the store cannot be written
     */
    void touch(String idHash, Instant lastSeen);

    /**
     * Ends a session.
     *
     * @param idHash the hash of its id
     * @throws StoreException when the store cannot be written
     */
    void deleteSession(String idHash);

    /**
     * Ends every session of a user.
     *
     * @param user the user name
     * @return how many there were
     * @throws StoreException when the store cannot be written
     */
    int deleteUserSessions(String user);

    /**
     * Ends the sessions unused since, or begun before, the given times.
     *
     * @param lastSeenBefore idle sessions: last used before this
     * @param createdBefore  old sessions: begun before this
     * @return how many ended
     * @throws StoreException when the store cannot be written
     */
    int deleteExpired(Instant lastSeenBefore, Instant createdBefore);
}
