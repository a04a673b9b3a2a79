package no.tilskudd.engine.internal.osgi;

import java.util.List;
import java.util.Optional;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.scheme.SchemeDefinition;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.engine.internal.registry.SchemeCatalog;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Takes scheme plugins from the service registry (whiteboard) as they come and go. */
@Component(service = SchemeRegistry.class, immediate = true)
public final class SchemeRegistryComponent implements SchemeRegistry {

    private final SchemeCatalog catalog = new SchemeCatalog();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addScheme(SchemeDefinition definition, ServiceReference<SchemeDefinition> ref) {
        catalog.add(ref, definition, Origins.of(ref));
    }

    void removeScheme(ServiceReference<SchemeDefinition> ref) {
        catalog.remove(ref);
    }

    @Override
    public List<Scheme> schemes() {
        return catalog.schemes();
    }

    @Override
    public Optional<Scheme> scheme(String id) {
        return catalog.scheme(id);
    }

    @Override
    public List<String> problems() {
        return catalog.problems();
    }
}
