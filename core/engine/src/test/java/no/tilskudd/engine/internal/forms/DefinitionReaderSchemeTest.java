package no.tilskudd.engine.internal.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.engine.TestSchemes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a scheme descriptor and its forms from files with {@link DefinitionReader#readScheme}. */
class DefinitionReaderSchemeTest {

    @TempDir
    Path dir;

    private URL write(String descriptor, String... pathsAndForms) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("scheme.json", descriptor);
        for (int i = 0; i < pathsAndForms.length; i += 2) {
            files.put(pathsAndForms[i], pathsAndForms[i + 1]);
        }
        return TestSchemes.write(dir, files);
    }

    private String refusal(URL descriptor) {
        return assertThrows(DefinitionException.class,
                () -> DefinitionReader.readScheme(descriptor, TestSchemes.ORIGIN)).getMessage();
    }

    private static String form(String scheme, String version, int from, int to) {
        return "{ \"formatVersion\": 1, \"scheme\": \"" + scheme + "\", \"version\": \"" + version + "\", "
                + "\"years\": { \"from\": " + from + ", \"to\": " + to + " }, \"title\": \"T\", "
                + "\"sections\": [ { \"id\": \"s\", \"title\": \"S\", \"fields\": [ "
                + "{ \"id\": \"count\", \"type\": \"integer\", \"label\": \"C\" } ] } ] }";
    }

    @Test
    void validSchemeIsRead() throws Exception {
        Scheme s = DefinitionReader.readScheme(TestSchemes.writeTestScheme(dir), TestSchemes.ORIGIN);
        assertEquals("test", s.id());
        assertEquals(new LocalizedText("Testordningen", "The Testordningen"), s.name());
        assertEquals(LocalizedText.of("Testdirektoratet"), s.agency());
        assertEquals("kap. 0001 post 01", s.budgetLine());
        assertEquals(2006, s.firstYear());
        assertEquals(List.of("2006", "2021"), s.formVersions());
        assertEquals(TestSchemes.ORIGIN, s.origin());
        assertTrue(s.demoData().isEmpty());
        assertEquals("2021", s.formForYear(2022).orElseThrow().version());
    }

    @Test
    void formsAreOrderedByYearWhateverTheListOrder() throws Exception {
        Scheme s = DefinitionReader.readScheme(write(TestSchemes.descriptor("test", "T", "b.json", "a.json"),
                "a.json", form("test", "2006", 2006, 2007), "b.json", form("test", "2008", 2008, 2010)),
                TestSchemes.ORIGIN);
        assertEquals(List.of("2006", "2008"), s.formVersions());
    }

    @Test
    void demoDataIsResolvedRelativeToTheDescriptor() throws Exception {
        String descriptor = TestSchemes.descriptor("test", "T", "forms/a.json")
                .replace("\"firstYear\"", "\"demoData\": \"demo/d.jsonl\", \"firstYear\"");
        Scheme s = DefinitionReader.readScheme(write(descriptor, "forms/a.json", form("test", "2006", 2006, 2007)),
                TestSchemes.ORIGIN);
        assertEquals(dir.resolve("demo/d.jsonl").toUri().toURL(), s.demoData().orElseThrow());
    }

    @Test
    void overlappingFormYearsAreRefused() {
        URL d = write(TestSchemes.descriptor("test", "T", "a.json", "b.json"),
                "a.json", form("test", "2006", 2006, 2010), "b.json", form("test", "2010", 2010, 2012));
        assertEquals("scheme.json: /forms/1: form 2010 (2010-2012) overlaps form 2006 (2006-2010)", refusal(d));
    }

    @Test
    void sameFormVersionTwiceIsRefused() {
        URL d = write(TestSchemes.descriptor("test", "T", "a.json", "b.json"),
                "a.json", form("test", "2006", 2006, 2007), "b.json", form("test", "2006", 2008, 2009));
        assertEquals("scheme.json: /forms/1: form version '2006' is listed twice", refusal(d));
    }

    @Test
    void formOfAnotherSchemeIsRefused() {
        URL d = write(TestSchemes.descriptor("test", "T", "forms/a.json"),
                "forms/a.json", form("other", "2006", 2006, 2007));
        assertEquals("scheme.json: /forms/0: form a.json belongs to scheme 'other', not 'test'", refusal(d));
    }

    @Test
    void pathEscapingThePluginIsRefused() {
        URL d = write(TestSchemes.descriptor("test", "T", "../x.json"));
        assertEquals("scheme.json: /forms/0: '../x.json' must be a path inside the plugin, relative to the "
                + "descriptor", refusal(d));
    }

    @Test
    void absolutePathIsRefused() {
        URL d = write(TestSchemes.descriptor("test", "T", "a.json", "/etc/x.json"),
                "a.json", form("test", "2006", 2006, 2007));
        assertEquals("scheme.json: /forms/1: '/etc/x.json' must be a path inside the plugin, relative to the "
                + "descriptor", refusal(d));
    }

    @Test
    void urlWithASchemeIsRefused() {
        URL d = write(TestSchemes.descriptor("test", "T", "file:/etc/x.json"));
        assertTrue(refusal(d).startsWith("scheme.json: /forms/0: 'file:/etc/x.json' must be a path inside"));
    }

    @Test
    void demoDataEscapingThePluginIsRefused() {
        String descriptor = TestSchemes.descriptor("test", "T", "a.json")
                .replace("\"firstYear\"", "\"demoData\": \"../../d.jsonl\", \"firstYear\"");
        assertEquals("scheme.json: /demoData: '../../d.jsonl' must be a path inside the plugin, relative to the "
                + "descriptor", refusal(write(descriptor, "a.json", form("test", "2006", 2006, 2007))));
    }

    @Test
    void wrongDescriptorFormatVersionIsRefused() {
        URL d = write(TestSchemes.descriptor("test", "T", "a.json").replace("\"formatVersion\": 1",
                "\"formatVersion\": 2"), "a.json", form("test", "2006", 2006, 2007));
        assertEquals("scheme.json: /formatVersion: format version 2 is not supported (this core reads 1)",
                refusal(d));
    }

    @Test
    void wrongFormFormatVersionIsRefusedNamingTheFormFile() {
        URL d = write(TestSchemes.descriptor("test", "T", "forms/a.json"), "forms/a.json",
                form("test", "2006", 2006, 2007).replace("\"formatVersion\": 1", "\"formatVersion\": 3"));
        assertEquals("a.json: /formatVersion: format version 3 is not supported (this core reads 1)", refusal(d));
    }

    @Test
    void brokenFormIsRefusedNamingTheFormFileAndPath() {
        URL d = write(TestSchemes.descriptor("test", "T", "forms/a.json"), "forms/a.json",
                form("test", "2006", 2006, 2007).replace("\"integer\"", "\"int\""));
        assertTrue(refusal(d).startsWith("a.json: /sections/0/fields/0/type: unknown field type 'int'"));
    }

    @Test
    void fileNamesBelowATilskuddFolderKeepThePluginPath() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("tilskudd/test/scheme.json", TestSchemes.descriptor("test", "T", "forms/a.json"));
        files.put("tilskudd/test/forms/a.json", form("test", "2006", 2006, 2007).replace("\"title\": \"T\", ",
                "\"title\": \"T\", \"colour\": 1, "));
        URL d = TestSchemes.write(dir, files);
        assertTrue(refusal(d).startsWith("tilskudd/test/forms/a.json: /: unknown property 'colour'"));
    }

    @Test
    void missingFormFileIsRefused() {
        URL d = write(TestSchemes.descriptor("test", "T", "forms/missing.json"));
        assertTrue(refusal(d).startsWith("missing.json: cannot be read: "));
    }

    @Test
    void emptyFormListIsRefused() {
        assertEquals("scheme.json: /forms: must be a non-empty list of form-definition files",
                refusal(write(TestSchemes.descriptor("test", "T"))));
    }

    @Test
    void unknownDescriptorPropertyIsRefused() {
        URL d = write(TestSchemes.descriptor("test", "T", "a.json").replace("\"firstYear\"",
                "\"owner\": \"x\", \"firstYear\""), "a.json", form("test", "2006", 2006, 2007));
        assertTrue(refusal(d).startsWith("scheme.json: /: unknown property 'owner'"));
    }

    @Test
    void schemeIdWithUpperCaseIsRefused() {
        URL d = write(TestSchemes.descriptor("Test", "T", "a.json"), "a.json", form("Test", "2006", 2006, 2007));
        assertEquals("scheme.json: /id: scheme id 'Test' must be lower case letters, digits and hyphens",
                refusal(d));
    }

    @Test
    void noDescriptorIsRefusedNamingThePlugin() {
        assertEquals("test.plugin 1.0.0: the scheme plugin gives no descriptor (resource not found)",
                refusal(null));
    }

    @Test
    void readFormByUrlReadsAFile() throws Exception {
        write(TestSchemes.descriptor("test", "T", "a.json"), "a.json", form("test", "2006", 2006, 2007));
        assertEquals("2006", DefinitionReader.readForm(TestSchemes.url(dir, "a.json")).version());
    }
}
