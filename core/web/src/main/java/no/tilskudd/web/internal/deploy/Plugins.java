package no.tilskudd.web.internal.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.scheme.SchemeDefinition;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.ValidationService;
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

/**
 * Plugin jars in {@code deploy/}: a dry run that checks the stored submissions against a jar's forms and rules
 * before it is deployed, deploying (an atomic move into {@code deploy/}, where FileInstall picks it up), and
 * removal. Used by the HTTP API and by the {@code deploy}/{@code undeploy} commands.
 */
public final class Plugins {

    /** How long a serving host waits for FileInstall to act on a change before answering. */
    static final long WAIT_MS = 20_000;
    private static final int MAX_EXAMPLES = 5;
    private static final Pattern DS_IMPL = Pattern.compile("<implementation\\s+class=\"([^\"]+)\"");
    private static final Pattern DS_PROVIDE = Pattern.compile("<provide\\s+interface=\"([^\"]+)\"");

    private final BundleContext context;
    private final Host host;
    private final SubmissionStore store;
    private final ValidationService validation;
    private final OrgUnitRegister orgUnits;
    private final SchemeRegistry schemes;

    /** The identity of a plugin jar, from its manifest. */
    public record JarInfo(String symbolicName, String version) {
    }

    /** Thrown when a jar cannot be used at all, with a sentence that says why. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        RefusedException(String code, String message) {
            super(message);
            this.code = code;
        }

        /** @return a stable code for the reason */
        public String code() {
            return code;
        }
    }

    /**
     * @param context    the web bundle's context
     * @param host       the host
     * @param store      the submission store
     * @param validation the installed validation, for what is valid now
     * @param orgUnits   the org-unit register
     * @param schemes    the installed schemes
     */
    public Plugins(BundleContext context, Host host, SubmissionStore store, ValidationService validation,
            OrgUnitRegister orgUnits, SchemeRegistry schemes) {
        this.context = context;
        this.host = host;
        this.store = store;
        this.validation = validation;
        this.orgUnits = orgUnits;
        this.schemes = schemes;
    }

    /**
     * Reads a jar's bundle identity.
     *
     * @param jar the jar
     * @return its symbolic name and version
     * @throws RefusedException when it is not a readable bundle
     */
    public static JarInfo inspect(Path jar) throws RefusedException {
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest mf = j.getManifest();
            if (mf == null) {
                throw new RefusedException("not_a_bundle", "the jar has no manifest, so it is not an OSGi bundle");
            }
            Attributes a = mf.getMainAttributes();
            String bsn = a.getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (bsn == null || bsn.isBlank()) {
                throw new RefusedException("not_a_bundle", "the manifest has no Bundle-SymbolicName");
            }
            bsn = bsn.split(";")[0].trim();
            if (!bsn.matches("[A-Za-z0-9_.-]{1,200}")) {
                throw new RefusedException("not_a_bundle", "the Bundle-SymbolicName is not a plain name");
            }
            String version;
            try {
                version = Version.parseVersion(a.getValue(Constants.BUNDLE_VERSION)).toString();
            } catch (IllegalArgumentException e) {
                throw new RefusedException("not_a_bundle", "the Bundle-Version is malformed: " + e.getMessage());
            }
            return new JarInfo(bsn, version);
        } catch (IOException e) {
            throw new RefusedException("not_a_jar", "not a valid jar (" + e.getMessage() + ")");
        }
    }

    // ------------------------------------------------------------------------------------------------ dry run

    /**
     * Checks what deploying a jar would do to the stored submissions of the schemes it contributes: each one is
     * validated against the jar's forms and validators and against the installed ones, and the submissions that
     * would become invalid are counted by error code. Nothing is installed.
     *
     * @param jar    the jar
     * @param locale the language of messages
     * @return the report
     * @throws RefusedException when the jar is not a bundle
     * @throws IOException      when the jar cannot be read
     */
    public Map<String, Object> dryRun(Path jar, Locale locale) throws RefusedException, IOException {
        JarInfo info = inspect(jar);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bundle", bundleJson(info));
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> schemeList = new ArrayList<>();
        long checked = 0;
        long becomeInvalid = 0;
        long alreadyInvalid = 0;
        Map<String, CodeCount> byCode = new TreeMap<>();
        try (PluginClassLoader loader = new PluginClassLoader(jar.toUri().toURL(), Plugins.class.getClassLoader(),
                this::fromFramework)) {
            List<Object> plugins = new ArrayList<>();
            plugins.addAll(instantiate(loader, jar, SchemeDefinition.class, problems));
            plugins.addAll(instantiate(loader, jar, Validator.class, problems));
            StandaloneEngine.Builder builder = StandaloneEngine.builder().orgUnits(orgUnits).add(plugins.toArray());
            if (declaresScheme(jar)) {
                // A data-only scheme: the jar's manifest names the folder of its descriptor (Tilskudd-Scheme).
                builder.addSchemeJar(jar);
            }
            StandaloneEngine engine = builder.build();
            problems.addAll(engine.schemes().problems());
            for (Scheme s : engine.schemes().schemes()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("id", s.id());
                sm.put("formVersions", s.formVersions());
                sm.put("installedFormVersions", schemes.scheme(s.id()).map(Scheme::formVersions).orElse(null));
                Optional<String> installedFrom = schemes.scheme(s.id()).map(x -> x.origin().name());
                if (installedFrom.isPresent() && !installedFrom.get().equals(info.symbolicName())) {
                    problems.add("scheme '" + s.id() + "' is already contributed by " + installedFrom.get()
                            + "; two plugins cannot claim the same scheme");
                }
                long schemeChecked = 0;
                long schemeInvalid = 0;
                for (StoredSubmission stored : store.find(new SubmissionQuery(Optional.of(s.id()), Optional.empty(),
                        Optional.empty(), Set.of()))) {
                    Submission sub = stored.submission();
                    schemeChecked++;
                    Set<String> before = errorCodes(validation.validate(sub));
                    List<Violation> after = engine.validation().validate(sub);
                    Set<String> afterCodes = errorCodes(after);
                    if (!afterCodes.isEmpty() && before.isEmpty()) {
                        schemeInvalid++;
                    } else if (!before.isEmpty()) {
                        alreadyInvalid++;
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
                sm.put("checked", schemeChecked);
                sm.put("becomeInvalid", schemeInvalid);
                schemeList.add(sm);
                checked += schemeChecked;
                becomeInvalid += schemeInvalid;
            }
        } catch (LinkageError | ReflectiveOperationException | RuntimeException e) {
            problems.add("the plugin's classes could not be used: " + e);
        }
        out.put("schemes", schemeList);
        out.put("checked", checked);
        out.put("becomeInvalid", becomeInvalid);
        out.put("alreadyInvalid", alreadyInvalid);
        List<Map<String, Object>> codes = new ArrayList<>();
        byCode.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue().keys.size(), a.getValue().keys.size()))
                .forEach(e -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("code", e.getKey());
                    m.put("submissions", e.getValue().keys.size());
                    m.put("message", e.getValue().message);
                    m.put("paths", new ArrayList<>(e.getValue().paths));
                    m.put("examples", e.getValue().examples);
                    codes.add(m);
                });
        out.put("byCode", codes);
        out.put("problems", problems);
        out.put("safe", problems.isEmpty() && becomeInvalid == 0);
        return out;
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

    private static boolean declaresScheme(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest m = j.getManifest();
            return m != null && m.getMainAttributes().getValue("Tilskudd-Scheme") != null;
        }
    }

    /** The plugin classes a jar offers for a service type: its META-INF/services, else its DS descriptors. */
    private static <T> List<T> instantiate(ClassLoader loader, Path jar, Class<T> type, List<String> problems)
            throws IOException, ReflectiveOperationException {
        Set<String> names = new LinkedHashSet<>();
        try (JarFile j = new JarFile(jar.toFile())) {
            JarEntry services = j.getJarEntry("META-INF/services/" + type.getName());
            if (services != null) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(j.getInputStream(services),
                        StandardCharsets.UTF_8))) {
                    r.lines().map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty()).forEach(names::add);
                }
            } else {
                Enumeration<JarEntry> entries = j.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (e.getName().startsWith("OSGI-INF/") && e.getName().endsWith(".xml")) {
                        String xml;
                        try (InputStream in = j.getInputStream(e)) {
                            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        }
                        Matcher impl = DS_IMPL.matcher(xml);
                        Matcher provide = DS_PROVIDE.matcher(xml);
                        boolean offers = false;
                        while (provide.find()) {
                            offers |= provide.group(1).equals(type.getName());
                        }
                        if (offers && impl.find()) {
                            names.add(impl.group(1));
                        }
                    }
                }
            }
        }
        List<T> out = new ArrayList<>();
        for (String n : names) {
            try {
                Class<?> c = loader.loadClass(n);
                out.add(type.cast(c.getDeclaredConstructor().newInstance()));
            } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                problems.add(n + " (" + type.getSimpleName() + ") could not be created: " + e);
            }
        }
        return out;
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

    /**
     * Moves a jar into {@code deploy/} atomically, under the file name of the installed version if there is one
     * (so that it is an update, not a second copy). A serving host then waits for FileInstall to start it.
     *
     * @param jar the jar (a temporary file; it is copied, not moved)
     * @return what happened: file, bundle, state, failure
     * @throws RefusedException when the jar is not a bundle or would replace a core bundle
     * @throws IOException      when writing fails
     */
    public Map<String, Object> deploy(Path jar) throws RefusedException, IOException {
        JarInfo info = inspect(jar);
        for (Bundle b : context.getBundles()) {
            if (info.symbolicName().equals(b.getSymbolicName()) && !inDeploy(b)) {
                throw new RefusedException("core_bundle", info.symbolicName() + " is part of the host (not a "
                        + "plugin in deploy/) and cannot be replaced through deploy/");
            }
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
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", name);
        out.put("bundle", bundleJson(info));
        if (!host.serving()) {
            out.put("state", "DEPLOYED");
            return out;
        }
        // FileInstall installs and starts, then refreshes the wiring, which stops and starts the bundle once more:
        // it counts as started only when it has stayed active for two polls.
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
        out.put("state", b.map(Plugins::state).orElse("WAITING"));
        if (b.isPresent() && b.get().getState() != Bundle.ACTIVE) {
            out.put("failure", failure(b.get()));
        }
        return out;
    }

    /**
     * Deletes a plugin's jar from {@code deploy/}; a serving host waits until FileInstall has uninstalled it.
     *
     * @param symbolicName the bundle's symbolic name
     * @return what was removed
     * @throws RefusedException when the bundle is not a plugin from deploy/
     * @throws IOException      when the file cannot be deleted
     */
    public Map<String, Object> undeploy(String symbolicName) throws RefusedException, IOException {
        Optional<Path> file = deployedFile(symbolicName);
        if (file.isEmpty()) {
            boolean core = find(symbolicName).isPresent();
            throw new RefusedException(core ? "core_bundle" : "not_found", core ? symbolicName
                    + " is part of the host, not a plugin in deploy/" : "no plugin " + symbolicName + " in deploy/");
        }
        Files.delete(file.get());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.get().getFileName().toString());
        out.put("symbolicName", symbolicName);
        if (host.serving()) {
            long deadline = System.currentTimeMillis() + WAIT_MS;
            while (System.currentTimeMillis() < deadline && find(symbolicName).filter(this::inDeploy).isPresent()) {
                sleep();
            }
            out.put("state", find(symbolicName).filter(this::inDeploy).isPresent() ? "STOPPING" : "UNINSTALLED");
        } else {
            out.put("state", "REMOVED");
        }
        return out;
    }

    /**
     * The plugin that contributes a scheme.
     *
     * @param schemeId the scheme
     * @return the bundle symbolic name
     */
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
                    if (inspect(p).symbolicName().equals(symbolicName)) {
                        return Optional.of(p);
                    }
                } catch (RefusedException e) {
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

    private Map<String, Object> bundleJson(JarInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbolicName", info.symbolicName());
        m.put("version", info.version());
        m.put("installedVersion", find(info.symbolicName()).map(b -> b.getVersion().toString()).orElse(null));
        return m;
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
