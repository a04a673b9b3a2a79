package no.tilskudd.bufdir.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.plugins.support.indicators.DelegatingIndicator;
import no.tilskudd.plugins.support.indicators.StandardIndicators;
import org.osgi.service.component.annotations.Component;

/**
 * The scheme's share of {@link StandardIndicators#partners(String)}: the share of units that name each cooperation
 * partner.
 */
@Component(service = Indicator.class)
@ServiceProvider(value = Indicator.class, resolution = Resolution.OPTIONAL)
public final class PartnersIndicator extends DelegatingIndicator {

    /** Creates the indicator. */
    public PartnersIndicator() {
        super(StandardIndicators.partners(BufdirScheme.ID));
    }
}
