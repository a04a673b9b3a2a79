package no.tilskudd.avdir.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.plugins.support.indicators.DelegatingIndicator;
import no.tilskudd.plugins.support.indicators.StandardIndicators;
import org.osgi.service.component.annotations.Component;

/** The scheme's share of {@link StandardIndicators#measureBudgetSize(String)}: measures by budget band. */
@Component(service = Indicator.class)
@ServiceProvider(value = Indicator.class, resolution = Resolution.OPTIONAL)
public final class MeasureBudgetSizeIndicator extends DelegatingIndicator {

    /** Creates the indicator. */
    public MeasureBudgetSizeIndicator() {
        super(StandardIndicators.measureBudgetSize(AvdirScheme.ID));
    }
}
