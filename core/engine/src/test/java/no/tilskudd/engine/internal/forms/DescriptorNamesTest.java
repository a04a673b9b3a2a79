package no.tilskudd.engine.internal.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.engine.TestSchemes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standard indicators and built-in rules a descriptor names ({@code "indicators"}, {@code "rules"}). */
class DescriptorNamesTest {

    @TempDir
    Path dir;

    private URL scheme(String extra) {
        String descriptor = TestSchemes.DESCRIPTOR.replace("\"firstYear\"", extra + ", \"firstYear\"");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("scheme.json", descriptor);
        files.put("forms/2006.json", TestSchemes.FORM_2006);
        files.put("forms/2021.json", TestSchemes.FORM_2021);
        return TestSchemes.write(dir, files);
    }

    private String refusal(String extra) {
        return assertThrows(DefinitionException.class,
                () -> DefinitionReader.readDescriptor(scheme(extra), TestSchemes.ORIGIN)).getMessage();
    }

    @Test
    void namedIndicatorsAndRulesAreConfiguredForTheScheme() throws Exception {
        SchemeData d = DefinitionReader.readDescriptor(scheme("\"indicators\": [\"partners\", \"goal-achievement\"], "
                + "\"rules\": [{ \"type\": \"funding\", \"code\": \"TEST_BUDGETS_EXCEED_FUNDING\" }]"),
                TestSchemes.ORIGIN);
        assertEquals(List.of("partners", "goal-achievement"), d.indicators().stream().map(Indicator::id).toList());
        for (Indicator i : d.indicators()) {
            assertEquals(Set.of("test"), i.schemes());
        }
        assertEquals(1, d.validators().size());
        assertEquals("test", d.validators().get(0).schemeId());
    }

    @Test
    void noNamesGiveNothing() throws Exception {
        SchemeData d = DefinitionReader.readDescriptor(TestSchemes.writeTestScheme(dir), TestSchemes.ORIGIN);
        assertEquals(List.of(), d.indicators());
        assertEquals(List.of(), d.validators());
    }

    @Test
    void anUnknownIndicatorIsRefusedWithItsPointer() {
        assertEquals("scheme.json: /indicators/1: unknown indicator 'goal-achievment' (standard indicators: "
                + "goal-achievement, national-goals, continuation, units-by-region, measures-by-category, "
                + "measure-budget-size, partners, participants)",
                refusal("\"indicators\": [\"partners\", \"goal-achievment\"]"));
        assertEquals("scheme.json: /indicators/1: indicator 'partners' is named twice",
                refusal("\"indicators\": [\"partners\", \"partners\"]"));
        assertEquals("scheme.json: /indicators/0: must be the id of a standard indicator (text)",
                refusal("\"indicators\": [1]"));
    }

    @Test
    void anUnknownRuleTypeOrPropertyIsRefusedWithItsPointer() {
        assertEquals("scheme.json: /rules/0/type: unknown rule type 'sum' (built-in rule types: funding)",
                refusal("\"rules\": [{ \"type\": \"sum\", \"code\": \"X\" }]"));
        assertEquals("scheme.json: /rules/0: unknown property 'field' (allowed: code, type)",
                refusal("\"rules\": [{ \"type\": \"funding\", \"code\": \"X\", \"field\": \"measures\" }]"));
        assertEquals("scheme.json: /rules/0: 'code' is required", refusal("\"rules\": [{ \"type\": \"funding\" }]"));
    }
}
