package no.tilskudd.engine.internal.publications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.engine.TestSchemes;
import no.tilskudd.engine.internal.declared.IndicatorDefinition.Counting;
import no.tilskudd.engine.internal.declared.StandardIndicators;
import no.tilskudd.engine.internal.forms.DefinitionException;
import no.tilskudd.engine.internal.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publication loader: the shipped evaluering-2009 reads, and a broken definition is refused with the file, the
 * JSON pointer and the reason, as a form is; {@link PublicationFile#check} refuses what is not installed.
 */
class PublicationFileTest {

    /** The definition the cross-scheme plugin ships. */
    static final Path SHIPPED = Path.of("../../plugins/cross-scheme-indicators/src/main/resources/tilskudd/"
            + "publications/evaluering-2009.json");

    private static final String MINIMAL = """
            {"formatVersion": 1, "id": "p", "version": "1", "title": {"nb": "T", "en": "T"},
             "selection": {"schemes": ["avdir"], "years": {"from": 2006, "to": 2008}},
             "sections": [{"heading": {"nb": "H", "en": "H"}, "blocks": [
               {"type": "paragraph", "text": {"nb": "{t.n} svarte", "en": "{t.n} answered"}},
               {"type": "table", "id": "t", "indicator": "continuation"}
             ]}]}""";

    private static ObjectNode minimal() throws IOException {
        return (ObjectNode) Json.MAPPER.readTree(MINIMAL);
    }

    private static String refusal(Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = minimal();
        change.accept(root);
        byte[] bytes = Json.MAPPER.writeValueAsBytes(root);
        return assertThrows(DefinitionException.class, () -> PublicationFile.read("p.json", bytes)).getMessage();
    }

    private static ArrayNode blocks(ObjectNode root) {
        return (ArrayNode) root.get("sections").get(0).get("blocks");
    }

    @Test
    void theShippedEvaluationReadsWithTheSeedsTablesInTheSeedsOrder() throws Exception {
        PublicationDefinition d = PublicationFile.read("evaluering-2009.json", Files.readAllBytes(SHIPPED));
        assertEquals("evaluering-2009", d.id());
        assertEquals(List.of("regions", "units", "rate", "grant-units", "grant-overlap", "categories", "budget-size",
                "partners", "agencies", "collab", "collab-present", "nav", "nav-future", "continuation",
                "national-goals", "goals", "goals-by-year"), new ArrayList<>(d.tables().keySet()));
        assertEquals(List.of("survey-2009"), d.tables().get("national-goals").selection().schemeIds(),
                "Tabell 8.1 comes from the questionnaire, as in the seed");
        assertEquals(2009, d.tables().get("rate").selection().fromYear());
        assertEquals(List.of("avdir", "bufdir"), d.tables().get("goals").selection().schemeIds());
        assertEquals(2006, d.tables().get("goals").selection().fromYear());
        assertEquals(Optional.of(Counting.UNIT), d.tables().get("units").count());
        assertTrue(d.tables().get("goals-by-year").yearsAsRows());
        assertTrue(d.title().en().startsWith("Evaluation"), d.title().en());
    }

    @Test
    void aPlaceholderNamingNoTableIsRefusedWithItsPointer() throws Exception {
        String m = refusal(r -> ((ObjectNode) blocks(r).get(0).get("text")).put("en", "{rate.answered} answered"));
        assertEquals("p.json: /sections/0/blocks/0/text/en: unknown table 'rate' in {rate.answered} (tables of "
                + "this publication: [t])", m);
    }

    @Test
    void aNumberTypedIntoTheTextIsRefused() throws Exception {
        String m = refusal(r -> ((ObjectNode) blocks(r).get(0).get("text")).put("nb", "62 av 86 svarte (72 %)"));
        assertTrue(m.startsWith("p.json: /sections/0/blocks/0/text/nb: the number '62' is typed into the text"), m);
        // A year is not a figure.
        ObjectNode ok = minimal();
        ((ObjectNode) blocks(ok).get(0).get("text")).put("nb", "I 2006–2008 svarte {t.n}");
        PublicationFile.read("p.json", Json.MAPPER.writeValueAsBytes(ok));
    }

    @Test
    void badYearsAreRefused() throws Exception {
        String m = refusal(r -> ((ObjectNode) r.get("selection").get("years")).put("to", 2005));
        assertEquals("p.json: /selection/years/to: the years end (2005) before they start (2006)", m);
        String far = refusal(r -> ((ObjectNode) r.get("selection").get("years")).put("from", 1066));
        assertTrue(far.startsWith("p.json: /selection/years/from: "), far);
    }

    @Test
    void unknownPropertiesBlockTypesAndBrokenPlaceholdersAreRefused() throws Exception {
        assertTrue(refusal(r -> r.put("colour", "red")).startsWith("p.json: /: "));
        assertTrue(refusal(r -> ((ObjectNode) blocks(r).get(1)).put("type", "tabel"))
                .startsWith("p.json: /sections/0/blocks/1/type: unknown block type 'tabel'"));
        assertTrue(refusal(r -> ((ObjectNode) blocks(r).get(0).get("text")).put("nb", "{t.n svarte"))
                .startsWith("p.json: /sections/0/blocks/0/text/nb: the placeholder at character 1 is not closed"));
        assertTrue(refusal(r -> ((ObjectNode) blocks(r).get(1)).put("count", "row"))
                .startsWith("p.json: /sections/0/blocks/1/count: 'row' is not one of report, scheme-unit, unit"));
        assertTrue(refusal(r -> blocks(r).add(blocks(r).get(1).deepCopy()))
                .startsWith("p.json: /sections/0/blocks/2/id: table id 't' is used twice"));
    }

    @Test
    void aChartNamesATableOfThePublicationAndItsAxisStartsAtZero() throws Exception {
        String m = refusal(r -> blocks(r).addObject().put("type", "chart").put("table", "x").put("chart", "bar")
                .<ObjectNode>set("series", Json.MAPPER.createArrayNode().add("percent"))
                .<ObjectNode>set("axis", Json.MAPPER.createObjectNode().put("unit", "percent"))
                .set("title", Json.MAPPER.createObjectNode().put("nb", "F").put("en", "F")));
        assertEquals("p.json: /sections/0/blocks/2/table: unknown table 'x' in the chart (tables of this "
                + "publication: [t])", m);
        String axis = refusal(r -> blocks(r).addObject().put("type", "chart").put("table", "t").put("chart", "bar")
                .<ObjectNode>set("series", Json.MAPPER.createArrayNode().add("percent"))
                .<ObjectNode>set("axis", Json.MAPPER.createObjectNode().put("unit", "percent").put("from", 20))
                .set("title", Json.MAPPER.createObjectNode().put("nb", "F").put("en", "F")));
        assertTrue(axis.startsWith("p.json: /sections/0/blocks/2/axis/from: the value axis starts at 0"), axis);
    }

    private static PublicationFile.Installed installed(Path dir, List<Indicator> indicators) {
        return installed(dir, indicators, List.of("avdir", "bufdir"));
    }

    private static PublicationFile.Installed installed(Path dir, List<Indicator> indicators, List<String> schemes) {
        Scheme scheme = TestSchemes.catalog(dir).scheme("test").orElseThrow();
        return new PublicationFile.Installed() {
            @Override
            public Optional<Scheme> scheme(String id) {
                return schemes.contains(id) ? Optional.of(scheme) : Optional.empty();
            }

            @Override
            public List<Indicator> indicators() {
                return indicators;
            }

            @Override
            public List<String> regions() {
                return List.of("Nord", "Midt", "Øst/Oslo", "Vest", "Sør");
            }
        };
    }

    @Test
    void checkRefusesUnknownIndicatorsSchemesAndRegionsWithTheirPointers(@TempDir Path dir) throws Exception {
        ObjectNode root = minimal();
        ((ObjectNode) blocks(root).get(1)).put("indicator", "goal-achievment");
        ObjectNode second = blocks(root).addObject().put("type", "table").put("id", "u").put("indicator",
                "continuation");
        second.putObject("selection").<ObjectNode>set("schemes", Json.MAPPER.createArrayNode().add("survey-2009"))
                .set("regions", Json.MAPPER.createArrayNode().add("Nordland"));
        PublicationDefinition d = PublicationFile.read("p.json", Json.MAPPER.writeValueAsBytes(root));
        List<Indicator> indicators = List.of(StandardIndicators.byId("continuation", "avdir").orElseThrow(),
                StandardIndicators.byId("goal-achievement", "avdir").orElseThrow());
        List<String> problems = PublicationFile.check(d, installed(dir, indicators));
        assertEquals(List.of(
                "p.json: /sections/0/blocks/1/indicator: unknown indicator 'goal-achievment' (installed indicators: "
                        + "continuation, goal-achievement)",
                "p.json: /sections/0/blocks/2/selection/schemes: scheme 'survey-2009' is not installed",
                "p.json: /sections/0/blocks/2/selection/regions: unknown region 'Nordland' (regions: [Nord, Midt, "
                        + "Øst/Oslo, Vest, Sør])"), problems);
    }

    @Test
    void checkRefusesAnIndicatorOneOfTheSchemesLacksAndYearsAsRowsWithoutYearColumns(@TempDir Path dir)
            throws Exception {
        ObjectNode root = minimal();
        ((ArrayNode) root.get("selection").get("schemes")).add("bufdir");
        ((ObjectNode) blocks(root).get(1)).put("years", "rows");
        PublicationDefinition d = PublicationFile.read("p.json", Json.MAPPER.writeValueAsBytes(root));
        List<String> lacking = PublicationFile.check(d, installed(dir,
                List.of(StandardIndicators.byId("continuation", "avdir").orElseThrow())));
        assertEquals(List.of("p.json: /sections/0/blocks/1/indicator: indicator 'continuation' is not one of "
                + "scheme bufdir"), lacking);
        List<String> rows = PublicationFile.check(d, installed(dir, List.of(
                StandardIndicators.byId("continuation", "avdir").orElseThrow(),
                StandardIndicators.byId("continuation", "bufdir").orElseThrow())));
        assertEquals(List.of("p.json: /sections/0/blocks/1/years: indicator 'continuation' has no column per year "
                + "to turn into rows"), rows);
    }

    @Test
    void theShippedEvaluationChecksAgainstTheStandardIndicatorsOfBothSchemes(@TempDir Path dir) throws Exception {
        PublicationDefinition d = PublicationFile.read("evaluering-2009.json", Files.readAllBytes(SHIPPED));
        List<Indicator> all = new ArrayList<>();
        for (String s : List.of("avdir", "bufdir")) {
            for (String id : StandardIndicators.IDS) {
                all.add(StandardIndicators.byId(id, s).orElseThrow());
            }
        }
        // the questionnaire's and the grant register's tables live in other plugins; here they are named only
        for (String id : List.of("survey-response-rate", "survey-agencies", "survey-collaboration",
                "survey-collaboration-present", "survey-nav-office", "survey-nav-office-future", "survey-continuation",
                "survey-national-goals")) {
            all.add(named(id, java.util.Set.of("survey-2009")));
        }
        all.add(named("grant-units-by-scheme", java.util.Set.of()));
        all.add(named("grant-scheme-overlap", java.util.Set.of()));
        List<String> schemes = List.of("avdir", "bufdir", "survey-2009");
        assertEquals(List.of(), PublicationFile.check(d, installed(dir, all, schemes)));
        List<Indicator> withoutTheQuestionnaire = all.stream().filter(i -> !i.id().startsWith("survey-")).toList();
        assertTrue(PublicationFile.check(d, installed(dir, withoutTheQuestionnaire, schemes)).stream()
                .anyMatch(p -> p.contains("unknown indicator 'survey-national-goals'")));
    }

    /** An indicator known by its id and schemes only: the check reads no more of those another plugin ships. */
    private static Indicator named(String id, java.util.Set<String> schemes) {
        return new Indicator() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public no.tilskudd.api.form.LocalizedText title() {
                return no.tilskudd.api.form.LocalizedText.of(id);
            }

            @Override
            public java.util.Set<String> schemes() {
                return schemes;
            }

            @Override
            public no.tilskudd.api.report.Table compute(no.tilskudd.api.indicator.IndicatorInput input) {
                throw new UnsupportedOperationException("only named in this test");
            }
        };
    }
}
