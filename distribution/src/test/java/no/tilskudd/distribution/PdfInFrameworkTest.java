package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF plugin as shipped in deploy/ resolves and starts in Felix next to the example scheme (its OpenPDF and
 * JFreeChart are private, so it needs nothing but the JDK and the API), and the demo writes a PDF whose text, read
 * back by poppler's pdftotext, has the Norwegian letters and the scheme's name.
 */
class PdfInFrameworkTest {

    private static final String SCHEME_NAME = "Eksempelordningen: tilskudd til fritidstiltak for barn";

    @TempDir
    Path temp;

    @Test
    void demoWritesAReadablePdfFromInsideTheFramework() throws Exception {
        Path pdfJar = deployed("tilskudd-format-pdf");
        Path out = temp.resolve("out");
        try (TestHost host = TestHost.start(temp, false, TestHost.exampleJar(), pdfJar)) {
            TestHost.Result status = host.run("status", "--json");
            JsonNode s = status.json();
            assertTrue(s.get("failures").isEmpty(), "failures: " + s.get("failures"));
            assertEquals("ACTIVE", state(s, "no.tilskudd.format.pdf"), status.out());

            TestHost.Result demo = host.run("demo", "--out", out.toString());
            assertEquals(0, demo.exit(), demo.out() + demo.err());
            assertFalse(demo.out().contains("Missing report formats: xlsx, pdf"), demo.out());
        }
        Path pdf = out.resolve("example-2016-2017.pdf");
        assertTrue(Files.isRegularFile(pdf), "no " + pdf);
        String text = run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
        String flat = text.replaceAll("\\s+", " ");
        assertTrue(flat.contains("Måloppnåelse i bruk av tilskuddsmidlene"), text);
        assertTrue(flat.contains(SCHEME_NAME), text);
        assertTrue(flat.contains("side 1 av "), text);
        assertTrue(flat.contains("Syntetiske data"), "the demo's reports say they rest on synthetic data: " + text);
        String fonts = run("pdffonts", pdf.toString());
        assertTrue(fonts.contains("DejaVuSans"), fonts);
        for (String line : fonts.lines().skip(2).toList()) {
            assertTrue(line.matches(".*Identity-H\\s+yes\\s+yes\\s+yes\\s+\\d+\\s+\\d+\\s*"),
                    "every font embedded, subset and Unicode-mapped: " + line);
        }
    }

    private static String state(JsonNode status, String symbolicName) {
        for (JsonNode b : status.get("bundles")) {
            if (b.get("symbolicName").asText().equals(symbolicName)) {
                return b.get("state").asText();
            }
        }
        return "not installed";
    }

    private static Path deployed(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(TestHost.distribution().resolve("deploy"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + prefix + " jar in the distribution"));
        }
    }

    /** Runs a poppler-utils tool; fails with how to install it when it is missing. */
    static String run(String tool, String... args) throws IOException, InterruptedException {
        Path exe = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                exe = Path.of(dir, tool);
                break;
            }
        }
        if (exe == null) {
            fail(tool + " is not installed, and this test reads the PDF with it: install poppler-utils "
                    + "(Debian/Ubuntu: apt-get install poppler-utils; CI installs it in .ci/run)");
        }
        List<String> command = new ArrayList<>(List.of(exe.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            fail(command + " failed:\n" + output);
        }
        return output;
    }
}
