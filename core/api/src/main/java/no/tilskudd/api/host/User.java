package no.tilskudd.api.host;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user as others may see it: never the password or its hash.
 *
 * @param name     the user name
 * @param role     the role
 * @param created  when the user (or the current password) was created, ISO 8601
 * @param stamp    a digest of the name, role, org units and password hash: another password, role or set of org
 *                 units gives another stamp, so a session signed in before can tell that it must end, whichever
 *                 process made the change
 * @param orgUnits the codes of the org units a reporter reports for, in code order; empty for the other roles
 * @param provider for a user who signs in through OpenID Connect, the provider's issuer; such a user has no password
 *                 here. Empty for a local user, who signs in with a password. Since 1.3.
 */
public record User(String name, Role role, String created, String stamp, List<String> orgUnits,
        Optional<String> provider) {

    /**
     * Checks that nothing is null.
     *
     * @param name     the user name
     * @param role     the role
     * @param created  when the user (or the current password) was created, ISO 8601
     * @param stamp    a digest of the name, role, org units and password hash
     * @param orgUnits the codes of the org units a reporter reports for; empty for the other roles
     * @param provider for a user who signs in through OpenID Connect, the provider's issuer; empty for a local user
     */
    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(provider, "provider");
        orgUnits = List.copyOf(orgUnits);
    }

    /**
     * A local user, who signs in with a password.
     *
     * @param name     the user name
     * @param role     the role
     * @param created  when the user (or the current password) was created, ISO 8601
     * @param stamp    a digest of the name, role, org units and password hash
     * @param orgUnits the codes of the org units a reporter reports for; empty for the other roles
     */
    public User(String name, Role role, String created, String stamp, List<String> orgUnits) {
        this(name, role, created, stamp, orgUnits, Optional.empty());
    }

    /**
     * A user without org units (an analyst or administrator), as before reporters had them.
     *
     * @param name    the user name
     * @param role    the role
     * @param created when the user (or the current password) was created, ISO 8601
     * @param stamp   a digest of the name, role and password hash
     */
    public User(String name, Role role, String created, String stamp) {
        this(name, role, created, stamp, List.of());
    }
}
