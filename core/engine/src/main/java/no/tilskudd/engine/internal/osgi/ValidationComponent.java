package no.tilskudd.engine.internal.osgi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.Quarantine;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.ValidationService;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.Validator;
import no.tilskudd.api.submission.Violation;
import no.tilskudd.engine.internal.registry.Contributions.Contributor;
import no.tilskudd.engine.internal.validation.SubmissionValidator;
import no.tilskudd.engine.internal.validation.ValidatorPlugin;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Validation with the plugin validators taken dynamically from the service registry. Each validator is known by
 * the bundle that registered it, so that messages name the bundle and a quarantine ends when the bundle is updated
 * (an update gives a new bundle revision).
 */
@Component(service = ValidationService.class)
public final class ValidationComponent implements ValidationService {

    /** The host setting for how long one plugin validator may take for one submission. */
    static final String TIMEOUT = "tilskudd.validator.timeout.ms";

    /** The host setting for how many stuck workers quarantine a plugin. */
    static final String MAX_STUCK = "tilskudd.validator.maxStuckWorkers";

    @Reference
    private SchemeRegistry schemes;

    @Reference
    private OrgUnitRegister orgUnits;

    @Reference
    private ContributionGate gate;

    private final List<Validator> validators = new CopyOnWriteArrayList<>();
    private final Map<Validator, ValidatorPlugin> plugins = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<Validator, Contributor> contributors = Collections.synchronizedMap(new IdentityHashMap<>());

    private SubmissionValidator delegate;

    @Reference(service = Validator.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeValidator")
    void addValidator(Validator v, ServiceReference<Validator> ref) {
        plugins.put(v, plugin(ref));
        contributors.put(v, ContributionGate.contributor(ref));
        validators.add(v);
    }

    void removeValidator(Validator v) {
        validators.remove(v);
        plugins.remove(v);
        contributors.remove(v);
    }

    /**
     * The validators that apply: those of schemes their bundle owns, and approved extensions. One whose scheme id
     * cannot be asked applies to no scheme (the gate names it in status), rather than failing every submission.
     */
    private List<Validator> applicable() {
        List<Validator> out = new ArrayList<>();
        for (Validator v : validators) {
            Contributor c = contributors.get(v);
            String scheme;
            try {
                scheme = v.schemeId();
            } catch (RuntimeException | LinkageError e) {
                continue;
            }
            if (c != null && scheme != null && gate.applies(c, scheme)) {
                out.add(v);
            }
        }
        return out;
    }

    private static ValidatorPlugin plugin(ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        if (b == null) {
            return new ValidatorPlugin("unregistered", new Object());
        }
        BundleRevision revision = b.adapt(BundleRevision.class);
        return new ValidatorPlugin(Origins.of(ref).toString(), revision != null ? revision : b);
    }

    @Activate
    void activate(BundleContext context) {
        Duration timeout = Duration.ofMillis(setting(context, TIMEOUT, 5000));
        int maxStuck = (int) setting(context, MAX_STUCK, 3);
        delegate = new SubmissionValidator(schemes, orgUnits, this::applicable, timeout, maxStuck,
                v -> {
                    ValidatorPlugin p = plugins.get(v);
                    return p != null ? p : ValidatorPlugin.of(v);
                }, (v, p, reason) -> gate.failed(v, contributors.get(v), reason));
    }

    private static long setting(BundleContext context, String name, long fallback) {
        String t = context.getProperty(name);
        long value;
        try {
            value = t == null ? fallback : Long.parseLong(t.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + t + "'", e);
        }
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be at least 1, not '" + t + "'");
        }
        return value;
    }

    @Override
    public List<Violation> validate(Submission submission) {
        return delegate.validate(submission);
    }

    @Override
    public List<List<Violation>> validateAll(List<Submission> submissions) {
        return delegate.validateAll(submissions);
    }

    @Override
    public List<Quarantine> quarantined() {
        return delegate.quarantined();
    }
}
