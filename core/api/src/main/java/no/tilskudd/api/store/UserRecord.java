package no.tilskudd.api.store;

import java.util.Objects;

/**
 * A console user as the store keeps it: never the password, only its salted hash. The host decides what the fields
 * mean (the role ids, the hash algorithm); the store keeps them as given.
 *
 * @param name       the user name, unique
 * @param role       the role id
 * @param salt       the salt, base64
 * @param hash       the password hash, base64
 * @param iterations the hash's iteration count
 * @param created    when the user (or the current password) was created, ISO 8601
 */
public record UserRecord(String name, String role, String salt, String hash, int iterations, String created) {

    /**
     * Checks that nothing is null and that there are iterations.
     *
     * @param name       the user name, unique
     * @param role       the role id
     * @param salt       the salt, base64
     * @param hash       the password hash, base64
     * @param iterations the hash's iteration count
     * @param created    when the user (or the current password) was created, ISO 8601
     */
    public UserRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(created, "created");
        if (iterations < 1) {
            throw new IllegalArgumentException("user '" + name + "': iterations must be at least 1");
        }
    }
}
