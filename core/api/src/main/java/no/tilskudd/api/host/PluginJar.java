package no.tilskudd.api.host;

import java.util.Objects;
import java.util.Optional;

/**
 * The identity of a plugin jar, from its manifest, and the version of the same bundle installed now.
 *
 * @param symbolicName     the jar's {@code Bundle-SymbolicName}
 * @param version          the jar's {@code Bundle-Version}
 * @param installedVersion the version of the bundle with that symbolic name installed now, if any
 */
public record PluginJar(String symbolicName, String version, Optional<String> installedVersion) {

    /**
     * Checks that nothing is null.
     *
     * @param symbolicName     the jar's {@code Bundle-SymbolicName}
     * @param version          the jar's {@code Bundle-Version}
     * @param installedVersion the version of the bundle with that symbolic name installed now, if any
     */
    public PluginJar {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(installedVersion, "installedVersion");
    }
}
