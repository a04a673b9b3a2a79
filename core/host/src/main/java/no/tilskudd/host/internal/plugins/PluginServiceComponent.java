package no.tilskudd.host.internal.plugins;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.audit.AuditLog;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.host.DeployRequest;
import no.tilskudd.api.host.Deployment;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.host.DryRun;
import no.tilskudd.api.host.PluginJar;
import no.tilskudd.api.host.PluginRefusedException;
import no.tilskudd.api.host.PluginService;
import no.tilskudd.api.host.Undeployment;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.scheme.SchemeDefinition;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.PluginSignatures;
import no.tilskudd.api.service.SchemeOwnership;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.ValidationService;
import no.tilskudd.api.store.SchemeOwner;
import no.tilskudd.api.store.StoreException;
import no.tilskudd.api.store.StoredSubmission;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.Validator;
import no.tilskudd.api.submission.Violation;
import no.tilskudd.engine.StandaloneEngine;
import no.tilskudd.launch.Host;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Plugin jars in {@code deploy/}: a dry run that checks the stored submissions against a jar's forms and rules
 * before it is deployed, deploying (an atomic move into {@code deploy/}, where FileInstall picks it up), and
 * removal. {@link #deploy} is the one way in: every check a jar must pass before the host takes it belongs there.
 */
@Component(service = PluginService.class)
public final class PluginServiceComponent implements PluginService {

    /** How long a serving host waits for FileInstall to act on a change before answering. */
    static final long WAIT_MS = 20_000;
    private static final int MAX_EXAMPLES = 5;

    @Reference
    private Host host;
    @Reference
    private SubmissionStore store;
    @Reference
    private ValidationService validation;
    @Reference
    private OrgUnitRegister orgUnits;
    @Reference
    private SchemeRegistry schemes;
    @Reference
    private AuditLog audit;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SchemeOwnership ownership;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PluginSignatures signatures;

    private BundleContext context;

    @Activate
    void activate(BundleContext ctx) {
        this.context = ctx;
    }

    @Override
    public PluginJar inspect(Path jar) throws PluginRefusedException {
        String[] id = identity(jar);
        return new PluginJar(id[0], id[1], find(id[0]).map(b -> b.getVersion().toString()));
    }

    /** A jar's symbolic name and version, from its manifest. */
    static String[] identity(Path jar) throws PluginRefusedException {
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest mf = j.getManifest();
            if (mf == null) {
                throw new PluginRefusedException(PluginRefusedException.NOT_A_BUNDLE,
                        "the jar has no manifest, so it is not an OSGi bundle");
            }
            Attributes a = mf.getMainAttributes();
            String bsn = a.getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (bsn == null || bsn.isBlank()) {
                throw new PluginRefusedException(PluginRefusedException.NOT_A_BUNDLE,
                        "the manifest has no Bundle-SymbolicName");
            }
            bsn = bsn.split(";")[0].trim();
            if (!bsn.matches("[A-Za-z0-9_.-]{1,200}")) {
                throw new PluginRefusedException(PluginRefusedException.NOT_A_BUNDLE,
                        "the Bundle-SymbolicName is not a plain name");
            }
            String version;
            try {
                version = Version.parseVersion(a.getValue(Constants.BUNDLE_VERSION)).toString();
            } catch (IllegalArgumentException e) {
                throw new PluginRefusedException(PluginRefusedException.NOT_A_BUNDLE,
                        "the Bundle-Version is malformed: " + e.getMessage());
            }
            return new String[] {bsn, version};
        } catch (IOException e) {
            throw new PluginRefusedException(PluginRefusedException.NOT_A_JAR,
                    "not a valid jar (" + e.getMessage() + ")");
        }
    }

    // ------------------------------------------------------------------------------------------------ dry run

    @Override
    public DryRun dryRun(Path jar, Locale locale) throws PluginRefusedException, IOException {
        return dryRun(jar, locale, Set.of());
    }

    @Override
    public DryRun dryRun(Path jar, Locale locale, Set<String> allowExtensions) throws PluginRefusedException,
            IOException {
        PluginJar info = inspect(jar);
        List<String> problems = new ArrayList<>();
        List<DryRun.SchemeCheck> checks = new ArrayList<>();
        List<DryRun.Contribution> contributions = new ArrayList<>();
        List<String> formChanges = new ArrayList<>();
        Totals totals = new Totals();
        Map<String, CodeCount> byCode = new TreeMap<>();
        Set<String> declared = extensionsOf(jar);
        PluginSignatures sig = signatures;
        PluginSignatures.Verdict verdict = sig == null ? null : sig.verify(jar);
        if (verdict != null && !verdict.accepted()) {
            problems.add(info.symbolicName() + " " + info.version() + " would be held unresolved: "
                    + verdict.reason().orElse("refused") + " (tilskudd.plugins.requireSignature=true)");
        }
        Optional<String> signer = verdict == null ? Optional.empty() : verdict.signer();
        for (String x : new java.util.TreeSet<>(allowExtensions)) {
            if (!declared.contains(x)) {
                problems.add("--allow-extension " + x + ": " + info.symbolicName() + " " + info.version()
                        + " does not declare scheme '" + x + "' as an extension (" + EXTENDS_HEADER + ": " + x
                        + "), so there is nothing to approve");
            }
        }
        try (PluginClassLoader loader = new PluginClassLoader(jar.toUri().toURL(),
                PluginServiceComponent.class.getClassLoader(), this::fromFramework)) {
            CandidateJar candidate = new CandidateJar(jar, loader, problems);
            List<Validator> validators = candidate.instances(Validator.class);
            List<Indicator> javaIndicators = candidate.instances(Indicator.class);
            List<Object> plugins = new ArrayList<>();
            plugins.addAll(candidate.instances(SchemeDefinition.class));
            plugins.addAll(validators);
            StandaloneEngine.Builder builder = StandaloneEngine.builder().orgUnits(orgUnits).add(plugins.toArray());
            if (!candidate.dataSchemes().isEmpty()) {
                // Read by path, as the engine's extender reads an installed bundle, so that the descriptor's standard
                // indicators and rules take part and the upload is not held open afterwards.
                builder.addSchemeJar(jar);
            }
            StandaloneEngine engine = builder.build();
            problems.addAll(engine.schemes().problems());
            Set<String> own = new LinkedHashSet<>();
            for (Scheme s : engine.schemes().schemes()) {
                Optional<Scheme> installed = schemes.scheme(s.id());
                Optional<String> installedFrom = installed.map(x -> x.origin().name());
                Optional<SchemeOwner> owner = owner(s.id());
                boolean owns = owner.isEmpty() || owner.get().isOwner(info.symbolicName(), signer);
                if (!owns) {
                    // Deploying it changes nothing for this scheme, so there is nothing of it to check either.
                    problems.add("scheme '" + s.id() + "' belongs to " + owner.get().owner() + ", not to "
                            + info.symbolicName() + " " + info.version() + ": the host would refuse this jar's "
                            + "scheme until an administrator transfers the id (tilskudd schemes transfer " + s.id()
                            + " --to " + info.symbolicName() + ")");
                    continue;
                }
                if (owner.isEmpty() && installedFrom.isPresent() && !installedFrom.get().equals(info.symbolicName())) {
                    problems.add("scheme '" + s.id() + "' is already contributed by " + installedFrom.get()
                            + "; two plugins cannot claim the same scheme");
                }
                formChanges.addAll(revisions(s, installed));
                own.add(s.id());
                contributions.add(new DryRun.Contribution("scheme", s.id(), Optional.of(s.id()),
                        DryRun.Standing.OWN));
                long[] counts = check(s.id(), engine, locale, byCode, totals);
                checks.add(new DryRun.SchemeCheck(s.id(), s.formVersions(), installed.map(Scheme::formVersions),
                        counts[0], counts[1]));
            }
            Map<String, List<Validator>> extending = new TreeMap<>();
            for (Validator v : validators) {
                String scheme;
                try {
                    scheme = v.schemeId();
                } catch (RuntimeException | LinkageError e) {
                    problems.add("validator " + v.getClass().getName() + ": its schemeId() threw " + e
                            + ", so it would apply to no scheme");
                    continue;
                }
                DryRun.Standing st = standing(scheme, info, own, declared, allowExtensions);
                contributions.add(new DryRun.Contribution("validator", v.getClass().getName(), Optional.of(scheme),
                        st));
                refusal(problems, info, "validator " + v.getClass().getName(), scheme, st);
                if (st == DryRun.Standing.APPROVED_EXTENSION) {
                    extending.computeIfAbsent(scheme, k -> new ArrayList<>()).add(v);
                }
            }
            Set<Indicator> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            List<Indicator> indicators = new ArrayList<>(engine.indicatorPlugins());
            indicators.addAll(javaIndicators);
            for (Indicator i : indicators) {
                if (!seen.add(i)) {
                    continue;
                }
                String id;
                Set<String> of;
                try {
                    id = i.id();
                    of = new java.util.TreeSet<>(i.schemes());
                } catch (RuntimeException | LinkageError e) {
                    problems.add("indicator " + i.getClass().getName() + ": its id() or schemes() threw " + e);
                    continue;
                }
                if (of.isEmpty()) {
                    contributions.add(new DryRun.Contribution("indicator", id, Optional.empty(),
                            DryRun.Standing.CROSS_SCHEME));
                }
                for (String scheme : of) {
                    DryRun.Standing st = standing(scheme, info, own, declared, allowExtensions);
                    contributions.add(new DryRun.Contribution("indicator", id, Optional.of(scheme), st));
                    refusal(problems, info, "indicator '" + id + "'", scheme, st);
                    // The jar's Java indicators: its declared ones are the engine's standard code on its data.
                    if ((st == DryRun.Standing.OWN || st == DryRun.Standing.APPROVED_EXTENSION)
                            && javaIndicators.stream().anyMatch(j -> j == i)) {
                        runOnStored(i, id, scheme, info).ifPresent(problems::add);
                    }
                }
            }
            for (Map.Entry<String, List<Validator>> e : extending.entrySet()) {
                checks.add(checkExtension(e.getKey(), e.getValue(), locale, byCode, totals));
            }
        } catch (LinkageError | RuntimeException e) {
            problems.add("the plugin's classes could not be used: " + e);
        }
        List<DryRun.NewError> codes = new ArrayList<>();
        byCode.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue().keys.size(), a.getValue().keys.size()))
                .forEach(e -> codes.add(new DryRun.NewError(e.getKey(), e.getValue().keys.size(), e.getValue().message,
                        new ArrayList<>(e.getValue().paths), e.getValue().examples)));
        return new DryRun(info, checks, totals.checked, totals.becomeInvalid, totals.alreadyInvalid, codes, problems,
                contributions, formChanges);
    }

    /**
     * What each form of a scheme that is not installed yet and revises an earlier one changes against it. Forms share
     * years only where one revises the other and is listed after it (the reader refuses anything else), so the form
     * revised is the last one listed before it that shares a year with it.
     */
    static List<String> revisions(Scheme s, Optional<Scheme> installed) {
        List<String> out = new ArrayList<>();
        List<FormDefinition> forms = s.forms();
        for (int i = 0; i < forms.size(); i++) {
            FormDefinition f = forms.get(i);
            if (installed.isPresent() && installed.get().form(f.version()).isPresent()) {
                continue;
            }
            FormDefinition base = null;
            for (int j = 0; j < i; j++) {
                FormDefinition g = forms.get(j);
                if (f.firstYear() <= g.lastYear() && g.firstYear() <= f.lastYear()) {
                    base = g;
                }
            }
            if (base == null) {
                continue;
            }
            Map<String, Field> before = new LinkedHashMap<>();
            base.fields().forEach(x -> before.put(x.id(), x));
            Map<String, Field> after = new LinkedHashMap<>();
            f.fields().forEach(x -> after.put(x.id(), x));
            List<String> added = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            for (Field x : after.values()) {
                Field old = before.get(x.id());
                if (old == null) {
                    added.add(x.id() + (x.required() ? " (required)" : ""));
                } else if (!old.equals(x)) {
                    changed.add(x.id() + describeChange(old, x));
                }
            }
            List<String> removed = before.keySet().stream().filter(k -> !after.containsKey(k)).toList();
            int firstShared = Math.max(f.firstYear(), base.firstYear());
            int lastShared = Math.min(f.lastYear(), base.lastYear());
            out.add("scheme " + s.id() + ": form " + f.version() + " revises form " + base.version() + " for "
                    + (firstShared == lastShared ? String.valueOf(firstShared) : firstShared + "-" + lastShared)
                    + " (new submissions of those years use " + f.version() + "; stored ones keep their form): "
                    + "fields added: " + list(added) + "; removed: " + list(removed) + "; changed: " + list(changed)
                    + (f.rules().equals(base.rules()) ? "" : "; its rules differ"));
        }
        return out;
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }

    private static String describeChange(Field old, Field now) {
        List<String> what = new ArrayList<>();
        if (old.type() != now.type()) {
            what.add("type " + old.type() + " -> " + now.type());
        }
        if (old.required() != now.required()) {
            what.add(now.required() ? "now required" : "no longer required");
        }
        if (!old.requiredWhen().equals(now.requiredWhen())) {
            what.add("requiredWhen");
        }
        if (!old.constraints().equals(now.constraints())) {
            what.add("limits");
        }
        if (!old.choices().equals(now.choices())) {
            what.add("choices");
        }
        if (!old.fields().equals(now.fields())) {
            what.add("row fields");
        }
        if (!old.label().equals(now.label()) || !old.help().equals(now.help())) {
            what.add("text");
        }
        return what.isEmpty() ? "" : " (" + String.join(", ", what) + ")";
    }

    /** The manifest header by which a bundle declares the schemes of other bundles it extends. */
    static final String EXTENDS_HEADER = "Tilskudd-Extends";

    /** The schemes a jar declares as extensions. */
    static Set<String> extensionsOf(Path jar) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest mf = j.getManifest();
            String v = mf == null ? null : mf.getMainAttributes().getValue(EXTENDS_HEADER);
            if (v != null) {
                for (String part : v.split(",")) {
                    String id = part.split(";")[0].trim();
                    if (!id.isEmpty()) {
                        out.add(id);
                    }
                }
            }
        }
        return out;
    }

    /** Whether a contribution of the jar to a scheme would apply, by the rules the engine applies once it is in. */
    private DryRun.Standing standing(String scheme, PluginJar info, Set<String> own, Set<String> declared,
            Set<String> allowed) {
        if (own.contains(scheme)) {
            return DryRun.Standing.OWN;
        }
        Optional<String> owner = owner(scheme).map(SchemeOwner::symbolicName)
                .or(() -> schemes.scheme(scheme).map(x -> x.origin().name()));
        if (owner.isPresent() && owner.get().equals(info.symbolicName())) {
            return DryRun.Standing.OWN;
        }
        if (!declared.contains(scheme)) {
            return DryRun.Standing.NOT_DECLARED;
        }
        return allowed.contains(scheme) || approved(scheme, info.symbolicName())
                ? DryRun.Standing.APPROVED_EXTENSION : DryRun.Standing.UNAPPROVED_EXTENSION;
    }

    private boolean approved(String scheme, String symbolicName) {
        SchemeOwnership o = ownership;
        if (o == null) {
            return false;
        }
        try {
            return o.extensions().stream().anyMatch(x -> x.schemeId().equals(scheme)
                    && x.symbolicName().equals(symbolicName));
        } catch (IllegalStateException | StoreException e) {
            return false;
        }
    }

    private void refusal(List<String> problems, PluginJar info, String what, String scheme, DryRun.Standing st) {
        String owner = owner(scheme).map(SchemeOwner::owner)
                .or(() -> schemes.scheme(scheme).map(x -> x.origin().name())).orElse("no installed bundle");
        if (st == DryRun.Standing.NOT_DECLARED) {
            problems.add(what + " is for scheme '" + scheme + "', which belongs to " + owner + ", not to "
                    + info.symbolicName() + " " + info.version() + ", and the jar does not declare it as an extension ("
                    + EXTENDS_HEADER + ": " + scheme + "): the host would not apply it");
        } else if (st == DryRun.Standing.UNAPPROVED_EXTENSION) {
            problems.add(what + " extends scheme '" + scheme + "', which belongs to " + owner + "; no administrator "
                    + "has approved that extension, so the host would not apply it (deploy with --allow-extension "
                    + scheme + ")");
        }
    }

    /** The setting for how long an indicator may compute, in milliseconds; the engine's reports use the same. */
    static final String INDICATOR_TIMEOUT = "tilskudd.indicator.timeout.ms";

    /**
     * Runs one of the jar's indicators on the stored submissions of a scheme it would serve, as a report of all their
     * years would, so that an indicator that throws on real data (or does not finish in the time a report gives it)
     * makes the dry run unsafe before the jar goes in.
     *
     * @return what went wrong, naming the indicator, the jar's bundle and version and the scheme
     */
    private Optional<String> runOnStored(Indicator indicator, String id, String scheme, PluginJar info) {
        List<Submission> stored = new ArrayList<>();
        try {
            for (StoredSubmission x : store.find(new SubmissionQuery(Optional.of(scheme), Optional.empty(),
                    Optional.empty(), Set.of()))) {
                stored.add(x.submission());
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        int from = stored.stream().mapToInt(Submission::year).min().getAsInt();
        int to = stored.stream().mapToInt(Submission::year).max().getAsInt();
        IndicatorInput input = new IndicatorInput(Selection.of(scheme, from, to), stored, orgUnits::find);
        String who = "indicator '" + id + "' (" + info.symbolicName() + " " + info.version() + ")";
        long limit = timeoutMillis();
        java.util.concurrent.FutureTask<no.tilskudd.api.report.Table> task =
                new java.util.concurrent.FutureTask<>(() -> indicator.compute(input));
        Thread t = new Thread(task, "tilskudd-dry-run-indicator-" + id);
        t.setDaemon(true);
        t.start();
        try {
            no.tilskudd.api.report.Table table = task.get(limit, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (table == null) {
                return Optional.of(who + " returned no table for the " + stored.size() + " stored submissions of "
                        + "scheme '" + scheme + "': the host would report it as failed");
            }
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            return Optional.of(who + " threw " + c.getClass().getSimpleName()
                    + (c.getMessage() == null ? "" : ": " + c.getMessage()) + " on the " + stored.size()
                    + " stored submissions of scheme '" + scheme + "': the host would report it as failed");
        } catch (java.util.concurrent.TimeoutException e) {
            task.cancel(true);
            return Optional.of(who + " did not finish within " + limit + " ms (" + INDICATOR_TIMEOUT + ") on the "
                    + stored.size() + " stored submissions of scheme '" + scheme + "': the host would stop it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            return Optional.of(who + ": the dry run was interrupted while it ran");
        }
    }

    private long timeoutMillis() {
        String v = context == null ? null : context.getProperty(INDICATOR_TIMEOUT);
        try {
            return v == null ? 30_000 : Math.max(1, Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return 30_000;
        }
    }

    /** The running totals of a dry run over its schemes. */
    private static final class Totals {
        long checked;
        long becomeInvalid;
        long alreadyInvalid;
    }

    /** Re-validates the stored submissions of a scheme with an engine; returns {checked, becomeInvalid}. */
    private long[] check(String scheme, StandaloneEngine engine, Locale locale, Map<String, CodeCount> byCode,
            Totals totals) {
        long schemeChecked = 0;
        long schemeInvalid = 0;
        for (StoredSubmission stored : store.find(new SubmissionQuery(Optional.of(scheme), Optional.empty(),
                Optional.empty(), Set.of()))) {
            Submission sub = stored.submission();
            schemeChecked++;
            Set<String> before = errorCodes(validation.validate(sub));
            List<Violation> after = engine.validation().validate(sub);
            Set<String> afterCodes = errorCodes(after);
            if (!afterCodes.isEmpty() && before.isEmpty()) {
                schemeInvalid++;
            } else if (!before.isEmpty()) {
                totals.alreadyInvalid++;
            }
            for (Violation v : after) {
                if (v.severity() == Severity.ERROR && !before.contains(v.code())) {
                    CodeCount c = byCode.computeIfAbsent(v.code(), k -> new CodeCount(v.message().in(locale)));
                    if (c.keys.add(sub.key().toString())) {
                        c.paths.add(v.path());
                        if (c.examples.size() < MAX_EXAMPLES) {
                            c.examples.add(sub.year() + " " + sub.orgUnit());
                        }
                    }
                }
            }
        }
        totals.checked += schemeChecked;
        totals.becomeInvalid += schemeInvalid;
        return new long[] {schemeChecked, schemeInvalid};
    }

    /**
     * Checks the stored submissions of a scheme the jar would extend against the owner's scheme with the jar's
     * validators added. The owner's scheme is read from its jar in deploy/, as the extender reads it; an owner that
     * is not a data-only scheme jar there cannot be read so, and the check says that none were checked.
     */
    private DryRun.SchemeCheck checkExtension(String scheme, List<Validator> validators, Locale locale,
            Map<String, CodeCount> byCode, Totals totals) {
        Optional<Scheme> installed = schemes.scheme(scheme);
        List<String> forms = installed.map(Scheme::formVersions).orElse(List.of());
        Optional<Path> ownerJar = installed.flatMap(s -> find(s.origin().name())).flatMap(b -> path(b.getLocation()))
                .filter(Files::isRegularFile).filter(PluginServiceComponent::isSchemeJar);
        if (ownerJar.isEmpty()) {
            return new DryRun.SchemeCheck(scheme, forms, installed.map(Scheme::formVersions), 0, 0);
        }
        StandaloneEngine engine = StandaloneEngine.builder().orgUnits(orgUnits).add(validators.toArray())
                .addSchemeJar(ownerJar.get()).build();
        long[] counts = check(scheme, engine, locale, byCode, totals);
        return new DryRun.SchemeCheck(scheme, forms, installed.map(Scheme::formVersions), counts[0], counts[1]);
    }

    private static boolean isSchemeJar(Path jar) {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.getManifest() != null && j.getManifest().getMainAttributes().getValue("Tilskudd-Scheme") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The recorded owner of a scheme id, as the registry decides by it. */
    private Optional<SchemeOwner> owner(String schemeId) {
        SchemeOwnership o = ownership;
        if (o == null) {
            return Optional.empty();
        }
        try {
            return o.owners().stream().filter(x -> x.schemeId().equals(schemeId)).findFirst();
        } catch (IllegalStateException | StoreException e) {
            return Optional.empty();
        }
    }

    private static final class CodeCount {
        final String message;
        final Set<String> keys = new LinkedHashSet<>();
        final Set<String> paths = new LinkedHashSet<>();
        final List<String> examples = new ArrayList<>();

        CodeCount(String message) {
            this.message = message;
        }
    }

    private static Set<String> errorCodes(List<Violation> violations) {
        Set<String> s = new LinkedHashSet<>();
        for (Violation v : violations) {
            if (v.severity() == Severity.ERROR) {
                s.add(v.code());
            }
        }
        return s;
    }

    /** A class from the bundle that exports its package now (highest version first), for the dry-run loader. */
    private Class<?> fromFramework(String className) {
        int dot = className.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String pkg = className.substring(0, dot);
        Bundle best = null;
        Version bestVersion = null;
        for (Bundle b : context.getBundles()) {
            BundleWiring w = b.adapt(BundleWiring.class);
            if (w == null) {
                continue;
            }
            for (BundleCapability c : w.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                if (pkg.equals(c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                    Object v = c.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
                    Version version = v instanceof Version ver ? ver : Version.emptyVersion;
                    if (bestVersion == null || version.compareTo(bestVersion) > 0) {
                        best = b;
                        bestVersion = version;
                    }
                }
            }
        }
        if (best == null) {
            return null;
        }
        try {
            return best.loadClass(className);
        } catch (ClassNotFoundException | IllegalStateException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------------ deploy

    @Override
    public Deployment deploy(Path jar, DeployRequest request) throws PluginRefusedException, IOException {
        PluginJar info = inspect(jar);
        for (Bundle b : context.getBundles()) {
            if (info.symbolicName().equals(b.getSymbolicName()) && !inDeploy(b)) {
                throw new PluginRefusedException(PluginRefusedException.CORE_BUNDLE, info.symbolicName()
                        + " is part of the host (not a plugin in deploy/) and cannot be replaced through deploy/");
            }
        }
        Optional<DryRun> check = Optional.empty();
        if (request.dryRunFirst()) {
            check = Optional.of(dryRun(jar, request.locale(), request.allowExtensions()));
            if (!check.get().safe() && !request.force()) {
                throw new PluginRefusedException(PluginRefusedException.NOT_SAFE, "not deployed: the dry run found "
                        + "problems; deploy with --force to deploy anyway", check.get());
            }
        }
        // Approved before the jar goes in, so that its contributions apply from its first start: only the schemes
        // the jar declares, since an approval of anything else would mean nothing.
        Set<String> declared = extensionsOf(jar);
        List<String> approved = new ArrayList<>();
        for (String x : new java.util.TreeSet<>(request.allowExtensions())) {
            if (!declared.contains(x)) {
                continue;
            }
            SchemeOwnership o = ownership;
            if (o == null) {
                throw new IllegalStateException("the store is not available, so the extension of scheme '" + x
                        + "' cannot be approved");
            }
            o.approveExtension(x, info.symbolicName(), request.actor());
            approved.add(x);
        }
        String name = deployedFile(info.symbolicName()).map(p -> p.getFileName().toString())
                .orElse(info.symbolicName() + ".jar");
        Path deployDir = host.deploy();
        Files.createDirectories(deployDir);
        Path target = deployDir.resolve(name);
        // FileInstall only looks at *.jar, so the partial file is invisible until the rename.
        Path part = deployDir.resolve(name + ".part");
        try {
            Files.copy(jar, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        Deployment d = host.serving() ? awaitStarted(name, info, check)
                : new Deployment(name, info, "DEPLOYED", Optional.empty(), check);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("file", name);
        details.put("state", d.state());
        details.put("dryRun", check.map(c -> c.safe() ? "safe" : "not safe").orElse("not run"));
        details.put("forced", Boolean.toString(check.map(c -> !c.safe()).orElse(false) && request.force()));
        if (!approved.isEmpty()) {
            details.put("approvedExtensions", String.join(",", approved));
        }
        audit.record(new AuditEntry(request.actor(), "plugin.deploy", request.displayName(), details));
        return d;
    }

    /**
     * FileInstall installs and starts, then refreshes the wiring, which stops and starts the bundle once more: it
     * counts as started only when it has stayed active for two polls.
     */
    private Deployment awaitStarted(String name, PluginJar info, Optional<DryRun> check) {
        long settle = Math.max(300, 2 * poll());
        long deadline = System.currentTimeMillis() + WAIT_MS;
        long activeSince = -1;
        Optional<Bundle> b = Optional.empty();
        while (System.currentTimeMillis() < deadline) {
            b = find(info.symbolicName()).filter(x -> x.getVersion().toString().equals(info.version()));
            if (b.isPresent() && b.get().getState() == Bundle.ACTIVE) {
                if (activeSince < 0) {
                    activeSince = System.currentTimeMillis();
                } else if (System.currentTimeMillis() - activeSince >= settle) {
                    break;
                }
            } else {
                activeSince = -1;
            }
            sleep();
        }
        Optional<String> failure = b.filter(x -> x.getState() != Bundle.ACTIVE).map(PluginServiceComponent::failure);
        return new Deployment(name, info, b.map(PluginServiceComponent::state).orElse("WAITING"), failure, check);
    }

    @Override
    public Undeployment undeploy(String symbolicName, String actor) throws PluginRefusedException, IOException {
        Optional<Path> file = deployedFile(symbolicName);
        if (file.isEmpty()) {
            boolean core = find(symbolicName).isPresent();
            throw new PluginRefusedException(core ? PluginRefusedException.CORE_BUNDLE : PluginRefusedException.NOT_FOUND,
                    core ? symbolicName + " is part of the host, not a plugin in deploy/"
                            : "no plugin " + symbolicName + " in deploy/");
        }
        Files.delete(file.get());
        String state;
        if (host.serving()) {
            long deadline = System.currentTimeMillis() + WAIT_MS;
            while (System.currentTimeMillis() < deadline && find(symbolicName).filter(this::inDeploy).isPresent()) {
                sleep();
            }
            state = find(symbolicName).filter(this::inDeploy).isPresent() ? "STOPPING" : "UNINSTALLED";
        } else {
            state = "REMOVED";
        }
        Undeployment u = new Undeployment(file.get().getFileName().toString(), symbolicName, state);
        audit.record(new AuditEntry(actor, "plugin.undeploy", symbolicName, Map.of("file", u.file())));
        return u;
    }

    @Override
    public Optional<String> bundleOfScheme(String schemeId) {
        return schemes.scheme(schemeId).map(s -> s.origin().name());
    }

    /** The jar in deploy/ for a symbolic name: the installed bundle's file, else a jar whose manifest says so. */
    private Optional<Path> deployedFile(String symbolicName) throws IOException {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName()) && inDeploy(b)) {
                Optional<Path> p = path(b.getLocation());
                if (p.isPresent() && Files.exists(p.get())) {
                    return p;
                }
            }
        }
        if (!Files.isDirectory(host.deploy())) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(host.deploy())) {
            for (Path p : s.filter(x -> x.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                try {
                    if (identity(p)[0].equals(symbolicName)) {
                        return Optional.of(p);
                    }
                } catch (PluginRefusedException e) {
                    // a broken jar is not the one asked for
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Bundle> find(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    private boolean inDeploy(Bundle b) {
        Path dir = host.deploy().toAbsolutePath().normalize();
        return path(b.getLocation()).map(p -> dir.equals(p.getParent())).orElse(false);
    }

    private static Optional<Path> path(String location) {
        try {
            return Optional.of(Path.of(URI.create(location)).toAbsolutePath().normalize());
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    private long poll() {
        try {
            return Long.parseLong(Optional.ofNullable(context.getProperty("felix.fileinstall.poll")).orElse("2000"));
        } catch (NumberFormatException e) {
            return 2000;
        }
    }

    static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    private static String failure(Bundle b) {
        if (b.getState() == Bundle.INSTALLED) {
            try {
                b.start(Bundle.START_TRANSIENT);
                return "was not started; started now";
            } catch (org.osgi.framework.BundleException | IllegalStateException e) {
                return e.getMessage();
            }
        }
        return "not active (" + state(b) + ")";
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

}
