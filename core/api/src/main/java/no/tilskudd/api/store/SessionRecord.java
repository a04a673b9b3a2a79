package no.tilskudd.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in console session as the store keeps it, so that every host on the same database honours it. Never the
 * session id itself, only its hash: whoever reads the table cannot sign in with what is there.
 *
 * @param idHash   a hash of the session id (the cookie's value), unique
 * @param user     the user name
 * @param csrf     the session's CSRF token
 * @param stamp    the user's credential stamp at sign-in; another stamp now means the session has ended
 * @param created  when the session began
 * @param lastSeen when it was last used (to within the precision its host keeps)
 */
public record SessionRecord(String idHash, String user, String csrf, String stamp, Instant created,
        Instant lastSeen) {

    /**
     * Checks that nothing is null.
     *
     * @param idHash   a hash of the session id (the cookie's value), unique
     * @param user     the user name
     * @param csrf     the session's CSRF token
     * @param stamp    the user's credential stamp at sign-in; another stamp now means the session has ended
     * @param created  when the session began
     * @param lastSeen when it was last used (to within the precision its host keeps)
     */
    public SessionRecord {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(csrf, "csrf");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
