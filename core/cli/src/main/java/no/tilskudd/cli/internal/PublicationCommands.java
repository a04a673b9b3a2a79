package no.tilskudd.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.service.EditionComparison;
import no.tilskudd.api.service.PublicationEdition;
import no.tilskudd.api.service.PublicationException;
import no.tilskudd.api.service.PublicationInfo;
import no.tilskudd.api.service.PublicationService;
import no.tilskudd.api.service.ReportOptions;
import no.tilskudd.host.json.JsonViews;
import no.tilskudd.launch.CommandLine;

/**
 * {@code tilskudd publications [list | add FILE | freeze ID --as E | compare ID --edition E]}, and the publication
 * forms of {@code indicators} and {@code report}, through the {@link PublicationService}.
 */
final class PublicationCommands {

    static final String USAGE = "publications [list] [--json] | publications add FILE | publications freeze ID --as E"
            + " | publications compare ID --edition E [--json]";

    private PublicationCommands() {
    }

    static int run(PublicationService publications, List<String> argv, Path cwd, PrintStream out, ObjectMapper json)
            throws IOException {
        Args a = Args.parse(argv, Set.of("--as", "--edition", "--lang"), Set.of("--json"));
        String sub = a.positional().isEmpty() ? "list" : a.positional().get(0);
        Locale locale = TilskuddCommandLine.locale(a);
        switch (sub) {
            case "list" -> {
                List<PublicationInfo> all = publications.publications();
                if (a.flag("--json")) {
                    out.println(json.writeValueAsString(JsonViews.publications(all, locale)));
                    return CommandLine.OK;
                }
                if (all.isEmpty()) {
                    out.println("no publications: a plugin ships them, or add one with tilskudd publications add FILE");
                }
                for (PublicationInfo p : all) {
                    out.printf("%s  %s (version %s)%n    %s%s%n", p.id(), p.title().in(locale), p.version(),
                            p.source(), p.addedBy().map(w -> ", added by " + w + " at " + p.added().orElseThrow())
                                    .orElse(""));
                    for (PublicationEdition e : p.editions()) {
                        out.printf("    edition %s: data to %s, %d submissions, frozen %s by %s%n", e.edition(),
                                e.cutOff(), e.submissions(), e.frozen(), e.frozenBy());
                    }
                    p.problems().forEach(x -> out.println("    cannot be made: " + x));
                }
                return CommandLine.OK;
            }
            case "add" -> {
                if (a.positional().size() != 2) {
                    throw new Args.UsageException("publications add takes one file: " + USAGE);
                }
                InputFile f = InputFile.of(a.positional().get(1), cwd);
                if (f.problem().isPresent()) {
                    throw new IllegalArgumentException(f.given() + ": " + f.problem().get().message().in(locale));
                }
                byte[] bytes = Files.readAllBytes(f.path());
                PublicationInfo p;
                try {
                    p = publications.add(f.path().getFileName().toString(), bytes, TilskuddCommandLine.actor());
                } catch (PublicationException e) {
                    throw new IllegalArgumentException(f.given() + " refused:\n  " + String.join("\n  ",
                            e.problems()), e);
                }
                if (a.flag("--json")) {
                    out.println(json.writeValueAsString(JsonViews.publicationInfo(p, locale)));
                } else {
                    out.printf("added publication %s, revision %d (%s)%n", p.id(), p.revision().orElse(0),
                            p.title().in(locale));
                }
                return CommandLine.OK;
            }
            case "freeze" -> {
                String id = one(a, "freeze");
                String edition = a.option("--as").orElseThrow(() -> new Args.UsageException(
                        "publications freeze ID --as EDITION, e.g. --as 2009-11"));
                PublicationEdition e = publications.freeze(id, edition, TilskuddCommandLine.actor());
                if (a.flag("--json")) {
                    out.println(json.writeValueAsString(JsonViews.edition(e)));
                } else {
                    out.printf("froze %s edition %s: %d submissions, data to %s%n", id, e.edition(), e.submissions(),
                            e.cutOff());
                }
                return CommandLine.OK;
            }
            case "compare" -> {
                String id = one(a, "compare");
                String edition = a.option("--edition").orElseThrow(() -> new Args.UsageException(
                        "publications compare ID --edition EDITION"));
                EditionComparison c = publications.compare(id, edition);
                if (a.flag("--json")) {
                    out.println(json.writeValueAsString(JsonViews.comparison(c)));
                    return CommandLine.OK;
                }
                out.printf("%s edition %s (data to %s) against the live figures:%n", id, edition, c.cutOff());
                if (c.unchanged()) {
                    out.println("  no figure has changed");
                }
                for (EditionComparison.FigureChange f : c.figures()) {
                    out.printf("  %s, %s%s: %s -> %s%n", f.table(), f.row(), f.column().isEmpty() ? ""
                            : ", " + f.column(), f.frozen().orElse("(none)"), f.live().orElse("(none)"));
                }
                if (!c.submissions().isEmpty()) {
                    out.println("because:");
                }
                for (EditionComparison.SubmissionChange s : c.submissions()) {
                    out.printf("  %s %s %d %s%s%n", s.change().name().toLowerCase(Locale.ROOT), s.schemeId(), s.year(),
                            s.orgUnit(), s.source().map(x -> " (from " + x + ", stored " + s.live().orElseThrow()
                                    + ")").orElse(""));
                }
                return CommandLine.OK;
            }
            default -> throw new Args.UsageException("unknown publications command '" + sub + "': " + USAGE);
        }
    }

    private static String one(Args a, String sub) {
        if (a.positional().size() != 2) {
            throw new Args.UsageException("publications " + sub + " takes one publication id: " + USAGE);
        }
        return a.positional().get(1);
    }

    /** {@code indicators --publication ID [--edition E] [--json]}: the publication's text and tables. */
    static int show(PublicationService publications, String id, Optional<String> edition, Locale locale, boolean asJson,
            PrintStream out, ObjectMapper json) throws IOException {
        Report r = assemble(publications, id, edition, new ReportOptions(locale, true, false));
        if (asJson) {
            out.println(json.writeValueAsString(JsonViews.publication(id, edition.orElse(null), r)));
            return CommandLine.OK;
        }
        out.println(r.title());
        for (ReportSection s : r.sections()) {
            out.println();
            out.println("== " + s.title());
            for (ReportBlock b : s.blocks()) {
                if (b instanceof ReportBlock.Paragraph p) {
                    out.println(p.text());
                } else if (b instanceof Table t) {
                    TilskuddCommandLine.printTable(t, out, locale);
                } else if (b instanceof ReportBlock.KeyFigures k) {
                    k.figures().forEach(f -> out.println("  " + f.label() + ": " + f.value()));
                }
            }
        }
        return CommandLine.OK;
    }

    /** The publication, with a refusal's problems each on a line. */
    static Report assemble(PublicationService publications, String id, Optional<String> edition,
            ReportOptions options) {
        try {
            return publications.assemble(id, edition, options);
        } catch (PublicationException e) {
            throw new IllegalArgumentException("publication '" + id + "' cannot be made:\n  "
                    + String.join("\n  ", e.problems()), e);
        }
    }
}
