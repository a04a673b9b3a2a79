package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin guide (docs/plugin-guide.md), run as an integrator would: its blocks marked
 * {@code <!-- ArchetypeTest: NAME -->} are executed or compared. Both archetypes generate a project with the guide's
 * own command lines, each project builds offline with its unit tests and its smoke test in a real host, the guide's
 * code is the generated code, the guide's deploy lines put the jars into a running host that then serves the scheme
 * and the format, the guide's dry-run answer is the real one, and its module-path recipe runs as printed.
 *
 * <p>Maven runs against a local repository that is the build's own ({@code tilskudd.localRepository}) with this
 * build's Tilskudd artifacts in front (the archetypes, the API, the test kit, the distribution zip, taken from the
 * reactor), so that the test checks this checkout, never what an earlier {@code mvn install} left behind; and it runs
 * offline, as the guide promises.
 */
class ArchetypeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void theGuidesStepsWorkAsWritten() throws Exception {
        Guide guide = Guide.read(root().resolve("docs/plugin-guide.md"));
        try (BuildRepository repo = BuildRepository.create(temp.resolve("repo"))) {
            Path work = Files.createDirectories(temp.resolve("work"));

            Path scheme = repo.runSteps(guide.block("generate-scheme"), work);
            assertEquals(work.resolve("youth-clubs"), scheme);
            assertTrue(Files.exists(scheme.resolve("src/main/resources/tilskudd/youth-clubs/forms/2024.json")));
            String schemeBuild = repo.lastOutput;
            assertTrue(schemeBuild.contains("Tests run: 6, Failures: 0, Errors: 0, Skipped: 0, Time elapsed"),
                    schemeBuild);
            assertTrue(schemeBuild.contains("in org.example.youthclubs.HostSmokeIT"), "the smoke test ran: "
                    + schemeBuild);
            String readme = Files.readString(scheme.resolve("README.md"));
            assertTrue(readme.contains("    cp target/youth-clubs-1.0.0.jar <tilskudd>/deploy/.youth-clubs.jar.tmp\n"
                    + "    mv <tilskudd>/deploy/.youth-clubs.jar.tmp <tilskudd>/deploy/youth-clubs.jar\n"),
                    "the generated README copies, then renames: " + readme);

            Path format = repo.runSteps(guide.block("generate-format"), work);
            assertEquals(work.resolve("markdown-format"), format);
            String formatBuild = repo.lastOutput;
            assertTrue(formatBuild.contains("Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed"),
                    formatBuild);
            assertTrue(formatBuild.contains("in org.example.markdown.HostSmokeIT"), formatBuild);

            assertEquals(guide.block("exporter"), text(format.resolve(
                    "src/main/java/org/example/markdown/internal/MarkdownExporter.java")),
                    "the guide shows the generated exporter");
            assertEquals(guide.block("validator"), text(scheme.resolve(
                    "src/main/java/org/example/youthclubs/internal/BudgetValidator.java")),
                    "the guide shows the generated validator");
            assertEquals(guide.block("smoke-test"), text(scheme.resolve(
                    "src/test/java/org/example/youthclubs/HostSmokeIT.java")),
                    "the guide shows the generated smoke test");

            // A copy of the scheme project with a descriptor that names an unknown indicator, for the dry run.
            Path broken = copyProject(scheme, work.resolve("broken/youth-clubs"));
            Path descriptor = broken.resolve("src/main/resources/tilskudd/youth-clubs/scheme.json");
            Files.writeString(descriptor, Files.readString(descriptor).replace("\"measure-budget-size\"",
                    "\"no-such-indicator\""));
            repo.mvn(broken, "-q", "package", "-DskipTests");

            try (TestHost host = TestHost.start(temp.resolve("host"), true, TestHost.exampleJar())) {
                TestHost.Result dryRun = host.run("deploy", "--dry-run", "--json",
                        broken.resolve("target/youth-clubs-1.0.0.jar").toString());
                assertEquals(1, dryRun.exit(), dryRun.out() + dryRun.err());
                // Every field the guide shows, with its value; fields added later need not be in the guide.
                assertTrue(shows(JSON.readTree(guide.block("dry-run")), dryRun.json()),
                        "the guide's dry-run answer is the real one; the real one:\n" + dryRun.out());

                List<String> deploy = guide.block("deploy").lines().toList();
                String tilskudd = host.home.toString();
                Run copied = bash(scheme, lines(deploy, "cp ", "mv "), tilskudd);
                assertEquals(0, copied.exit, copied.out);
                host.await("youth-clubs in the running host", s -> TestHost.hasScheme(s, "youth-clubs"),
                        "schemes", "--json");
                Run asked = bash(scheme, lines(deploy, "<tilskudd>/bin/tilskudd "), tilskudd);
                assertEquals(0, asked.exit, asked.out);
                assertTrue(asked.out.startsWith("running host, process " + ProcessHandle.current().pid() + "\n"),
                        "status asked the running host: " + asked.out);
                assertTrue(asked.out.matches("(?s).*org\\.example\\.youthclubs +1\\.0\\.0 +deploy/youth-clubs\\.jar"
                        + ".*"), asked.out);
                assertTrue(asked.out.matches("(?s).*\nyouth-clubs +Tilskudd til fritidsklubber\n.*"), asked.out);
                assertTrue(asked.out.contains("forms 2024, from org.example.youthclubs 1.0.0"), asked.out);

                // The format plugin, deployed the same way, writes reports in the running host.
                Run formatCopied = bash(format, lines(deploy, "cp ", "mv ").stream().map(l -> l.replace("youth-clubs",
                        "markdown-format")).toList(), tilskudd);
                assertEquals(0, formatCopied.exit, formatCopied.out);
                Path md = temp.resolve("example.md");
                awaitReport(host, md);
                assertTrue(Files.readString(md).startsWith("# "), Files.readString(md));

                JsonNode status = host.run("status", "--json").json();
                assertTrue(status.get("failures").isEmpty(), status.toString());
            }

            Files.writeString(scheme.resolve("Validate.java"), guide.block("module-path-program") + "\n");
            Files.writeString(scheme.resolve("reports.jsonl"), "{\"scheme\":\"youth-clubs\",\"year\":2024,"
                    + "\"orgUnit\":\"0301\",\"values\":{\"grantAmount\":100000,\"goalsReached\":\"maybe\","
                    + "\"measures\":[{\"name\":\"Leksehjelp\",\"participantsChildren\":12,\"budget\":40000,"
                    + "\"firstFundedYear\":2024}]}}\n");
            Run modulePath = bash(scheme, guide.block("module-path-run").lines().toList(),
                    TestHost.distribution().toString());
            assertEquals(1, modulePath.exit, "an invalid file fails: " + modulePath.out);
            assertTrue(modulePath.out.startsWith("scheme youth-clubs from org.example.youthclubs\n"), modulePath.out);
            assertTrue(modulePath.out.contains("reports.jsonl:1: goalsReached: CHOICE_UNKNOWN: "), modulePath.out);
            assertTrue(modulePath.out.endsWith("reports.jsonl: 1 submission(s), 1 rejected\n"), modulePath.out);
        }
    }

    /** Whether {@code actual} has every field of {@code shown} with the same value (arrays element by element). */
    static boolean shows(JsonNode shown, JsonNode actual) {
        if (shown.isObject()) {
            for (var fields = shown.fields(); fields.hasNext();) {
                var field = fields.next();
                if (!actual.has(field.getKey()) || !shows(field.getValue(), actual.get(field.getKey()))) {
                    return false;
                }
            }
            return actual.isObject();
        }
        if (shown.isArray()) {
            if (!actual.isArray() || actual.size() != shown.size()) {
                return false;
            }
            for (int i = 0; i < shown.size(); i++) {
                if (!shows(shown.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return shown.equals(actual);
    }

    /** FileInstall picks the format jar up within a few polls; until then the format is unknown. */
    private static void awaitReport(TestHost host, Path md) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        TestHost.Result r;
        do {
            r = host.run("report", "--scheme", "example", "--format", "md", "--out", md.toString());
            if (r.exit() == 0) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no report in format md: " + r.out() + r.err());
    }

    private static List<String> lines(List<String> block, String... starts) {
        List<String> out = new ArrayList<>();
        for (String line : block) {
            for (String start : starts) {
                if (line.startsWith(start)) {
                    out.add(line);
                }
            }
        }
        assertTrue(!out.isEmpty(), "no line starting with " + List.of(starts) + " in " + block);
        return out;
    }

    private static Path root() {
        // tilskudd.dist is distribution/target/tilskudd-VERSION in the checkout.
        return TestHost.distribution().toAbsolutePath().getParent().getParent().getParent();
    }

    private static String text(Path file) throws IOException {
        return Files.readString(file).stripTrailing();
    }

    private static Path copyProject(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    record Run(int exit, String out) {
    }

    /** Runs shell lines as printed in the guide, with {@code <tilskudd>} standing for a Tilskudd folder. */
    private static Run bash(Path dir, List<String> lines, String tilskudd) throws IOException, InterruptedException {
        String script = "set -e\n" + String.join("\n", lines).replace("<tilskudd>", tilskudd) + "\n";
        return run(dir, List.of("bash", "-c", script), 2);
    }

    private static Run run(Path dir, List<String> cmd, int minutes) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        // Read while it runs, so that a full pipe cannot stop it.
        var reader = new java.util.concurrent.CompletableFuture<String>();
        Thread t = new Thread(() -> {
            try {
                reader.complete(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                reader.completeExceptionally(e);
            }
        });
        t.start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            t.join();
            throw new AssertionError(cmd + " did not finish in " + minutes + " min:\n" + reader.getNow(""));
        }
        t.join();
        return new Run(p.exitValue(), reader.join());
    }

    /** The guide's marked blocks. */
    record Guide(String text) {

        static Guide read(Path file) throws IOException {
            return new Guide(Files.readString(file));
        }

        /** The content of the fenced block that follows {@code <!-- ArchetypeTest: NAME -->}. */
        String block(String name) {
            String marker = "<!-- ArchetypeTest: " + name + " -->\n";
            int at = text.indexOf(marker);
            assertTrue(at >= 0, "the guide has no block " + name);
            int open = text.indexOf("```", at + marker.length());
            assertEquals(at + marker.length(), open, "the block " + name + " follows its marker");
            int start = text.indexOf('\n', open) + 1;
            int end = text.indexOf("\n```", start);
            return text.substring(start, end);
        }
    }

    /**
     * A local Maven repository for the generated projects: the build's own, linked entry by entry, with this
     * build's Tilskudd artifacts in front. Links are removed on close (never what they point to).
     */
    static final class BuildRepository implements AutoCloseable {

        private static final String VERSION = System.getProperty("tilskudd.version", "0.1.0-SNAPSHOT");

        private final Path dir;
        private final List<Path> links = new ArrayList<>();
        String lastOutput = "";

        private BuildRepository(Path dir) {
            this.dir = dir;
        }

        static BuildRepository create(Path dir) throws IOException {
            Path source = Path.of(System.getProperty("tilskudd.localRepository",
                    System.getProperty("user.home") + "/.m2/repository"));
            BuildRepository repo = new BuildRepository(dir);
            List<String[]> fresh = repo.freshArtifacts();
            List<String> freshIds = fresh.stream().map(a -> a[0]).toList();
            repo.link(source, dir, "no");
            repo.link(source.resolve("no"), dir.resolve("no"), "tilskudd");
            Path ours = source.resolve("no/tilskudd");
            Files.createDirectories(dir.resolve("no/tilskudd"));
            if (Files.isDirectory(ours)) {
                try (var s = Files.list(ours)) {
                    for (Path p : s.toList()) {
                        if (!freshIds.contains(p.getFileName().toString())) {
                            repo.links.add(Files.createSymbolicLink(dir.resolve("no/tilskudd")
                                    .resolve(p.getFileName().toString()), p));
                        }
                    }
                }
            }
            for (String[] a : fresh) {
                repo.put(a[0], Path.of(a[1]), Path.of(a[2]));
            }
            return repo;
        }

        /** Each entry of {@code from} but {@code except}, linked into {@code to}. */
        private void link(Path from, Path to, String except) throws IOException {
            Files.createDirectories(to);
            if (!Files.isDirectory(from)) {
                return;
            }
            try (var s = Files.list(from)) {
                for (Path p : s.toList()) {
                    if (!p.getFileName().toString().equals(except)) {
                        links.add(Files.createSymbolicLink(to.resolve(p.getFileName().toString()), p));
                    }
                }
            }
        }

        /**
         * This build's Tilskudd artifacts as {artifactId, file, pom}: the jars on the test class path (from the
         * reactor's target folders, or the repository), the parent pom and the distribution zip.
         */
        private List<String[]> freshArtifacts() {
            List<String[]> out = new ArrayList<>();
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            for (String entry : classPath.split(File.pathSeparator)) {
                Path jar = Path.of(entry);
                String name = jar.getFileName().toString();
                String suffix = "-" + VERSION + ".jar";
                if (!name.startsWith("tilskudd-") || !name.endsWith(suffix) || !Files.isRegularFile(jar)) {
                    continue;
                }
                String artifactId = name.substring(0, name.length() - suffix.length());
                Path pom = jar.getParent().getFileName().toString().equals("target")
                        ? jar.getParent().getParent().resolve("pom.xml")
                        : jar.resolveSibling(artifactId + "-" + VERSION + ".pom");
                out.add(new String[] {artifactId, jar.toString(), pom.toString()});
            }
            assertTrue(out.stream().anyMatch(a -> a[0].equals("tilskudd-plugin-archetype"))
                    && out.stream().anyMatch(a -> a[0].equals("tilskudd-format-archetype")), classPath);
            out.add(new String[] {"tilskudd-parent", root().resolve("pom.xml").toString(),
                    root().resolve("pom.xml").toString()});
            Path dist = TestHost.distribution();
            out.add(new String[] {"tilskudd-distribution", dist.resolveSibling(dist.getFileName() + ".zip").toString(),
                    dist.getParent().getParent().resolve("pom.xml").toString()});
            return out;
        }

        /** As {@code mvn install} lays an artifact out; the tracking file marks it as installed here. */
        private void put(String artifactId, Path file, Path pom) throws IOException {
            Path d = Files.createDirectories(dir.resolve("no/tilskudd").resolve(artifactId).resolve(VERSION));
            String base = artifactId + "-" + VERSION;
            String ext = artifactId.equals("tilskudd-parent") ? "pom" : file.toString().endsWith(".zip") ? "zip"
                    : "jar";
            Files.copy(pom, d.resolve(base + ".pom"));
            StringBuilder tracking = new StringBuilder(base + ".pom>=\n");
            if (!ext.equals("pom")) {
                Files.copy(file, d.resolve(base + "." + ext));
                tracking.append(base).append('.').append(ext).append(">=\n");
            }
            Files.writeString(d.resolve("_remote.repositories"), tracking);
        }

        /**
         * Runs a guide block's {@code mvn} and {@code cd} lines (the rest of a line after {@code #} is a comment),
         * Maven offline against this repository.
         *
         * @return the folder the block ends in
         */
        Path runSteps(String block, Path dir) throws IOException, InterruptedException {
            for (List<String> words : Words.commands(block)) {
                if (words.get(0).equals("cd")) {
                    dir = dir.resolve(words.get(1));
                } else {
                    assertEquals("mvn", words.get(0), "a step of the guide: " + words);
                    mvn(dir, words.subList(1, words.size()).toArray(String[]::new));
                }
            }
            return dir;
        }

        void mvn(Path project, String... args) throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>(List.of("mvn", "-o", "-Dmaven.repo.local=" + dir));
            cmd.addAll(List.of(args));
            Run r = run(project, cmd, 4);
            lastOutput = r.out;
            assertEquals(0, r.exit, String.join(" ", cmd) + " failed (offline; everything it needs should be in"
                    + " the local repository after a Tilskudd build):\n" + r.out);
        }

        @Override
        public void close() throws IOException {
            for (Path link : links) {
                Files.deleteIfExists(link);
            }
        }
    }

    /** Shell words, as far as the guide's blocks use them: quotes, line continuations and comments. */
    static final class Words {

        static List<List<String>> commands(String block) {
            List<List<String>> commands = new ArrayList<>();
            List<String> words = new ArrayList<>();
            StringBuilder word = null;
            boolean quoted = false;
            String text = block.replace("\\\n", " ");
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        quoted = false;
                    } else {
                        word.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                    word = word == null ? new StringBuilder() : word;
                } else if (c == '#' && word == null) {
                    while (i < text.length() && text.charAt(i) != '\n') {
                        i++;
                    }
                    i--;
                } else if (c == ' ' || c == '\n') {
                    if (word != null) {
                        words.add(word.toString());
                        word = null;
                    }
                    if (c == '\n' && !words.isEmpty()) {
                        commands.add(words);
                        words = new ArrayList<>();
                    }
                } else {
                    word = word == null ? new StringBuilder() : word;
                    word.append(c);
                }
            }
            if (word != null) {
                words.add(word.toString());
            }
            if (!words.isEmpty()) {
                commands.add(words);
            }
            return commands;
        }
    }
}
