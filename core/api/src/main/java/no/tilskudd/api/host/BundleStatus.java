package no.tilskudd.api.host;

import java.util.Objects;
import java.util.Optional;

/**
 * One bundle of the host.
 *
 * @param id           the framework's bundle id
 * @param symbolicName its symbolic name (null for a jar without one)
 * @param version      its version
 * @param state        {@code INSTALLED}, {@code RESOLVED}, {@code STARTING}, {@code STOPPING}, {@code ACTIVE} or
 *                     {@code UNINSTALLED}
 * @param location     its file name (or the location, when it is not a file)
 * @param deployed     whether it is a plugin in {@code deploy/}
 * @param failure      why it does not work, when it does not
 */
public record BundleStatus(long id, String symbolicName, String version, String state, String location,
        boolean deployed, Optional<String> failure) {

    /**
     * Checks the fields that are never null.
     *
     * @param id           the framework's bundle id
     * @param symbolicName its symbolic name (null for a jar without one)
     * @param version      its version
     * @param state        {@code INSTALLED}, {@code RESOLVED}, {@code STARTING}, {@code STOPPING}, {@code ACTIVE} or
     *                     {@code UNINSTALLED}
     * @param location     its file name (or the location, when it is not a file)
     * @param deployed     whether it is a plugin in {@code deploy/}
     * @param failure      why it does not work, when it does not
     */
    public BundleStatus {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(failure, "failure");
    }
}
