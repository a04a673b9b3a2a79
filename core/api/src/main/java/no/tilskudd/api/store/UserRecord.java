package no.tilskudd.api.store;

import java.util.List;
import java.util.Objects;

/**
 * A console user as the store keeps it: never the password, only its salted hash. The host decides what the fields
 * mean (the role ids, the hash algorithm, which roles have org units); the store keeps them as given.
 *
 * @param name       the user name, unique
 * @param role       the role id
 * @param salt       the salt, base64
 * @param hash       the password hash, base64
 * @param iterations the hash's iteration count
 * @param created    when the user (or the current password) was created, ISO 8601
 * @param orgUnits   the codes of the org units the user is bound to (a reporter's), each once, in code order as
 *                   read back; empty when none
 */
public record UserRecord(String name, String role, String salt, String hash, int iterations, String created,
        List<String> orgUnits) {

    /**
     * Checks that nothing is null, that there are iterations and that no org unit is named twice.
     *
     * @param name       the user name, unique
     * @param role       the role id
     * @param salt       the salt, base64
     * @param hash       the password hash, base64
     * @param iterations the hash's iteration count
     * @param created    when the user (or the current password) was created, ISO 8601
     * @param orgUnits   the codes of the org units the user is bound to; empty when none
     */
    public UserRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(created, "created");
        orgUnits = List.copyOf(orgUnits);
        if (iterations < 1) {
            throw new IllegalArgumentException("user '" + name + "': iterations must be at least 1");
        }
        if (orgUnits.stream().distinct().count() != orgUnits.size()) {
            throw new IllegalArgumentException("user '" + name + "': an org unit is named twice in " + orgUnits);
        }
    }

    /**
     * A user without org units.
     *
     * @param name       the user name, unique
     * @param role       the role id
     * @param salt       the salt, base64
     * @param hash       the password hash, base64
     * @param iterations the hash's iteration count
     * @param created    when the user (or the current password) was created, ISO 8601
     */
    public UserRecord(String name, String role, String salt, String hash, int iterations, String created) {
        this(name, role, salt, hash, iterations, created, List.of());
    }
}
