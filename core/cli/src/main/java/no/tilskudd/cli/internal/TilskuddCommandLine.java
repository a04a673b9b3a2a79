package no.tilskudd.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.audit.AuditLog;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.host.PluginRefusedException;
import no.tilskudd.api.host.PluginService;
import no.tilskudd.api.host.StatusService;
import no.tilskudd.api.host.UserService;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.Finding;
import no.tilskudd.api.service.GrantService;
import no.tilskudd.api.service.PublicationService;
import no.tilskudd.api.service.PublicationException;
import no.tilskudd.api.service.PublicationInfo;
import no.tilskudd.api.service.ImportService;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.ReportOptions;
import no.tilskudd.api.service.ReportService;
import no.tilskudd.api.service.ReportingService;
import no.tilskudd.api.service.SchemeOwnership;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.service.UnknownFormatException;
import no.tilskudd.api.store.StoreMaintenance;
import no.tilskudd.host.json.JsonViews;
import no.tilskudd.launch.CommandLine;
import no.tilskudd.launch.Host;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The {@code tilskudd} commands. Each works on the core services only; the host supplies folders and status. */
@Component(service = CommandLine.class)
public final class TilskuddCommandLine implements CommandLine {

    /** Formats the project publishes plugins for; demo names the ones that are not installed. */
    static final List<String> EXPECTED_FORMATS = List.of("xlsx", "pdf");

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Reference
    private SchemeRegistry schemes;
    @Reference
    private ImportService imports;
    @Reference
    private IndicatorService indicators;
    @Reference
    private ReportService reports;
    @Reference
    private OrgUnitRegister orgUnits;
    @Reference
    private Host host;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StoreMaintenance maintenance;
    @Reference
    private StatusService status;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SchemeOwnership ownership;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PluginService plugins;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile UserService users;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile GrantService grants;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PublicationService publications;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ReportingService reporting;

    private BundleContext context;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** For Declarative Services, which sets the references. */
    public TilskuddCommandLine() {
    }

    /** For unit tests, with fakes of the services; commands that need the framework (status, serve) do not work. */
    TilskuddCommandLine(SchemeRegistry schemes, ImportService imports, IndicatorService indicators,
            ReportService reports, OrgUnitRegister orgUnits, Host host, AuditLog audit) {
        this.schemes = schemes;
        this.imports = imports;
        this.indicators = indicators;
        this.reports = reports;
        this.orgUnits = orgUnits;
        this.host = host;
        this.audit = audit;
    }

    /** For unit tests of the host commands (status, deploy, undeploy, users), with fakes of their services. */
    TilskuddCommandLine(SchemeRegistry schemes, ImportService imports, IndicatorService indicators,
            ReportService reports, OrgUnitRegister orgUnits, Host host, AuditLog audit, StatusService status,
            PluginService plugins, UserService users) {
        this(schemes, imports, indicators, reports, orgUnits, host, audit);
        this.status = status;
        this.plugins = plugins;
        this.users = users;
    }

    /** For unit tests of the publication commands, with a fake of the publication service. */
    TilskuddCommandLine withPublications(PublicationService service) {
        this.publications = service;
        return this;
    }

    /** For unit tests of the reporting commands, with a fake of the reporting service. */
    TilskuddCommandLine withReporting(ReportingService service) {
        this.reporting = service;
        return this;
    }

    /** For unit tests of the grant commands, with a fake of the grant service. */
    TilskuddCommandLine withGrants(GrantService service) {
        this.grants = service;
        return this;
    }

    @Activate
    void activate(BundleContext ctx) {
        this.context = ctx;
    }

    @Deactivate
    void deactivate() {
        stopped.countDown();
    }

    @Override
    public int run(List<String> args, Path workingDirectory, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            usage(err);
            return USAGE;
        }
        List<String> all = languageAfterCommand(args);
        String command = all.get(0);
        List<String> rest = all.subList(1, all.size());
        if (!command.startsWith("-") && (rest.contains("--help") || rest.contains("-h"))) {
            return commandUsage(command, out) ? OK : USAGE;
        }
        // Commands may run in the serving host for a client in another folder: every path is resolved against cwd.
        Path cwd = workingDirectory;
        try {
            if (!cwd.isAbsolute()) {
                throw new IllegalArgumentException("the working directory must be absolute, not " + cwd);
            }
            return switch (command) {
                case "demo" -> demo(rest, cwd, out, err);
                case "schemes" -> schemes(rest, out);
                case "validate" -> validate(rest, cwd, out, err);
                case "import" -> importFiles(rest, cwd, out, err);
                case "indicators" -> indicators(rest, out);
                case "report" -> report(rest, cwd, out);
                case "template" -> template(rest, cwd, out);
                case "org-units" -> orgUnits(rest, cwd, out);
                case "status" -> StatusCommand.run(status, rest, out, JSON);
                case "audit" -> AuditCommand.run(required(audit), rest, out, JSON);
                case "backup" -> backup(rest, cwd, out);
                case "serve" -> serve(rest, cwd, out, err);
                case "deploy" -> PluginCommands.deploy(required(plugins, "plugin"), rest, cwd, host.deploy(),
                        host.serving(), out, err, JSON);
                case "undeploy" -> PluginCommands.undeploy(required(plugins, "plugin"), rest, host.deploy(), out, JSON);
                case "users" -> UserCommands.run(required(users, "user"), rest, out, JSON);
                case "grants" -> GrantCommands.grants(required(grants, "grant register"), rest, cwd, out, JSON);
                case "publications" -> PublicationCommands.run(required(publications, "publication"), rest, cwd, out,
                        JSON);
                case "reporting" -> ReportingCommands.run(required(reporting, "reporting"), rest, out, JSON);
                case "responses" -> GrantCommands.responses(required(grants, "grant register"), schemes, rest, out,
                        JSON);
                case "help", "--help", "-h" -> {
                    usage(out);
                    yield OK;
                }
                default -> {
                    err.println("tilskudd: unknown command '" + command + "'");
                    usage(err);
                    yield USAGE;
                }
            };
        } catch (Args.UsageException e) {
            err.println("tilskudd " + command + ": " + e.getMessage());
            return USAGE;
        } catch (UnknownFormatException | PluginRefusedException e) {
            err.println("tilskudd " + command + ": " + e.getMessage());
            return FAILED;
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            err.println("tilskudd " + command + ": " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            // A bug in the core or a plugin must not take the command line (or a serving host) down with it.
            err.println("tilskudd " + command + ": failed unexpectedly: " + e + " (see the log)");
            return FAILED;
        }
    }

    /** A leading {@code --lang X} (a global option) goes after the command, where the commands read it. */
    static List<String> languageAfterCommand(List<String> args) {
        int i = 0;
        List<String> moved = new ArrayList<>();
        while (i < args.size() && (args.get(i).equals("--lang") || args.get(i).startsWith("--lang="))) {
            if (args.get(i).equals("--lang") && i + 1 < args.size()) {
                moved.add(args.get(i++));
            }
            moved.add(args.get(i++));
        }
        if (moved.isEmpty() || i >= args.size()) {
            return args;
        }
        List<String> out = new ArrayList<>();
        out.add(args.get(i));
        out.addAll(moved);
        out.addAll(args.subList(i + 1, args.size()));
        return out;
    }

    /**
     * {@code tilskudd COMMAND --help}: the usage lines of that command (with their continuation lines) and the
     * global options.
     *
     * @return false if there is no such command (the full usage is printed then)
     */
    static boolean commandUsage(String command, PrintStream out) {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        usage(new PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
        String[] lines = buffer.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n");
        List<String> mine = new ArrayList<>();
        List<String> global = new ArrayList<>();
        boolean inMine = false;
        for (String line : lines) {
            String t = line.strip();
            if (t.startsWith("--")) {
                global.add(line);
                inMine = false;
            } else if (t.equals(command) || t.startsWith(command + " ")) {
                mine.add(line);
                inMine = true;
            } else if (inMine && t.startsWith("|")) {
                mine.add(line);
            } else {
                inMine = false;
            }
        }
        if (mine.isEmpty()) {
            out.println("tilskudd: unknown command '" + command + "'");
            usage(out);
            return false;
        }
        out.println("usage: tilskudd [--data DIR] [--lang nb|en] " + command + " ...");
        out.println();
        mine.forEach(out::println);
        out.println();
        global.forEach(out::println);
        return true;
    }

    static void usage(PrintStream s) {
        s.println("""
                usage: tilskudd [--data DIR] COMMAND [options]

                  demo [--out DIR] [--no-suppress]         import the bundled demo data (and demo grant registers) and write reports in every installed format
                  schemes [--json]                         installed schemes, form versions and the plugin each comes from
                  schemes owners [--json]                  which bundle owns each scheme id
                  schemes transfer ID --to SYMBOLIC-NAME   give a scheme id to another bundle (audited)
                  schemes extensions [--json]              bundles approved to extend another bundle's scheme
                  schemes revoke-extension ID --from SYMBOLIC-NAME  withdraw such an approval (audited)
                  validate [--json] FILE...                check submission files; nothing is stored
                  import [--replace] [--json] FILE...      check and store submission files (each file all or nothing)
                  indicators --scheme S[,S...] [--years A-B] [--region R] [--json]
                  report --scheme S[,S...] [--years A-B] [--region R] --format F --out FILE [--with-data] [--no-suppress]
                  indicators --publication ID [--edition E] [--json]   a publication's text, key figures and tables
                  report --publication ID [--edition E] --format F --out FILE [--no-suppress]
                  publications [list] [--json]             the publications plugins ship and analysts uploaded, with editions
                  publications add FILE                    check a publication definition (JSON) and keep it as a new revision
                  publications freeze ID --as EDITION      keep today's figures of a publication as an edition
                  publications compare ID --edition E      what changed since an edition, and which submissions caused it
                  template --scheme S --year Y --format F --out FILE [--org-unit CODE]
                  org-units [--region R] [--json] | org-units import FILE.csv
                  grants import [--replace] [--json] FILE  check and store a grant register file (CSV or .xlsx), all or nothing
                  grants [list] [--scheme S] [--year Y] [--json]   the stored grants
                  responses --scheme S --year Y [--json]   who had a grant and reported, who did not, the response rate
                  responses --scheme Q [--json]            a questionnaire: who on its respondent list answered, who did not
                  reporting status --scheme S --year Y [--json | --csv [--only-missing]]
                    | who is expected to report, has a draft, submitted or is missing; --csv: the reminder list
                  status [--json]                          bundles, their states and failures
                  audit [--since DATE] [--limit N] [--json] the audit trail: every import, plugin and user change
                  backup FILE                              a consistent copy of the store and users, while it runs
                  restore FILE                             unpack a backup into an empty data folder (--data DIR)
                  serve [--port N]                         run the host, watch deploy/ and serve the web console (127.0.0.1:8080)
                  deploy [--dry-run] [--force] [--json] JAR check a plugin against the stored submissions, then put it in deploy/
                    [--allow-extension ID[,ID...]]         approve the jar's declared extensions of other bundles' schemes
                  undeploy [--json] SCHEME                 remove the plugin of a scheme from deploy/
                  users [list [--json] | add NAME --role admin|analyst|reporter [--org-unit CODE,...] | passwd NAME
                         | role NAME --role R [--org-unit CODE,...] | remove NAME]

                  --scheme avdir,bufdir                    several schemes together: one table over all their reports
                  --lang en                                English messages and reports (default: bokmål), also before COMMAND
                  --help (after COMMAND)                   the usage of one command
                exit codes: 0 ok, 1 violations or failure, 2 usage error""");
    }

    // ---------------------------------------------------------------- demo

    private int demo(List<String> argv, Path cwd, PrintStream out, PrintStream err) throws IOException {
        Args a = Args.parse(argv, Set.of("--out", "--lang"), Set.of("--no-suppress"));
        // The demo's reports rest on the schemes' synthetic demo data, and say so.
        ReportOptions options = new ReportOptions(locale(a), !a.flag("--no-suppress"), true, true);
        Path outDir = Args.outputFolder(cwd, a.option("--out").orElse("out"));
        Locale locale = locale(a);
        List<Scheme> withDemo = schemes.schemes().stream().filter(s -> s.demoData().isPresent()).toList();
        if (withDemo.isEmpty()) {
            err.println("tilskudd demo: no installed scheme ships demo data; installed schemes: "
                    + schemes.schemes().stream().map(Scheme::id).toList() + ". Put scheme plugins in "
                    + host.deploy());
            return FAILED;
        }
        if (!Files.isDirectory(outDir)) {
            // Readable by others like the reports in it: the launcher's private umask is for data/, not for output.
            Files.createDirectory(outDir);
            if (Files.getFileStore(outDir).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(outDir,
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Path work = Files.createTempDirectory("tilskudd-demo-");
        int failures = 0;
        // The grant registers first: a questionnaire's respondent list and the reports' response rates read them.
        for (Scheme scheme : schemes.schemes()) {
            if (scheme.demoGrants().isEmpty()) {
                continue;
            }
            if (grants == null) {
                out.println(scheme.id() + ": the grant register service is not active; its demo grants are not "
                        + "imported");
                continue;
            }
            Path file = work.resolve(scheme.id() + "-demo-grants.csv");
            try (InputStream in = scheme.demoGrants().get().openStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            err.println("importing the demo grant register of " + scheme.id() + " ...");
            FileReport r = grants.importGrants(file, file.getFileName().toString(), true, actor());
            printFindings(r, out, locale);
            out.printf("%s: %d grants read, %d stored (%d new, %d replaced)%s%n", scheme.id(), r.submissions(),
                    r.inserted() + r.replaced(), r.inserted(), r.replaced(), r.stored() ? "" : " - NOT STORED");
            if (!r.stored()) {
                failures++;
            }
            Files.deleteIfExists(file);
        }
        for (Scheme scheme : withDemo) {
            Path file = work.resolve(scheme.id() + "-demo.jsonl");
            try (InputStream in = scheme.demoData().get().openStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            err.println("importing demo data for " + scheme.id() + " ...");
            FileReport r = imports.importFile(file, true, actor());
            printFindings(r, out, locale);
            out.printf("%s: %d submissions read, %d stored (%d new, %d replaced)%s%n", scheme.id(), r.submissions(),
                    r.inserted() + r.replaced(), r.inserted(), r.replaced(), r.stored() ? "" : " - NOT STORED");
            if (!r.stored()) {
                failures++;
            }
            Files.deleteIfExists(file);
        }
        Files.deleteIfExists(work);
        List<Path> written = new ArrayList<>();
        Set<String> formats = reports.reportFormats();
        for (Scheme scheme : withDemo) {
            int[] years = {scheme.forms().get(0).firstYear(), scheme.forms().get(scheme.forms().size() - 1).lastYear()};
            Selection sel = Selection.of(scheme.id(), years[0], years[1]);
            IndicatorService.Results results = indicators.compute(sel);
            out.println();
            out.println("== " + text(scheme.name(), locale) + " (" + scheme.id() + ") " + years[0] + "-" + years[1]
                    + ": " + results.submissions() + " reports ==");
            for (Table t : results.tables()) {
                printTable(t, out, locale);
            }
            for (String f : results.failures()) {
                out.println("indicator failed: " + f);
            }
            for (String format : formats) {
                Path target = outDir.resolve(scheme.id() + "-" + years[0] + "-" + years[1] + "."
                        + reports.fileExtension(format));
                writeAtomically(target, o -> reports.writeReport(sel, options, format, o));
                written.add(target);
            }
        }
        PublicationService pubs = publications;
        for (PublicationInfo p : pubs == null ? List.<PublicationInfo>of() : pubs.publications()) {
            if (!p.problems().isEmpty()) {
                // A publication of schemes that are not all installed here is not the demo's.
                continue;
            }
            ReportOptions published = new ReportOptions(locale, options.suppressSmallCounts(), false);
            out.println();
            PublicationCommands.show(pubs, p.id(), Optional.empty(), locale, false, out, JSON);
            for (String format : formats) {
                Path target = outDir.resolve(p.id() + "." + reports.fileExtension(format));
                writeAtomically(target, o -> pubs.writeReport(p.id(), Optional.empty(), published, format, o));
                written.add(target);
            }
        }
        out.println();
        if (written.isEmpty()) {
            out.println("No report formats are installed, so no report files were written.");
        } else {
            out.println("Reports written:");
            written.forEach(p -> out.println("  " + p));
        }
        List<String> missing = EXPECTED_FORMATS.stream().filter(f -> !formats.contains(f)).toList();
        if (!missing.isEmpty()) {
            out.println("Missing report formats: " + String.join(", ", missing) + " (no exporter plugin for them in "
                    + host.deploy() + ")");
        }
        return failures == 0 ? OK : FAILED;
    }

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * A report is written next to its target and moved in place, so a failed export leaves no broken file. The
     * folder must exist (see {@link Args#outputFile}): a typo must not create folders somewhere unexpected.
     */
    static void writeAtomically(Path target, Writer writer) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(parent, "." + target.getFileName(), ".part");
        try {
            try (OutputStream o = Files.newOutputStream(tmp)) {
                writer.write(o);
            }
            // A temporary file is private to its owner; a report is an ordinary file once it is in place.
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    // ---------------------------------------------------------------- schemes

    private int schemes(List<String> argv, PrintStream out) throws IOException {
        String sub = argv.isEmpty() ? "" : argv.get(0);
        if (sub.equals("owners")) {
            return SchemeOwnerCommands.owners(required(ownership, "scheme ownership"), argv, out, JSON);
        }
        if (sub.equals("transfer")) {
            return SchemeOwnerCommands.transfer(required(ownership, "scheme ownership"), argv, actor(), out, JSON);
        }
        if (sub.equals("extensions")) {
            return SchemeOwnerCommands.extensions(required(ownership, "scheme ownership"), argv, out, JSON);
        }
        if (sub.equals("revoke-extension")) {
            return SchemeOwnerCommands.revoke(required(ownership, "scheme ownership"), argv, actor(), out);
        }
        Args a = Args.parse(argv, Set.of("--lang"), Set.of("--json"));
        Locale locale = locale(a);
        if (a.flag("--json")) {
            out.println(JSON.writeValueAsString(JsonViews.schemes(schemes.schemes(), schemes.problems(), locale)));
            return OK;
        }
        if (schemes.schemes().isEmpty()) {
            out.println("No schemes installed. Put scheme plugins (jars) in " + host.deploy());
        }
        for (Scheme s : schemes.schemes()) {
            out.printf("%-14s %s%n", s.id(), text(s.name(), locale));
            out.printf("%-14s forms %s, from %s %s%n", "", String.join(", ", s.formVersions()), s.origin().name(),
                    s.origin().version());
            s.questionnaire().ifPresent(q -> out.printf("%-14s questionnaire to every %s with a grant from %s in "
                    + "%d-%d%n", "", q.perSchemeUnit() ? "scheme-unit" : "org unit", String.join(", ",
                    q.grantSchemes()), q.fromYear(), q.toYear()));
        }
        for (String p : schemes.problems()) {
            out.println("problem: " + p);
        }
        return OK;
    }

    // ---------------------------------------------------------------- validate, import

    private int validate(List<String> argv, Path cwd, PrintStream out, PrintStream err) throws IOException {
        Args a = Args.parse(argv, Set.of("--lang"), Set.of("--json"));
        List<InputFile> files = InputFile.all(a.positional(), cwd);
        List<FileReport> reportsList = new ArrayList<>();
        for (InputFile f : files) {
            FileReport r = f.read(imports::check);
            reportsList.add(r);
            if (!a.flag("--json")) {
                printFindings(r, out, locale(a));
            }
        }
        long badFiles = reportsList.stream().filter(FileReport::hasErrors).count();
        if (a.flag("--json")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("files", reportsJson(reportsList, locale(a)));
            m.put("filesWithErrors", badFiles);
            out.println(JSON.writeValueAsString(m));
        } else {
            int subs = reportsList.stream().mapToInt(FileReport::submissions).sum();
            int rejected = reportsList.stream().mapToInt(FileReport::rejected).sum();
            long warnings = reportsList.stream().flatMap(r -> r.findings().stream())
                    .filter(f -> f.severity() == Severity.WARNING).count();
            err.printf("%d file(s) (%d with errors), %d submission(s): %d with errors, %d warning(s)%n",
                    files.size(), badFiles, subs, rejected, warnings);
        }
        return badFiles > 0 ? FAILED : OK;
    }

    private int importFiles(List<String> argv, Path cwd, PrintStream out, PrintStream err) throws IOException {
        Args a = Args.parse(argv, Set.of("--lang"), Set.of("--json", "--replace"));
        List<InputFile> files = InputFile.all(a.positional(), cwd);
        List<FileReport> reportsList = new ArrayList<>();
        int inserted = 0;
        int replaced = 0;
        int rejectedFiles = 0;
        for (int i = 0; i < files.size(); i++) {
            InputFile f = files.get(i);
            long size = f.size();
            long t0 = System.nanoTime();
            if (files.size() > 1 || size > LARGE_FILE) {
                err.printf("[%d/%d] %s (%s) ...%n", i + 1, files.size(), f.given(), megabytes(size));
            }
            FileReport r = f.read(p -> imports.importFile(p, a.flag("--replace"), actor()));
            if (files.size() > 1 || size > LARGE_FILE) {
                err.printf("[%d/%d] %s: %d submissions %s in %.1f s%n", i + 1, files.size(), f.given(),
                        r.submissions(), r.stored() ? "stored" : "checked, not stored",
                        (System.nanoTime() - t0) / 1e9);
            }
            reportsList.add(r);
            if (!a.flag("--json")) {
                printFindings(r, out, locale(a));
            }
            if (r.stored()) {
                inserted += r.inserted();
                replaced += r.replaced();
            } else {
                rejectedFiles++;
            }
        }
        if (a.flag("--json")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("files", reportsJson(reportsList, locale(a)));
            m.put("imported", inserted);
            m.put("replaced", replaced);
            m.put("rejectedFiles", rejectedFiles);
            out.println(JSON.writeValueAsString(m));
        } else {
            out.printf("imported %d submission(s) (%d new, %d replaced) from %d file(s); rejected %d file(s)%n",
                    inserted + replaced, inserted, replaced, files.size() - rejectedFiles, rejectedFiles);
        }
        return rejectedFiles == 0 ? OK : FAILED;
    }

    /** Files above this size get a progress line even when they are imported alone. */
    private static final long LARGE_FILE = 1 << 20;

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    static void printFindings(FileReport r, PrintStream out, Locale locale) {
        for (Finding f : r.findings()) {
            out.println(f.position() + ": " + (f.path().isEmpty() ? "" : f.path() + ": ")
                    + (f.severity() == Severity.WARNING ? "warning " : "") + f.code() + ": " + text(f.message(), locale));
        }
    }

    static List<Map<String, Object>> reportsJson(List<FileReport> list, Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FileReport r : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", r.file());
            m.put("submissions", r.submissions());
            m.put("rejected", r.rejected());
            m.put("stored", r.stored());
            m.put("inserted", r.inserted());
            m.put("replaced", r.replaced());
            List<Map<String, Object>> findings = new ArrayList<>();
            for (Finding f : r.findings()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("file", f.position().file());
                fm.put("location", f.position().location());
                fm.put("path", f.path());
                fm.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
                fm.put("code", f.code());
                fm.put("message", text(f.message(), locale));
                findings.add(fm);
            }
            m.put("findings", findings);
            out.add(m);
        }
        return out;
    }

    // ---------------------------------------------------------------- indicators, report, template

    private Selection selection(Args a) {
        List<String> ids = schemeList(a.required("--scheme"));
        // Read before the schemes are looked up, so that a bad --years is a usage error whatever is installed.
        Optional<int[]> given = a.option("--years").map(y -> Args.years("--years", y));
        List<Scheme> selected = new ArrayList<>();
        for (String id : ids) {
            selected.add(schemes.scheme(id).orElseThrow(() -> new IllegalArgumentException("scheme '" + id
                    + "' is not installed (installed: " + schemes.schemes().stream().map(Scheme::id).toList()
                    + ")")));
        }
        // Without --years: every year any selected scheme has a form for.
        int[] years = given.orElseGet(() -> new int[] {
            selected.stream().mapToInt(s -> s.forms().get(0).firstYear()).min().getAsInt(),
            selected.stream().mapToInt(s -> s.forms().get(s.forms().size() - 1).lastYear()).max().getAsInt()});
        Set<String> regions = a.option("--region").map(r -> Set.of(r.split(","))).orElse(Set.of());
        for (String r : regions) {
            if (!orgUnits.regions().contains(r)) {
                throw new Args.UsageException("unknown region '" + r + "' (regions: " + orgUnits.regions() + ")");
            }
        }
        Set<String> units = a.option("--org-units").map(r -> Set.of(r.split(","))).orElse(Set.of());
        return new Selection(ids, years[0], years[1], units, regions);
    }

    /** A publication has its own selection in its definition: a selection on the command line would be ignored. */
    private static void noSelectionWith(Args a) {
        for (String o : List.of("--scheme", "--years", "--region", "--org-units")) {
            if (a.option(o).isPresent()) {
                throw new Args.UsageException(o + " cannot go with --publication: a publication's definition "
                        + "selects its schemes, years and regions");
            }
        }
    }

    /** {@code --scheme avdir,bufdir}: one or more scheme ids, each once. */
    static List<String> schemeList(String value) {
        List<String> ids = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String id = part.trim();
            if (id.isEmpty()) {
                throw new Args.UsageException("--scheme '" + value + "' has an empty scheme id; give ids separated "
                        + "by commas, e.g. --scheme avdir,bufdir");
            }
            if (ids.contains(id)) {
                throw new Args.UsageException("--scheme names '" + id + "' twice");
            }
            ids.add(id);
        }
        return ids;
    }

    private int indicators(List<String> argv, PrintStream out) throws IOException {
        Args a = Args.parse(argv, Set.of("--scheme", "--years", "--region", "--org-units", "--lang",
                "--publication", "--edition"), Set.of("--json"));
        Locale locale = locale(a);
        if (a.option("--publication").isPresent()) {
            noSelectionWith(a);
            return PublicationCommands.show(required(publications, "publication"), a.option("--publication").get(),
                    a.option("--edition"), locale, a.flag("--json"), out, JSON);
        }
        if (a.option("--edition").isPresent()) {
            throw new Args.UsageException("--edition is of a publication: give --publication ID");
        }
        Selection sel = selection(a);
        IndicatorService.Results r = indicators.compute(sel);
        if (a.flag("--json")) {
            out.println(JSON.writeValueAsString(JsonViews.indicators(sel, r, locale)));
        } else {
            out.println(r.submissions() + " reports selected");
            for (Table t : r.tables()) {
                printTable(t, out, locale);
            }
            if (r.tables().isEmpty()) {
                out.println(sel.severalSchemes() ? "no indicators are installed for these schemes"
                        : "no indicators are installed for this scheme");
            }
            for (String f : r.failures()) {
                out.println("indicator failed: " + f);
            }
        }
        return r.failures().isEmpty() ? OK : FAILED;
    }

    private int report(List<String> argv, Path cwd, PrintStream out) throws IOException {
        Args a = Args.parse(argv, Set.of("--scheme", "--years", "--region", "--org-units", "--format", "--out",
                "--lang", "--publication", "--edition"), Set.of("--no-suppress", "--with-data"));
        Path target = Args.outputFile(cwd, a.required("--out"));
        if (a.option("--publication").isPresent()) {
            noSelectionWith(a);
            if (a.flag("--with-data")) {
                throw new Args.UsageException("a publication has no data tables: leave out --with-data");
            }
            PublicationService p = required(publications, "publication");
            String format = a.required("--format");
            reports.fileExtension(format);
            ReportOptions options = new ReportOptions(locale(a), !a.flag("--no-suppress"), false);
            String id = a.option("--publication").get();
            try {
                writeAtomically(target, o -> p.writeReport(id, a.option("--edition"), options, format, o));
            } catch (PublicationException e) {
                throw new IllegalArgumentException("publication '" + id + "' cannot be made:\n  "
                        + String.join("\n  ", e.problems()), e);
            }
            out.println(target);
            return OK;
        }
        if (a.option("--edition").isPresent()) {
            throw new Args.UsageException("--edition is of a publication: give --publication ID");
        }
        Selection sel = selection(a);
        ReportOptions options = new ReportOptions(locale(a), !a.flag("--no-suppress"), a.flag("--with-data"));
        String format = a.required("--format");
        reports.fileExtension(format);
        writeAtomically(target, o -> reports.writeReport(sel, options, format, o));
        out.println(target);
        return OK;
    }

    private int template(List<String> argv, Path cwd, PrintStream out) throws IOException {
        Args a = Args.parse(argv, Set.of("--scheme", "--year", "--format", "--out", "--org-unit"), Set.of());
        String scheme = a.required("--scheme");
        int year = Args.year("--year", a.required("--year"));
        String format = a.required("--format");
        Path target = Args.outputFile(cwd, a.required("--out"));
        if (!reports.templateFormats().contains(format)) {
            throw new UnknownFormatException(format, reports.templateFormats());
        }
        writeAtomically(target, o -> reports.writeTemplate(scheme, year, format, a.option("--org-unit"), o));
        out.println(target);
        return OK;
    }

    // ---------------------------------------------------------------- org units

    private int orgUnits(List<String> argv, Path cwd, PrintStream out) throws IOException {
        Args a = Args.parse(argv, Set.of("--region", "--year"), Set.of("--json"));
        if (!a.positional().isEmpty() && a.positional().get(0).equals("import")) {
            if (a.positional().size() != 2) {
                throw new Args.UsageException("org-units import takes one CSV file");
            }
            InputFile csv = InputFile.of(a.positional().get(1), cwd);
            csv.problem().ifPresent(p -> {
                throw new IllegalArgumentException(csv.given() + ": " + p.message().en());
            });
            Path f = csv.path();
            try (InputStream in = Files.newInputStream(f)) {
                int n = orgUnits.replace(f.getFileName().toString(), in);
                required(audit).record(new AuditEntry(actor(), "org-units.import", f.toString(),
                        Map.of("orgUnits", Integer.toString(n))));
                out.println("org-unit register replaced: " + n + " org units");
            }
            return OK;
        }
        Optional<String> region = a.option("--region");
        Optional<Integer> year = a.option("--year").map(y -> Args.year("--year", y));
        List<OrgUnit> list = orgUnits.all().stream()
                .filter(u -> region.map(r -> r.equals(u.region())).orElse(true))
                .filter(u -> year.map(u::validIn).orElse(true)).toList();
        if (a.flag("--json")) {
            out.println(JSON.writeValueAsString(JsonViews.orgUnits(orgUnits.regions(), list)));
        } else {
            for (OrgUnit u : list) {
                out.printf("%-7s %-32s %-18s %s%n", u.code(), u.name(), u.county(), u.region());
            }
            out.println(list.size() + " org units");
        }
        return OK;
    }

    // ---------------------------------------------------------------- status, serve

    /**
     * The long-running host: the launcher has started the framework, FileInstall on deploy/ and (with the web
     * console) the HTTP server; this says so and waits until the host stops.
     */
    private int serve(List<String> argv, Path cwd, PrintStream out, PrintStream err) throws IOException {
        // --port is the launcher's, which starts the web server with it; it is accepted here so that usage matches.
        Args a = Args.parse(argv, Set.of("--port"), Set.of());
        if (!a.positional().isEmpty()) {
            throw new Args.UsageException("takes no arguments, only --port N");
        }
        if (!host.serving()) {
            throw new IllegalStateException("serve runs only as the host itself (bin/tilskudd serve)");
        }
        status.publish();
        out.println("tilskudd host running (started in " + host.startMillis() + " ms); watching " + host.deploy()
                + " every " + Optional.ofNullable(context.getProperty("felix.fileinstall.poll")).orElse("?")
                + " ms. Stop with Ctrl-C.");
        int web = ServeCommand.webConsole(context, host, Optional.ofNullable(users), out, err);
        if (web != OK) {
            return web;
        }
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    // ---------------------------------------------------------------- audit and backup

    private int backup(List<String> argv, Path cwd, PrintStream out) throws IOException {
        Args a = Args.parse(argv, Set.of(), Set.of());
        if (a.positional().size() != 1) {
            throw new Args.UsageException("give the zip file to write: tilskudd backup FILE");
        }
        return BackupCommand.run(required(maintenance), required(audit), host.data(),
                cwd.resolve(a.positional().get(0)), actor(), out);
    }

    /** Who runs commands here: the operating-system user, which the host has checked for commands it runs. */
    static String actor() {
        return "os:" + System.getProperty("user.name", "unknown");
    }

    private static <T> T required(T service) {
        if (service == null) {
            throw new IllegalStateException("the submission store is not active; see tilskudd status");
        }
        return service;
    }

    /** The plugin and user services need the store (their changes go to the audit trail). */
    private static <T> T required(T service, String what) {
        if (service == null) {
            throw new IllegalStateException("the " + what + " service is not active (it needs the submission "
                    + "store); see tilskudd status");
        }
        return service;
    }

    // ---------------------------------------------------------------- helpers

    static Locale locale(Args a) {
        return a.option("--lang").map(l -> {
            if (!l.equals("nb") && !l.equals("en")) {
                throw new Args.UsageException("--lang must be nb or en");
            }
            return Locale.forLanguageTag(l);
        }).orElse(Locale.forLanguageTag("nb"));
    }

    static String text(LocalizedText t, Locale locale) {
        return t.in(locale);
    }

    static void printTable(Table t, PrintStream out, Locale locale) {
        out.println();
        out.println(text(t.title(), locale) + " [" + t.id() + "] (N=" + t.n().map(n -> n.value()
                + n.counted().map(c -> " " + text(c, locale)).orElse("")).orElse("?") + ")");
        List<List<String>> cells = new ArrayList<>();
        cells.add(t.columns().stream().map(c -> text(c.label(), locale)).toList());
        for (Table.Row row : t.rows()) {
            cells.add(row.cellsIn(locale).stream().map(v -> v == null ? "" : String.valueOf(v)).toList());
        }
        int[] widths = new int[t.columns().size()];
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : cells) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                String c = row.get(i);
                boolean left = i == 0 || t.columns().get(i).kind() == no.tilskudd.api.report.ValueKind.TEXT;
                line.append(left ? String.format("%-" + widths[i] + "s", c) : String.format("%" + widths[i] + "s", c));
                line.append("  ");
            }
            out.println(line.toString().stripTrailing());
        }
        for (Table.Note n : t.notes()) {
            out.println("  " + text(n.text(), locale));
        }
    }

}
