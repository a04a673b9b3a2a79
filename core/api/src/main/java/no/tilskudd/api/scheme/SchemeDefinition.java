package no.tilskudd.api.scheme;

import java.net.URL;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The contract a scheme plugin implements to contribute a grant scheme.
 *
 * <p>A scheme is data: a descriptor (JSON) that names the scheme and lists its form definitions, one file per form
 * version, all shipped as resources of the plugin. The core reads them; the plugin only says where the descriptor is.
 * Register an implementation as a service (whiteboard) and list it in {@code META-INF/services} so that it is also
 * found by {@link java.util.ServiceLoader} outside a framework.
 */
@ConsumerType
public interface SchemeDefinition {

    /**
     * Where the scheme descriptor is, typically {@code getClass().getResource("/tilskudd/scheme.json")}. Form and
     * demo-data paths in the descriptor are resolved relative to this URL.
     *
     * @return the descriptor's URL, readable for as long as the plugin is present
     */
    URL descriptor();
}
