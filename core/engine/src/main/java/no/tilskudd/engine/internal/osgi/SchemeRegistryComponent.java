package no.tilskudd.engine.internal.osgi;

import java.io.InputStream;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.audit.AuditLog;
import no.tilskudd.api.scheme.Origin;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.scheme.SchemeDefinition;
import no.tilskudd.api.service.PluginSignatures;
import no.tilskudd.api.service.SchemeOwnership;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.store.SchemeExtension;
import no.tilskudd.api.store.SchemeExtensions;
import no.tilskudd.api.store.SchemeOwner;
import no.tilskudd.api.store.SchemeOwners;
import no.tilskudd.engine.internal.json.Json;
import no.tilskudd.engine.internal.registry.SchemeBundles;
import no.tilskudd.engine.internal.registry.SchemeCatalog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.BundleTracker;

/**
 * Takes scheme plugins from the service registry (whiteboard) as they come and go, and uses of each scheme id only
 * its owner's, by the ownership record in the store: the host and every one-shot command on the same data decide
 * from the same record. Bundles with the {@code Tilskudd-Scheme} header are known from the moment they are installed,
 * so that two that declare a new id in one start get neither, whichever starts first.
 *
 * <p>It is also the framework's ownership gate: a resolver hook, so that it holds however a jar was installed (a copy
 * into {@code deploy/}, the command line, the HTTP API, a Karaf deploy folder). A bundle whose descriptor declares an
 * id recorded for another bundle is kept out of every resolution, stays INSTALLED and is named in {@link #problems()}
 * and {@link #held(long)} until an administrator transfers the id to it ({@link #transfer}), which resolves and starts
 * it at once. The rule is the catalog's ({@link SchemeCatalog#held}), from the same record.
 */
@Component(service = {SchemeRegistry.class, SchemeOwnership.class, ResolverHookFactory.class}, immediate = true)
public final class SchemeRegistryComponent implements SchemeRegistry, SchemeOwnership, ResolverHookFactory {

    private static final System.Logger LOG = System.getLogger("no.tilskudd.engine.schemes");

    private final SchemeCatalog catalog = new SchemeCatalog();

    private volatile SchemeOwners owners;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    private BundleTracker<String> installed;
    private volatile BundleContext context;
    private volatile PluginSignatures signatures;

    /** The bundles the resolver hook keeps out, with the reason, while they are installed and not resolved. */
    private final Map<Bundle, String> held = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * How long a lookup of a scheme id waits while a bundle that declares it is being updated (or started): the old
     * version is gone and the new one not registered yet, which would refuse valid submissions as SCHEME_UNKNOWN.
     */
    static final long UPDATE_WAIT_NANOS = 5_000_000_000L;

    /** A bundle that has not become active this long after its last change is not being updated, but broken. */
    private static final long TRANSITION_NANOS = 30_000_000_000L;

    /** When each bundle that declares a scheme id last changed state, while it is installed. */
    private final Map<Bundle, Long> changed = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Bundle, String> declares = new java.util.concurrent.ConcurrentHashMap<>();
    private final Object arrivals = new Object();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SchemeExtensions approvals;

    /**
     * The approvals as last read: validation asks for every call, so they are read from the store at most once a
     * second, and again at once after an approval or withdrawal here.
     */
    private volatile Read read;

    private record Read(List<SchemeExtension> approvals, long nanos) {
    }

    private static final long READ_AGAIN_NANOS = 1_000_000_000L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeOwners")
    void addOwners(SchemeOwners record) {
        owners = record;
        catalog.useOwners(record);
        holdResolved();
    }

    /**
     * Where signed plugins are required, an owner is known by symbolic name and verified signer. Bound greedily and
     * before schemes matter: the host's gate registers it at once, and a plugin is not resolved before it.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeSignatures")
    void addSignatures(PluginSignatures signatures) {
        this.signatures = signatures;
        if (signatures.required()) {
            catalog.useSigners(key -> key instanceof ServiceReference<?> ref && ref.getBundle() != null
                    ? signatures.signer(ref.getBundle().getBundleId()) : Optional.empty());
        }
    }

    void removeSignatures(PluginSignatures signatures) {
        if (this.signatures == signatures) {
            this.signatures = null;
        }
        catalog.useSigners(null);
    }

    void removeOwners(SchemeOwners record) {
        if (owners == record) {
            owners = null;
            catalog.useOwners(null);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addScheme(SchemeDefinition definition, ServiceReference<SchemeDefinition> ref) {
        catalog.add(ref, definition, Origins.of(ref));
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
    }

    void removeScheme(ServiceReference<SchemeDefinition> ref) {
        catalog.remove(ref);
    }

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        installed = new BundleTracker<>(context, Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING
                | Bundle.ACTIVE | Bundle.STOPPING, null) {
            @Override
            public String addingBundle(Bundle bundle, BundleEvent event) {
                Optional<String> id = declaredId(bundle);
                id.ifPresent(i -> {
                    catalog.expect(bundle, new Origin(bundle.getSymbolicName(), bundle.getVersion().toString()), i);
                    declares.put(bundle, i);
                    changed.put(bundle, System.nanoTime());
                });
                return id.orElse(null);
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, String id) {
                changed.put(bundle, System.nanoTime());
                if (bundle.getState() != Bundle.INSTALLED) {
                    held.remove(bundle);
                }
                // An update may change the id the bundle declares.
                Optional<String> now = declaredId(bundle);
                if (now.isPresent() && !now.get().equals(declares.get(bundle))) {
                    catalog.expect(bundle, new Origin(bundle.getSymbolicName(), bundle.getVersion().toString()),
                            now.get());
                    declares.put(bundle, now.get());
                }
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, String id) {
                catalog.unexpect(bundle);
                held.remove(bundle);
                declares.remove(bundle);
                changed.remove(bundle);
            }
        };
        installed.open();
        holdResolved();
    }

    @Deactivate
    void deactivate() {
        installed.close();
    }

    /** The id a data-only scheme bundle's descriptor declares, read without starting the bundle. */
    private static Optional<String> declaredId(Bundle bundle) {
        String header = bundle.getHeaders("").get(SchemeBundles.HEADER);
        if (header == null || bundle.getSymbolicName() == null) {
            return Optional.empty();
        }
        URL url = SchemeBundles.descriptorPath(header).map(bundle::getEntry).orElse(null);
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            String id = Json.MAPPER.readTree(in).path("id").asText("");
            return id.isBlank() ? Optional.empty() : Optional.of(id);
        } catch (Exception e) {
            // A broken descriptor is reported when the bundle starts, by the catalog.
            return Optional.empty();
        }
    }

    @Override
    public List<Scheme> schemes() {
        return catalog.schemes();
    }

    /**
     * The scheme of an id; while a bundle that declares the id is being updated or started, waits for its scheme (at
     * most {@link #UPDATE_WAIT_NANOS}), so that an update is no gap for the submissions of the scheme.
     */
    @Override
    public Optional<Scheme> scheme(String id) {
        Optional<Scheme> now = catalog.scheme(id);
        if (now.isPresent() || !beingReplaced(id)) {
            return now;
        }
        long deadline = System.nanoTime() + UPDATE_WAIT_NANOS;
        synchronized (arrivals) {
            while (now.isEmpty() && beingReplaced(id) && System.nanoTime() < deadline) {
                try {
                    arrivals.wait(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                now = catalog.scheme(id);
            }
        }
        return now;
    }

    /** Whether a bundle that declares the id is installed and changed state a moment ago, i.e. is on its way in. */
    private boolean beingReplaced(String id) {
        long now = System.nanoTime();
        for (Map.Entry<Bundle, String> e : declares.entrySet()) {
            if (!e.getValue().equals(id)) {
                continue;
            }
            Long at = changed.get(e.getKey());
            int state = e.getKey().getState();
            boolean recent = at != null && now - at < (state == Bundle.ACTIVE ? 2_000_000_000L : TRANSITION_NANOS);
            if (recent && state != Bundle.UNINSTALLED) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<String> problems() {
        if (held.isEmpty()) {
            return catalog.problems();
        }
        List<String> all = new ArrayList<>(catalog.problems());
        held.values().stream().sorted().forEach(all::add);
        return List.copyOf(all);
    }

    @Override
    public Optional<String> held(long bundleId) {
        for (Map.Entry<Bundle, String> e : held.entrySet()) {
            if (e.getKey().getBundleId() == bundleId && e.getKey().getState() == Bundle.INSTALLED) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                candidates.removeIf(r -> {
                    Bundle b = r.getBundle();
                    Optional<String> why = b.getBundleId() == 0 ? Optional.empty() : holdReason(b);
                    if (why.isEmpty()) {
                        held.remove(b);
                        return false;
                    }
                    if (!why.get().equals(held.put(b, why.get()))) {
                        LOG.log(System.Logger.Level.WARNING, why.get());
                    }
                    return true;
                });
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton,
                    Collection<BundleCapability> collisionCandidates) {
                // not concerned
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                // not concerned
            }

            @Override
            public void end() {
                // nothing kept
            }
        };
    }

    /** Why a bundle is to be kept out of resolution: it declares a scheme id recorded for another bundle. */
    private Optional<String> holdReason(Bundle b) {
        Optional<String> id = declaredId(b);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        PluginSignatures s = signatures;
        Optional<String> signer = s != null && s.required() ? s.signer(b.getBundleId()) : Optional.empty();
        return catalog.held(new Origin(b.getSymbolicName(), b.getVersion().toString()), signer, id.get());
    }

    /**
     * Bundles resolved before the hook could decide (before this component or the store was there, e.g. from the
     * framework's cache at a restart) are resolved again, now through it, if it would hold them.
     */
    private void holdResolved() {
        BundleContext ctx = context;
        if (ctx == null || owners == null) {
            return;
        }
        List<Bundle> again = new ArrayList<>();
        for (Bundle b : ctx.getBundles()) {
            if ((b.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0 && b.getBundleId() != 0
                    && holdReason(b).isPresent()) {
                again.add(b);
            }
        }
        if (!again.isEmpty()) {
            ctx.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(again);
        }
    }

    /**
     * After a transfer, the held bundles the record now allows are resolved, and started where they were asked to
     * start (FileInstall and {@code tilskudd deploy} start what they install), without a restart.
     */
    private void release() {
        BundleContext ctx = context;
        if (ctx == null || held.isEmpty()) {
            return;
        }
        List<Bundle> free = new ArrayList<>();
        for (Bundle b : List.copyOf(held.keySet())) {
            if (b.getState() == Bundle.INSTALLED && holdReason(b).isEmpty()) {
                held.remove(b);
                free.add(b);
            }
        }
        if (free.isEmpty()) {
            return;
        }
        ctx.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(free);
        for (Bundle b : free) {
            BundleStartLevel level = b.adapt(BundleStartLevel.class);
            if (b.getState() == Bundle.RESOLVED && level != null && level.isPersistentlyStarted()) {
                try {
                    b.start();
                } catch (BundleException | IllegalStateException e) {
                    LOG.log(System.Logger.Level.WARNING, b.getSymbolicName() + " " + b.getVersion()
                            + ": released by a transfer but not started: " + e.getMessage());
                }
            }
        }
    }

    @Override
    public List<SchemeOwner> owners() {
        return record().owners();
    }

    @Override
    public SchemeOwner transfer(String schemeId, String symbolicName, String actor) {
        Objects.requireNonNull(actor, "actor");
        if (schemeId == null || !schemeId.matches("[a-z][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("'" + schemeId + "' is not a scheme id (lower-case letters, digits "
                    + "and '-')");
        }
        if (symbolicName == null || !symbolicName.matches("[A-Za-z0-9_.-]{1,200}")) {
            throw new IllegalArgumentException("'" + symbolicName + "' is not a bundle symbolic name");
        }
        SchemeOwner next = new SchemeOwner(schemeId, symbolicName, Optional.empty(), SchemeOwner.How.TRANSFERRED,
                actor, Instant.now());
        Optional<SchemeOwner> before = record().transfer(next);
        AuditLog log = audit;
        if (log != null) {
            log.record(new AuditEntry(actor, "scheme.transfer", schemeId, Map.of("to", symbolicName,
                    "from", before.map(SchemeOwner::owner).orElse("(none)"))));
        }
        catalog.refresh();
        release();
        return next;
    }

    @Override
    public List<SchemeExtension> extensions() {
        SchemeExtensions x = approvals;
        if (x == null) {
            throw new IllegalStateException("the store is not available, so approved extensions are not kept");
        }
        Read r = read;
        long now = System.nanoTime();
        if (r == null || now - r.nanos() > READ_AGAIN_NANOS) {
            r = new Read(List.copyOf(x.extensions()), now);
            read = r;
        }
        return r.approvals();
    }

    @Override
    public SchemeExtension approveExtension(String schemeId, String symbolicName, String actor) {
        Objects.requireNonNull(actor, "actor");
        check(schemeId, symbolicName);
        SchemeExtensions x = approvals;
        if (x == null) {
            throw new IllegalStateException("the store is not available, so approved extensions are not kept");
        }
        SchemeExtension done = x.approve(new SchemeExtension(schemeId, symbolicName, actor, Instant.now()));
        read = null;
        AuditLog log = audit;
        if (log != null) {
            log.record(new AuditEntry(actor, "scheme.extension.approve", schemeId, Map.of("bundle", symbolicName)));
        }
        return done;
    }

    @Override
    public boolean revokeExtension(String schemeId, String symbolicName, String actor) {
        Objects.requireNonNull(actor, "actor");
        check(schemeId, symbolicName);
        SchemeExtensions x = approvals;
        if (x == null) {
            throw new IllegalStateException("the store is not available, so approved extensions are not kept");
        }
        boolean was = x.revoke(schemeId, symbolicName);
        read = null;
        AuditLog log = audit;
        if (log != null && was) {
            log.record(new AuditEntry(actor, "scheme.extension.revoke", schemeId, Map.of("bundle", symbolicName)));
        }
        return was;
    }

    private static void check(String schemeId, String symbolicName) {
        if (schemeId == null || !schemeId.matches("[a-z][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("'" + schemeId + "' is not a scheme id (lower-case letters, digits "
                    + "and '-')");
        }
        if (symbolicName == null || !symbolicName.matches("[A-Za-z0-9_.-]{1,200}")) {
            throw new IllegalArgumentException("'" + symbolicName + "' is not a bundle symbolic name");
        }
    }

    private SchemeOwners record() {
        SchemeOwners r = owners;
        if (r == null) {
            throw new IllegalStateException("the store is not available, so scheme owners are not kept");
        }
        return r;
    }
}
