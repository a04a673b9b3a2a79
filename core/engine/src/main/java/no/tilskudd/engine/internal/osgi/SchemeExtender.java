package no.tilskudd.engine.internal.osgi;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.scheme.Origin;
import no.tilskudd.api.scheme.SchemeDefinition;
import no.tilskudd.api.submission.Validator;
import no.tilskudd.engine.internal.forms.DefinitionException;
import no.tilskudd.engine.internal.forms.DefinitionReader;
import no.tilskudd.engine.internal.forms.SchemeData;
import no.tilskudd.engine.internal.registry.SchemeBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * The extender for schemes that are pure data: a bundle whose manifest header {@code Tilskudd-Scheme} names the
 * folder of its {@code scheme.json} gets, while it is starting or active, its scheme definition and the standard
 * indicators and built-in rules its descriptor names registered on its behalf, as Felix SCR finds
 * {@code Service-Component} and Blueprint finds {@code OSGI-INF/blueprint}.
 *
 * <p>Everything is registered through the scheme bundle's own context, so that the registry, the validators and
 * the indicators name that bundle as the origin, and the framework takes the services away when the bundle stops,
 * is updated or is uninstalled. A broken descriptor is registered all the same: the scheme registry reads it and
 * reports the problem with the bundle's name, as for any scheme plugin, and the other schemes are not affected.
 */
@Component(immediate = true, service = {})
public final class SchemeExtender {

    private BundleTracker<List<ServiceRegistration<?>>> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new Customizer());
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    private static final class Customizer implements BundleTrackerCustomizer<List<ServiceRegistration<?>>> {

        @Override
        public List<ServiceRegistration<?>> addingBundle(Bundle bundle, BundleEvent event) {
            // The raw header: an extender must not depend on the bundle's localisation.
            String header = bundle.getHeaders("").get(SchemeBundles.HEADER);
            BundleContext context = bundle.getBundleContext();
            if (header == null || context == null) {
                return null;
            }
            Optional<String> path = SchemeBundles.descriptorPath(header);
            URL descriptor = path.map(bundle::getEntry).orElse(null);
            Origin origin = new Origin(bundle.getSymbolicName(), bundle.getVersion().toString());
            List<ServiceRegistration<?>> registered = new ArrayList<>();
            try {
                try {
                    SchemeData data = DefinitionReader.readDescriptor(descriptor, origin);
                    for (Indicator i : data.indicators()) {
                        registered.add(context.registerService(Indicator.class, i, null));
                    }
                    for (Validator v : data.validators()) {
                        registered.add(context.registerService(Validator.class, v, null));
                    }
                } catch (DefinitionException | RuntimeException e) {
                    // Reported by the scheme registry, which reads the same descriptor (below).
                }
                // Last, so that a scheme that is listed already has its indicators and rules.
                registered.add(context.registerService(SchemeDefinition.class, SchemeBundles.definition(descriptor),
                        null));
            } catch (IllegalStateException e) {
                // The bundle stopped meanwhile; what it had is unregistered by the framework.
                unregister(registered);
                return null;
            }
            return registered;
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, List<ServiceRegistration<?>> registered) {
            // STARTING to ACTIVE changes nothing that the extender registered.
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, List<ServiceRegistration<?>> registered) {
            unregister(registered);
        }

        private static void unregister(List<ServiceRegistration<?>> registered) {
            for (ServiceRegistration<?> r : registered) {
                try {
                    r.unregister();
                } catch (IllegalStateException e) {
                    // already gone with the bundle
                }
            }
        }
    }
}
