package ${package}.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import java.net.URL;
import no.tilskudd.api.scheme.SchemeDefinition;
import org.osgi.service.component.annotations.Component;

/** Points the core at the scheme descriptor; the scheme itself is data in /tilskudd/${schemeId}/. */
@Component(service = SchemeDefinition.class)
@ServiceProvider(value = SchemeDefinition.class, resolution = Resolution.OPTIONAL)
public final class Scheme implements SchemeDefinition {

    @Override
    public URL descriptor() {
        return Scheme.class.getResource("/tilskudd/${schemeId}/scheme.json");
    }
}
