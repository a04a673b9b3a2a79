package no.tilskudd.karaf.internal;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.launch.Host;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The host facts that the launcher gives in our own distribution, for Apache Karaf: Karaf is the long-running host,
 * its FileInstall watches {@code deploy/}, and the data folder is the one the store and the engine use
 * ({@code tilskudd.data} in the configuration {@code no.tilskudd}, which the feature creates as
 * {@code ${karaf.data}/tilskudd}).
 */
@Component(service = Host.class, configurationPid = KarafHost.PID)
public final class KarafHost implements Host {

    /** The configuration shared with the store and the org-unit register. */
    static final String PID = "no.tilskudd";

    private volatile Path home;
    private volatile Path data;
    private volatile Path deploy;
    private long startMillis;

    @Activate
    void activate(BundleContext context, Map<String, Object> config) {
        modified(context, config);
        startMillis = ManagementFactory.getRuntimeMXBean().getUptime();
    }

    /** A changed configuration takes effect without restarting the command line and the console that use it. */
    @Modified
    void modified(BundleContext context, Map<String, Object> config) {
        String base = Optional.ofNullable(context.getProperty("karaf.base"))
                .orElseThrow(() -> new IllegalStateException("no.tilskudd.karaf is the host adapter for Apache Karaf, "
                        + "but the framework property karaf.base is not set; outside Karaf use bin/tilskudd"));
        home = Path.of(base).toAbsolutePath().normalize();
        data = setting(config, context, "tilskudd.data").map(Path::of)
                .orElseGet(() -> Path.of(context.getProperty("karaf.data"), "tilskudd"))
                .toAbsolutePath().normalize();
        // Karaf's own FileInstall configuration (etc/org.apache.felix.fileinstall-deploy.cfg) watches this folder.
        deploy = setting(config, context, "tilskudd.deploy").map(Path::of).orElse(home.resolve("deploy"))
                .toAbsolutePath().normalize();
    }

    private static Optional<String> setting(Map<String, Object> config, BundleContext context, String key) {
        return Optional.ofNullable(config.get(key)).map(Object::toString)
                .or(() -> Optional.ofNullable(context.getProperty(key))).filter(s -> !s.isBlank()).map(String::strip);
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public Path data() {
        return data;
    }

    @Override
    public Path deploy() {
        return deploy;
    }

    /** Karaf runs until it is stopped and watches deploy/, as {@code tilskudd serve} does. */
    @Override
    public boolean serving() {
        return true;
    }

    /** Karaf's FileInstall installs deploy/ itself and logs what it cannot; the status lists such jars too. */
    @Override
    public Map<String, String> deployFailures() {
        return Map.of();
    }

    /** The JVM's uptime when this host came up: Karaf's boot plus the feature install. */
    @Override
    public long startMillis() {
        return startMillis;
    }
}
