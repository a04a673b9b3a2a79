package no.tilskudd.store.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.store.AnswerScope;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.internal.declared.DeclaredIndicator;
import no.tilskudd.engine.internal.declared.DefinitionFile;
import no.tilskudd.engine.internal.declared.Evaluation;
import no.tilskudd.engine.internal.declared.IndicatorDefinition;
import no.tilskudd.engine.internal.declared.StandardIndicators;
import no.tilskudd.engine.internal.declared.Vocabulary;
import no.tilskudd.engine.internal.orgunits.CsvOrgUnitRegister;
import no.tilskudd.plugins.support.demo.DemoData;
import no.tilskudd.plugins.support.oracle.DeclaredAgainstJavaTest;
import no.tilskudd.store.internal.H2SubmissionStore;
import no.tilskudd.store.internal.PostgresServer;
import no.tilskudd.store.internal.PostgresSubmissionStore;
import no.tilskudd.store.internal.SqlSubmissionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle of the indicators computed in the database: every standard definition, and definitions that use what
 * the standard ones do not (medians, filters of every operator, columns by scheme and region, units counted across
 * schemes), gives in H2 and in PostgreSQL the table the in-memory evaluation gives over the same submissions: the
 * three schemes' demo data and generated data with gaps, ties, band edges and unknown org units.
 */
class StoredAgainstInMemoryTest {

    private static final CsvOrgUnitRegister REGISTER = CsvOrgUnitRegister.defaults();
    private static final List<String> DEMO = List.of("avdir", "bufdir", "urban-youth");
    private static final int SEEDS = 6;

    static PostgresServer server;

    @RegisterExtension
    static final BeforeAllCallback SERVER = context -> server = PostgresServer.get(context);

    @TempDir
    static Path dir;

    private static final Map<String, List<Submission>> DATA = new LinkedHashMap<>();
    private static H2SubmissionStore h2;
    private static PostgresSubmissionStore postgres;

    @BeforeAll
    static void storeTheData() throws Exception {
        Map<String, String> demo = DemoData.generate();
        for (String scheme : DEMO) {
            DATA.put(scheme, withVersion(DeclaredAgainstJavaTest.parse(demo.get(scheme)), scheme));
        }
        for (long seed = 1; seed <= SEEDS; seed++) {
            DATA.put("gen" + seed, withVersion(DeclaredAgainstJavaTest.generated(seed), "gen" + seed));
        }
        h2 = new H2SubmissionStore(java.nio.file.Files.createDirectories(dir.resolve("h2")));
        String database = server.createDatabase();
        postgres = PostgresSubmissionStore.open(server.storeSettings(database, dir), dir);
        for (SqlSubmissionStore store : List.of(h2, postgres)) {
            for (List<Submission> subs : DATA.values()) {
                store.save(subs, false, "oracle.jsonl");
            }
        }
    }

    @AfterAll
    static void close() {
        if (h2 != null) {
            h2.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static List<Submission> withVersion(List<Submission> subs, String scheme) {
        List<Submission> out = new ArrayList<>();
        for (Submission s : subs) {
            out.add(new Submission(scheme, s.year(), s.orgUnit(), Optional.of("v" + s.year()), s.values()));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyStandardDefinitionGivesTheSameTableInTheDatabase() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String scheme : DATA.keySet()) {
            for (String id : StandardIndicators.IDS) {
                DeclaredIndicator d = declared(StandardIndicators.byId(id, scheme).orElseThrow(), scheme);
                tests.add(DynamicTest.dynamicTest(scheme + " " + id, () -> assertSameEverywhere(d, scheme)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> whatTheStandardDefinitionsDoNotUseGivesTheSameTableToo() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : EXTRA.keySet()) {
            IndicatorDefinition def = DefinitionFile.read(name + ".json",
                    new ByteArrayInputStream(EXTRA.get(name).getBytes(StandardCharsets.UTF_8)), Vocabulary.STANDARD);
            for (String scheme : List.of("avdir", "gen1", "gen2", "gen3")) {
                DeclaredIndicator d = new DeclaredIndicator(def, Set.of(scheme), Evaluation.Forms.UNKNOWN);
                tests.add(DynamicTest.dynamicTest(scheme + " " + name, () -> assertSameEverywhere(d, scheme)));
            }
            DeclaredIndicator across = new DeclaredIndicator(def, Set.of(), Evaluation.Forms.UNKNOWN);
            tests.add(DynamicTest.dynamicTest("all schemes " + name, () -> assertSameEverywhere(across, null)));
        }
        return tests.stream();
    }

    @Test
    void aSelectionOfRegionsAndOrgUnitsReadsTheSameSubmissions() {
        DeclaredIndicator d = declared(StandardIndicators.byId("goal-achievement", "avdir").orElseThrow(), "avdir");
        Selection oslo = new Selection("avdir", 2000, 2100, Set.of(), Set.of("Øst/Oslo"));
        Selection two = new Selection("avdir", 2000, 2100, Set.of("0301", "1201", "9999"), Set.of());
        for (Selection s : List.of(oslo, two)) {
            List<Submission> selected = DATA.get("avdir").stream().filter(x -> covers(s, x)).toList();
            assertTrue(!selected.isEmpty() && selected.size() < DATA.get("avdir").size(), "a part is selected");
            Table memory = d.compute(new IndicatorInput(s, selected, REGISTER::find));
            AnswerScope scope = new no.tilskudd.engine.internal.indicators.SubmissionSelector(
                    () -> Optional.of(h2), REGISTER).scope(Set.of("avdir"), s);
            for (SqlSubmissionStore store : List.of(h2, postgres)) {
                Table stored = d.computeStored(store, scope, REGISTER).orElseThrow();
                assertEquals(DeclaredAgainstJavaTest.normal(memory), DeclaredAgainstJavaTest.normal(stored),
                        store + " " + s);
            }
        }
    }

    @Test
    void theComparisonSeesADifference() {
        DeclaredIndicator d = declared(StandardIndicators.byId("goal-achievement", "avdir").orElseThrow(), "avdir");
        Table all = d.compute(input("avdir", DATA.get("avdir")));
        Table fewer = d.compute(input("avdir", DATA.get("avdir").subList(1, DATA.get("avdir").size())));
        Table stored = stored(d, h2, "avdir");
        assertEquals(DeclaredAgainstJavaTest.normal(all), DeclaredAgainstJavaTest.normal(stored));
        assertNotEquals(DeclaredAgainstJavaTest.normal(fewer), DeclaredAgainstJavaTest.normal(stored),
                "one report fewer gives another table");
    }

    private static boolean covers(Selection s, Submission x) {
        if (!s.orgUnits().isEmpty() && !s.orgUnits().contains(x.orgUnit())) {
            return false;
        }
        return s.regions().isEmpty() || s.regions().contains(
                REGISTER.find(x.orgUnit(), x.year()).map(u -> u.region()).orElse(""));
    }

    private static DeclaredIndicator declared(no.tilskudd.api.indicator.Indicator i, String scheme) {
        DeclaredIndicator d = (DeclaredIndicator) i;
        return new DeclaredIndicator(d.definition(), Set.of(scheme), Evaluation.Forms.UNKNOWN);
    }

    private static IndicatorInput input(String scheme, List<Submission> subs) {
        return new IndicatorInput(Selection.of(scheme == null ? "avdir" : scheme, 2000, 2100), subs, REGISTER::find);
    }

    private static Table stored(DeclaredIndicator d, SqlSubmissionStore store, String scheme) {
        AnswerScope scope = AnswerScope.of(scheme == null ? Set.of() : Set.of(scheme), 2000, 2100);
        return d.computeStored(store, scope, REGISTER)
                .orElseThrow(() -> new AssertionError(d.id() + " is not computed in the store"));
    }

    private static void assertSameEverywhere(DeclaredIndicator d, String scheme) {
        List<Submission> subs = new ArrayList<>();
        if (scheme == null) {
            DATA.values().forEach(subs::addAll);
        } else {
            subs.addAll(DATA.get(scheme));
        }
        Table memory = d.compute(input(scheme, subs));
        for (SqlSubmissionStore store : List.of(h2, postgres)) {
            Supplier<String> where = () -> d.id() + " on " + store;
            assertEquals(DeclaredAgainstJavaTest.normal(memory), DeclaredAgainstJavaTest.normal(stored(d, store,
                    scheme)), where.get());
        }
    }

    /** Definitions that use what the standard ones do not. */
    private static final Map<String, String> EXTRA = new LinkedHashMap<>();

    static {
        String partners = """
                "rows": { "by": "field", "field": "partners", "id": "p", "label": { "nb": "P", "en": "P" },
                  "codes": [ { "code": "school", "label": { "nb": "Skole", "en": "School" } },
                             { "code": "culture", "label": { "nb": "Kultur", "en": "Culture" } },
                             { "code": "voluntary", "label": { "nb": "Frivillige", "en": "Voluntary" } } ] },
                """;
        String count = """
                "measures": [ { "id": "n", "label": { "nb": "Antall", "en": "Count" }, "type": "count" },
                              { "id": "pct", "label": { "nb": "Prosent", "en": "Percent" }, "type": "share" } ],
                "total": { "nb": "I alt", "en": "Total" }
                """;
        EXTRA.put("median-budget-by-category", """
                { "formatVersion": 1, "id": "median-budget-by-category", "title": { "nb": "M", "en": "M" },
                  "count": "row", "group": "measures",
                  "filter": [ { "field": "budget", "ge": 0 } ],
                  "rows": { "by": "field", "field": "category", "id": "c", "label": { "nb": "K", "en": "C" },
                    "codes": [ { "code": "alle", "label": { "nb": "A", "en": "A" } },
                               { "code": "individ", "label": { "nb": "I", "en": "I" } },
                               { "code": "familie", "label": { "nb": "F", "en": "F" } } ] },
                  "measures": [ { "id": "n", "label": { "nb": "Antall", "en": "Count" }, "type": "count" },
                    { "id": "median", "label": { "nb": "Median", "en": "Median" }, "type": "median", "field": "budget",
                      "kind": "decimal", "decimals": 0 },
                    { "id": "mean", "label": { "nb": "Snitt", "en": "Mean" }, "type": "mean", "field": "budget",
                      "kind": "decimal", "decimals": 2 },
                    { "id": "sum", "label": { "nb": "Sum", "en": "Sum" }, "type": "sum", "field": "budget",
                      "kind": "amount" } ],
                  "total": { "nb": "I alt", "en": "Total" },
                  "notes": [ { "nb": "Median i alt {all:median}.", "en": "Median in all {all:median}." } ] }
                """);
        EXTRA.put("partners-by-year-filtered", """
                { "formatVersion": 1, "id": "partners-by-year-filtered", "title": { "nb": "P", "en": "P" },
                  "count": "report",
                  "filter": [ { "field": "goalsReached", "in": ["all"] }, { "field": "grantAmount", "lt": 200000 } ],
                """ + partners + """
                  "columns": { "by": "year" },
                  "measures": [ { "id": "{column}", "label": { "nb": "{column}", "en": "{column}" }, "type": "count" },
                    { "id": "{column}-pct", "label": { "nb": "{column} %", "en": "{column} %" }, "type": "share" } ] }
                """);
        EXTRA.put("units-any-partner-by-scheme", """
                { "formatVersion": 1, "id": "units-any-partner-by-scheme", "title": { "nb": "U", "en": "U" },
                  "count": "unit", "answers": "any",
                """ + partners + """
                  "columns": { "by": "scheme" },
                  "measures": [ { "id": "{column}", "label": { "nb": "{column}", "en": "{column}" }, "type": "count" },
                    { "id": "{column}-pct", "label": { "nb": "{column} %", "en": "{column} %" }, "type": "share" } ] }
                """);
        EXTRA.put("latest-continuation-by-region", """
                { "formatVersion": 1, "id": "latest-continuation-by-region", "title": { "nb": "R", "en": "R" },
                  "count": "unit", "answers": "latest",
                  "filter": [ { "field": "continuation", "present": true } ],
                  "rows": { "by": "field", "field": "continuation", "id": "c", "label": { "nb": "V", "en": "C" },
                    "codes": [ { "code": "yes", "label": { "nb": "Ja", "en": "Yes" } },
                               { "code": "no", "label": { "nb": "Nei", "en": "No" } },
                               { "code": "unsure", "label": { "nb": "Usikker", "en": "Unsure" } } ] },
                  "columns": { "by": "region" },
                  "measures": [ { "id": "{column}", "label": { "nb": "{column}", "en": "{column}" }, "type": "count" } ],
                  "total": { "nb": "I alt", "en": "Total" } }
                """);
        // The latest report of each unit on a multi-choice field, with columns and numbers: the column totals and
        // the overall total (a median asks for it separately) count each unit once, however many codes it has.
        EXTRA.put("latest-partners-by-year-with-grants", """
                { "formatVersion": 1, "id": "latest-partners-by-year-with-grants", "title": { "nb": "L", "en": "L" },
                  "count": "scheme-unit", "answers": "latest",
                """ + partners + """
                  "columns": { "by": "year" },
                  "measures": [ { "id": "{column}", "label": { "nb": "{column}", "en": "{column}" }, "type": "count" },
                    { "id": "{column}-grant", "label": { "nb": "{column} kr", "en": "{column} NOK" }, "type": "sum",
                      "field": "grantAmount", "kind": "amount" },
                    { "id": "{column}-median", "label": { "nb": "{column} median", "en": "{column} median" },
                      "type": "median", "field": "grantAmount", "kind": "decimal", "decimals": 0 },
                    { "id": "{column}-pct", "label": { "nb": "{column} %", "en": "{column} %" }, "type": "share" } ] }
                """);
        // A filter that a measure's field is present, with that measure.
        EXTRA.put("present-families-by-openness", """
                { "formatVersion": 1, "id": "present-families-by-openness", "title": { "nb": "F", "en": "F" },
                  "count": "row", "group": "measures",
                  "filter": [ { "field": "participantsFamilies", "present": true } ],
                  "rows": { "by": "field", "field": "category", "id": "c", "label": { "nb": "K", "en": "C" },
                    "codes": [ { "code": "alle", "label": { "nb": "A", "en": "A" } },
                               { "code": "individ", "label": { "nb": "I", "en": "I" } },
                               { "code": "familie", "label": { "nb": "F", "en": "F" } } ] },
                  "columns": { "by": "year" },
                  "measures": [ { "id": "{column}", "label": { "nb": "{column}", "en": "{column}" }, "type": "count" },
                    { "id": "{column}-fam", "label": { "nb": "{column} fam", "en": "{column} families" },
                      "type": "sum", "field": "participantsFamilies", "kind": "persons" } ],
                  "total": { "nb": "I alt", "en": "Total" } }
                """);
        EXTRA.put("open-rows-by-band", """
                { "formatVersion": 1, "id": "open-rows-by-band", "title": { "nb": "B", "en": "B" },
                  "count": "row", "group": "measures",
                  "filter": [ { "field": "openToAll", "is": false } ],
                  "rows": { "by": "band", "field": "budget", "limits": [50000, 100000, 250000],
                    "id": "b", "label": { "nb": "B", "en": "B" } },
                  "columns": { "by": "year" },
                  "measures": [ { "id": "{column}", "label": { "nb": "{column}", "en": "{column}" }, "type": "count" },
                    { "id": "{column}-kids", "label": { "nb": "{column} barn", "en": "{column} children" },
                      "type": "sum", "field": "participantsChildren", "kind": "persons" } ],
                  "total": { "nb": "I alt", "en": "Total" } }
                """);
        EXTRA.put("reports-by-year-and-scheme", """
                { "formatVersion": 1, "id": "reports-by-year-and-scheme", "title": { "nb": "Å", "en": "Y" },
                  "count": "report",
                  "rows": { "by": "year", "id": "y", "label": { "nb": "År", "en": "Year" } },
                  "columns": { "by": "scheme" },
                  "measures": [ { "id": "{column}", "label": { "nb": "{column}", "en": "{column}" }, "type": "count" },
                    { "id": "{column}-grant", "label": { "nb": "{column} kr", "en": "{column} NOK" }, "type": "sum",
                      "field": "grantAmount", "kind": "amount" },
                    { "id": "{column}-median", "label": { "nb": "{column} median", "en": "{column} median" },
                      "type": "median", "field": "grantAmount", "kind": "decimal", "decimals": 0 } ],
                  "total": { "nb": "I alt", "en": "Total" } }
                """);
        EXTRA.put("scheme-units-by-region", """
                { "formatVersion": 1, "id": "scheme-units-by-region", "title": { "nb": "S", "en": "S" },
                  "count": "scheme-unit", "answers": "latest",
                  "rows": { "by": "region", "id": "r", "label": { "nb": "Region", "en": "Region" } },
                """ + count + "}");
    }
}
