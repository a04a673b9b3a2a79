package no.tilskudd.engine.internal.osgi;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.store.GrantRecords;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.engine.internal.grants.GrantRegister;
import no.tilskudd.api.service.StoredReportCheck;
import no.tilskudd.engine.internal.indicators.IndicatorRunner;
import no.tilskudd.engine.internal.registry.Contributions.Contributor;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Indicators taken dynamically from the service registry. Each is known by the bundle that registered it, so that it
 * serves only the schemes that bundle owns or is approved to extend, and its failures name the bundle.
 */
@Component(service = IndicatorService.class)
public final class IndicatorComponent implements IndicatorService {

    @Reference
    private OrgUnitRegister orgUnits;

    @Reference
    private ContributionGate gate;

    private final List<Indicator> indicators = new CopyOnWriteArrayList<>();
    private final Map<Indicator, Contributor> contributors = Collections.synchronizedMap(new IdentityHashMap<>());

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SubmissionStore store;

    @Reference
    private SchemeRegistry schemes;

    // The grant register, for indicators of who was funded; without it they see no grants.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile GrantRecords grants;

    private IndicatorRunner delegate;

    // Counted under every table that includes stored reports which no longer validate.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StoredReportCheck storedReports;

    @Reference(service = Indicator.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeIndicator")
    void addIndicator(Indicator i, ServiceReference<Indicator> ref) {
        contributors.put(i, ContributionGate.contributor(ref));
        indicators.add(i);
    }

    void removeIndicator(Indicator i) {
        indicators.remove(i);
        contributors.remove(i);
    }

    /** How long a Java indicator may compute one table, in milliseconds. */
    static final String TIMEOUT = "tilskudd.indicator.timeout.ms";

    @Activate
    void activate(org.osgi.framework.BundleContext context) {
        GrantRegister register = new GrantRegister(schemes, orgUnits, () -> Optional.ofNullable(grants),
                () -> Optional.ofNullable(store), List::of);
        delegate = new IndicatorRunner(() -> indicators, () -> Optional.ofNullable(store), orgUnits,
                new IndicatorRunner.Plugins() {
                    @Override
                    public boolean applies(Indicator indicator, String schemeId) {
                        Contributor c = contributors.get(indicator);
                        return c != null && gate.applies(c, schemeId);
                    }

                    @Override
                    public String origin(Indicator indicator) {
                        Contributor c = contributors.get(indicator);
                        return c == null ? "the engine" : c.toString();
                    }

                    @Override
                    public void failed(Indicator indicator, String reason) {
                        gate.failed(indicator, contributors.get(indicator), reason);
                    }
                }, register.lookup());
        delegate.useStoredReportCheck(id -> Optional.ofNullable(storedReports).flatMap(c -> c.invalid(id)));
        delegate.useTimeout(java.time.Duration.ofMillis(timeout(context)), TIMEOUT);
    }

    private static long timeout(org.osgi.framework.BundleContext context) {
        String t = context.getProperty(TIMEOUT);
        long value;
        try {
            value = t == null ? IndicatorRunner.DEFAULT_TIMEOUT.toMillis() : Long.parseLong(t.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TIMEOUT + " must be a whole number, not '" + t + "'", e);
        }
        if (value < 1) {
            throw new IllegalArgumentException(TIMEOUT + " must be at least 1, not '" + t + "'");
        }
        return value;
    }

    @Override
    public Results compute(Selection selection) {
        return delegate.compute(selection);
    }
}
