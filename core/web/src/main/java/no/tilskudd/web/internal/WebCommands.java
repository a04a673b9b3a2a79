package no.tilskudd.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.ValidationService;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.launch.CommandLine;
import no.tilskudd.launch.Host;
import no.tilskudd.web.internal.auth.Security;
import no.tilskudd.web.internal.auth.UserStore;
import no.tilskudd.web.internal.deploy.Plugins;
import no.tilskudd.web.internal.http.ApiRegistration;
import no.tilskudd.web.internal.http.RequestGuard;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The commands this bundle adds to {@code tilskudd}: {@code deploy}, {@code undeploy}, {@code users}, and
 * {@code http}, which {@code serve} runs to start the web server. The CLI bundle hands them over; they are
 * registered under {@code java.lang.Object} with a {@code tilskudd.command} property, so that the launcher, which
 * looks for the one {@link CommandLine} service, never mistakes them for the command line itself.
 */
@Component(service = Object.class, property = {"tilskudd.command=deploy", "tilskudd.command=undeploy",
    "tilskudd.command=users", "tilskudd.command=http"})
public final class WebCommands implements CommandLine {

    static final String RUNTIME = "org.osgi.service.servlet.runtime.HttpServiceRuntime";
    static final long HTTP_START_MS = 20_000;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

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
    private Security security;

    private BundleContext context;
    private Plugins plugins;

    @Activate
    void activate(BundleContext ctx) {
        this.context = ctx;
        this.plugins = new Plugins(ctx, host, store, validation, orgUnits, schemes);
    }

    @Override
    public int run(List<String> args, Path workingDirectory, PrintStream out, PrintStream err) {
        String command = args.get(0);
        try {
            Opts o = Opts.parse(args.subList(1, args.size()));
            return switch (command) {
                case "deploy" -> deploy(o, workingDirectory, out, err);
                case "undeploy" -> undeploy(o, out, err);
                case "users" -> users(o, out, err);
                case "http" -> http(o, out, err);
                default -> USAGE;
            };
        } catch (UsageException e) {
            err.println("tilskudd " + command + ": " + e.getMessage());
            return USAGE;
        } catch (Plugins.RefusedException e) {
            err.println("tilskudd " + command + ": " + e.getMessage());
            return FAILED;
        } catch (IOException | RuntimeException e) {
            err.println("tilskudd " + command + ": " + e.getMessage());
            return FAILED;
        }
    }

    // ------------------------------------------------------------------------------------------ deploy, undeploy

    private int deploy(Opts o, Path workingDirectory, PrintStream out, PrintStream err)
            throws IOException, Plugins.RefusedException {
        o.only(Set.of("--lang"), Set.of("--dry-run", "--json", "--force"));
        if (o.positional.size() != 1) {
            throw new UsageException("name one plugin jar: deploy [--dry-run] [--force] JAR");
        }
        // The command may run in the serving host for a client elsewhere: its folder, not the host's, counts.
        Path jar = workingDirectory.resolve(o.positional.get(0));
        if (Files.isDirectory(jar)) {
            throw new IllegalArgumentException(o.positional.get(0) + ": is a directory, not a plugin jar");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(o.positional.get(0) + ": no such file");
        }
        Locale locale = "en".equals(o.value("--lang").orElse("nb")) ? Locale.ENGLISH : Locale.forLanguageTag("nb");
        Map<String, Object> check = plugins.dryRun(jar, locale);
        boolean safe = Boolean.TRUE.equals(check.get("safe"));
        if (o.flag("--dry-run")) {
            if (o.flag("--json")) {
                out.println(JSON.writeValueAsString(check));
            } else {
                printCheck(jar, check, out);
            }
            return safe ? OK : FAILED;
        }
        if (!safe && !o.flag("--force")) {
            printCheck(jar, check, err);
            err.println("not deployed: the dry run found problems; deploy with --force to deploy anyway");
            return FAILED;
        }
        Map<String, Object> r = plugins.deploy(jar);
        security.record(actor(), "plugin.deploy", jar.getFileName().toString(), Map.of("file",
                String.valueOf(r.get("file")), "state", String.valueOf(r.get("state")), "dryRun",
                safe ? "safe" : "not safe", "forced", Boolean.toString(!safe && o.flag("--force"))));
        if (o.flag("--json")) {
            out.println(JSON.writeValueAsString(Map.of("check", check, "deploy", r)));
        } else {
            out.println("deployed " + jar.getFileName() + " as " + host.deploy().resolve((String) r.get("file")));
            out.println(host.serving() ? "state: " + r.get("state") + Optional.ofNullable(r.get("failure"))
                    .map(f -> " (" + f + ")").orElse("")
                    : "a running host (tilskudd serve) installs it within a second; otherwise the next start does");
        }
        return "INSTALLED".equals(r.get("state")) || "RESOLVED".equals(r.get("state")) ? FAILED : OK;
    }

    @SuppressWarnings("unchecked")
    private static void printCheck(Path jar, Map<String, Object> c, PrintStream out) {
        Map<String, Object> b = (Map<String, Object>) c.get("bundle");
        out.println(jar.getFileName() + ": " + b.get("symbolicName") + " " + b.get("version")
                + (b.get("installedVersion") == null ? " (new)" : " (installed: " + b.get("installedVersion") + ")"));
        for (Map<String, Object> s : (List<Map<String, Object>>) c.get("schemes")) {
            out.println("  scheme " + s.get("id") + ": forms " + s.get("formVersions")
                    + (s.get("installedFormVersions") == null ? "" : " (installed: " + s.get("installedFormVersions")
                            + ")") + "; " + s.get("checked") + " stored submission(s) checked, " + s.get("becomeInvalid")
                    + " would become invalid");
        }
        if (((List<?>) c.get("schemes")).isEmpty()) {
            out.println("  contributes no scheme, so no stored submission is affected");
        }
        for (Map<String, Object> code : (List<Map<String, Object>>) c.get("byCode")) {
            out.println("  " + code.get("code") + ": " + code.get("submissions") + " submission(s), e.g. "
                    + code.get("examples") + " at " + code.get("paths") + ": " + code.get("message"));
        }
        for (Object p : (List<?>) c.get("problems")) {
            out.println("  problem: " + p);
        }
        out.println(Boolean.TRUE.equals(c.get("safe")) ? "safe to deploy" : "NOT safe to deploy");
    }

    private int undeploy(Opts o, PrintStream out, PrintStream err) throws IOException, Plugins.RefusedException {
        o.only(Set.of(), Set.of("--json"));
        if (o.positional.size() != 1) {
            throw new UsageException("name one scheme (or plugin bundle): undeploy SCHEME");
        }
        String name = o.positional.get(0);
        String bsn = plugins.bundleOfScheme(name).orElse(name);
        Map<String, Object> r = plugins.undeploy(bsn);
        security.record(actor(), "plugin.undeploy", bsn, Map.of("file", String.valueOf(r.get("file"))));
        if (o.flag("--json")) {
            out.println(JSON.writeValueAsString(r));
        } else {
            out.println("removed " + host.deploy().resolve((String) r.get("file")) + " (" + bsn + "): " + r.get("state"));
        }
        return OK;
    }

    // ------------------------------------------------------------------------------------------ users

    private int users(Opts o, PrintStream out, PrintStream err) throws IOException {
        o.only(Set.of("--role"), Set.of("--json"));
        UserStore users = security.users();
        String sub = o.positional.isEmpty() ? "list" : o.positional.get(0);
        switch (sub) {
            case "list" -> {
                for (UserStore.User u : users.list()) {
                    out.printf("%-24s %-8s created %s%n", u.name(), u.role().id(), u.created());
                }
                if (users.list().isEmpty()) {
                    out.println("no users yet; 'tilskudd serve' creates an administrator on its first start");
                }
            }
            case "add" -> {
                String name = oneName(o, "users add NAME --role admin|analyst");
                UserStore.Role role = UserStore.Role.parse(o.value("--role")
                        .orElseThrow(() -> new UsageException("--role is required (" + UserStore.roles() + ")")));
                String password = users.add(name, role);
                security.record(actor(), "user.add", name, Map.of("role", role.id()));
                out.println("user '" + name + "' (" + role.id() + ") added; password (shown once): " + password);
            }
            case "passwd" -> {
                String name = oneName(o, "users passwd NAME");
                String password = users.resetPassword(name);
                security.record(actor(), "user.passwd", name, Map.of());
                // A host in another process sees the new credential stamp at its next request and ends the
                // sessions there; this ends them here at once.
                security.sessions().removeUser(name);
                out.println("new password for '" + name + "' (shown once): " + password);
                out.println("the sessions signed in as '" + name + "' have ended");
            }
            case "role" -> {
                String name = oneName(o, "users role NAME --role admin|analyst");
                UserStore.Role role = UserStore.Role.parse(o.value("--role")
                        .orElseThrow(() -> new UsageException("--role is required (" + UserStore.roles() + ")")));
                users.setRole(name, role);
                security.record(actor(), "user.role", name, Map.of("role", role.id()));
                security.sessions().removeUser(name);
                out.println("user '" + name + "' is now " + role.id() + "; the sessions signed in as '" + name
                        + "' have ended");
            }
            case "remove" -> {
                String name = oneName(o, "users remove NAME");
                users.remove(name);
                security.record(actor(), "user.remove", name, Map.of());
                security.sessions().removeUser(name);
                out.println("user '" + name + "' removed; the sessions signed in as '" + name + "' have ended");
            }
            default -> throw new UsageException("users list | add NAME --role admin|analyst | passwd NAME | "
                    + "role NAME --role admin|analyst | remove NAME");
        }
        return OK;
    }

    /** Who runs these commands: the operating-system user (the host checks it for commands it runs for others). */
    private static String actor() {
        return "os:" + System.getProperty("user.name", "unknown");
    }

    private static String oneName(Opts o, String usage) {
        if (o.positional.size() != 2) {
            throw new UsageException(usage);
        }
        return o.positional.get(1);
    }

    // ------------------------------------------------------------------------------------------ http

    /**
     * Starts the web server for {@code serve}: sets Felix HTTP's host and port (framework properties from
     * conf/tilskudd.properties win; otherwise loopback and --port, tilskudd.http.port or 8080), checks the web
     * settings (web.trustedProxies, web.allowedHosts), empties data/uploads, installs the HTTP bundles from
     * {@code bundle/http/}, and waits until the server listens.
     */
    private int http(Opts o, PrintStream out, PrintStream err) throws IOException {
        o.only(Set.of("--port"), Set.of());
        if (!host.serving()) {
            throw new IllegalStateException("the web server runs only in 'tilskudd serve'");
        }
        String port = o.value("--port").or(() -> Optional.ofNullable(context.getProperty("tilskudd.http.port")))
                .orElse("8080").trim();
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new UsageException("--port must be a number, not '" + port + "'");
        }
        if (p < 0 || p > 65535) {
            throw new UsageException("--port must be 0-65535 (0: any free port)");
        }
        String address = Optional.ofNullable(context.getProperty("tilskudd.http.host")).orElse("127.0.0.1");
        frameworkDefault("org.osgi.service.http.port", Integer.toString(p), err);
        frameworkDefault("org.apache.felix.http.host", address, err);
        // Jetty refuses ambiguous paths (//, %2f, %2e%2e) with an HTML page before any servlet runs; the web
        // bundle's RequestGuard refuses them and more, in JSON.
        frameworkDefault("org.eclipse.jetty.UriComplianceMode", "UNSAFE", err);
        try {
            RequestGuard.from(context::getProperty);
        } catch (IllegalArgumentException e) {
            err.println("tilskudd serve: " + e.getMessage());
            return FAILED;
        }
        ApiRegistration.emptyUploads(host.data());
        Path log = host.data().resolve("log/http.log");
        Files.createDirectories(log.getParent());
        frameworkDefault("org.ops4j.pax.logging.DefaultServiceLog.level", "INFO", null);
        frameworkDefault("org.ops4j.pax.logging.useFileLogFallback", log.toString(), null);

        Optional<UserStore.Created> first = security.users().createIfMissing();
        first.ifPresent(c -> security.record("host:first-start", "user.add", c.name(), Map.of("role", "admin")));
        installHttpBundles();
        String endpoint = awaitEndpoint();
        if (endpoint == null) {
            err.println("tilskudd serve: the web server did not start on " + address + ":" + p
                    + " (is the port in use?); see " + log);
            return FAILED;
        }
        out.println("Web console: " + endpoint);
        if (first.isPresent()) {
            out.println("First start: created the user '" + first.get().name() + "' (admin) with the password "
                    + first.get().password());
            out.println("  It is shown only now. Change it with 'tilskudd users passwd " + first.get().name()
                    + "'; add users with 'tilskudd users add NAME --role analyst'.");
        }
        out.flush();
        return OK;
    }

    /**
     * Felix reads its settings as framework properties, which fall back to system properties: a value set in
     * conf/tilskudd.properties is kept, otherwise ours applies.
     */
    private void frameworkDefault(String key, String value, PrintStream err) {
        System.setProperty(key, value);
        String effective = context.getProperty(key);
        if (err != null && !value.equals(effective)) {
            err.println("tilskudd serve: conf/tilskudd.properties sets " + key + "=" + effective + ", which is used");
        }
    }

    private void installHttpBundles() throws IOException {
        Path dir = host.home().resolve("bundle/http");
        List<Path> jars;
        try (Stream<Path> s = Files.list(dir)) {
            jars = s.filter(j -> j.getFileName().toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(j -> j.getFileName().toString())).toList();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("no HTTP server in " + dir);
        }
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            String location = jar.toUri().toString();
            Bundle b = context.getBundle(location);
            try {
                bundles.add(b != null ? b : context.installBundle(location));
            } catch (BundleException e) {
                throw new IllegalStateException("cannot install " + jar.getFileName() + ": " + e.getMessage(), e);
            }
        }
        context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(bundles);
        // The logging bundles first, so that the server's start is logged.
        bundles.sort(Comparator.comparing(b -> b.getSymbolicName().contains("http.jetty") ? 1 : 0));
        for (Bundle b : bundles) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null && b.getState() != Bundle.ACTIVE) {
                try {
                    b.start();
                } catch (BundleException e) {
                    throw new IllegalStateException(b.getSymbolicName() + " did not start: " + e.getMessage(), e);
                }
            }
        }
    }

    private String awaitEndpoint() {
        long deadline = System.currentTimeMillis() + HTTP_START_MS;
        while (System.currentTimeMillis() < deadline) {
            try {
                ServiceReference<?>[] refs = context.getServiceReferences(RUNTIME, null);
                if (refs != null && refs.length > 0) {
                    Object e = refs[0].getProperty("osgi.http.endpoint");
                    if (e instanceof String[] a && a.length > 0) {
                        return a[0];
                    }
                    if (e instanceof java.util.Collection<?> c && !c.isEmpty()) {
                        return String.valueOf(c.iterator().next());
                    }
                    if (e != null) {
                        return e.toString();
                    }
                }
                Thread.sleep(50);
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------ options

    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Options in the CLI's style: {@code --name value}, {@code --name=value}, flags, positional arguments. */
    static final class Opts {
        final Map<String, String> values = new HashMap<>();
        final Set<String> flags = new HashSet<>();
        final List<String> positional = new ArrayList<>();

        static Opts parse(List<String> args) {
            Opts o = new Opts();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.startsWith("--")) {
                    int eq = a.indexOf('=');
                    if (eq > 0) {
                        o.values.put(a.substring(0, eq), a.substring(eq + 1));
                    } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--") && takesValue(a)) {
                        o.values.put(a, args.get(++i));
                    } else {
                        o.flags.add(a);
                    }
                } else {
                    o.positional.add(a);
                }
            }
            return o;
        }

        private static boolean takesValue(String name) {
            return name.equals("--role") || name.equals("--port") || name.equals("--lang");
        }

        void only(Set<String> valueOptions, Set<String> flagOptions) {
            for (String k : values.keySet()) {
                if (!valueOptions.contains(k)) {
                    throw new UsageException("unknown option " + k);
                }
            }
            for (String f : flags) {
                if (!flagOptions.contains(f)) {
                    throw new UsageException(valueOptions.contains(f) ? f + " needs a value" : "unknown option " + f);
                }
            }
        }

        Optional<String> value(String name) {
            return Optional.ofNullable(values.get(name));
        }

        boolean flag(String name) {
            return flags.contains(name);
        }
    }
}
