package no.tilskudd.cli.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.audit.AuditEvent;
import no.tilskudd.api.audit.AuditLog;
import no.tilskudd.api.audit.AuditQuery;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Origin;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.Finding;
import no.tilskudd.api.service.ImportService;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.ReportOptions;
import no.tilskudd.api.service.ReportService;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.submission.SourcePosition;
import no.tilskudd.launch.CommandLine;
import no.tilskudd.launch.Host;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands with fakes of the core services: paths are resolved against the working directory they are given
 * (a command may run in the serving host for a client elsewhere), and no message misleads (issue 12, item 6).
 */
class TilskuddCommandLineTest {

    @TempDir
    Path cwd;

    private final List<Path> checked = new ArrayList<>();
    private final List<Selection> written = new ArrayList<>();

    private record Run(int exit, String out, String err) {
    }

    /** Reads every file as one stored submission, except the ones named in a special way. */
    private final ImportService imports = new ImportService() {
        @Override
        public FileReport check(Path file) throws IOException {
            checked.add(file);
            String name = file.getFileName().toString();
            if (name.endsWith(".txt")) {
                throw new IllegalArgumentException(name + ": no installed importer reads this kind of file "
                        + "(installed formats: [json])");
            }
            if (Files.size(file) == 0) {
                return new FileReport(name, 0, 0, List.of(new Finding(new SourcePosition(name, "1"), "",
                        Severity.ERROR, "JSON_EMPTY", LocalizedText.of("the file is empty"))), false, 0, 0);
            }
            return new FileReport(name, 1, 0, List.of(), false, 0, 0);
        }

        @Override
        public FileReport importFile(Path file, boolean replace, String actor) throws IOException {
            FileReport r = check(file);
            return r.hasErrors() ? r : new FileReport(r.file(), 1, 0, List.of(), true, 1, 0);
        }

        @Override
        public Set<String> formats() {
            return Set.of("json");
        }
    };

    private final Scheme example = new Scheme("example", LocalizedText.of("Example"), LocalizedText.of("Bufdir"),
            "0000", 2016, List.of(), Optional.empty(), new Origin("example", "1.0.0"));

    private final Scheme other = new Scheme("other", LocalizedText.of("Other"), LocalizedText.of("AVdir"),
            "0001", 2016, List.of(), Optional.empty(), new Origin("other", "1.0.0"));

    private final SchemeRegistry schemes = new SchemeRegistry() {
        @Override
        public List<Scheme> schemes() {
            return List.of(example, other);
        }

        @Override
        public Optional<Scheme> scheme(String id) {
            return schemes().stream().filter(s -> s.id().equals(id)).findFirst();
        }

        @Override
        public List<String> problems() {
            return List.of();
        }
    };

    private final ReportService reports = new ReportService() {
        @Override
        public Report assemble(Selection selection, ReportOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<String> reportFormats() {
            return Set.of("pdf");
        }

        @Override
        public String fileExtension(String format) {
            return format;
        }

        @Override
        public void writeReport(Selection selection, ReportOptions options, String format, OutputStream out)
                throws IOException {
            written.add(selection);
            out.write("%PDF".getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public Set<String> templateFormats() {
            return Set.of("xlsx");
        }

        @Override
        public void writeTemplate(String schemeId, int year, String format, Optional<String> orgUnit,
                OutputStream out) throws IOException {
            out.write('x');
        }
    };

    private final OrgUnitRegister orgUnits = new OrgUnitRegister() {
        @Override
        public Optional<OrgUnit> find(String code, int year) {
            return Optional.empty();
        }

        @Override
        public List<OrgUnit> all() {
            return List.of();
        }

        @Override
        public List<String> regions() {
            return List.of("Nord");
        }

        @Override
        public int replace(String name, InputStream csv) {
            return 0;
        }
    };

    private final Host host = new Host() {
        @Override
        public Path home() {
            return cwd;
        }

        @Override
        public Path data() {
            return cwd.resolve("data");
        }

        @Override
        public Path deploy() {
            return cwd.resolve("deploy");
        }

        @Override
        public boolean serving() {
            return true;
        }

        @Override
        public Map<String, String> deployFailures() {
            return Map.of();
        }

        @Override
        public long startMillis() {
            return 0;
        }
    };

    private final List<Selection> computed = new ArrayList<>();

    private final IndicatorService indicators = selection -> {
        computed.add(selection);
        return new IndicatorService.Results(0, List.of(), List.of());
    };

    private final List<AuditEntry> recorded = new ArrayList<>();

    private final AuditLog audit = new AuditLog() {
        @Override
        public AuditEvent record(AuditEntry entry) {
            recorded.add(entry);
            return new AuditEvent(recorded.size(), Instant.now(), entry);
        }

        @Override
        public List<AuditEvent> read(AuditQuery query) {
            throw new UnsupportedOperationException("not read by these tests");
        }
    };

    private final TilskuddCommandLine cli = new TilskuddCommandLine(schemes, imports, indicators, reports, orgUnits,
            host, audit);

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = cli.run(List.of(args), cwd, o, e);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"),
                err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void relativeFilesAreReadFromTheGivenWorkingDirectoryNotTheProcesss() throws Exception {
        Files.writeString(cwd.resolve("a.jsonl"), "{}");
        Files.createDirectory(cwd.resolve("sub"));
        Files.writeString(cwd.resolve("sub/b.jsonl"), "{}");
        Run r = run("validate", "a.jsonl", "sub/b.jsonl", cwd.resolve("a.jsonl").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(cwd.resolve("a.jsonl"), cwd.resolve("sub/b.jsonl"), cwd.resolve("a.jsonl")), checked);
        assertEquals("3 file(s) (0 with errors), 3 submission(s): 0 with errors, 0 warning(s)\n", r.err());
    }

    @Test
    void aDirectoryGivenAsAFileSaysItIsADirectoryAndTheOtherFilesAreStillRead() throws Exception {
        Files.createDirectory(cwd.resolve("reports"));
        Files.writeString(cwd.resolve("a.jsonl"), "{}");
        Run r = run("validate", "--lang", "en", "reports", "a.jsonl");
        assertEquals(CommandLine.FAILED, r.exit());
        assertEquals("reports: FILE_IS_DIRECTORY: is a directory, not a file; name the files in it (e.g. "
                + "reports/*)\n", r.out());
        assertEquals("2 file(s) (1 with errors), 1 submission(s): 0 with errors, 0 warning(s)\n", r.err());
        assertEquals(List.of(cwd.resolve("a.jsonl")), checked);
    }

    /** {@code --lang} is global: before the command it means the same as after it. */
    @Test
    void theLanguageMayComeBeforeTheCommand() throws Exception {
        Files.writeString(cwd.resolve("empty.jsonl"), "");
        Run before = run("--lang", "en", "validate", "empty.jsonl");
        Run after = run("validate", "empty.jsonl", "--lang", "en");
        assertEquals(CommandLine.FAILED, before.exit());
        assertEquals(after.out(), before.out());
        assertEquals(after.err(), before.err());
        assertTrue(before.err().contains("submission(s)"), "English summary: " + before.err());
        assertEquals(before.err(), run("--lang=en", "validate", "empty.jsonl").err());
    }

    /** A command that prints nothing in a language still accepts the global option rather than refusing it. */
    @Test
    void everyCommandAcceptsTheLanguage() {
        Run r = run("schemes", "--lang", "en", "--json");
        assertEquals(CommandLine.OK, r.exit(), r.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("demo", "schemes", "validate", "import", "indicators", "report", "template",
                "org-units", "grants", "responses", "status", "audit", "backup", "serve", "deploy", "undeploy",
                "users")) {
            Run r = run(command, "--help");
            assertEquals(CommandLine.OK, r.exit(), command + ": " + r.out() + r.err());
            assertTrue(r.out().startsWith("usage: tilskudd [--data DIR] [--lang nb|en] " + command), r.out());
            assertTrue(r.out().lines().anyMatch(l -> l.strip().startsWith(command)), command + ": " + r.out());
            assertTrue(r.out().contains("--lang en"), "the global options are listed too: " + r.out());
        }
        Run users = run("users", "-h");
        assertTrue(users.out().contains("| passwd NAME"), "continuation lines belong to their command: "
                + users.out());
        assertEquals(CommandLine.USAGE, run("nosuch", "--help").exit());
    }

    /** The summary used to say "0 with errors" while the command exited 1 for a file that could not be read. */
    @Test
    void fileLevelErrorsAreCountedInTheSummary() throws Exception {
        Files.writeString(cwd.resolve("empty.jsonl"), "");
        Files.writeString(cwd.resolve("notes.txt"), "x");
        Run r = run("validate", "--lang", "en", "empty.jsonl", "notes.txt", "missing.jsonl");
        assertEquals(CommandLine.FAILED, r.exit());
        assertEquals("""
                empty.jsonl:1: JSON_EMPTY: the file is empty
                notes.txt: FILE_NOT_READ: no installed importer reads this kind of file (installed formats: [json])
                missing.jsonl: FILE_NOT_FOUND: no such file
                """, r.out());
        assertEquals("3 file(s) (3 with errors), 0 submission(s): 0 with errors, 0 warning(s)\n", r.err());

        Run json = run("validate", "--json", "missing.jsonl");
        assertTrue(json.out().contains("\"code\" : \"FILE_NOT_FOUND\"") && json.out().contains(
                "\"filesWithErrors\" : 1"), json.out());
    }

    @Test
    void importCountsAFileThatCannotBeReadAsRejectedAndStoresTheOthers() throws Exception {
        Files.writeString(cwd.resolve("a.jsonl"), "{}");
        Files.createDirectory(cwd.resolve("dir"));
        Run r = run("import", "--lang", "en", "a.jsonl", "dir");
        assertEquals(CommandLine.FAILED, r.exit());
        assertTrue(r.out().endsWith("imported 1 submission(s) (1 new, 0 replaced) from 1 file(s); rejected 1 "
                + "file(s)\n"), r.out());
        assertTrue(r.out().startsWith("dir: FILE_IS_DIRECTORY: "), r.out());
    }

    @Test
    void aReportIsWrittenInTheWorkingDirectoryButNeverIntoAFolderThatDoesNotExist() throws Exception {
        Run ok = run("report", "--scheme", "example", "--years", "2016", "--format", "pdf", "--out", "r.pdf");
        assertEquals(0, ok.exit(), ok.err());
        assertEquals(cwd.resolve("r.pdf") + "\n", ok.out());
        assertEquals("%PDF", Files.readString(cwd.resolve("r.pdf")));

        Run missing = run("report", "--scheme", "example", "--years", "2016", "--format", "pdf", "--out",
                "nowhere/r.pdf");
        assertEquals(CommandLine.FAILED, missing.exit());
        assertEquals("tilskudd report: --out nowhere/r.pdf: the folder " + cwd.resolve("nowhere")
                + " does not exist; create it first\n", missing.err());
        assertFalse(Files.exists(cwd.resolve("nowhere")));
        assertEquals(1, written.size(), "nothing is computed for a report that cannot be written");

        Run template = run("template", "--scheme", "example", "--year", "2016", "--format", "xlsx", "--out",
                "nowhere/t.xlsx");
        assertEquals(CommandLine.FAILED, template.exit());
        assertFalse(Files.exists(cwd.resolve("nowhere")));
        Run demo = run("demo", "--out", "nowhere/out");
        assertEquals(CommandLine.FAILED, demo.exit());
        assertEquals("tilskudd demo: --out nowhere/out: the folder " + cwd.resolve("nowhere")
                + " does not exist; create it first\n", demo.err());
    }

    /** The API answers 400 for these; the command line used to compute an empty table and exit 0. */
    @Test
    void yearsOutsideThePlausibleRangeAreAUsageErrorAsInTheApi() {
        Run r = run("indicators", "--scheme", "example", "--years", "99999");
        assertEquals(CommandLine.USAGE, r.exit());
        assertEquals("tilskudd indicators: --years '99999' is not a plausible year (1900-2100)\n", r.err());
        assertEquals(CommandLine.USAGE, run("report", "--scheme", "example", "--years", "2017-2016", "--format",
                "pdf", "--out", "r.pdf").exit());
        assertEquals(CommandLine.USAGE, run("template", "--scheme", "example", "--year", "3000", "--format",
                "xlsx", "--out", "t.xlsx").exit());
        assertEquals(CommandLine.USAGE, run("org-units", "--year", "20016").exit());
        assertEquals(List.of(), written);
    }

    @Test
    void theOrgUnitRegisterIsReadFromTheWorkingDirectory() throws Exception {
        Files.createDirectory(cwd.resolve("register"));
        Run dir = run("org-units", "import", "register");
        assertEquals(CommandLine.FAILED, dir.exit());
        assertEquals("tilskudd org-units: register: is a directory, not a file; name the files in it (e.g. "
                + "register/*)\n", dir.err());
        Files.writeString(cwd.resolve("units.csv"), "code,name,county,region,validFrom,validTo\n");
        assertEquals(0, run("org-units", "import", "units.csv").exit());
        assertEquals(List.of("org-units.import " + cwd.resolve("units.csv") + " by " + TilskuddCommandLine.actor()),
                recorded.stream().map(e -> e.action() + " " + e.subject() + " by " + e.actor()).toList());
    }

    @Test
    void aRelativeWorkingDirectoryIsRefused() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = cli.run(List.of("validate", "a.jsonl"), Path.of("relative"), new PrintStream(
                new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(CommandLine.FAILED, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("the working directory must be absolute"));
    }

    @Test
    void severalSchemesAreSelectedTogetherInTheOrderGiven() {
        Run r = run("indicators", "--scheme", "other, example", "--years", "2016-2017", "--json");
        assertEquals(CommandLine.OK, r.exit(), r.err());
        assertEquals(List.of(new Selection(List.of("other", "example"), 2016, 2017, Set.of(), Set.of())), computed);
        com.fasterxml.jackson.databind.JsonNode json = assertDoesNotThrow(
                () -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()));
        assertEquals("other", json.get("scheme").asText(), "the first, for clients of one scheme");
        assertEquals("[\"other\",\"example\"]", json.get("schemes").toString());
        assertEquals(CommandLine.OK, run("report", "--scheme", "example,other", "--years", "2016", "--format", "pdf",
                "--out", "r.pdf").exit());
        assertEquals(List.of("example", "other"), written.get(0).schemeIds());
    }

    @Test
    void anUnknownSchemeAmongSeveralIsNamedWithTheInstalledOnes() {
        Run r = run("indicators", "--scheme", "example,nosuch", "--years", "2016");
        assertEquals(CommandLine.FAILED, r.exit());
        assertEquals("tilskudd indicators: scheme 'nosuch' is not installed (installed: [example, other])\n",
                r.err());
        assertEquals(List.of(), computed);
    }

    @Test
    void aSchemeNamedTwiceOrAnEmptyIdIsAUsageError() {
        Run twice = run("indicators", "--scheme", "example,other,example", "--years", "2016");
        assertEquals(CommandLine.USAGE, twice.exit());
        assertEquals("tilskudd indicators: --scheme names 'example' twice\n", twice.err());
        Run empty = run("report", "--scheme", "example,", "--years", "2016", "--format", "pdf", "--out", "r.pdf");
        assertEquals(CommandLine.USAGE, empty.exit());
        assertTrue(empty.err().contains("has an empty scheme id"), empty.err());
        assertEquals(List.of(), computed);
        assertEquals(List.of(), written);
    }

    /** A grant service that refuses a file named bad.csv and stores any other, and knows one response rate. */
    private final List<String> grantImports = new ArrayList<>();
    private final no.tilskudd.api.service.GrantService grants = new no.tilskudd.api.service.GrantService() {
        @Override
        public FileReport importGrants(Path file, String name, boolean replace, String actor) {
            grantImports.add(file + " " + name + " " + replace);
            if (name.equals("bad.csv")) {
                return new FileReport(name, 2, 1, List.of(new Finding(new SourcePosition(name, "3"), "amount",
                        Severity.ERROR, "NEGATIVE_AMOUNT", new LocalizedText("Beløpet -5 er negativt.",
                        "The amount -5 is negative."))), false, 0, 0);
            }
            return new FileReport(name, 2, 0, List.of(), true, 1, 1);
        }

        @Override
        public List<no.tilskudd.api.store.StoredGrant> grants(java.util.Optional<String> schemeId,
                java.util.Optional<Integer> year) {
            return List.of();
        }

        @Override
        public no.tilskudd.api.service.ResponseRate responses(String schemeId, int year) {
            no.tilskudd.api.service.ResponseRate.Unit oslo = new no.tilskudd.api.service.ResponseRate.Unit("0301",
                    "Oslo");
            no.tilskudd.api.service.ResponseRate.Unit bodo = new no.tilskudd.api.service.ResponseRate.Unit("1804",
                    "Bodø");
            return new no.tilskudd.api.service.ResponseRate(schemeId, java.util.Optional.empty(), false, year, 1, 0,
                    java.util.Optional.of(0), List.of(), List.of(oslo), List.of(bodo));
        }

        @Override
        public no.tilskudd.api.service.ResponseRate responses(String questionnaireId) {
            throw new IllegalArgumentException("scheme '" + questionnaireId + "' is not a questionnaire");
        }

        @Override
        public List<String> formats() {
            return List.of("csv");
        }
    };

    @Test
    void grantsImportReadsTheFileFromTheWorkingDirectoryAndARefusedFileExitsOne() throws Exception {
        cli.withGrants(grants);
        Files.writeString(cwd.resolve("good.csv"), "x");
        Files.writeString(cwd.resolve("bad.csv"), "x");
        Run good = run("grants", "import", "--replace", "good.csv");
        assertEquals(0, good.exit(), good.err());
        assertEquals(List.of(cwd.resolve("good.csv") + " good.csv true"), grantImports);
        assertTrue(good.out().contains("imported 2 grant(s) (1 new, 1 replaced) from good.csv"), good.out());

        Run bad = run("grants", "import", "bad.csv", "--lang", "en");
        assertEquals(1, bad.exit());
        assertEquals("bad.csv:3: amount: NEGATIVE_AMOUNT: The amount -5 is negative.\n"
                + "rejected bad.csv: 1 of 2 grant row(s) with errors; nothing stored\n", bad.out());
        Run missing = run("grants", "import", "nowhere.csv");
        assertEquals(1, missing.exit());
        assertTrue(missing.out().contains("FILE_NOT_FOUND"), missing.out());
        assertEquals(2, run("grants", "import").exit());
        assertEquals(2, run("grants", "remove").exit());
    }

    @Test
    void responsesNeedSchemeAndYearAndWarnOfReportsWithoutAGrant() {
        cli.withGrants(grants);
        assertEquals(2, run("responses", "--scheme", "unge-utenfor").exit());
        assertEquals(2, run("responses", "--scheme", "unge-utenfor", "--year", "20x8").exit());
        Run r = run("responses", "--scheme", "unge-utenfor", "--year", "2008");
        assertEquals(0, r.exit(), r.err());
        assertEquals("unge-utenfor, 2008 (not installed: no reports can be imported for it)\n"
                + "  expected 1, reported 0, missing 1, response rate 0 %\n"
                + "  missing:\n"
                + "    0301    Oslo\n"
                + "  warning: a report from 1804 Bodø, which has no grant for unge-utenfor 2008\n", r.out());
    }

    @Test
    void withoutTheGrantServiceTheCommandsSaySo() {
        Run r = run("responses", "--scheme", "avdir", "--year", "2008");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("grant register service is not active"), r.err());
    }

    @Test
    void reportingStatusAsTextJsonAndTheReminderCsvAndItsUsage() {
        List<no.tilskudd.api.service.ReportingUser> asked = new ArrayList<>();
        no.tilskudd.api.service.ReportingStatus status = new no.tilskudd.api.service.ReportingStatus("avdir", 2011,
                no.tilskudd.api.service.ReportingStatus.Basis.GRANTS, List.of(
                        new no.tilskudd.api.service.ReportingStatus.Unit("0301", "Oslo", "Øst/Oslo", true,
                                Optional.empty(), Optional.empty(), List.of("olav (reporter)", "case 2011/43")),
                        new no.tilskudd.api.service.ReportingStatus.Unit("1804", "Bodø", "Nord", true,
                                Optional.of(no.tilskudd.api.store.ReportStatus.SUBMITTED),
                                Optional.of(Instant.parse("2012-01-10T10:00:00Z")), List.of())));
        cli.withReporting((no.tilskudd.api.service.ReportingService) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {no.tilskudd.api.service.ReportingService.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("status")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    asked.add((no.tilskudd.api.service.ReportingUser) args[0]);
                    assertEquals("avdir", args[1]);
                    assertEquals(2011, args[2]);
                    return status;
                }));
        assertEquals(2, run("reporting").exit());
        assertEquals(2, run("reporting", "status", "--scheme", "avdir").exit());
        assertEquals(2, run("reporting", "status", "--scheme", "avdir", "--year", "2011", "--json", "--csv").exit());
        assertTrue(asked.isEmpty(), "a usage error asks nothing");

        Run text = run("reporting", "status", "--scheme", "avdir", "--year", "2011");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().startsWith("avdir 2011: expected 2 (from the grant register), submitted 1, drafts 0, "
                + "missing 1\n"), text.out());
        assertTrue(text.out().contains("0301") && text.out().contains("olav (reporter); case 2011/43"), text.out());
        assertFalse(asked.get(0).isReporter(), "the machine's own user sees every unit");

        Run csv = run("reporting", "status", "--scheme", "avdir", "--year", "2011", "--csv", "--only-missing");
        assertEquals("code,name,region,status,updated,contacts\r\n"
                + "0301,Oslo,Øst/Oslo,missing,,olav (reporter); case 2011/43\r\n", csv.out());
        Run json = run("reporting", "status", "--scheme", "avdir", "--year", "2011", "--json");
        assertTrue(json.out().contains("\"basis\" : \"grants\"") && json.out().contains("\"missing\" : 1"),
                json.out());
        assertTrue(run("reporting", "--help").out().contains("reporting status --scheme S --year Y"));
    }
}
