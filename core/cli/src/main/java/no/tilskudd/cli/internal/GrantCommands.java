package no.tilskudd.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.GrantService;
import no.tilskudd.api.scheme.Questionnaire;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.ResponseRate;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.store.Grant;
import no.tilskudd.api.store.StoredGrant;
import no.tilskudd.host.json.JsonViews;
import no.tilskudd.launch.CommandLine;

/**
 * {@code tilskudd grants import FILE [--replace]}, {@code tilskudd grants list [--scheme S] [--year Y]} and
 * {@code tilskudd responses --scheme S --year Y} (or {@code --scheme Q} for a questionnaire, against its respondent
 * list): the grant register and the response rates, through the {@link GrantService}.
 */
final class GrantCommands {

    static final String USAGE = "grants import [--replace] [--json] FILE | grants list [--scheme S] [--year Y] [--json]";

    private GrantCommands() {
    }

    static int grants(GrantService grants, List<String> argv, java.nio.file.Path cwd, PrintStream out,
            ObjectMapper json) throws IOException {
        Args a = Args.parse(argv, Set.of("--scheme", "--year", "--lang"), Set.of("--json", "--replace"));
        String sub = a.positional().isEmpty() ? "list" : a.positional().get(0);
        Locale locale = TilskuddCommandLine.locale(a);
        switch (sub) {
            case "import" -> {
                if (a.positional().size() != 2) {
                    throw new Args.UsageException("grants import takes one file: " + USAGE);
                }
                InputFile f = InputFile.of(a.positional().get(1), cwd);
                FileReport r = f.read(p -> grants.importGrants(p, p.getFileName().toString(), a.flag("--replace"),
                        TilskuddCommandLine.actor()));
                if (a.flag("--json")) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("files", TilskuddCommandLine.reportsJson(List.of(r), locale));
                    m.put("imported", r.inserted() + r.replaced());
                    m.put("replaced", r.replaced());
                    m.put("rejectedFiles", r.stored() ? 0 : 1);
                    out.println(json.writeValueAsString(m));
                } else {
                    TilskuddCommandLine.printFindings(r, out, locale);
                    if (r.stored()) {
                        out.printf("imported %d grant(s) (%d new, %d replaced) from %s%n", r.inserted()
                                + r.replaced(), r.inserted(), r.replaced(), f.given());
                    } else {
                        out.printf("rejected %s: %d of %d grant row(s) with errors; nothing stored%n", f.given(),
                                r.rejected(), r.submissions());
                    }
                }
                return r.stored() ? CommandLine.OK : CommandLine.FAILED;
            }
            case "list" -> {
                if (a.positional().size() > 1) {
                    throw new Args.UsageException(USAGE);
                }
                Optional<String> scheme = a.option("--scheme");
                Optional<Integer> year = a.option("--year").map(y -> Args.year("--year", y));
                List<StoredGrant> list = grants.grants(scheme, year);
                if (a.flag("--json")) {
                    out.println(json.writeValueAsString(JsonViews.grants(list)));
                    return CommandLine.OK;
                }
                for (StoredGrant sg : list) {
                    Grant g = sg.grant();
                    out.printf("%-16s %4d %-7s %14s  %-10s %-16s %-10s %s%n", g.schemeId(), g.year(), g.orgUnit(),
                            g.amount().toPlainString(), g.decisionDate().map(Object::toString).orElse("-"),
                            g.caseNumber().orElse("-"), g.reportingDeadline().map(Object::toString).orElse("-"),
                            g.schemeName().orElse(""));
                }
                out.println(list.size() + " grant(s)");
                return CommandLine.OK;
            }
            default -> throw new Args.UsageException(USAGE);
        }
    }

    static int responses(GrantService grants, SchemeRegistry schemes, List<String> argv, PrintStream out,
            ObjectMapper json) throws IOException {
        Args a = Args.parse(argv, Set.of("--scheme", "--year", "--lang"), Set.of("--json"));
        if (!a.positional().isEmpty()) {
            throw new Args.UsageException("responses --scheme S --year Y [--json] | responses --scheme Q [--json]");
        }
        String scheme = a.required("--scheme");
        // A questionnaire is addressed to its respondent list, not to a reporting year: --year is not needed.
        Optional<Questionnaire> questionnaire = schemes.scheme(scheme).flatMap(Scheme::questionnaire);
        Locale locale = TilskuddCommandLine.locale(a);
        ResponseRate r = questionnaire.isPresent() ? grants.responses(scheme)
                : grants.responses(scheme, Args.year("--year", a.required("--year")));
        if (a.flag("--json")) {
            out.println(json.writeValueAsString(JsonViews.responses(r, locale)));
            return CommandLine.OK;
        }
        String name = r.schemeName().map(n -> n.in(locale) + " (" + scheme + ")").orElse(scheme);
        if (questionnaire.isPresent()) {
            Questionnaire q = questionnaire.get();
            out.println(name + ", " + r.year());
            out.printf("  respondents: every %s with a grant from %s in %d-%d%n", q.perSchemeUnit()
                    ? "scheme-unit" : "org unit", String.join(", ", q.grantSchemes()), q.fromYear(), q.toYear());
            out.printf("  expected %d, answered %d, missing %d, response rate %s%n", r.expected(), r.reported(),
                    r.missing().size(), r.rate().map(p -> p + " %").orElse("- (nobody on the list)"));
        } else {
            out.println(name + ", " + r.year()
                    + (r.installed() ? "" : " (not installed: no reports can be imported for it)"));
            out.printf("  expected %d, reported %d, missing %d, response rate %s%n", r.expected(), r.reported(),
                    r.missing().size(), r.rate().map(p -> p + " %").orElse("- (no grants)"));
        }
        if (!r.missing().isEmpty()) {
            out.println("  missing:");
            r.missing().forEach(u -> out.printf("    %-7s %s%s%n", u.code(), u.name(),
                    u.schemeId().map(s -> " (" + s + ")").orElse("")));
        }
        for (ResponseRate.Unit u : r.withoutGrant()) {
            if (questionnaire.isPresent()) {
                out.printf("  warning: an answer from %s %s%s, which is not on the respondent list%n", u.code(),
                        u.name(), u.schemeId().map(s -> " for " + s).orElse(""));
            } else {
                out.printf("  warning: a report from %s %s, which has no grant for %s %d%n", u.code(), u.name(),
                        scheme, r.year());
            }
        }
        return CommandLine.OK;
    }
}
