package no.tilskudd.plugins.support;

import java.net.URL;
import java.util.Objects;
import no.tilskudd.api.scheme.SchemeDefinition;

/**
 * Base class for a scheme plugin's {@link SchemeDefinition}: the scheme is data in the plugin, with its descriptor at
 * {@code /tilskudd/<id>/scheme.json} and the forms and demo data beside it. The subclass only names the id and carries
 * the annotations that register it.
 */
public abstract class DescriptorScheme implements SchemeDefinition {

    private final String id;

    /**
     * Creates the definition.
     *
     * @param id the scheme id, which is also the folder of its resources
     */
    protected DescriptorScheme(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    /** @return the scheme id */
    public final String id() {
        return id;
    }

    @Override
    public final URL descriptor() {
        // getClass() is the plugin's own class, so the resource is looked up in the plugin that registered it.
        return getClass().getResource("/tilskudd/" + id + "/scheme.json");
    }
}
