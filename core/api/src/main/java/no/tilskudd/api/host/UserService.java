package no.tilskudd.api.host;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The users who may sign in to the console, kept in the store (shared by the hosts on one database) with salted
 * password hashes, and, for reporters, the org units they report for. Passwords are
 * always generated, never chosen; a change made by another process is seen at the next call. Every change is
 * recorded in the audit trail with the actor given.
 */
@ProviderType
public interface UserService {

    /**
     * The users.
     *
     * @return the users, in the order they were added
     */
    List<User> list();

    /**
     * One user.
     *
     * @param name a user name
     * @return the user, if present now
     */
    Optional<User> find(String name);

    /**
     * Checks a name and password (in the same time whether or not the name exists).
     *
     * @param name     the user name
     * @param password the password
     * @return the user, if the password is right
     */
    Optional<User> authenticate(String name, String password);

    /**
     * Adds an analyst or administrator with a generated password: {@link #add(String, Role, List, String)} without
     * org units.
     *
     * @param name  the name (1-64 letters, digits, dot, dash, underscore)
     * @param role  the role
     * @param actor who adds it
     * @return the generated password, to be shown once
     * @throws IOException              when the users cannot be written
     * @throws IllegalArgumentException for a bad or existing name, or a reporter (who needs org units)
     */
    default NewPassword add(String name, Role role, String actor) throws IOException {
        return add(name, role, List.of(), actor);
    }

    /**
     * Adds a user with a generated password.
     *
     * @param name     the name (1-64 letters, digits, dot, dash, underscore)
     * @param role     the role
     * @param orgUnits for a reporter, the codes of the org units it reports for (at least one, each in the org-unit
     *                 register); for the other roles none
     * @param actor    who adds it
     * @return the generated password, to be shown once
     * @throws IOException              when the users cannot be written
     * @throws IllegalArgumentException for a bad or existing name, a reporter without org units, org units for
     *                                  another role, or a code the org-unit register does not have (naming it)
     * @since 1.1
     */
    NewPassword add(String name, Role role, List<String> orgUnits, String actor) throws IOException;

    /**
     * A user whom an OpenID Connect provider has just vouched for: added on its first sign-in, without a password
     * (it can sign in only through the provider), and given the role and org units that the provider's claims say
     * at each later sign-in (a change ends its other sessions). A local user of the same name is never taken over,
     * nor a user of another provider. An administrator removes such a user like any other, which ends its sessions.
     *
     * @param name     the user name (1-64 letters, digits, dot, dash, underscore), derived from the provider's subject
     * @param provider the provider's issuer (at most 250 characters)
     * @param role     the role
     * @param orgUnits for a reporter, the codes of its org units (at least one, each in the org-unit register); for
     *                 the other roles none
     * @param actor    who signs in, for the audit trail
     * @return the user as stored now
     * @throws IOException              when the users cannot be written
     * @throws IllegalArgumentException for a bad name, a local user or one of another provider by that name, or org
     *                                  units that do not fit the role or the register (naming the code)
     * @since 1.3
     */
    User signInExternal(String name, String provider, Role role, List<String> orgUnits, String actor)
            throws IOException;

    /**
     * Gives a user a new generated password; the user's sessions end.
     *
     * @param name  the user
     * @param actor who asks
     * @return the new password
     * @throws IOException              when the users file cannot be written
     * @throws IllegalArgumentException when there is no such user, or it signs in through OpenID Connect
     */
    NewPassword resetPassword(String name, String actor) throws IOException;

    /**
     * Gives a user the role of analyst or administrator: {@link #setRole(String, Role, List, String)} without org
     * units.
     *
     * @param name  the user
     * @param role  the new role
     * @param actor who asks
     * @throws IOException              when the users cannot be written
     * @throws IllegalArgumentException when there is no such user, it is the last administrator, or the role is
     *                                  reporter (which needs org units)
     */
    default void setRole(String name, Role role, String actor) throws IOException {
        setRole(name, role, List.of(), actor);
    }

    /**
     * Gives a user another role, or a reporter other org units; the user's sessions end. The last administrator
     * stays one, even when hosts on one database are asked to demote or remove the last two at the same moment.
     *
     * @param name     the user
     * @param role     the new role
     * @param orgUnits for a reporter, the codes of the org units it reports for (at least one, each in the org-unit
     *                 register); for the other roles none
     * @param actor    who asks
     * @throws IOException              when the users cannot be written
     * @throws IllegalArgumentException when there is no such user, it is the last administrator, or the org units
     *                                  do not fit the role or the register (naming the code)
     * @since 1.1
     */
    void setRole(String name, Role role, List<String> orgUnits, String actor) throws IOException;

    /**
     * Removes a user; the user's sessions end. The last administrator cannot be removed, even when hosts on one
     * database are asked to remove the last two at the same moment.
     *
     * @param name  the user
     * @param actor who asks
     * @throws IOException              when the users file cannot be written
     * @throws IllegalArgumentException when there is no such user, or it is the last administrator
     */
    void remove(String name, String actor) throws IOException;

    /**
     * On a first start (no administrator yet) adds one, {@code admin}, with a generated password. There is never a
     * built-in password.
     *
     * @param actor who starts the host
     * @return the new administrator and password, or empty when there already is one
     * @throws IOException when the users file cannot be written
     */
    Optional<NewPassword> createFirstAdmin(String actor) throws IOException;
}
