package no.tilskudd.engine.internal.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.engine.TestSchemes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: a form revised for a year already reported ({@code "revises"}) may share its years with the form it
 * revises, and is the year's form for new submissions; any other overlap is refused as before.
 */
class FormRevisionReadTest {

    private static final String Y2011 = """
            { "formatVersion": 1, "scheme": "test", "version": "2011", "years": { "from": 2011, "to": 2012 },
              "title": "Rapport 2011",
              "sections": [ { "id": "grant", "title": "Tilskudd", "fields": [
                  { "id": "grantAmount", "type": "amount", "required": true, "label": "Tilskudd" } ] } ] }""";

    private static final String REVISION = """
            { "extends": "2011", "revises": "2011", "version": "2011-2", "years": { "from": 2011, "to": 2011 },
              "sections": [ { "id": "grant", "fields": [
                  { "id": "volunteers", "type": "integer", "required": true, "label": "Frivillige" } ] } ] }""";

    @TempDir
    Path dir;

    private URL scheme(String... versionsAndForms) {
        Map<String, String> files = new LinkedHashMap<>();
        String[] paths = new String[versionsAndForms.length / 2];
        for (int i = 0; i < versionsAndForms.length; i += 2) {
            paths[i / 2] = "forms/" + versionsAndForms[i] + ".json";
        }
        // The descriptor first: its URL is the one returned.
        files.put("scheme.json", TestSchemes.descriptor("test", "T", paths));
        for (int i = 0; i < versionsAndForms.length; i += 2) {
            files.put(paths[i / 2], versionsAndForms[i + 1]);
        }
        return TestSchemes.write(dir, files);
    }

    private String refusal(String... versionsAndForms) {
        return assertThrows(DefinitionException.class,
                () -> DefinitionReader.readScheme(scheme(versionsAndForms), TestSchemes.ORIGIN)).getMessage();
    }

    @Test
    void aRevisionSharesTheYearsOfTheFormItRevisesAndIsUsedForNewSubmissions() throws Exception {
        Scheme s = DefinitionReader.readScheme(scheme("2011", Y2011, "2011-2", REVISION), TestSchemes.ORIGIN);
        assertEquals(List.of("2011", "2011-2"), s.formVersions());
        assertEquals("2011-2", s.formForYear(2011).orElseThrow().version());
        assertEquals("2011", s.formForYear(2012).orElseThrow().version(), "a year the revision does not cover");
        assertTrue(s.form("2011-2").orElseThrow().field("grantAmount").isPresent(), "extended from 2011");
        assertTrue(s.form("2011-2").orElseThrow().field("volunteers").orElseThrow().required());
        assertTrue(s.form("2011").orElseThrow().field("volunteers").isEmpty(), "the revised form is unchanged");
    }

    @Test
    void aRevisionOfARevisionMayShareTheYearsOfBoth() throws Exception {
        String third = """
                { "extends": "2011-2", "revises": "2011-2", "version": "2011-3", "years": { "from": 2011, "to": 2011 } }""";
        Scheme s = DefinitionReader.readScheme(scheme("2011", Y2011, "2011-2", REVISION, "2011-3", third),
                TestSchemes.ORIGIN);
        assertEquals("2011-3", s.formForYear(2011).orElseThrow().version());
    }

    @Test
    void anOverlapWithoutRevisesIsStillRefused() {
        String m = refusal("2011", Y2011, "2011-2", REVISION.replace("\"revises\": \"2011\", ", ""));
        assertTrue(m.contains("overlaps form 2011"), m);
    }

    @Test
    void aRevisionMustComeAfterTheFormItRevises() {
        String m = refusal("2011-2", REVISION.replace("\"extends\": \"2011\", ",
                "\"formatVersion\": 1, \"scheme\": \"test\", ").replace("\"sections\": [ { \"id\": "
                + "\"grant\", \"fields\"", "\"title\": \"R\", \"sections\": [ { \"id\": \"grant\", \"title\": \"T\", "
                + "\"fields\""), "2011", Y2011);
        assertTrue(m.contains("revises form version '2011', which is not listed before it"), m);
    }

    @Test
    void aRevisionMustShareAYearAndNotReviseItself() {
        String m = refusal("2011", Y2011, "2013", REVISION.replace("\"2011-2\"", "\"2013\"")
                .replace("{ \"from\": 2011, \"to\": 2011 }", "{ \"from\": 2013, \"to\": 2013 }"));
        assertTrue(m.contains("shares no year with it"), m);
        String self = refusal("2011", Y2011.replace("\"version\": \"2011\",", "\"version\": \"2011\", "
                + "\"revises\": \"2011\","));
        assertTrue(self.contains("cannot revise itself"), self);
    }
}
