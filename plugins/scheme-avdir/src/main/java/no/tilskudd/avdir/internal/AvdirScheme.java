package no.tilskudd.avdir.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import no.tilskudd.api.scheme.SchemeDefinition;
import no.tilskudd.plugins.support.DescriptorScheme;
import org.osgi.service.component.annotations.Component;

/**
 * The AVdir grant scheme against child poverty (kap. 0621 post 63). The scheme is data: the descriptor, one form
 * file per reporting year and the demo data in {@code /tilskudd/avdir/}.
 */
@Component(service = SchemeDefinition.class)
@ServiceProvider(value = SchemeDefinition.class, resolution = Resolution.OPTIONAL)
public final class AvdirScheme extends DescriptorScheme {

    /** The scheme id. */
    public static final String ID = "avdir";

    /** Creates the definition. */
    public AvdirScheme() {
        super(ID);
    }
}
