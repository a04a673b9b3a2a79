package no.tilskudd.api.host;

import java.util.Objects;

/**
 * A generated password, to be shown once to the person who asked for it.
 *
 * @param name     the user it belongs to
 * @param password the password
 */
public record NewPassword(String name, String password) {

    /**
     * Checks that nothing is null.
     *
     * @param name     the user it belongs to
     * @param password the password
     */
    public NewPassword {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
    }
}
