package no.tilskudd.api.scheme;

import java.util.Objects;

/**
 * Where a contribution comes from: the bundle (symbolic name and version) in a framework, or the module or jar
 * on a plain module path.
 *
 * @param name    bundle symbolic name or module name
 * @param version version, or {@code unknown}
 */
public record Origin(String name, String version) {

    /**
     * Checks the parts.
     *
     * @param name bundle symbolic name or module name
     * @param version version, or {@code unknown}
     */
    public Origin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    @Override
    public String toString() {
        return name + " " + version;
    }
}
