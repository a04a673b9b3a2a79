package no.tilskudd.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import no.tilskudd.api.service.ReportingService;
import no.tilskudd.api.service.ReportingStatus;
import no.tilskudd.api.service.ReportingUser;
import no.tilskudd.host.json.ReportingViews;
import no.tilskudd.launch.CommandLine;

/**
 * {@code tilskudd reporting status --scheme S --year Y [--json|--csv]}: who is expected to report, who has a draft,
 * who submitted and who is missing, through the {@link ReportingService}; the same document as
 * {@code GET /api/reporting/status}, and with {@code --csv} the reminder list of {@code status.csv}.
 */
final class ReportingCommands {

    static final String USAGE = "reporting status --scheme S --year Y [--json | --csv [--only-missing]]";

    private ReportingCommands() {
    }

    static int run(ReportingService reporting, List<String> argv, PrintStream out, ObjectMapper json)
            throws IOException {
        Args a = Args.parse(argv, Set.of("--scheme", "--year", "--lang"), Set.of("--json", "--csv",
                "--only-missing"));
        if (a.positional().size() != 1 || !a.positional().get(0).equals("status")) {
            throw new Args.UsageException(USAGE);
        }
        if (a.flag("--json") && a.flag("--csv")) {
            throw new Args.UsageException("--json or --csv, not both");
        }
        // The person at the machine's own terminal may see every unit, as an administrator.
        ReportingStatus s = reporting.status(ReportingUser.administrator(TilskuddCommandLine.actor()),
                a.required("--scheme"), Args.year("--year", a.required("--year")));
        if (a.flag("--json")) {
            out.println(json.writeValueAsString(ReportingViews.status(s)));
            return CommandLine.OK;
        }
        if (a.flag("--csv")) {
            out.print(ReportingViews.statusCsv(s, a.flag("--only-missing")));
            return CommandLine.OK;
        }
        out.printf("%s %d: expected %d (%s), submitted %d, drafts %d, missing %d%n", s.schemeId(), s.year(),
                s.expected(), s.basis() == ReportingStatus.Basis.GRANTS ? "from the grant register"
                        : "the units that reported the year before", s.submitted(), s.drafts(), s.missing());
        for (ReportingStatus.Unit u : s.units()) {
            out.printf("  %-7s %-30s %-10s%s%s%n", u.code(), u.name(), u.status().map(st -> st.id())
                    .orElse("missing"), u.expected() ? "" : " (not expected)", u.contacts().isEmpty() ? ""
                            : "  " + String.join("; ", u.contacts()));
        }
        return CommandLine.OK;
    }
}
