package no.tilskudd.urbanyouth.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.plugins.support.indicators.DelegatingIndicator;
import no.tilskudd.plugins.support.indicators.StandardIndicators;
import org.osgi.service.component.annotations.Component;

/**
 * The scheme's share of {@link StandardIndicators#goalAchievement(String)}: goal achievement per reporting year
 * (table 8.2 of the evaluation).
 */
@Component(service = Indicator.class)
@ServiceProvider(value = Indicator.class, resolution = Resolution.OPTIONAL)
public final class GoalAchievementIndicator extends DelegatingIndicator {

    /** Creates the indicator. */
    public GoalAchievementIndicator() {
        super(StandardIndicators.goalAchievement(UrbanYouthScheme.ID));
    }
}
