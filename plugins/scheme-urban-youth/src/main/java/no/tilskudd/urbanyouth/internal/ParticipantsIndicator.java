package no.tilskudd.urbanyouth.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.plugins.support.indicators.DelegatingIndicator;
import no.tilskudd.plugins.support.indicators.StandardIndicators;
import org.osgi.service.component.annotations.Component;

/**
 * The scheme's share of {@link StandardIndicators#participants(String)}: children reached per measure, open-to-all
 * against individual measures.
 */
@Component(service = Indicator.class)
@ServiceProvider(value = Indicator.class, resolution = Resolution.OPTIONAL)
public final class ParticipantsIndicator extends DelegatingIndicator {

    /** Creates the indicator. */
    public ParticipantsIndicator() {
        super(StandardIndicators.participants(UrbanYouthScheme.ID));
    }
}
