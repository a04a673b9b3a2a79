package no.tilskudd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.scheme.Origin;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.submission.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheme jar with no code, found without a framework by its {@code Tilskudd-Scheme} manifest header: on a class
 * path (the manifests a class loader sees), as a plugin jar for the module path ({@code fromPluginJars}), and given
 * by hand to the builder. Each way reads the same resources and registers the descriptor's standard indicators and
 * rules, named after the jar's bundle.
 */
class DataOnlySchemeJarTest {

    private static final Origin BUNDLE = new Origin("test.data.scheme", "2.1.0");

    @TempDir
    Path dir;

    private Path jar(String header) throws IOException {
        Path jar = dir.resolve("data-scheme.jar");
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-SymbolicName", BUNDLE.name() + ";singleton:=true");
        a.putValue("Bundle-Version", BUNDLE.version());
        a.putValue("Tilskudd-Scheme", header);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("data/test/scheme.json", TestSchemes.DESCRIPTOR.replace("\"firstYear\"",
                "\"indicators\": [\"goal-achievement\"], \"rules\": [{ \"type\": \"funding\", "
                        + "\"code\": \"TEST_BUDGETS_EXCEED_FUNDING\" }], \"firstYear\""));
        files.put("data/test/forms/2006.json", TestSchemes.FORM_2006);
        files.put("data/test/forms/2021.json", TestSchemes.FORM_2021);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void assertSchemeWithItsIndicatorAndRule(StandaloneEngine engine) {
        assertEquals(List.of(), engine.schemes().problems());
        Scheme s = engine.schemes().scheme("test").orElseThrow(() -> new AssertionError(
                "not found: " + engine.schemes().schemes()));
        assertEquals(BUNDLE, s.origin());
        assertEquals(List.of("2006", "2021"), s.formVersions());
        assertTrue(engine.indicatorPlugins().stream().map(Indicator::id).anyMatch("goal-achievement"::equals),
                engine.indicatorPlugins().toString());
        Map<String, Object> values = TestSchemes.validValues();
        List<Violation> v = engine.validation().validate(TestSchemes.submission(values));
        assertEquals(List.of(), v.stream().filter(Violation::isError).toList());
    }

    @Test
    void onAClassPathTheHeaderIsFoundAmongTheManifests() throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar("data/test/").toUri().toURL()}, before)) {
            t.setContextClassLoader(loader);
            assertSchemeWithItsIndicatorAndRule(StandaloneEngine.fromServiceLoader(Optional.empty()));
        } finally {
            t.setContextClassLoader(before);
        }
    }

    @Test
    void asAPluginJarForTheModulePathTheJarIsReadWithoutBeingLoaded() throws Exception {
        assertSchemeWithItsIndicatorAndRule(StandaloneEngine.fromPluginJars(List.of(jar("data/test")),
                Optional.empty()));
    }

    @Test
    void givenByHandToTheBuilder() throws Exception {
        assertSchemeWithItsIndicatorAndRule(StandaloneEngine.builder().addSchemeJar(jar("data/test")).build());
    }

    @Test
    void aHeaderNamingNoDescriptorIsTheJarsProblem() throws Exception {
        StandaloneEngine engine = StandaloneEngine.builder().addSchemeJar(jar("data/elsewhere")).build();
        assertTrue(engine.schemes().scheme("test").isEmpty());
        assertEquals(1, engine.schemes().problems().size());
        String problem = engine.schemes().problems().get(0);
        assertTrue(problem.startsWith("test.data.scheme 2.1.0: scheme not loaded: "), problem);
        assertTrue(problem.contains("data/elsewhere/scheme.json"), problem);
    }
}
