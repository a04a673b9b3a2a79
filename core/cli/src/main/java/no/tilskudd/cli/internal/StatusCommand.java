package no.tilskudd.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import no.tilskudd.api.host.BundleStatus;
import no.tilskudd.api.host.HostStatus;
import no.tilskudd.api.host.StatusService;
import no.tilskudd.host.json.JsonViews;
import no.tilskudd.launch.CommandLine;

/** {@code tilskudd status [--json]}: bundles, their states and failures; exit 1 when the host is not healthy. */
final class StatusCommand {

    private StatusCommand() {
    }

    static int run(StatusService status, List<String> argv, PrintStream out, ObjectMapper json) throws IOException {
        Args a = Args.parse(argv, Set.of(), Set.of("--json"));
        if (!a.positional().isEmpty()) {
            throw new Args.UsageException("takes no arguments, only --json");
        }
        HostStatus s = status.status();
        if (a.flag("--json")) {
            out.println(json.writeValueAsString(JsonViews.status(s)));
        } else {
            print(s, out);
        }
        return s.healthy() ? CommandLine.OK : CommandLine.FAILED;
    }

    static void print(HostStatus m, PrintStream out) {
        out.println(m.serving() ? "running host, process " + m.pid()
                : "no running host; status of a fresh start (" + m.startMillis() + " ms)");
        for (BundleStatus b : m.bundles()) {
            out.printf("%4s %-12s %-45s %-16s %s%n", b.id(), b.state(), b.symbolicName(), b.version(),
                    b.deployed() ? "deploy/" + b.location() : "");
        }
        out.println("schemes:");
        for (String s : m.schemes()) {
            out.println("  " + s);
        }
        if (m.healthy()) {
            out.println("no failures");
        }
        for (String f : m.failures()) {
            out.println("FAILED " + f);
        }
        for (String p : m.schemeProblems()) {
            out.println("SCHEME PROBLEM " + p);
        }
        for (String q : m.quarantined()) {
            out.println("QUARANTINED " + q);
        }
        for (String r : m.invalidReports()) {
            out.println("INVALID REPORTS " + r);
        }
    }
}
