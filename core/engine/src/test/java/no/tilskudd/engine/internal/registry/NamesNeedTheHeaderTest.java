package no.tilskudd.engine.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilskudd.api.scheme.SchemeDefinition;
import no.tilskudd.engine.TestSchemes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard indicators and rules a descriptor names are registered only for a scheme found by its manifest
 * header. A scheme registered from a plugin's own {@code SchemeDefinition} class would silently lack them, so the
 * catalog keeps the scheme and reports the problem for as long as the plugin is there.
 */
class NamesNeedTheHeaderTest {

    @TempDir
    Path dir;

    private URL descriptor(String extra) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("scheme.json", TestSchemes.DESCRIPTOR.replace("\"firstYear\"", extra + "\"firstYear\""));
        files.put("forms/2006.json", TestSchemes.FORM_2006);
        files.put("forms/2021.json", TestSchemes.FORM_2021);
        return TestSchemes.write(dir, files);
    }

    @Test
    void aSchemeFromCodeThatNamesIndicatorsIsUsedAndReported() {
        URL url = descriptor("\"indicators\": [\"partners\"], ");
        SchemeCatalog catalog = new SchemeCatalog();
        SchemeDefinition fromCode = () -> url;
        assertTrue(catalog.add("k", fromCode, TestSchemes.ORIGIN).isPresent());
        assertTrue(catalog.scheme("test").isPresent());
        assertEquals(1, catalog.problems().size(), catalog.problems().toString());
        assertTrue(catalog.problems().get(0).startsWith("test.plugin 1.0.0: scheme 'test': the descriptor names "
                + "standard indicators or rules, which are registered only for a scheme found by its Tilskudd-Scheme "
                + "manifest header"), catalog.problems().get(0));
        catalog.remove("k");
        assertEquals(List.of(), catalog.problems());
    }

    @Test
    void theSameDescriptorFoundByTheHeaderIsNoProblem() {
        URL url = descriptor("\"indicators\": [\"partners\"], ");
        SchemeCatalog catalog = new SchemeCatalog();
        assertTrue(catalog.add("k", SchemeBundles.definition(url), TestSchemes.ORIGIN).isPresent());
        assertEquals(List.of(), catalog.problems());
    }

    @Test
    void aSchemeFromCodeThatNamesNothingIsNoProblem() {
        URL url = descriptor("");
        SchemeCatalog catalog = new SchemeCatalog();
        SchemeDefinition fromCode = () -> url;
        assertTrue(catalog.add("k", fromCode, TestSchemes.ORIGIN).isPresent());
        assertEquals(List.of(), catalog.problems());
    }
}
