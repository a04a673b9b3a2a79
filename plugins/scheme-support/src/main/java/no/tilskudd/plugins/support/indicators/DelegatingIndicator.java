package no.tilskudd.plugins.support.indicators;

import java.util.Objects;
import java.util.Set;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.report.Table;

/**
 * Base class for a scheme's registered indicator: the scheme's class only names the configured indicator it
 * offers, and carries the annotations that register it (a DS component and a {@code ServiceLoader} provider both need
 * a class of their own with a public no-argument constructor).
 */
public abstract class DelegatingIndicator implements Indicator {

    private final Indicator delegate;

    /**
     * Creates the indicator.
     *
     * @param delegate what it computes
     */
    protected DelegatingIndicator(Indicator delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public final String id() {
        return delegate.id();
    }

    @Override
    public final LocalizedText title() {
        return delegate.title();
    }

    @Override
    public final Set<String> schemes() {
        return delegate.schemes();
    }

    @Override
    public final Table compute(IndicatorInput input) {
        return delegate.compute(input);
    }
}
