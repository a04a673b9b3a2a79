package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console in headless Chromium, driven by Playwright ({@code src/test/browser/console-tour.cjs}): sign in,
 * deploy the example scheme after a dry run and see it listed, import the demo file, read a violation of a broken
 * file, see indicators with a chart, download a report (or see that no format is installed), switch to English,
 * remove the plugin. Needs Chromium ({@code apt-get install chromium}) and Node.js; playwright-core is installed
 * from the npm registry into {@code ~/.cache/tilskudd-browser} when missing. {@code .ci/run} installs both.
 */
@org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class BrowserConsoleTest {

    static final String PLAYWRIGHT_VERSION = "1.65.1";

    @TempDir
    Path temp;

    @Test
    void aTourOfTheConsoleInChromium() throws Exception {
        Path chromium = Path.of(System.getProperty("tilskudd.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium is not installed at " + chromium + ": apt-get install chromium (.ci/run does)");
        }
        Path node = which("node");
        Path playwright = playwrightCore();
        Path out = Path.of(System.getProperty("tilskudd.browserOut", "target/browser")).toAbsolutePath();
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("console.png"));
        Path broken = temp.resolve("broken-report.jsonl");
        Files.writeString(broken, WebTestJars.brokenSubmission());
        Path grants = Files.writeString(temp.resolve("tildelinger-2016.csv"),
                "scheme,year,orgUnit,amount\nexample,2016,0125,1000\nexample,2016,0233,2000\nexample,2016,1804,3000\n");
        Path script = Path.of("src/test/browser/console-tour.cjs").toAbsolutePath();

        try (WebHost host = WebHost.start(temp, WebHost.plugin("tilskudd-format-xlsx"),
                WebHost.plugin("tilskudd-format-pdf"))) {
            ProcessBuilder pb = new ProcessBuilder(node.toString(), script.toString()).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.put("PLAYWRIGHT_CORE", playwright.toString());
            env.put("CHROMIUM", chromium.toString());
            env.put("BASE_URL", host.base.toString());
            env.put("ADMIN_PASSWORD", host.adminPassword);
            env.put("JAR_FILE", WebHost.plugin("tilskudd-example-scheme").toString());
            env.put("DEMO_FILE", WebHost.demoFile().toString());
            env.put("BROKEN_FILE", broken.toString());
            env.put("GRANTS_FILE", grants.toString());
            env.put("OUT_DIR", out.toString());
            List<String> lines = run(pb, 240);
            String result = lines.stream().filter(l -> l.startsWith("RESULT ")).findFirst()
                    .orElseThrow(() -> new AssertionError("the browser tour did not finish:\n" + String.join("\n", lines)));
            JsonNode r = WebHost.JSON.readTree(result.substring(7));
            assertTrue(r.get("violation").asText().contains("EXAMPLE_FIRST_FUNDED_AFTER_REPORT"), r.toString());
            assertTrue(r.get("indicatorTables").asInt() > 0, r.toString());
            assertTrue(r.get("responses").asText().contains("Forventet3"), r.toString());
            assertTrue(r.get("missing").asText().contains("1804 Bodø") || r.get("missing").asText().contains("1804Bodø"),
                    r.toString());
            JsonNode formats = WebHost.json(host.get("/api/formats", WebHost.basic("admin", host.adminPassword)));
            assertEquals(formats.get("reports"), r.get("reportFormats"), "the page lists the installed formats");
            if (!formats.get("reports").isEmpty()) {
                assertTrue(r.get("reportFile").asText().startsWith("example-2016-2017."), r.toString());
            }
            assertTrue(Files.size(out.resolve("console.png")) > 10_000, "a screenshot was taken");
            assertTrue(r.get("auditActions").toString().contains("submissions.import"), r.toString());
            JsonNode schemes = WebHost.json(host.get("/api/schemes", WebHost.basic("admin", host.adminPassword)));
            assertTrue(schemes.get("schemes").isEmpty(), "the tour removed the plugin again");
        }
    }

    static List<String> run(ProcessBuilder pb, int seconds) throws IOException, InterruptedException {
        Process p = pb.start();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null;) {
                    System.out.println("browser: " + l);
                    lines.add(l);
                }
            } catch (IOException e) {
                lines.add("(output lost: " + e + ")");
            }
        });
        reader.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the browser tour did not finish in " + seconds + " s:\n" + String.join("\n", lines));
        }
        reader.join(5_000);
        assertEquals(0, p.exitValue(), "the browser tour failed:\n" + String.join("\n", lines));
        return new ArrayList<>(lines);
    }

    /** playwright-core from the npm registry (not its browser download, which cannot work here). */
    static Path playwrightCore() throws IOException, InterruptedException {
        return npmModule("playwright-core", PLAYWRIGHT_VERSION);
    }

    /** An npm package at a pinned version, installed once into a cache folder outside the build. */
    static Path npmModule(String name, String version) throws IOException, InterruptedException {
        String configured = System.getProperty("tilskudd.playwright", System.getenv("TILSKUDD_PLAYWRIGHT"));
        Path prefix = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "tilskudd-browser");
        Path module = prefix.resolve("node_modules/" + name);
        if (!Files.isRegularFile(module.resolve("package.json")) || !installedVersion(module).equals(version)) {
            Path npm = which("npm");
            Files.createDirectories(prefix);
            ProcessBuilder pb = new ProcessBuilder(npm.toString(), "install", "--prefix", prefix.toString(),
                    "--no-audit", "--no-fund", "--silent", name + "@" + version)
                    .redirectErrorStream(true);
            List<String> out = new ArrayList<>();
            Process p = pb.start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(out::add);
            }
            if (p.waitFor() != 0 || !Files.isRegularFile(module.resolve("package.json"))) {
                fail("could not install " + name + " " + version + " into " + prefix + ":\n"
                        + String.join("\n", out));
            }
        }
        return module;
    }

    private static String installedVersion(Path module) throws IOException {
        return WebHost.JSON.readTree(module.resolve("package.json").toFile()).path("version").asText();
    }

    static Path which(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        fail(program + " is not on the PATH; the browser tests need Node.js and npm");
        return null;
    }
}
