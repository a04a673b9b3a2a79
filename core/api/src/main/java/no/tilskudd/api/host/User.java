package no.tilskudd.api.host;

import java.util.Objects;

/**
 * A user as others may see it: never the password or its hash.
 *
 * @param name    the user name
 * @param role    the role
 * @param created when the user (or the current password) was created, ISO 8601
 * @param stamp   a digest of the name, role and password hash: another password or role gives another stamp, so a
 *                session signed in before can tell that it must end, whichever process made the change
 */
public record User(String name, Role role, String created, String stamp) {

    /**
     * Checks that nothing is null.
     *
     * @param name    the user name
     * @param role    the role
     * @param created when the user (or the current password) was created, ISO 8601
     * @param stamp   a digest of the name, role and password hash: another password or role gives another stamp, so a
     *                session signed in before can tell that it must end, whichever process made the change
     */
    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(stamp, "stamp");
    }
}
