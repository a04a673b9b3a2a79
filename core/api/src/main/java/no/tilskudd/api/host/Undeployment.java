package no.tilskudd.api.host;

import java.util.Objects;

/**
 * A plugin removed from {@code deploy/}.
 *
 * @param file         the file that was deleted
 * @param symbolicName the bundle's symbolic name
 * @param state        {@code REMOVED} when no host serves, else {@code UNINSTALLED}, or {@code STOPPING} when the
 *                     serving host had not finished in time
 */
public record Undeployment(String file, String symbolicName, String state) {

    /**
     * Checks that nothing is null.
     *
     * @param file         the file that was deleted
     * @param symbolicName the bundle's symbolic name
     * @param state        {@code REMOVED} when no host serves, else {@code UNINSTALLED}, or {@code STOPPING} when the
     *                     serving host had not finished in time
     */
    public Undeployment {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(state, "state");
    }
}
