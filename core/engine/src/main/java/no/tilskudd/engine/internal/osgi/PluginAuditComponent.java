package no.tilskudd.engine.internal.osgi;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.audit.AuditLog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Records in the audit trail every plugin that the long-running host installs, updates or removes from its deploy
 * folder, whichever way the jar got there (a copy, {@code tilskudd deploy}, the console). One-shot commands install
 * the deploy folder afresh each time; that changes nothing and is not recorded.
 */
@Component(immediate = true, service = {})
public final class PluginAuditComponent implements SynchronousBundleListener {

    /** The actor of changes that come from the deploy folder itself. */
    static final String ACTOR = "host:deploy-folder";

    @Reference
    private AuditLog audit;

    private BundleContext context;
    private Path deploy;

    @Activate
    void activate(BundleContext ctx) {
        String watched = ctx.getProperty("felix.fileinstall.dir");
        if (watched == null || watched.isBlank()) {
            return;
        }
        deploy = Path.of(watched).toAbsolutePath().normalize();
        context = ctx;
        ctx.addBundleListener(this);
    }

    @Deactivate
    void deactivate() {
        if (context != null) {
            try {
                context.removeBundleListener(this);
            } catch (IllegalStateException e) {
                // the framework is stopping
            }
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        String action = switch (event.getType()) {
            case BundleEvent.INSTALLED -> "plugin.install";
            case BundleEvent.UPDATED -> "plugin.update";
            case BundleEvent.UNINSTALLED -> "plugin.uninstall";
            default -> null;
        };
        Bundle bundle = event.getBundle();
        Path file = deployedFile(bundle.getLocation());
        if (action == null || file == null) {
            return;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("bundle", String.valueOf(bundle.getSymbolicName()));
        details.put("version", bundle.getVersion().toString());
        details.put("file", file.getFileName().toString());
        try {
            audit.record(new AuditEntry(ACTOR, action, bundle.getSymbolicName() + " " + bundle.getVersion(),
                    details));
        } catch (RuntimeException e) {
            // A store that is going away during shutdown must not break the framework's event delivery; the
            // bundle change itself has happened and is in the host's log.
        }
    }

    /** The file in the deploy folder a bundle location names, or null for other bundles. */
    private Path deployedFile(String location) {
        if (location == null || deploy == null) {
            return null;
        }
        try {
            URI uri = URI.create(location);
            if (!"file".equals(uri.getScheme())) {
                return null;
            }
            Path p = Path.of(uri).toAbsolutePath().normalize();
            return p.startsWith(deploy) ? p : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
