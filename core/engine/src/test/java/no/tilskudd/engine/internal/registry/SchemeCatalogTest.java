package no.tilskudd.engine.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.scheme.Origin;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.scheme.SchemeDefinition;
import no.tilskudd.engine.TestSchemes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemeCatalogTest {

    private static final Origin FIRST = new Origin("first.plugin", "1.0.0");
    private static final Origin SECOND = new Origin("second.plugin", "2.0.0");

    @TempDir
    Path dir;

    final SchemeCatalog catalog = new SchemeCatalog();

    private static final String FORM = "{ \"scheme\": \"%s\", \"version\": \"1\", \"years\": { \"from\": 2006, "
            + "\"to\": 2010 }, \"title\": \"T\", \"sections\": [ { \"id\": \"s\", \"title\": \"S\", \"fields\": [ "
            + "{ \"id\": \"count\", \"type\": \"integer\", \"label\": \"C\" } ] } ] }";

    /** A plugin folder with a scheme of the given id and name. */
    private SchemeDefinition plugin(String folder, String id, String name) {
        TestSchemes.write(dir.resolve(folder), Map.of("scheme.json",
                TestSchemes.descriptor(id, name, "form.json"), "form.json", FORM.formatted(id)));
        URL url = TestSchemes.url(dir.resolve(folder), "scheme.json");
        return () -> url;
    }

    @Test
    void addedSchemeIsInstalled() {
        Optional<Scheme> added = catalog.add("k1", plugin("p1", "alpha", "Alfa"), FIRST);
        assertEquals("alpha", added.orElseThrow().id());
        assertEquals(FIRST, catalog.scheme("alpha").orElseThrow().origin());
        assertEquals(List.of(), catalog.problems());
    }

    @Test
    void schemesAreOrderedById() {
        catalog.add("k1", plugin("p1", "zulu", "Z"), FIRST);
        catalog.add("k2", plugin("p2", "alpha", "A"), SECOND);
        assertEquals(List.of("alpha", "zulu"), catalog.schemes().stream().map(Scheme::id).toList());
    }

    @Test
    void sameSchemeIdTwiceKeepsTheFirstAndRecordsAProblem() {
        catalog.add("k1", plugin("p1", "alpha", "Første"), FIRST);
        catalog.add("k2", plugin("p2", "alpha", "Andre"), SECOND);
        assertEquals("Første", catalog.scheme("alpha").orElseThrow().name().nb());
        assertEquals(1, catalog.schemes().size());
        assertEquals(List.of("second.plugin 2.0.0: scheme id 'alpha' is already provided by first.plugin 1.0.0; "
                + "this one is ignored while that one is installed"), catalog.problems());
    }

    @Test
    void removingTheFirstLetsTheSecondTakeOver() {
        catalog.add("k1", plugin("p1", "alpha", "Første"), FIRST);
        catalog.add("k2", plugin("p2", "alpha", "Andre"), SECOND);
        catalog.remove("k1");
        Scheme s = catalog.scheme("alpha").orElseThrow();
        assertEquals("Andre", s.name().nb());
        assertEquals(SECOND, s.origin());
        assertEquals(List.of(), catalog.problems(), "the duplicate is no longer a problem once it is the only one");
    }

    @Test
    void removingTheSecondKeepsTheFirst() {
        catalog.add("k1", plugin("p1", "alpha", "Første"), FIRST);
        catalog.add("k2", plugin("p2", "alpha", "Andre"), SECOND);
        catalog.remove("k2");
        assertEquals("Første", catalog.scheme("alpha").orElseThrow().name().nb());
    }

    @Test
    void removingTheOnlyContributionUninstallsTheScheme() {
        catalog.add("k1", plugin("p1", "alpha", "A"), FIRST);
        catalog.remove("k1");
        assertEquals(Optional.empty(), catalog.scheme("alpha"));
        assertEquals(List.of(), catalog.schemes());
    }

    @Test
    void removingAnUnknownKeyChangesNothing() {
        catalog.add("k1", plugin("p1", "alpha", "A"), FIRST);
        catalog.remove("nope");
        assertEquals(1, catalog.schemes().size());
    }

    @Test
    void brokenDescriptorIsAProblemAndDoesNotThrow() {
        URL url = TestSchemes.write(dir.resolve("broken"), Map.of("scheme.json", "{ \"id\": \"x\", "));
        Optional<Scheme> added = catalog.add("k1", () -> url, FIRST);
        assertEquals(Optional.empty(), added);
        assertEquals(List.of(), catalog.schemes());
        assertEquals(1, catalog.problems().size());
        assertTrue(catalog.problems().get(0).startsWith("first.plugin 1.0.0: scheme not loaded: scheme.json: not "
                + "valid JSON: "), catalog.problems().get(0));
    }

    @Test
    void brokenFormIsAProblemNamingTheForm() {
        TestSchemes.write(dir.resolve("badform"), Map.of("scheme.json",
                TestSchemes.descriptor("alpha", "A", "form.json"), "form.json",
                FORM.formatted("alpha").replace("\"integer\"", "\"number\"")));
        URL url = TestSchemes.url(dir.resolve("badform"), "scheme.json");
        catalog.add("k1", () -> url, FIRST);
        assertTrue(catalog.problems().get(0).startsWith("first.plugin 1.0.0: scheme not loaded: form.json: "
                + "/sections/0/fields/0/type: unknown field type 'number'"), catalog.problems().get(0));
    }

    @Test
    void brokenPluginDoesNotAffectTheOthers() {
        catalog.add("k1", plugin("p1", "alpha", "A"), FIRST);
        catalog.add("k2", () -> null, SECOND);
        catalog.add("k3", plugin("p3", "beta", "B"), FIRST);
        assertEquals(List.of("alpha", "beta"), catalog.schemes().stream().map(Scheme::id).toList());
        assertEquals(List.of("second.plugin 2.0.0: scheme not loaded: second.plugin 2.0.0: the scheme plugin gives "
                + "no descriptor (resource not found)"), catalog.problems());
    }

    @Test
    void pluginThatThrowsIsAProblem() {
        Optional<Scheme> added = catalog.add("k1", () -> {
            throw new IllegalStateException("plugin bug");
        }, FIRST);
        assertEquals(Optional.empty(), added);
        assertEquals(List.of("first.plugin 1.0.0: scheme not loaded: plugin bug"), catalog.problems());
    }

    @Test
    void aProblemGoesAwayWithItsPlugin() {
        catalog.add("broken", () -> {
            throw new IllegalStateException("bug");
        }, FIRST);
        assertEquals(List.of("first.plugin 1.0.0: scheme not loaded: bug"), catalog.problems());
        catalog.remove("broken");
        assertEquals(List.of(), catalog.problems());
    }
}
