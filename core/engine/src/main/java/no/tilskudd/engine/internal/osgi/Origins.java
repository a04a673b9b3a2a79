package no.tilskudd.engine.internal.osgi;

import no.tilskudd.api.scheme.Origin;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

final class Origins {

    private Origins() {
    }

    static Origin of(ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        return b == null ? new Origin("unregistered", "unknown")
                : new Origin(b.getSymbolicName(), b.getVersion().toString());
    }
}
