package no.tilskudd.bufdir.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import no.tilskudd.api.scheme.SchemeDefinition;
import no.tilskudd.plugins.support.DescriptorScheme;
import org.osgi.service.component.annotations.Component;

/**
 * The BLD/Bufdir grant scheme for child-welfare measures against poverty. The scheme is data: the descriptor, one
 * form file per reporting year and the demo data in {@code /tilskudd/bufdir/}.
 */
@Component(service = SchemeDefinition.class)
@ServiceProvider(value = SchemeDefinition.class, resolution = Resolution.OPTIONAL)
public final class BufdirScheme extends DescriptorScheme {

    /** The scheme id. */
    public static final String ID = "bufdir";

    /** Creates the definition. */
    public BufdirScheme() {
        super(ID);
    }
}
