package no.tilskudd.example.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plugin's resources are where its manifest header and descriptor say. (Reading them is the engine's job, tested
 * there.)
 */
class ExampleSchemeTest {

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static URL descriptor() {
        return ExampleSchemeTest.class.getResource("/tilskudd/example/scheme.json");
    }

    @Test
    void theManifestHeaderNamesTheDescriptorsFolder() throws IOException {
        URL d = descriptor();
        try (InputStream in = new URL(d, "../../META-INF/MANIFEST.MF").openStream()) {
            assertEquals("tilskudd/example", new java.util.jar.Manifest(in).getMainAttributes()
                    .getValue("Tilskudd-Scheme"));
        }
    }

    @Test
    void descriptorIsAResourceOfThePlugin() throws IOException {
        URL d = descriptor();
        assertNotNull(d);
        assertTrue(d.toString().endsWith("/tilskudd/example/scheme.json"), d.toString());
        String json = read(d);
        assertTrue(json.contains("\"id\": \"example\""));
        assertTrue(json.contains("\"forms\": [\"forms/2016.json\"]"));
        assertTrue(json.contains("\"demoData\": \"demo/example-demo.jsonl\""));
    }

    @Test
    void formAndDemoDataAreBesideTheDescriptor() throws IOException {
        URL d = descriptor();
        String form = read(new URL(d, "forms/2016.json"));
        assertTrue(form.contains("\"scheme\": \"example\""));
        assertTrue(form.contains("\"version\": \"2016\""));
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new URL(d, "demo/example-demo.jsonl")
                .openStream(), StandardCharsets.UTF_8))) {
            List<String> lines = r.lines().filter(l -> !l.isBlank()).toList();
            assertEquals(28, lines.size());
            assertTrue(lines.stream().allMatch(l -> l.startsWith("{\"scheme\": \"example\"") && l.endsWith("}")));
        }
    }
}
