package no.tilskudd.launch.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import no.tilskudd.launch.CommandLine;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The HTTP server of {@code serve}: Felix HTTP (Jetty 12) from {@code bundle/http/}, installed only when the host
 * serves, so that one-shot commands never load it. Its settings are framework properties; a value in
 * conf/tilskudd.properties wins over ours. The address is {@code tilskudd.http.host} or loopback; the port is
 * {@code serve --port}, {@code tilskudd.http.port} or 8080.
 */
final class WebServer {

    static final String HOST = "org.apache.felix.http.host";
    static final String PORT = "org.osgi.service.http.port";

    private WebServer() {
    }

    /**
     * Adds the server's settings to the framework properties of a serving host, before the framework starts: the
     * web console's bundle reads the bound address when it starts, before {@code serve} runs.
     *
     * @param props the framework properties, with conf/tilskudd.properties in them
     * @param data  the data folder
     * @return the settings conf/tilskudd.properties overrides, for {@code serve} to say so
     */
    static Map<String, String> defaults(Map<String, String> props, Path data) {
        Map<String, String> ours = new LinkedHashMap<>();
        ours.put(HOST, Optional.ofNullable(props.get("tilskudd.http.host")).orElse("127.0.0.1"));
        // Jetty refuses ambiguous paths (//, %2f, %2e%2e) with an HTML page before any servlet runs; the web
        // bundle's RequestGuard refuses them and more, in JSON.
        ours.put("org.eclipse.jetty.UriComplianceMode", "UNSAFE");
        Map<String, String> overridden = new LinkedHashMap<>();
        ours.forEach((k, v) -> {
            String given = props.putIfAbsent(k, v);
            if (given != null && !given.equals(v)) {
                overridden.put(k, given);
            }
        });
        props.putIfAbsent("org.ops4j.pax.logging.DefaultServiceLog.level", "INFO");
        props.putIfAbsent("org.ops4j.pax.logging.useFileLogFallback", data.resolve("log/http.log").toString());
        return overridden;
    }

    /**
     * Starts the server for {@code serve}.
     *
     * @param context    the framework's context
     * @param home       the distribution folder
     * @param serveArgs  the arguments of {@code serve} (for {@code --port})
     * @param overridden what {@link #defaults} found set in conf/tilskudd.properties
     * @param err        where to say what is wrong
     * @return {@link CommandLine#OK}, or the exit code of a failure it has explained
     */
    static int start(BundleContext context, Path home, List<String> serveArgs, Map<String, String> overridden,
            PrintStream err) {
        Optional<String> given = Optional.empty();
        for (int i = 0; i < serveArgs.size(); i++) {
            String a = serveArgs.get(i);
            if (a.equals("--port") && i + 1 < serveArgs.size()) {
                given = Optional.of(serveArgs.get(i + 1));
            } else if (a.startsWith("--port=")) {
                given = Optional.of(a.substring("--port=".length()));
            }
        }
        String port = given.or(() -> Optional.ofNullable(context.getProperty("tilskudd.http.port"))).orElse("8080")
                .trim();
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            err.println("tilskudd serve: --port must be a number, not '" + port + "'");
            return CommandLine.USAGE;
        }
        if (p < 0 || p > 65535) {
            err.println("tilskudd serve: --port must be 0-65535 (0: any free port)");
            return CommandLine.USAGE;
        }
        overridden.forEach((k, v) -> err.println("tilskudd serve: conf/tilskudd.properties sets " + k + "=" + v
                + ", which is used"));
        // The port is known only now, after the framework has started; Felix HTTP reads framework properties, which
        // fall back to system properties. One set in conf/tilskudd.properties is a framework property and wins.
        System.setProperty(PORT, Integer.toString(p));
        String effective = context.getProperty(PORT);
        if (!Integer.toString(p).equals(effective)) {
            err.println("tilskudd serve: conf/tilskudd.properties sets " + PORT + "=" + effective + ", which is used");
        }
        Path dir = home.resolve("bundle/http");
        List<Path> jars;
        try (Stream<Path> s = Files.list(dir)) {
            jars = s.filter(j -> j.getFileName().toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(j -> j.getFileName().toString())).toList();
        } catch (IOException e) {
            // A distribution without the console's server: the host serves commands only.
            return CommandLine.OK;
        }
        List<Bundle> bundles = new ArrayList<>();
        try {
            for (Path jar : jars) {
                String location = jar.toUri().toString();
                Bundle b = context.getBundle(location);
                bundles.add(b != null ? b : context.installBundle(location));
            }
            context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(bundles);
            // The logging bundles first, so that the server's start is logged.
            bundles.sort(Comparator.comparing(b -> b.getSymbolicName().contains("http.jetty") ? 1 : 0));
            for (Bundle b : bundles) {
                if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null && b.getState() != Bundle.ACTIVE) {
                    b.start();
                }
            }
        } catch (BundleException e) {
            err.println("tilskudd serve: the web server's bundles did not start: " + e.getMessage());
            return CommandLine.FAILED;
        }
        return CommandLine.OK;
    }
}
