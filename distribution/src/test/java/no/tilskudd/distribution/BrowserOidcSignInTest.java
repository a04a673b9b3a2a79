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
 * Sign-in through OpenID Connect in a real browser, whose SameSite rules the flow was designed around: the host at
 * 127.0.0.1 and the provider at localhost are different sites, so the provider's redirect back is a cross-site
 * navigation that the provider's own login page starts. The flow cookie (Lax) must come back with it (a Strict one
 * would not: tried) and the session cookie (Strict) set at its end must be sent by the page's own requests. Driven by {@code src/test/browser/console-oidc.cjs}; needs Chromium and Node.js as
 * {@link BrowserConsoleTest} does.
 */
@org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class BrowserOidcSignInTest {

    @TempDir
    Path temp;

    @Test
    void aReporterSignsInThroughTheProviderInChromium() throws Exception {
        Path chromium = Path.of(System.getProperty("tilskudd.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium is not installed at " + chromium + ": apt-get install chromium (.ci/run does)");
        }
        Path node = BrowserConsoleTest.which("node");
        Path playwright = BrowserConsoleTest.playwrightCore();
        Path out = Path.of(System.getProperty("tilskudd.browserOut", "target/browser")).toAbsolutePath();
        Files.createDirectories(out);
        Path script = Path.of("src/test/browser/console-oidc.cjs").toAbsolutePath();
        try (OidcTestProvider provider = new OidcTestProvider("tilskudd-browser", "localhost");
                WebHost host = WebHost.start(temp, Map.of("oidc.issuer", provider.issuer.toString(),
                        "oidc.clientId", "tilskudd-browser", "oidc.buttonLabel", "Testporten"),
                        WebHost.plugin("tilskudd-example-scheme"))) {
            assertEquals("127.0.0.1", host.base.getHost(), "the host must be another site than the provider");
            provider.loginPage = true;
            provider.claims = Map.of("sub", "kari-1", "name", "Kari Nordmann", "org_units", List.of("1804", "0301"));
            ProcessBuilder pb = new ProcessBuilder(node.toString(), script.toString()).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.put("PLAYWRIGHT_CORE", playwright.toString());
            env.put("CHROMIUM", chromium.toString());
            env.put("BASE_URL", host.base.toString());
            env.put("OUT_DIR", out.toString());
            List<String> lines = BrowserConsoleTest.run(pb, 180);
            String result = lines.stream().filter(l -> l.startsWith("RESULT ")).findFirst()
                    .orElseThrow(() -> new AssertionError("the browser run did not finish:\n" + String.join("\n",
                            lines)));
            JsonNode r = WebHost.JSON.readTree(result.substring(7));
            assertEquals("reporter", r.get("role").asText(), r.toString());
            assertEquals("[\"0301\",\"1804\"]", r.get("orgUnits").toString(), r.toString());
            assertEquals(host.base.resolve("/").toString(), r.get("url").asText(), r.toString());
            assertTrue(provider.lastAuthorization != null, "the browser went to the provider");
        }
    }
}
