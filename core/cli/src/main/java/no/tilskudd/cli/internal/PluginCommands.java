package no.tilskudd.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Set;
import no.tilskudd.api.host.DeployRequest;
import no.tilskudd.api.host.Deployment;
import no.tilskudd.api.host.DryRun;
import no.tilskudd.api.host.PluginRefusedException;
import no.tilskudd.api.host.PluginService;
import no.tilskudd.api.host.Undeployment;
import no.tilskudd.host.json.JsonViews;
import no.tilskudd.launch.CommandLine;

/**
 * {@code tilskudd deploy [--dry-run] [--force] [--json] JAR} and {@code tilskudd undeploy [--json] SCHEME}: parse,
 * call the {@link PluginService}, show the answer.
 */
final class PluginCommands {

    private PluginCommands() {
    }

    static int deploy(PluginService plugins, List<String> argv, Path cwd, Path deployDir, boolean serving,
            PrintStream out, PrintStream err, ObjectMapper json) throws IOException, PluginRefusedException {
        Args a = Args.parse(argv, Set.of("--lang", "--allow-extension"), Set.of("--dry-run", "--json", "--force"));
        if (a.positional().size() != 1) {
            throw new Args.UsageException("name one plugin jar: deploy [--dry-run] [--force] "
                    + "[--allow-extension ID[,ID...]] JAR");
        }
        Set<String> allow = new java.util.TreeSet<>();
        for (String x : a.option("--allow-extension").orElse("").split(",")) {
            if (!x.isBlank()) {
                allow.add(x.trim());
            }
        }
        // The command may run in the serving host for a client elsewhere: its folder, not the host's, counts.
        Path jar = cwd.resolve(a.positional().get(0));
        if (Files.isDirectory(jar)) {
            throw new IllegalArgumentException(a.positional().get(0) + ": is a directory, not a plugin jar");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(a.positional().get(0) + ": no such file");
        }
        Locale locale = TilskuddCommandLine.locale(a);
        if (a.flag("--dry-run")) {
            DryRun check = plugins.dryRun(jar, locale, allow);
            if (a.flag("--json")) {
                out.println(json.writeValueAsString(JsonViews.dryRun(check)));
            } else {
                printCheck(jar, check, out);
            }
            return check.safe() ? CommandLine.OK : CommandLine.FAILED;
        }
        Deployment d;
        try {
            d = plugins.deploy(jar, new DeployRequest(TilskuddCommandLine.actor(), jar.getFileName().toString(), true,
                    a.flag("--force"), locale, allow));
        } catch (PluginRefusedException e) {
            if (e.check().isEmpty()) {
                throw e;
            }
            printCheck(jar, e.check().get(), err);
            err.println(e.getMessage());
            return CommandLine.FAILED;
        }
        if (a.flag("--json")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("check", d.check().map(JsonViews::dryRun).orElse(null));
            m.put("deploy", JsonViews.deployment(d));
            out.println(json.writeValueAsString(m));
        } else {
            out.println("deployed " + jar.getFileName() + " as " + deployDir.resolve(d.file()));
            out.println(serving ? "state: " + d.state() + d.failure().map(f -> " (" + f + ")").orElse("")
                    : "a running host (tilskudd serve) installs it within a second; otherwise the next start does");
        }
        return d.failed() ? CommandLine.FAILED : CommandLine.OK;
    }

    static void printCheck(Path jar, DryRun c, PrintStream out) {
        out.println(jar.getFileName() + ": " + c.bundle().symbolicName() + " " + c.bundle().version()
                + c.bundle().installedVersion().map(v -> " (installed: " + v + ")").orElse(" (new)"));
        for (DryRun.SchemeCheck s : c.schemes()) {
            out.println("  scheme " + s.id() + ": forms " + s.formVersions()
                    + s.installedFormVersions().map(v -> " (installed: " + v + ")").orElse("") + "; " + s.checked()
                    + " stored submission(s) checked, " + s.becomeInvalid() + " would become invalid");
        }
        if (c.schemes().isEmpty()) {
            out.println("  contributes no scheme, so no stored submission is affected");
        }
        for (DryRun.Contribution k : c.contributions()) {
            if (k.kind().equals("scheme")) {
                continue;
            }
            out.println("  " + k.kind() + " " + k.what() + k.schemeId().map(x -> " for scheme " + x)
                    .orElse(" across schemes") + ": " + switch (k.standing()) {
                        case OWN -> "applies (its own scheme)";
                        case CROSS_SCHEME -> "runs for a selection of several schemes";
                        case APPROVED_EXTENSION -> "applies (an approved extension)";
                        case UNAPPROVED_EXTENSION -> "would NOT apply: an extension no administrator has approved";
                        case NOT_DECLARED -> "would NOT apply: another bundle's scheme, not declared as an extension";
                    });
        }
        for (String f : c.formChanges()) {
            out.println("  " + f);
        }
        for (DryRun.NewError e : c.byCode()) {
            out.println("  " + e.code() + ": " + e.submissions() + " submission(s), e.g. " + e.examples() + " at "
                    + e.paths() + ": " + e.message());
        }
        for (String p : c.problems()) {
            out.println("  problem: " + p);
        }
        out.println(c.safe() ? "safe to deploy" : "NOT safe to deploy");
    }

    static int undeploy(PluginService plugins, List<String> argv, Path deployDir, PrintStream out, ObjectMapper json)
            throws IOException, PluginRefusedException {
        Args a = Args.parse(argv, Set.of(), Set.of("--json"));
        if (a.positional().size() != 1) {
            throw new Args.UsageException("name one scheme (or plugin bundle): undeploy SCHEME");
        }
        String name = a.positional().get(0);
        String bsn = plugins.bundleOfScheme(name).orElse(name);
        Undeployment u = plugins.undeploy(bsn, TilskuddCommandLine.actor());
        if (a.flag("--json")) {
            out.println(json.writeValueAsString(JsonViews.undeployment(u)));
        } else {
            out.println("removed " + deployDir.resolve(u.file()) + " (" + bsn + "): " + u.state());
        }
        return CommandLine.OK;
    }
}
