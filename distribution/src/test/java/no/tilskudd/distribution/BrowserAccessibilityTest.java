package no.tilskudd.distribution;

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
 * The web console against WCAG 2.1 AA as far as a machine can check it, in headless Chromium: axe-core (npm
 * {@code axe-core}, injected through playwright-core) on every page and state with no violation of any impact, reflow
 * at 320 px without horizontal scrolling, what Tab reaches before sign-in, where the focus goes after a menu choice,
 * and the contrast of the focus ring (src/test/browser/console-a11y.cjs); also the reporting pages: Mine rapporter, the
 * generated form empty, with rows and findings and in nynorsk, and the analysts' reporting status.
 */
class BrowserAccessibilityTest {

    static final String AXE_VERSION = "4.10.3";

    @TempDir
    Path temp;

    @Test
    void theConsoleMeetsWhatAMachineCanCheckOfWcag21AA() throws Exception {
        Path chromium = Path.of(System.getProperty("tilskudd.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium is not installed at " + chromium + ": apt-get install chromium (.ci/run does)");
        }
        Path node = BrowserConsoleTest.which("node");
        Path playwright = BrowserConsoleTest.playwrightCore();
        Path axe = BrowserConsoleTest.npmModule("axe-core", AXE_VERSION).resolve("axe.min.js");
        Path out = Path.of(System.getProperty("tilskudd.browserOut", "target/browser")).toAbsolutePath();
        Files.createDirectories(out);
        Path broken = Files.writeString(temp.resolve("broken-report.jsonl"), WebTestJars.brokenSubmission());
        Path script = Path.of("src/test/browser/console-a11y.cjs").toAbsolutePath();
        // An OpenID Connect provider, so that the sign-in page shows its link; the page never asks the provider.
        Map<String, String> oidc = Map.of("oidc.issuer", "http://127.0.0.1:9", "oidc.clientId", "tilskudd",
                "oidc.buttonLabel", "ID-porten");
        try (WebHost host = WebHost.start(temp, oidc, WebHost.plugin("tilskudd-example-scheme"),
                WebHost.plugin("tilskudd-format-xlsx"))) {
            WebHost.Result imported = host.run("import", WebHost.demoFile().toString());
            assertTrue(imported.exit() == 0, imported.out() + imported.err());
            Path grants = Files.writeString(temp.resolve("grants.csv"),
                    "scheme,year,orgUnit,amount\nexample,2016,0125,1000\nexample,2016,1804,3000\n");
            WebHost.Result g = host.run("grants", "import", grants.toString());
            assertTrue(g.exit() == 0, g.out() + g.err());
            String reporter = host.addReporter("rita", "1804");
            ProcessBuilder pb = new ProcessBuilder(node.toString(), script.toString()).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.put("PLAYWRIGHT_CORE", playwright.toString());
            env.put("CHROMIUM", chromium.toString());
            env.put("AXE_FILE", axe.toString());
            env.put("BASE_URL", host.base.toString());
            env.put("ADMIN_PASSWORD", host.adminPassword);
            env.put("BROKEN_FILE", broken.toString());
            env.put("REPORTER_PASSWORD", reporter);
            env.put("OUT_DIR", out.toString());
            List<String> lines = BrowserConsoleTest.run(pb, 300);
            String result = lines.stream().filter(l -> l.startsWith("RESULT ")).findFirst()
                    .orElseThrow(() -> new AssertionError("the audit did not finish:\n" + String.join("\n", lines)));
            JsonNode r = WebHost.JSON.readTree(result.substring(7));
            // every page and state was audited, also narrow: a script that skipped one would not get here
            assertTrue(r.get("audited").size() >= 20, r.toString());
            assertTrue(r.get("reflowed").toString().contains("indicators shown"), r.toString());
            assertTrue(r.get("reflowed").toString().contains("report form with rows and findings"), r.toString());
        }
    }
}
