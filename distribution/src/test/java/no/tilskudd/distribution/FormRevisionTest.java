package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, forms change and stored data stays honest. The example scheme's reports for 2016 are imported; then a
 * revision of the 2016 form for the same years, with a new required field, is deployed into the running host: its dry
 * run lists the field, the stored reports keep their form and stay valid and counted, and new reports need the new
 * field. Then a version without the 2016 form at all is deployed: the stored reports no longer validate
 * (FORM_UNKNOWN), and status, /api/status and every indicator table that counts them say how many they are.
 */
class FormRevisionTest {

    static final String REVISION = """
            { "formatVersion": 1, "scheme": "example", "version": "2016-2", "extends": "2016", "revises": "2016",
              "years": { "from": 2016, "to": 2017 },
              "sections": [ { "id": "grant", "fields": [
                { "id": "volunteers", "type": "integer", "required": true,
                  "label": { "nb": "Antall frivillige", "en": "Number of volunteers" } } ] } ] }""";

    @TempDir
    Path temp;

    /** The example jar with its descriptor listing other forms, and extra entries. */
    static Path variant(Path target, List<String> forms, Map<String, String> extra) throws IOException {
        try (JarFile in = new JarFile(TestHost.exampleJar().toFile(), false);
                OutputStream out = Files.newOutputStream(target); JarOutputStream j = new JarOutputStream(out)) {
            for (JarEntry e : Collections.list(in.entries())) {
                byte[] bytes;
                try (InputStream s = in.getInputStream(e)) {
                    bytes = s.readAllBytes();
                }
                if (e.getName().equals("tilskudd/example/scheme.json")) {
                    String list = String.join(", ", forms.stream().map(f -> "\"" + f + "\"").toList());
                    String d = new String(bytes, StandardCharsets.UTF_8).replace("\"forms\": [\"forms/2016.json\"]",
                            "\"forms\": [" + list + "]");
                    assertTrue(d.contains(list), d);
                    bytes = d.getBytes(StandardCharsets.UTF_8);
                }
                j.putNextEntry(new JarEntry(e.getName()));
                j.write(bytes);
                j.closeEntry();
            }
            for (Map.Entry<String, String> e : extra.entrySet()) {
                j.putNextEntry(new JarEntry(e.getKey()));
                j.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return target;
    }

    private static boolean forms(JsonNode schemes, String expected) {
        return TestHost.hasScheme(schemes, "example")
                && TestHost.scheme(schemes, "example").get("formVersions").toString().equals(expected);
    }

    @Test
    void aRevisionForAReportedYearKeepsStoredReportsValidAndCountedAndAGoneFormIsNoted() throws Exception {
        Path demo = WebHost.demoFile();
        long demoLines = Files.readAllLines(demo).stream().filter(l -> !l.isBlank()).count();
        Path revised = variant(temp.resolve("revised.jar"), List.of("forms/2016.json", "forms/2016-2.json"),
                Map.of("tilskudd/example/forms/2016-2.json", REVISION));
        Path onlyRevision = variant(temp.resolve("only-revision.jar"), List.of("forms/2016-2.json"),
                Map.of("tilskudd/example/forms/2016-2.json", REVISION.replace("\"extends\": \"2016\", \"revises\": "
                        + "\"2016\",", "").replace("\"sections\": [ { \"id\": \"grant\", \"fields\": [",
                        "\"title\": { \"nb\": \"R\", \"en\": \"R\" }, \"sections\": [ { \"id\": \"grant\", \"title\": "
                        + "{ \"nb\": \"T\", \"en\": \"T\" }, \"fields\": [")));
        Path home = temp.resolve("host");
        Files.createDirectories(home);
        Path first = home.resolve("example.jar");
        Files.copy(TestHost.exampleJar(), first);
        try (WebHost host = WebHost.start(home, first)) {
            host.awaitJson("the example scheme", s -> forms(s, "[\"2016\"]"), "schemes", "--json");
            WebHost.Result imported = host.run("import", demo.toString());
            assertEquals(0, imported.exit(), imported.out() + imported.err());
            long stored = host.run("indicators", "--scheme", "example", "--json").json().get("submissions").asLong();
            assertTrue(stored > 0 && stored <= demoLines, "stored " + stored);

            // The dry run shows what the revision changes, and that no stored report is affected.
            WebHost.Result dry = host.run("deploy", "--dry-run", "--json", revised.toString());
            JsonNode check = dry.json().has("check") ? dry.json().get("check") : dry.json();
            assertEquals(0, check.get("becomeInvalid").asInt(), dry.out());
            assertTrue(check.get("formChanges").toString().contains("form 2016-2 revises form 2016 for 2016-2017"),
                    dry.out());
            assertTrue(check.get("formChanges").toString().contains("fields added: volunteers (required); removed: "
                    + "none; changed: none"), dry.out());
            assertTrue(host.run("deploy", "--dry-run", revised.toString()).out().contains("fields added: volunteers"));

            host.replaceExampleJar(revised);
            host.awaitJson("the revision", s -> forms(s, "[\"2016\",\"2016-2\"]"), "schemes", "--json");
            JsonNode status = host.awaitJson("a healthy host", s -> s.get("failures").isEmpty(), "status", "--json");
            assertEquals("[]", status.get("invalidReports").toString(), "stored reports keep their form");
            JsonNode counted = host.run("indicators", "--scheme", "example", "--json").json();
            assertEquals(stored, counted.get("submissions").asLong());
            assertFalse(counted.toString().contains("no longer validate"), counted.toString());

            // New reports of 2016 are checked against the revision, unless they name the old version.
            WebHost.Result fresh = host.run("validate", demo.toString());
            assertEquals(1, fresh.exit(), fresh.out());
            assertTrue(fresh.out().contains("volunteers"), fresh.out());
            Path named = temp.resolve("named.jsonl");
            Files.writeString(named, Files.readAllLines(demo).get(0).replaceFirst("\"year\": 2016",
                    "\"year\": 2016, \"formVersion\": \"2016\"") + "\n");
            WebHost.Result old = host.run("validate", named.toString());
            assertEquals(0, old.exit(), old.out());

            // A version without the 2016 form: the stored reports are still counted, never silently.
            host.replaceExampleJar(onlyRevision);
            host.awaitJson("only the revision", s -> forms(s, "[\"2016-2\"]"), "schemes", "--json");
            String line = "example: " + stored + " of " + stored + " stored reports no longer validate against a "
                    + "current form (FORM_UNKNOWN " + stored + ")";
            // FileInstall may still be starting the new version: wait until nothing else is said.
            JsonNode after = host.awaitJson("the invalid reports counted", s -> s.get("invalidReports").toString()
                    .contains(line) && s.get("failures").isEmpty(), "status", "--json");
            assertEquals(1, after.get("invalidReports").size(), after.toString());
            assertTrue(host.run("status").out().contains("INVALID REPORTS " + line));
            HttpResponse<String> api = host.get("/api/status", WebHost.basic("admin", host.adminPassword));
            assertEquals(200, api.statusCode(), api.body());
            assertTrue(api.body().contains(line), api.body());

            JsonNode tables = host.run("indicators", "--scheme", "example", "--json", "--lang", "en").json();
            assertEquals(stored, tables.get("submissions").asLong());
            assertTrue(tables.get("indicators").size() > 0, tables.toString());
            for (JsonNode t : tables.get("indicators")) {
                assertTrue(t.get("notes").toString().contains(stored + " of " + stored + " reports no longer validate "
                        + "against a current form"), t.toString());
            }
            JsonNode norsk = host.run("indicators", "--scheme", "example", "--json", "--lang", "nb").json();
            assertTrue(norsk.get("indicators").get(0).get("notes").toString().contains(stored + " av " + stored
                    + " rapporter validerer ikke lenger mot et gjeldende skjema"), norsk.toString());
        }
    }
}
