package no.tilskudd.engine.internal.osgi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.service.PluginHealth;
import no.tilskudd.api.service.SchemeOwnership;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.store.StoreException;
import no.tilskudd.api.submission.Validator;
import no.tilskudd.engine.internal.registry.Contributions;
import no.tilskudd.engine.internal.registry.Contributions.Contributor;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Keeps contributions in their scheme and makes their failures visible. The validation and indicator services ask it
 * whether a validator or indicator applies to a scheme ({@link Contributions}) and tell it when one throws or times
 * out; it lists, for the host's status, the contributions that do not apply and the ones that failed, each named by
 * its bundle's symbolic name and version, and logs each once. A failure is kept until the contribution's service
 * goes away (its bundle is updated, stopped or removed).
 */
@Component(service = {PluginHealth.class, ContributionGate.class}, immediate = true)
public final class ContributionGate implements PluginHealth {

    private static final System.Logger LOG = System.getLogger("no.tilskudd.engine.plugins");

    @Reference
    private SchemeRegistry schemes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SchemeOwnership ownership;

    private Contributions rules;

    private final Map<Object, Contributor> validators = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<Object, Contributor> indicators = Collections.synchronizedMap(new IdentityHashMap<>());
    /** By contribution (the service object), then by what failed. */
    private final Map<Object, Map<String, Failure>> failures = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Set<String> logged = Collections.synchronizedSet(new LinkedHashSet<>());

    /** How often one contribution failed in one way, and when last. */
    private record Failure(Contributor contributor, String reason, long count, Instant last) {
    }

    @Activate
    void activate() {
        rules = new Contributions(schemes, this::approved);
    }

    private boolean approved(String schemeId, String symbolicName) {
        SchemeOwnership o = ownership;
        if (o == null) {
            return false;
        }
        try {
            return o.extensions().stream().anyMatch(x -> x.schemeId().equals(schemeId)
                    && x.symbolicName().equals(symbolicName));
        } catch (IllegalStateException | StoreException e) {
            return false;
        }
    }

    @Reference(service = Validator.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeValidator")
    void addValidator(Validator v, ServiceReference<Validator> ref) {
        validators.put(v, contributor(ref));
    }

    void removeValidator(Validator v) {
        validators.remove(v);
        failures.remove(v);
    }

    @Reference(service = Indicator.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeIndicator")
    void addIndicator(Indicator i, ServiceReference<Indicator> ref) {
        indicators.put(i, contributor(ref));
    }

    void removeIndicator(Indicator i) {
        indicators.remove(i);
        failures.remove(i);
    }

    /**
     * The bundle a service comes from, with the schemes it declares as extensions.
     *
     * @param ref the service
     * @return its contributor
     */
    static Contributor contributor(ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        if (b == null) {
            return new Contributor("unregistered", "unknown", Set.of());
        }
        return new Contributor(b.getSymbolicName(), b.getVersion().toString(),
                Contributions.parse(b.getHeaders("").get(Contributions.HEADER)));
    }

    /**
     * Whether a contribution applies to a scheme.
     *
     * @param c        the contributing bundle
     * @param schemeId the scheme
     * @return true for the bundle's own scheme and an approved extension
     */
    public boolean applies(Contributor c, String schemeId) {
        return rules.applies(c, schemeId);
    }

    /**
     * A contribution failed.
     *
     * @param service the validator or indicator
     * @param c       its bundle
     * @param reason  what went wrong, e.g. {@code validator for scheme 'avdir' threw IllegalStateException: x}
     */
    public void failed(Object service, Contributor c, String reason) {
        if (c == null) {
            return;
        }
        String key = reason.replaceAll("\\d+", "#");
        failures.computeIfAbsent(service, k -> Collections.synchronizedMap(new LinkedHashMap<>()))
                .merge(key, new Failure(c, reason, 1, Instant.now()),
                        (a, b) -> new Failure(c, b.reason(), a.count() + 1, b.last()));
        String line = c + ": " + reason;
        if (logged.add(line)) {
            LOG.log(System.Logger.Level.ERROR, line);
        }
    }

    @Override
    public List<String> refused() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Object, Contributor> e : snapshot(validators)) {
            Validator v = (Validator) e.getKey();
            String scheme;
            try {
                scheme = v.schemeId();
            } catch (RuntimeException | LinkageError x) {
                out.add(e.getValue() + ": validator " + v.getClass().getName() + " is not applied: its schemeId() "
                        + "threw " + x);
                continue;
            }
            rules.refusal(e.getValue(), "validator", v.getClass().getName(), scheme).ifPresent(out::add);
        }
        for (Map.Entry<Object, Contributor> e : snapshot(indicators)) {
            Indicator i = (Indicator) e.getKey();
            try {
                out.addAll(rules.refusals(e.getValue(), "indicator", "'" + i.id() + "'", i.schemes()));
            } catch (RuntimeException | LinkageError x) {
                out.add(e.getValue() + ": an indicator of class " + i.getClass().getName() + " is not applied: it "
                        + "threw " + x + " when asked for its id or schemes");
            }
        }
        for (String line : out) {
            if (logged.add(line)) {
                LOG.log(System.Logger.Level.WARNING, line);
            }
        }
        return out;
    }

    @Override
    public List<String> failures() {
        List<String> out = new ArrayList<>();
        List<Map.Entry<Object, Map<String, Failure>>> all;
        synchronized (failures) {
            all = new ArrayList<>(failures.entrySet());
        }
        for (Map.Entry<Object, Map<String, Failure>> e : all) {
            if (!validators.containsKey(e.getKey()) && !indicators.containsKey(e.getKey())) {
                continue;
            }
            List<Failure> each;
            synchronized (e.getValue()) {
                each = new ArrayList<>(e.getValue().values());
            }
            for (Failure f : each) {
                out.add(f.contributor() + ": " + f.reason() + " (" + f.count() + (f.count() == 1 ? " time" : " times")
                        + ", last " + f.last() + ")");
            }
        }
        return out;
    }

    private static List<Map.Entry<Object, Contributor>> snapshot(Map<Object, Contributor> m) {
        synchronized (m) {
            return new ArrayList<>(m.entrySet());
        }
    }
}
