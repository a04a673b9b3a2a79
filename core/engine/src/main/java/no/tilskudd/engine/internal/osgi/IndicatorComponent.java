package no.tilskudd.engine.internal.osgi;

import java.util.List;
import java.util.Optional;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.store.GrantRecords;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.engine.internal.grants.GrantRegister;
import no.tilskudd.engine.internal.indicators.IndicatorRunner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Indicators taken dynamically from the service registry. */
@Component(service = IndicatorService.class)
public final class IndicatorComponent implements IndicatorService {

    @Reference
    private OrgUnitRegister orgUnits;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Indicator> indicators;

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

    @Activate
    void activate() {
        GrantRegister register = new GrantRegister(schemes, orgUnits, () -> Optional.ofNullable(grants),
                () -> Optional.ofNullable(store), List::of);
        delegate = new IndicatorRunner(() -> indicators, () -> Optional.ofNullable(store), orgUnits,
                register.lookup());
    }

    @Override
    public Results compute(Selection selection) {
        return delegate.compute(selection);
    }
}
