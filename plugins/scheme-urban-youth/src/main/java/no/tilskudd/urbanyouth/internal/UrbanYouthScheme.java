package no.tilskudd.urbanyouth.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import no.tilskudd.api.scheme.SchemeDefinition;
import no.tilskudd.plugins.support.DescriptorScheme;
import org.osgi.service.component.annotations.Component;

/**
 * Barne- og ungdomstiltak i større bysamfunn, the poverty part. The scheme is data: the descriptor, one form file
 * per reporting year and the demo data in {@code /tilskudd/urban-youth/}.
 */
@Component(service = SchemeDefinition.class)
@ServiceProvider(value = SchemeDefinition.class, resolution = Resolution.OPTIONAL)
public final class UrbanYouthScheme extends DescriptorScheme {

    /** The scheme id. */
    public static final String ID = "urban-youth";

    /** Creates the definition. */
    public UrbanYouthScheme() {
        super(ID);
    }
}
