package no.tilskudd.host.internal.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import no.tilskudd.api.host.BundleStatus;
import no.tilskudd.api.host.HostStatus;
import no.tilskudd.api.host.StatusService;
import no.tilskudd.api.service.PluginHealth;
import no.tilskudd.api.service.PluginSignatures;
import no.tilskudd.api.service.Quarantine;
import no.tilskudd.api.service.SchemeOwnership;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.StoredReportCheck;
import no.tilskudd.api.service.ValidationService;
import no.tilskudd.host.internal.signing.PluginSignatureGate;
import no.tilskudd.host.json.JsonViews;
import no.tilskudd.launch.Host;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * What the host is made of right now: bundles and their states, plugin files that could not be installed or
 * resolved (and why), components that failed to activate, schemes that could not be read, and plugins whose
 * validators are quarantined (the validation service is the one source of that). {@code serve} publishes it to
 * {@code data/host-status.json}, on every bundle event and every second, so that {@code tilskudd status} in another
 * process can show it.
 */
@Component(service = StatusService.class)
public final class StatusComponent implements StatusService, BundleListener {


    static final String FILE = "host-status.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Reference
    private Host host;
    @Reference
    private SchemeRegistry schemes;
    @Reference
    private ValidationService validation;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PluginHealth health;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PluginSignatures signatures;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SchemeOwnership ownership;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StoredReportCheck storedReports;

    private BundleContext context;
    private ScheduledExecutorService publisher;

    @Activate
    void activate(BundleContext ctx) {
        this.context = ctx;
    }

    @Deactivate
    void deactivate() {
        close();
    }

    @Override
    public HostStatus status() {
        return readRunning(host.data()).orElseGet(this::snapshot);
    }

    /** On every bundle event and every second, for plugins that fail before they are bundles. */
    @Override
    public synchronized void publish() {
        if (publisher != null) {
            return;
        }
        context.addBundleListener(this);
        publisher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tilskudd-status");
            t.setDaemon(true);
            return t;
        });
        publisher.scheduleWithFixedDelay(this::write, 0, 1, TimeUnit.SECONDS);
    }

    private synchronized void close() {
        if (publisher != null) {
            publisher.shutdownNow();
            try {
                context.removeBundleListener(this);
            } catch (IllegalStateException e) {
                // the framework is already stopping
            }
            try {
                Files.deleteIfExists(host.data().resolve(FILE));
            } catch (IOException e) {
                // a stale file is recognised by its dead process id
            }
            publisher = null;
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        ScheduledExecutorService p = publisher;
        if (p != null && !p.isShutdown()) {
            p.execute(this::write);
        }
    }

    private void write() {
        try {
            HostStatus snap = snapshot();
            Path target = host.data().resolve(FILE);
            Path tmp = Files.createTempFile(host.data(), FILE, ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), JsonViews.status(snap));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // The next event or tick tries again; the status file is only a view.
        }
    }

    HostStatus snapshot() {
        List<BundleStatus> bundles = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Set<String> installedFiles = new HashSet<>();
        for (Bundle b : context.getBundles()) {
            Optional<Path> path = path(b.getLocation());
            String file = path.map(p -> p.getFileName().toString()).orElse(b.getLocation());
            // FileInstall writes locations as file:/x, the launcher as file:///x: compare paths, not strings.
            boolean deployed = path.map(p -> host.deploy().toAbsolutePath().normalize().equals(p.getParent()))
                    .orElse(false);
            if (deployed) {
                installedFiles.add(file);
            }
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            String failure = null;
            Optional<String> held = signatures instanceof PluginSignatureGate g ? g.refusal(b) : Optional.empty();
            SchemeOwnership o = ownership;
            if (held.isEmpty() && o != null && b.getState() == Bundle.INSTALLED) {
                // Held by the ownership gate: the reason already names the bundle, both owners and the fix.
                held = o.held(b.getBundleId()).map(r -> r.substring(r.indexOf(": ") + 2));
            }
            if (b.getState() == Bundle.INSTALLED && held.isPresent()) {
                // Asking the framework to start it would only say that a resolver hook kept it out.
                failure = b.getSymbolicName() + " " + b.getVersion() + ": " + held.get();
            } else if (b.getState() == Bundle.INSTALLED && !fragment) {
                failure = resolutionFailure(b);
            } else if (b.getState() == Bundle.RESOLVED && !fragment && b.getBundleId() != 0) {
                failure = "resolved but not started";
            }
            if (failure != null) {
                failures.add(file + ": " + failure);
            }
            bundles.add(new BundleStatus(b.getBundleId(), b.getSymbolicName(), b.getVersion().toString(), state(b),
                    file, deployed, Optional.ofNullable(failure)));
        }
        failures.addAll(componentFailures());
        host.deployFailures().forEach((file, reason) -> {
            if (!installedFiles.contains(file) || !failures.stream().anyMatch(f -> f.startsWith(file + ":"))) {
                failures.add(file + ": " + reason);
            }
            installedFiles.add(file);
        });
        for (Path jar : deployedJars()) {
            String name = jar.getFileName().toString();
            if (!installedFiles.contains(name)) {
                failures.add(name + ": not installed: " + unreadableReason(jar));
            }
        }
        List<String> schemeList = schemes.schemes().stream().map(s -> s.id() + " " + s.formVersions() + " from "
                + s.origin()).toList();
        List<String> quarantined = validation.quarantined().stream().map(Quarantine::toString).toList();
        // Contributions that do not apply are problems of the scheme they were meant for; ones that threw or timed
        // out are failures of their bundle: both name the bundle by symbolic name and version.
        List<String> schemeProblems = new ArrayList<>(schemes.problems());
        PluginHealth h = health;
        if (h != null) {
            schemeProblems.addAll(h.refused());
            failures.addAll(h.failures());
        }
        List<String> invalid = List.of();
        StoredReportCheck check = storedReports;
        if (check != null) {
            try {
                invalid = check.invalid().stream().map(StoredReportCheck.Invalid::toString).toList();
            } catch (RuntimeException e) {
                invalid = List.of("stored reports cannot be checked: " + e.getMessage());
            }
        }
        return new HostStatus(ProcessHandle.current().pid(), host.serving(), Instant.now(), host.startMillis(),
                host.deploy().toString(), bundles, schemeList, schemeProblems, failures, quarantined, invalid);
    }

    /** Components that Declarative Services could not activate, e.g. a plugin whose activate method throws. */
    private List<String> componentFailures() {
        List<String> out = new ArrayList<>();
        ServiceReference<ServiceComponentRuntime> ref = context.getServiceReference(ServiceComponentRuntime.class);
        if (ref == null) {
            return out;
        }
        ServiceComponentRuntime scr = context.getService(ref);
        try {
            for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                    if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        Bundle b = context.getBundle(d.bundle.id);
                        String where = b == null ? "bundle " + d.bundle.id
                                : path(b.getLocation()).map(p -> p.getFileName().toString())
                                        .orElse(b.getSymbolicName());
                        out.add(where + ": component " + d.name + " failed to activate: "
                                + firstLine(c.failure));
                    }
                }
            }
        } finally {
            context.ungetService(ref);
        }
        return out;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "(no reason given)";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl).trim();
    }

    private List<Path> deployedJars() {
        if (!Files.isDirectory(host.deploy())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(host.deploy())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String unreadableReason(Path jar) {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.getManifest() == null ? "the jar has no manifest" : "waiting to be picked up, or refused "
                    + "(see the log)";
        } catch (IOException e) {
            return "not a valid jar (" + e.getMessage() + ")";
        }
    }

    /** The framework says why a bundle does not resolve only when asked to start it. */
    private static String resolutionFailure(Bundle b) {
        try {
            b.start(Bundle.START_TRANSIENT);
            return "was not started; started now";
        } catch (BundleException | IllegalStateException e) {
            return e.getMessage();
        }
    }

    private static Optional<Path> path(String location) {
        try {
            return Optional.of(Path.of(URI.create(location)).toAbsolutePath().normalize());
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    /** The status a running host published, if that host is still alive and is not this process. */
    static Optional<HostStatus> readRunning(Path data) {
        Path f = data.resolve(FILE);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            JsonNode m = JSON.readTree(f.toFile());
            long pid = m.path("pid").asLong();
            if (pid == ProcessHandle.current().pid()) {
                return Optional.empty();
            }
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(fromJson(m)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Reads what {@link JsonViews#status} wrote. */
    static HostStatus fromJson(JsonNode m) {
        List<BundleStatus> bundles = new ArrayList<>();
        for (JsonNode b : m.path("bundles")) {
            bundles.add(new BundleStatus(b.path("id").asLong(), b.path("symbolicName").isNull() ? null
                    : b.path("symbolicName").asText(), b.path("version").asText(), b.path("state").asText(),
                    b.path("location").asText(), b.path("deployed").asBoolean(),
                    b.hasNonNull("failure") ? Optional.of(b.path("failure").asText()) : Optional.empty()));
        }
        return new HostStatus(m.path("pid").asLong(), m.path("serving").asBoolean(),
                Instant.parse(m.path("time").asText()), m.path("startMillis").asLong(), m.path("deploy").asText(),
                bundles, texts(m.path("schemes")), texts(m.path("schemeProblems")), texts(m.path("failures")),
                texts(m.path("quarantined")), texts(m.path("invalidReports")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
