package no.tilskudd.cli.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import no.tilskudd.api.service.Quarantine;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.ValidationService;
import no.tilskudd.launch.Host;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * What the host is made of right now: bundles and their states, plugin files that could not be installed or
 * resolved (and why), schemes that could not be read, and plugins whose validators are quarantined (the validation
 * service is the one source of that). The long-running host publishes it to
 * {@code data/host-status.json} so that {@code tilskudd status} in another process can show it.
 */
final class HostStatus implements BundleListener {

    static final String FILE = "host-status.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BundleContext context;
    private final Host host;
    private final SchemeRegistry schemes;
    private final ValidationService validation;
    private ScheduledExecutorService publisher;

    HostStatus(BundleContext context, Host host, SchemeRegistry schemes, ValidationService validation) {
        this.context = context;
        this.host = host;
        this.schemes = schemes;
        this.validation = validation;
    }

    /** Publishes the status on every bundle event and every second, for plugins that fail before they are bundles. */
    synchronized void startPublishing() {
        if (publisher != null) {
            return;
        }
        context.addBundleListener(this);
        publisher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tilskudd-status");
            t.setDaemon(true);
            return t;
        });
        publisher.scheduleWithFixedDelay(this::publish, 0, 1, TimeUnit.SECONDS);
    }

    synchronized void close() {
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
            p.execute(this::publish);
        }
    }

    private void publish() {
        try {
            Map<String, Object> snap = snapshot();
            Path target = host.data().resolve(FILE);
            Path tmp = Files.createTempFile(host.data(), FILE, ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), snap);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // The next event or tick tries again; the status file is only a view.
        }
    }

    Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", ProcessHandle.current().pid());
        m.put("serving", host.serving());
        m.put("time", Instant.now().toString());
        m.put("startMillis", host.startMillis());
        m.put("deploy", host.deploy().toString());
        List<Map<String, Object>> bundles = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Set<String> installedFiles = new HashSet<>();
        for (Bundle b : context.getBundles()) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("id", b.getBundleId());
            bm.put("symbolicName", b.getSymbolicName());
            bm.put("version", b.getVersion().toString());
            bm.put("state", state(b));
            Optional<Path> path = path(b.getLocation());
            String file = path.map(p -> p.getFileName().toString()).orElse(b.getLocation());
            bm.put("location", file);
            // FileInstall writes locations as file:/x, the launcher as file:///x: compare paths, not strings.
            boolean deployed = path.map(p -> host.deploy().toAbsolutePath().normalize().equals(p.getParent()))
                    .orElse(false);
            bm.put("deployed", deployed);
            if (deployed) {
                installedFiles.add(file);
            }
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (b.getState() == Bundle.INSTALLED && !fragment) {
                String reason = resolutionFailure(b);
                bm.put("failure", reason);
                failures.add(file + ": " + reason);
            } else if (b.getState() == Bundle.RESOLVED && !fragment && b.getBundleId() != 0) {
                bm.put("failure", "resolved but not started");
                failures.add(file + ": resolved but not started");
            }
            bundles.add(bm);
        }
        m.put("bundles", bundles);
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
        m.put("schemes", schemes.schemes().stream().map(s -> s.id() + " " + s.formVersions() + " from "
                + s.origin()).toList());
        m.put("schemeProblems", schemes.problems());
        m.put("failures", failures);
        List<String> quarantined = validation.quarantined().stream().map(Quarantine::toString).toList();
        m.put("quarantined", quarantined);
        m.put("healthy", failures.isEmpty() && schemes.problems().isEmpty() && quarantined.isEmpty());
        return m;
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
    static Optional<Map<String, Object>> readRunning(Path data) {
        Path f = data.resolve(FILE);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> m = JSON.readValue(f.toFile(), new TypeReference<Map<String, Object>>() { });
            long pid = ((Number) m.get("pid")).longValue();
            if (pid == ProcessHandle.current().pid()) {
                return Optional.empty();
            }
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(m) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> m, PrintStream out) {
        out.println(Boolean.TRUE.equals(m.get("serving")) ? "running host, process " + m.get("pid")
                : "no running host; status of a fresh start (" + m.get("startMillis") + " ms)");
        for (Map<String, Object> b : (List<Map<String, Object>>) m.get("bundles")) {
            out.printf("%4s %-12s %-45s %-16s %s%n", b.get("id"), b.get("state"), b.get("symbolicName"),
                    b.get("version"), Boolean.TRUE.equals(b.get("deployed")) ? "deploy/" + b.get("location") : "");
        }
        out.println("schemes:");
        for (String s : (List<String>) m.get("schemes")) {
            out.println("  " + s);
        }
        List<String> failures = (List<String>) m.get("failures");
        List<String> problems = (List<String>) m.get("schemeProblems");
        List<String> quarantined = (List<String>) m.getOrDefault("quarantined", List.of());
        if (failures.isEmpty() && problems.isEmpty() && quarantined.isEmpty()) {
            out.println("no failures");
        }
        for (String f : failures) {
            out.println("FAILED " + f);
        }
        for (String p : problems) {
            out.println("SCHEME PROBLEM " + p);
        }
        for (String q : quarantined) {
            out.println("QUARANTINED " + q);
        }
    }

}
