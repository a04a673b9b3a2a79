package no.tilskudd.example.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.net.URL;
import no.tilskudd.api.scheme.SchemeDefinition;
import org.osgi.service.component.annotations.Component;

/** Points the core at the scheme descriptor; the scheme itself is data in {@code /tilskudd/example/}. */
@Component(service = SchemeDefinition.class)
@ServiceProvider(value = SchemeDefinition.class, resolution = Resolution.OPTIONAL)
public final class ExampleScheme implements SchemeDefinition {

    @Override
    public URL descriptor() {
        return ExampleScheme.class.getResource("/tilskudd/example/scheme.json");
    }
}
