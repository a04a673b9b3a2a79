package no.tilskudd.bufdir.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.plugins.support.indicators.DelegatingIndicator;
import no.tilskudd.plugins.support.indicators.StandardIndicators;
import org.osgi.service.component.annotations.Component;

/**
 * The scheme's share of {@link StandardIndicators#nationalGoals(String)}: how the units relate to the national
 * goals (table 8.1 of the evaluation).
 */
@Component(service = Indicator.class)
@ServiceProvider(value = Indicator.class, resolution = Resolution.OPTIONAL)
public final class NationalGoalsIndicator extends DelegatingIndicator {

    /** Creates the indicator. */
    public NationalGoalsIndicator() {
        super(StandardIndicators.nationalGoals(BufdirScheme.ID));
    }
}
