package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheme that is pure data, a jar with the {@code Tilskudd-Scheme} header and no class at all, dropped into a
 * running host: the engine's extender lists it under its own bundle, with a form derived from another
 * ({@code "extends"}), the standard indicators and the funding rule its descriptor names; its reports import; a
 * second data-only jar with a broken descriptor is reported by its bundle name without disturbing the first; and
 * deleting the jar takes the scheme, its indicators and its rule away.
 */
class DataOnlySchemeTest {

    private static final String BSN = "test.data.only";
    private static final String BROKEN_BSN = "test.data.broken";

    @TempDir
    Path temp;

    @Test
    void aDataOnlyJarComesAndGoesWithTheDeployFolder() throws Exception {
        Path jar = dataOnlyJar(temp.resolve("data-only.jar"), BSN, "data-only", "\"goal-achievement\", "
                + "\"measures-by-category\"");
        Path broken = dataOnlyJar(temp.resolve("broken.jar"), BROKEN_BSN, "data-broken", "\"no-such-indicator\"");
        Path reports = temp.resolve("reports.jsonl");
        Files.writeString(reports, submission(2016, "1804", "all", 40_000) + "\n"
                + submission(2016, "0301", "notAll", 60_000) + "\n" + submission(2018, "1103", "all", 10_000) + "\n");
        Path overBudget = temp.resolve("over-budget.jsonl");
        Files.writeString(overBudget, submission(2016, "0702", "all", 900_000) + "\n");

        try (TestHost host = TestHost.start(temp.resolve("host"), true)) {
            host.deploy(jar, "data-only.jar");
            host.await("the data-only scheme to appear", s -> TestHost.hasScheme(s, "data-only"),
                    "schemes", "--json");
            JsonNode scheme = TestHost.scheme(host.run("schemes", "--json").json(), "data-only");
            assertEquals(BSN, scheme.get("bundle").asText(), "attributed to the scheme's own bundle");
            assertEquals(List.of("2016", "2018"), TestHost.texts(scheme.get("formVersions")));

            TestHost.Result imported = host.run("import", reports.toString());
            assertEquals(0, imported.exit(), imported.out() + imported.err());

            JsonNode ind = host.run("indicators", "--scheme", "data-only", "--years", "2016-2018", "--json").json();
            assertTrue(ind.get("failures").isEmpty(), ind.toString());
            List<String> ids = new ArrayList<>();
            for (JsonNode t : ind.get("indicators")) {
                ids.add(t.get("id").asText());
            }
            assertEquals(List.of("goal-achievement", "measures-by-category"), ids.stream().sorted().toList());
            assertEquals(3, ind.get("submissions").asInt());

            TestHost.Result warned = host.run("validate", "--json", overBudget.toString());
            JsonNode finding = warned.json().get("files").get(0).get("findings").get(0);
            assertEquals("DATA_ONLY_BUDGETS_EXCEED_FUNDING", finding.get("code").asText(), warned.out());

            host.deploy(broken, "broken.jar");
            host.await("the broken descriptor to be reported", s -> s.get("problems").toString()
                    .contains(BROKEN_BSN), "schemes", "--json");
            JsonNode withBroken = host.run("schemes", "--json").json();
            String problems = withBroken.get("problems").toString();
            assertTrue(problems.contains("/indicators/0") && problems.contains("no-such-indicator"), problems);
            assertTrue(TestHost.hasScheme(withBroken, "data-only"), "the other scheme is not affected");

            host.undeploy("data-only.jar");
            host.await("the scheme to leave", s -> !TestHost.hasScheme(s, "data-only"), "schemes", "--json");
            TestHost.Result gone = host.run("validate", "--json", reports.toString());
            assertEquals("SCHEME_UNKNOWN", gone.json().get("files").get(0).get("findings").get(0).get("code")
                    .asText());
            JsonNode after = host.run("indicators", "--scheme", "data-only", "--years", "2016-2018", "--json").json();
            assertTrue(after.get("indicators") == null || after.get("indicators").isEmpty(), after.toString());

            host.undeploy("broken.jar");
            host.await("the problem to go with its bundle", s -> s.get("problems").isEmpty(), "schemes", "--json");
        }
    }

    /** A bundle with no code: a manifest with the header, a descriptor, a form and a form derived from it. */
    static Path dataOnlyJar(Path target, String bsn, String id, String indicators) throws IOException {
        String form2016;
        try (JarFile example = new JarFile(TestHost.exampleJar().toFile())) {
            form2016 = new String(example.getInputStream(example.getEntry("tilskudd/example/forms/2016.json"))
                    .readAllBytes(), StandardCharsets.UTF_8).replace("\"scheme\": \"example\"", "\"scheme\": \"" + id
                    + "\"");
        }
        if (!form2016.contains("\"scheme\": \"" + id + "\"")) {
            throw new IllegalStateException("the example form changed shape; update DataOnlySchemeTest");
        }
        String form2018 = """
                {
                  "formatVersion": 1,
                  "extends": "2016",
                  "version": "2018",
                  "years": { "from": 2018, "to": 2018 },
                  "title": { "nb": "Årsrapport 2018", "en": "Annual report 2018" },
                  "remove": ["comment"],
                  "sections": [
                    { "id": "grant", "fields": [
                      { "id": "actionPlanGrant", "after": "grantAmount", "type": "amount",
                        "label": { "nb": "Herav handlingsplan (kr)" } } ] }
                  ]
                }
                """;
        String code = id.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_BUDGETS_EXCEED_FUNDING";
        String descriptor = """
                {
                  "formatVersion": 1,
                  "id": "%s",
                  "name": { "nb": "Dataordningen", "en": "The data scheme" },
                  "agency": { "nb": "Direktoratet" },
                  "budgetLine": "kap. 9999 post 98",
                  "firstYear": 2016,
                  "forms": ["forms/2016.json", "forms/2018.json"],
                  "indicators": [%s],
                  "rules": [{ "type": "funding", "code": "%s" }]
                }
                """.formatted(id, indicators, code);
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Tilskudd-Scheme", "tilskudd/" + id);
        Map<String, String> entries = Map.of("tilskudd/" + id + "/scheme.json", descriptor,
                "tilskudd/" + id + "/forms/2016.json", form2016, "tilskudd/" + id + "/forms/2018.json", form2018);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), mf)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return target;
    }

    private static String submission(int year, String orgUnit, String goals, long budget) {
        return "{\"scheme\":\"data-only\",\"year\":" + year + ",\"orgUnit\":\"" + orgUnit + "\",\"values\":{"
                + "\"grantAmount\":100000,\"goalsReached\":\"" + goals + "\""
                + (goals.equals("notAll") ? ",\"goalsNotReachedReason\":[\"response\"]" : "")
                + ",\"measures\":[{\"name\":\"Leksehjelp\",\"category\":\"individ\",\"participantsChildren\":12,"
                + "\"participantsFamilies\":3,\"budget\":" + budget + ",\"newOrContinued\":\"new\","
                + "\"firstFundedYear\":" + year + "}]}}";
    }
}
