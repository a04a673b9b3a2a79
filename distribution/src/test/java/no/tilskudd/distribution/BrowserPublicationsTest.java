package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's Publications page in a real browser: labelled controls reached by keyboard, a preview of
 * evaluering-2009 with a heading per section and its text filled from the computed tables, the PDF download, and a
 * broken upload refused with its JSON pointer. Driven by {@code src/test/browser/console-publications.cjs}.
 */
@org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class BrowserPublicationsTest {

    @TempDir
    Path temp;

    @Test
    void thePublicationIsPreviewedDownloadedAndABrokenUploadRefused() throws Exception {
        Path chromium = Path.of(System.getProperty("tilskudd.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium is not installed at " + chromium + ": apt-get install chromium (.ci/run does)");
        }
        Path node = BrowserConsoleTest.which("node");
        Path playwright = BrowserConsoleTest.playwrightCore();
        Path out = Path.of(System.getProperty("tilskudd.browserOut", "target/browser")).toAbsolutePath();
        Files.createDirectories(out);
        Path script = Path.of("src/test/browser/console-publications.cjs").toAbsolutePath();
        try (WebHost host = WebHost.start(temp, WebHost.plugin("tilskudd-scheme-avdir"),
                WebHost.plugin("tilskudd-scheme-bufdir"), WebHost.plugin("tilskudd-survey-evaluering-2009"),
                WebHost.plugin("tilskudd-cross-scheme-indicators"), WebHost.plugin("tilskudd-format-pdf"))) {
            PublicationThroughCliTest.importEvaluationData(host);
            ProcessBuilder pb = new ProcessBuilder(node.toString(), script.toString()).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.put("PLAYWRIGHT_CORE", playwright.toString());
            env.put("CHROMIUM", chromium.toString());
            env.put("BASE_URL", host.base.toString());
            env.put("ADMIN_PASSWORD", host.adminPassword);
            env.put("OUT_DIR", out.toString());
            List<String> lines = BrowserConsoleTest.run(pb, 240);
            String result = lines.stream().filter(l -> l.startsWith("RESULT ")).findFirst()
                    .orElseThrow(() -> new AssertionError("the browser run did not finish:\n" + String.join("\n",
                            lines)));
            JsonNode r = WebHost.JSON.readTree(result.substring(7));
            assertEquals("H2 Evaluering av tilskuddsordningene mot barnefattigdom 2006–2008 (AVdir og Bufdir)",
                    r.get("headings").get(0).asText(), r.toString());
            assertTrue(r.get("headings").toString().contains("H3 Er lokale mål oppnådd? (Tabell 8.2)"), r.toString());
            assertTrue(r.get("text").asText().contains("44 % i 2006 (N = 61)"), r.toString());
            assertEquals("86", r.get("keyFigures").get(0).asText(), r.toString());
            // 9 from the annual reports, 6 from the questionnaire and 2 from the grant register
            assertEquals(17, r.get("tables").asInt(), r.toString());
            assertEquals("evaluering-2009.pdf", r.get("file").asText(), r.toString());
            assertTrue(r.get("refusal").asText().startsWith("broken-publication.json: /sections/0/blocks/0/indicator: "
                    + "unknown indicator 'goal-achievment'"), r.toString());
        }
    }
}
