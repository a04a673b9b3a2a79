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
 * The console's scheme picker takes several schemes, by keyboard: AVdir alone shows its own N row under Tabell 8.2
 * (36/41/40), AVdir and Bufdir chosen together show the seed's (61/67/64), which only the combined selection gives,
 * and the report link downloads a report of both. Driven by {@code src/test/browser/console-several-schemes.cjs};
 * needs Chromium and Node.js as {@link BrowserConsoleTest} does.
 */
@org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class BrowserSeveralSchemesTest {

    @TempDir
    Path temp;

    @Test
    void twoSchemesChosenByKeyboardShowTabell82() throws Exception {
        Path chromium = Path.of(System.getProperty("tilskudd.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium is not installed at " + chromium + ": apt-get install chromium (.ci/run does)");
        }
        Path node = BrowserConsoleTest.which("node");
        Path playwright = BrowserConsoleTest.playwrightCore();
        Path out = Path.of(System.getProperty("tilskudd.browserOut", "target/browser")).toAbsolutePath();
        Files.createDirectories(out);
        Path script = Path.of("src/test/browser/console-several-schemes.cjs").toAbsolutePath();
        try (WebHost host = WebHost.start(temp, WebHost.plugin("tilskudd-scheme-avdir"),
                WebHost.plugin("tilskudd-scheme-bufdir"), WebHost.plugin("tilskudd-format-pdf"))) {
            for (String scheme : List.of("avdir", "bufdir")) {
                WebHost.Result imported = host.run("import", SeveralSchemesThroughAdaptersTest.demoFile(scheme)
                        .toString());
                assertEquals(0, imported.exit(), imported.out() + imported.err());
            }
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
            assertEquals("[\"36\",\"41\",\"40\"]", r.get("alone").toString(), r.toString());
            assertEquals("[\"61\",\"67\",\"64\"]", r.get("both").toString(), r.toString());
            assertTrue(r.get("reportHref").asText().contains("scheme=avdir%2Cbufdir"), r.toString());
            assertTrue(r.get("templateScheme").asText().contains("avdir"), r.toString());
            assertEquals("avdir-bufdir-2006-2008.pdf", r.get("reportFile").asText(), r.toString());
        }
    }
}
