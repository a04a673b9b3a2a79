package no.tilskudd.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Optional;
import no.tilskudd.api.host.NewPassword;
import no.tilskudd.api.host.UserService;
import no.tilskudd.launch.CommandLine;
import no.tilskudd.launch.Host;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * What {@code serve} says about the web console once the launcher has started the HTTP server: its address, or why
 * it did not come up (a web setting the console refused, a port in use), and the first administrator's password on
 * a first start. The console is the bundle {@code no.tilskudd.web}; without it, the host serves commands only.
 */
final class ServeCommand {

    static final String WEB_BUNDLE = "no.tilskudd.web";
    static final String RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";
    /** The console's API on the whiteboard: it is registered once the console has accepted its settings. */
    static final String API_FILTER = "(osgi.http.whiteboard.servlet.name=tilskudd-api*)";
    static final long START_MS = 20_000;

    private ServeCommand() {
    }

    static int webConsole(BundleContext context, Host host, Optional<UserService> users, PrintStream out,
            PrintStream err) throws IOException {
        Optional<Bundle> web = bundle(context, WEB_BUNDLE);
        if (web.isEmpty()) {
            err.println("tilskudd serve: the web console bundle (" + WEB_BUNDLE + ") is not installed");
            return CommandLine.OK;
        }
        long deadline = System.currentTimeMillis() + START_MS;
        String endpoint = null;
        while (System.currentTimeMillis() < deadline) {
            Optional<String> refused = failedComponent(context, web.get());
            if (refused.isPresent()) {
                err.println("tilskudd serve: " + refused.get());
                return CommandLine.FAILED;
            }
            endpoint = endpoint(context);
            if (endpoint != null && registered(context)) {
                break;
            }
            endpoint = null;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CommandLine.FAILED;
            }
        }
        if (endpoint == null) {
            err.println("tilskudd serve: the web server did not start on "
                    + Optional.ofNullable(context.getProperty("org.apache.felix.http.host")).orElse("127.0.0.1") + ":"
                    + Optional.ofNullable(context.getProperty("org.osgi.service.http.port")).orElse("8080")
                    + " (is the port in use?); see " + host.data().resolve("log/http.log"));
            return CommandLine.FAILED;
        }
        UserService u = users.orElseThrow(() -> new IllegalStateException("the user service is not active (it needs "
                + "the submission store); see tilskudd status"));
        Optional<NewPassword> first = u.createFirstAdmin("host:first-start");
        out.println("Web console: " + endpoint);
        if (first.isPresent()) {
            out.println("First start: created the user '" + first.get().name() + "' (admin) with the password "
                    + first.get().password());
            out.println("  It is shown only now. Change it with 'tilskudd users passwd " + first.get().name()
                    + "'; add users with 'tilskudd users add NAME --role analyst'.");
        }
        out.flush();
        return CommandLine.OK;
    }

    private static Optional<Bundle> bundle(BundleContext context, String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** A component of the console that Declarative Services could not activate, with its reason. */
    static Optional<String> failedComponent(BundleContext context, Bundle web) {
        ServiceReference<ServiceComponentRuntime> ref = context.getServiceReference(ServiceComponentRuntime.class);
        if (ref == null) {
            return Optional.empty();
        }
        ServiceComponentRuntime scr = context.getService(ref);
        try {
            for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(web)) {
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                    if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        return Optional.of(reason(c.failure));
                    }
                }
            }
        } finally {
            context.ungetService(ref);
        }
        return Optional.empty();
    }

    /** The first line of a failure, without the name of the exception's class. */
    static String reason(String failure) {
        if (failure == null || failure.isBlank()) {
            return "the web console did not start (no reason given)";
        }
        String line = failure.strip().lines().findFirst().orElse("").strip();
        return line.replaceFirst("^(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ", "");
    }

    private static String endpoint(BundleContext context) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences(RUNTIME, null);
            if (refs == null || refs.length == 0) {
                return null;
            }
            Object e = refs[0].getProperty("osgi.http.endpoint");
            if (e instanceof String[] a) {
                return a.length > 0 ? a[0] : null;
            }
            if (e instanceof Collection<?> c) {
                return c.isEmpty() ? null : String.valueOf(c.iterator().next());
            }
            return e == null ? null : e.toString();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean registered(BundleContext context) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, API_FILTER);
            return refs != null && refs.length > 0;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
