package no.tilskudd.host.internal.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import no.tilskudd.api.service.PluginSignatures;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The framework-level gate for signed plugins: a resolver hook, so that it holds for every way a jar reaches the
 * framework (a copy into {@code deploy/} that FileInstall installs, {@code tilskudd deploy}, an upload to
 * {@code POST /api/bundles}, the one-shot commands installing {@code deploy/}). With
 * {@code tilskudd.plugins.requireSignature=true}, a plugin bundle is kept out of every resolution unless what the
 * framework holds of it (its entries, copied from the framework, not the file in {@code deploy/}, which may have
 * changed since) verifies and is signed by a trusted key; it stays INSTALLED, and {@link #refused()} says why. The
 * bundles the distribution ships in {@code bundle/} (core and libraries) are not plugins and are not asked.
 *
 * <p>Without the setting the hook lets everything through and nothing is read.
 */
@Component(service = {ResolverHookFactory.class, PluginSignatures.class}, immediate = true)
public final class PluginSignatureGate implements ResolverHookFactory, PluginSignatures {

    private static final System.Logger LOG = System.getLogger("no.tilskudd.host.plugins");

    /** The setting that switches signatures on. */
    public static final String REQUIRE = "tilskudd.plugins.requireSignature";
    /** The trust store, relative to the home folder unless absolute. */
    public static final String TRUST_STORE = "tilskudd.plugins.trustStore";
    /** The file with the trust store's password, relative to the home folder unless absolute. */
    public static final String TRUST_STORE_PASSWORD_FILE = "tilskudd.plugins.trustStore.passwordFile";

    private static final String UNREADABLE = "its content cannot be read from the framework";

    private boolean required;
    private Path home;
    private Path trustStore;
    private Path passwordFile;
    private BundleContext context;

    /** Verdicts by bundle id, with the bundle's last-modified time they were made for. */
    private final Map<Long, Checked> verdicts = new ConcurrentHashMap<>();
    private volatile Loaded trust;

    private record Checked(BundleRevision revision, long lastModified, String file, String name, Verdict verdict) {
    }

    private record Loaded(FileTime storeTime, FileTime passwordTime, TrustedSigners signers, String failure) {
    }

    @Activate
    void activate(BundleContext ctx) {
        this.context = ctx;
        this.required = Boolean.parseBoolean(Optional.ofNullable(ctx.getProperty(REQUIRE)).orElse("false").trim());
        String h = ctx.getProperty("tilskudd.home");
        this.home = h == null ? Path.of("").toAbsolutePath() : Path.of(h).toAbsolutePath().normalize();
        this.trustStore = home.resolve(Optional.ofNullable(ctx.getProperty(TRUST_STORE))
                .orElse("conf/trusted-plugins.p12"));
        this.passwordFile = home.resolve(Optional.ofNullable(ctx.getProperty(TRUST_STORE_PASSWORD_FILE))
                .orElse("conf/trusted-plugins.pw"));
        if (required) {
            // Plugins resolved before this hook was registered are resolved again, now through it.
            List<Bundle> before = new ArrayList<>();
            for (Bundle b : ctx.getBundles()) {
                int state = b.getState();
                if (isPlugin(b) && (state & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0
                        && !check(b).accepted()) {
                    before.add(b);
                }
            }
            if (!before.isEmpty()) {
                ctx.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(before);
            }
        }
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        if (!required) {
            return null;
        }
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                candidates.removeIf(r -> isPlugin(r.getBundle()) && !check(r.getBundle(), true).accepted());
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
                // nothing held
            }
        };
    }

    /** A bundle that is neither the framework nor one the distribution ships in {@code bundle/}. */
    private boolean isPlugin(Bundle b) {
        if (b.getBundleId() == 0) {
            return false;
        }
        Optional<Path> p = path(b.getLocation());
        return p.isEmpty() || !p.get().startsWith(home.resolve("bundle"));
    }

    private Verdict check(Bundle b) {
        return check(b, false);
    }

    /**
     * The verdict on what the framework holds of a bundle now.
     *
     * @param b        the bundle
     * @param resolver whether the resolver asks: then a read that failed (the bundle is being updated meanwhile, so
     *                 that its entries are briefly not there) is tried again, since a refusal there holds the bundle
     */
    private Verdict check(Bundle b, boolean resolver) {
        for (int attempt = 0;; attempt++) {
            long modified = b.getLastModified();
            // By revision: an update makes a new one, and what was said of the old one says nothing of it.
            BundleRevision revision = b.adapt(BundleRevision.class);
            Checked c = verdicts.get(b.getBundleId());
            if (c != null && c.lastModified() == modified && c.revision() == revision) {
                return c.verdict();
            }
            Verdict v;
            Loaded t = trust();
            if (t.signers() == null) {
                v = new Verdict(false, Optional.empty(), Optional.empty(), Optional.of(t.failure()));
            } else {
                v = verifyBundle(b, t.signers());
            }
            String file = path(b.getLocation()).map(x -> x.getFileName().toString()).orElse(b.getLocation());
            String name = b.getSymbolicName() + " " + b.getVersion();
            // What was read is of this revision only if the bundle did not change meanwhile.
            boolean steady = modified == b.getLastModified() && revision == b.adapt(BundleRevision.class);
            boolean readFailed = !steady || v.reason().map(r -> r.startsWith(UNREADABLE)).orElse(false);
            if (readFailed) {
                LOG.log(System.Logger.Level.DEBUG, line(file, name, v));
                if (resolver && attempt < 10) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return v;
                    }
                    continue;
                }
                return v;
            }
            verdicts.put(b.getBundleId(), new Checked(revision, modified, file, name, v));
            if (v.accepted()) {
                LOG.log(System.Logger.Level.INFO, file + " (" + name + "): signed by " + v.subject().orElse("?")
                        + " (SHA-256 " + v.signer().orElse("?") + ")");
            } else {
                LOG.log(System.Logger.Level.WARNING, line(file, name, v));
            }
            return v;
        }
    }

    private static String line(String file, String name, Verdict v) {
        return file + " (" + name + "): held unresolved: " + v.reason().orElse("refused") + " ("
                + REQUIRE + "=true)";
    }

    /** The trust store, read again when it or its password file changed. */
    private Loaded trust() {
        FileTime st = modified(trustStore);
        FileTime pt = modified(passwordFile);
        Loaded t = trust;
        if (t != null && java.util.Objects.equals(t.storeTime(), st) && java.util.Objects.equals(t.passwordTime(), pt)) {
            return t;
        }
        try {
            if (st == null) {
                throw new IOException("the trust store " + trustStore + " does not exist (" + TRUST_STORE + ")");
            }
            t = new Loaded(st, pt, TrustedSigners.load(trustStore, passwordFile), null);
        } catch (IOException e) {
            t = new Loaded(st, pt, null, "no plugin can be trusted: " + e.getMessage());
        }
        trust = t;
        verdicts.clear();
        return t;
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return null;
        }
    }

    /** Verifies what the framework holds of a bundle: its entries, copied into a private temporary jar. */
    private Verdict verifyBundle(Bundle b, TrustedSigners signers) {
        Path copy = null;
        boolean manifest = false;
        try {
            copy = Files.createTempFile("tilskudd-verify-", ".jar",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(copy); JarOutputStream jar = new JarOutputStream(out)) {
                List<String> names = new ArrayList<>();
                collect(b, "/", names);
                // The manifest and the signature files first, as a signed jar has them.
                names.sort((x, y) -> Integer.compare(rank(x), rank(y)));
                manifest = names.contains("META-INF/MANIFEST.MF");
                byte[] buffer = new byte[8192];
                for (String n : names) {
                    URL u = b.getEntry(n);
                    if (u == null) {
                        continue;
                    }
                    jar.putNextEntry(new JarEntry(n));
                    try (InputStream in = u.openStream()) {
                        int r;
                        while ((r = in.read(buffer)) >= 0) {
                            jar.write(buffer, 0, r);
                        }
                    }
                    jar.closeEntry();
                }
            }
            if (!manifest) {
                // Every installed bundle has one: its entries were not there while they were read.
                throw new IOException("its manifest was not there while its entries were read");
            }
            return JarSignatureCheck.verify(copy, signers);
        } catch (IOException | RuntimeException e) {
            return new Verdict(false, Optional.empty(), Optional.empty(),
                    Optional.of(UNREADABLE + " (" + e + ")"));
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    // a private temporary file
                }
            }
        }
    }

    private static int rank(String name) {
        if (name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
            return 0;
        }
        return JarSignatureCheck.signatureRelated(name) ? 1 : 2;
    }

    /** Every file entry under a path; getEntryPaths does not resolve the bundle, unlike findEntries. */
    private static void collect(Bundle b, String path, List<String> out) {
        Enumeration<String> e = b.getEntryPaths(path);
        if (e == null) {
            return;
        }
        for (String p : Collections.list(e)) {
            if (p.endsWith("/")) {
                collect(b, p, out);
            } else {
                out.add(p);
            }
        }
    }

    @Override
    public Optional<String> signer(long bundleId) {
        if (!required) {
            return Optional.empty();
        }
        Bundle b = context.getBundle(bundleId);
        if (b == null || !isPlugin(b)) {
            return Optional.empty();
        }
        Verdict v = check(b);
        return v.accepted() ? v.signer() : Optional.empty();
    }

    @Override
    public List<String> refused() {
        if (!required) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getState() == Bundle.INSTALLED && isPlugin(b)) {
                Verdict v = check(b);
                if (!v.accepted()) {
                    Checked c = verdicts.get(b.getBundleId());
                    out.add(c != null ? line(c.file(), c.name(), v) : line(b.getLocation(), b.getSymbolicName(), v));
                }
            }
        }
        return out;
    }

    /**
     * Why an installed bundle is held unresolved, if it is.
     *
     * @param b the bundle
     * @return the line for the status, naming file, bundle and reason
     */
    public Optional<String> refusal(Bundle b) {
        if (!required || !isPlugin(b)) {
            return Optional.empty();
        }
        Verdict v = check(b);
        return v.accepted() ? Optional.empty() : Optional.of("held unresolved: " + v.reason().orElse("refused")
                + " (" + REQUIRE + "=true)");
    }

    @Override
    public Verdict verify(Path jar) {
        if (!required) {
            return new Verdict(true, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Loaded t = trust();
        if (t.signers() == null) {
            return new Verdict(false, Optional.empty(), Optional.empty(), Optional.of(t.failure()));
        }
        return JarSignatureCheck.verify(jar, t.signers());
    }

    private static Optional<Path> path(String location) {
        try {
            return Optional.of(Path.of(URI.create(location)).toAbsolutePath().normalize());
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }
}
