package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AVdir, Bufdir and urban-youth scheme bundles and the cross-scheme indicators, as built into the distribution's
 * deploy/, work in the framework: they import only the API and java.*, the demo imports every scheme's demo data,
 * every indicator computes with an N, and the files of broken submissions are reported line by line.
 */
class SchemeBundlesTest {

    private static final List<String> JARS = List.of("tilskudd-scheme-avdir", "tilskudd-scheme-bufdir",
            "tilskudd-scheme-urban-youth", "tilskudd-cross-scheme-indicators", "tilskudd-survey-evaluering-2009");
    private static final Set<String> INDICATORS = Set.of("goal-achievement", "national-goals", "continuation",
            "units-by-region", "measures-by-category", "measure-budget-size", "partners", "participants");

    @TempDir
    Path temp;

    static Path jar(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(TestHost.distribution().resolve("deploy"))) {
            return s.filter(p -> p.getFileName().toString().matches(prefix + "-\\d.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + prefix + " jar in the distribution's deploy/"));
        }
    }

    static Path[] jars() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String j : JARS) {
            out.add(jar(j));
        }
        return out.toArray(Path[]::new);
    }

    /**
     * Each bundle stays a leaf that needs only the API: the schemes are data found by their manifest header (urban
     * youth adds one validator), and the cross-scheme indicators carry the table helpers privately.
     */
    @Test
    void theBundlesImportOnlyTheApiAndJava() throws IOException {
        for (Path p : jars()) {
            try (JarFile jar = new JarFile(p.toFile())) {
                String imports = jar.getManifest().getMainAttributes().getValue("Import-Package");
                List<String> foreign = new ArrayList<>();
                // A data-only scheme bundle imports nothing at all.
                for (String clause : imports == null ? new String[0] : imports.split(",(?=[a-z])")) {
                    String pkg = clause.split(";")[0];
                    if (!pkg.startsWith("java.") && !pkg.startsWith("no.tilskudd.api.")) {
                        foreign.add(pkg);
                    }
                }
                assertEquals(List.of(), foreign, p.getFileName() + " imports " + imports);
                assertEquals(null, jar.getManifest().getMainAttributes().getValue("Export-Package"),
                        p.getFileName() + " exports nothing");
                List<String> classes = jar.stream().map(JarEntry::getName)
                        .filter(n -> n.endsWith(".class") && !n.equals("module-info.class")).toList();
                String name = p.getFileName().toString();
                if (name.startsWith("tilskudd-scheme-avdir") || name.startsWith("tilskudd-scheme-bufdir")
                        || name.startsWith("tilskudd-survey-")) {
                    assertEquals(List.of(), classes, name + " is pure data");
                } else if (name.startsWith("tilskudd-scheme-urban-youth")) {
                    assertTrue(classes.stream().allMatch(c -> c.startsWith("no/tilskudd/urbanyouth/internal/")),
                            name + " carries only its own validator: " + classes);
                } else {
                    assertTrue(classes.contains("no/tilskudd/engine/internal/standard/Percentages.class"),
                            name + " carries the table helpers privately");
                }
                if (name.startsWith("tilskudd-survey-")) {
                    assertEquals("tilskudd/survey-2009",
                            jar.getManifest().getMainAttributes().getValue("Tilskudd-Scheme"), name);
                } else if (!name.startsWith("tilskudd-cross-scheme")) {
                    assertEquals("tilskudd/" + name.replaceFirst("tilskudd-scheme-(.*?)-\\d.*", "$1"),
                            jar.getManifest().getMainAttributes().getValue("Tilskudd-Scheme"), name);
                }
            }
        }
    }

    @Test
    void demoThenEveryIndicatorOfEverySchemeHasAnN() throws Exception {
        try (TestHost host = TestHost.start(temp, false, jars())) {
            TestHost.Result demo = host.run("demo", "--out", temp.resolve("out").toString());
            assertEquals(0, demo.exit(), demo.out() + demo.err());
            assertTrue(demo.out().contains("avdir: 249 submissions read, 249 stored"), demo.out());
            assertTrue(demo.out().contains("bufdir: 75 submissions read, 75 stored"), demo.out());
            assertTrue(demo.out().contains("urban-youth: 158 submissions read, 158 stored"), demo.out());
            assertTrue(demo.out().contains("survey-2009: 262 grants read, 262 stored"), demo.out());
            assertTrue(demo.out().contains("survey-2009: 52 submissions read, 52 stored"), demo.out());

            for (String scheme : List.of("avdir", "bufdir", "urban-youth")) {
                TestHost.Result r = host.run("indicators", "--scheme", scheme, "--years", "2006-2008", "--json");
                assertEquals(0, r.exit(), r.out() + r.err());
                JsonNode ind = r.json();
                assertTrue(ind.get("failures").isEmpty(), ind.get("failures").toString());
                Set<String> ids = new TreeSet<>();
                for (JsonNode t : ind.get("indicators")) {
                    ids.add(t.get("id").asText());
                    assertTrue(t.get("n").asLong() > 0, scheme + " " + t.get("id") + ": " + t);
                }
                assertEquals(new TreeSet<>(INDICATORS), ids, scheme);
            }
            // The cross-scheme table is asked for by selecting several schemes; no one scheme's report has it.
            JsonNode several = host.run("indicators", "--scheme", "avdir,bufdir", "--years", "2006-2008", "--json")
                    .json();
            JsonNode overlap = indicator(several, "scheme-overlap");
            assertEquals(List.of(38, 10, 19, 67, 57, 29, 86), column(overlap, 1).subList(0, 7),
                    "the seed's 'Hvem får støtte?' from the demo data");
        }
    }

    @Test
    void brokenFilesAreReportedWithFileLinePathAndCode() throws Exception {
        Map<String, List<String>> expected = new TreeMap<>();
        expected.put("avdir", List.of("avdir-broken.jsonl:1: grantAmount: FIELD_REQUIRED:",
                "avdir-broken.jsonl:3: goalsNotReachedReason: AVDIR_REASON_ONLY_WHEN_NOT_ALL:",
                "avdir-broken.jsonl:5: measures[0].firstFundedYear: AVDIR_FIRST_FUNDED_AFTER_REPORT:",
                "avdir-broken.jsonl:10: measures: warning AVDIR_BUDGETS_EXCEED_FUNDING:",
                "avdir-broken.jsonl:16: actionPlanGrant: AVDIR_ACTION_PLAN_EXCEEDS_GRANT:",
                "avdir-broken.jsonl:18: year: FORM_UNKNOWN:"));
        expected.put("bufdir", List.of("bufdir-broken.jsonl:1: measures[0].firstFundedYear: "
                + "BUFDIR_FIRST_FUNDED_BEFORE_SCHEME:", "bufdir-broken.jsonl:3: year: FORM_UNKNOWN:"));
        expected.put("urban-youth", List.of("urban-youth-broken.jsonl:1: orgUnit: URBAN_YOUTH_UNIT_NOT_ELIGIBLE: "
                + "«0219 Bærum» kan ikke rapportere",
                "urban-youth-broken.jsonl:3: measures[0].ageFrom: URBAN_YOUTH_AGE_BELOW_TARGET:",
                "urban-youth-broken.jsonl:6: measureYear: URBAN_YOUTH_MEASURE_YEAR:"));
        Map<String, Integer> lines = Map.of("avdir", 18, "bufdir", 4, "urban-youth", 9);
        try (TestHost host = TestHost.start(temp, false, jars())) {
            for (Map.Entry<String, List<String>> e : expected.entrySet()) {
                Path file = extract(e.getKey());
                TestHost.Result r = host.run("validate", file.toString());
                assertEquals(1, r.exit(), r.out() + r.err());
                for (String line : e.getValue()) {
                    assertTrue(r.out().contains(line), "missing '" + line + "' in:\n" + r.out());
                }
                assertEquals((int) lines.get(e.getKey()), r.out().lines().count(), "one finding per line:\n" + r.out());
                JsonNode json = host.run("validate", "--json", file.toString()).json();
                for (JsonNode f : json.get("files").get(0).get("findings")) {
                    assertTrue(f.get("location").asText().matches("\\d+"), f.toString());
                    assertTrue(!f.get("code").asText().isEmpty() && !f.get("message").asText().isEmpty(), f.toString());
                }
            }
        }
    }

    /** Copies a scheme's file of broken submissions out of its plugin jar. */
    private Path extract(String scheme) throws IOException {
        Path target = temp.resolve(scheme + "-broken.jsonl");
        try (JarFile jar = new JarFile(jar("tilskudd-scheme-" + scheme).toFile());
                InputStream in = jar.getInputStream(jar.getEntry("tilskudd/" + scheme + "/demo/" + scheme
                        + "-broken.jsonl"))) {
            Files.copy(in, target);
        }
        return target;
    }

    private static JsonNode indicator(JsonNode result, String id) {
        for (JsonNode t : result.get("indicators")) {
            if (t.get("id").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no indicator " + id + " in " + result);
    }

    private static List<Integer> column(JsonNode table, int column) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode row : table.get("rows")) {
            out.add(row.get(column).asInt());
        }
        return out;
    }
}
