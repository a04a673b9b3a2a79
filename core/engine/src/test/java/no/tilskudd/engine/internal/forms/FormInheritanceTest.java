package no.tilskudd.engine.internal.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.form.Rule;
import no.tilskudd.api.form.Section;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.engine.TestSchemes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forms derived from another version of the scheme ({@code "extends"}): the merge rules and their errors. */
class FormInheritanceTest {

    /** Two sections, three fields, two rules. */
    private static final String BASE = """
            { "formatVersion": 1, "scheme": "test", "version": "2006", "years": { "from": 2006, "to": 2006 },
              "title": "Rapport 2006",
              "sections": [
                { "id": "grant", "title": "Tilskudd", "fields": [
                  { "id": "grantAmount", "type": "amount", "required": true, "label": "Tilskudd" },
                  { "id": "ownFunding", "type": "amount", "label": "Egne midler" } ] },
                { "id": "goals", "title": "Mål", "fields": [
                  { "id": "goalsReached", "type": "choice", "label": "Mål nådd",
                    "choices": [ { "code": "all", "label": "Alle" }, { "code": "notAll", "label": "Ikke alle" } ] } ] }
              ],
              "rules": [
                { "code": "OWN_NOT_NEGATIVE", "expression": "ownFunding >= 0", "onMissing": "skip",
                  "message": "Ikke negativ" },
                { "code": "GRANT_POSITIVE", "expression": "grantAmount > 0", "onMissing": "skip",
                  "message": "Positivt" } ] }
            """;

    @TempDir
    Path dir;

    private URL scheme(String... versionsAndForms) {
        Map<String, String> files = new LinkedHashMap<>();
        String[] paths = new String[versionsAndForms.length / 2];
        for (int i = 0; i < versionsAndForms.length; i += 2) {
            paths[i / 2] = "forms/" + versionsAndForms[i] + ".json";
        }
        files.put("scheme.json", TestSchemes.descriptor("test", "T", paths));
        for (int i = 0; i < versionsAndForms.length; i += 2) {
            files.put("forms/" + versionsAndForms[i] + ".json", versionsAndForms[i + 1]);
        }
        return TestSchemes.write(dir, files);
    }

    private FormDefinition derived(String json) throws DefinitionException {
        Scheme s = DefinitionReader.readScheme(scheme("2006", BASE, "2007", json), TestSchemes.ORIGIN);
        return s.form("2007").orElseThrow();
    }

    private String refusal(String... versionsAndForms) {
        return assertThrows(DefinitionException.class,
                () -> DefinitionReader.readScheme(scheme(versionsAndForms), TestSchemes.ORIGIN)).getMessage();
    }

    private static List<String> ids(Section s) {
        return s.fields().stream().map(Field::id).toList();
    }

    @Test
    void withOnlyVersionAndYearsTheDerivedFormIsTheBaseForOtherYears() throws Exception {
        FormDefinition base = DefinitionReader.readForm("f.json",
                new ByteArrayInputStream(BASE.getBytes(StandardCharsets.UTF_8)));
        FormDefinition f = derived("""
                { "extends": "2006", "version": "2007", "years": { "from": 2007, "to": 2008 } }""");
        assertEquals(new FormDefinition("test", "2007", 2007, 2008, base.title(), base.sections(), base.rules()), f);
    }

    @Test
    void scalarsReplaceAndAKnownFieldIdIsReplacedWholeWhereItIs() throws Exception {
        FormDefinition f = derived("""
                { "extends": "2006", "version": "2007", "years": { "from": 2007, "to": 2007 }, "title": "Rapport 2007",
                  "sections": [ { "id": "grant", "title": "Tilskudd og egne midler", "fields": [
                    { "id": "grantAmount", "type": "amount", "label": "Tildelt", "help": "Fra tilsagnsbrevet 2007" } ] },
                    { "id": "goals", "fields": [ { "id": "goalsReached", "type": "choice", "label": "Mål nådd",
                      "choices": [ { "code": "yes", "label": "Ja" } ] } ] } ] }""");
        assertEquals(LocalizedText.of("Rapport 2007"), f.title());
        Section grant = f.sections().get(0);
        assertEquals(LocalizedText.of("Tilskudd og egne midler"), grant.title());
        assertEquals(List.of("grantAmount", "ownFunding"), ids(grant));
        Field amount = grant.fields().get(0);
        assertEquals(LocalizedText.of("Tildelt"), amount.label());
        assertTrue(!amount.required(), "the replacing field is taken whole: 'required' is not inherited");
        assertEquals(List.of("yes"), f.field("goalsReached").orElseThrow().choices().stream()
                .map(c -> c.code()).toList(), "the code list is replaced with the field");
        assertEquals(LocalizedText.of("Mål"), f.sections().get(1).title(), "a title not given is kept");
    }

    @Test
    void newFieldsAndSectionsAreAppendedOrPlacedAfterTheOneTheyName() throws Exception {
        FormDefinition f = derived("""
                { "extends": "2006", "version": "2007", "years": { "from": 2007, "to": 2007 },
                  "sections": [
                    { "id": "grant", "fields": [
                      { "id": "actionPlan", "after": "grantAmount", "type": "amount", "label": "Handlingsplan" },
                      { "id": "reportDate", "type": "date", "label": "Dato" } ] },
                    { "id": "plan", "after": "grant", "title": "Plan", "fields": [
                      { "id": "anchored", "type": "boolean", "label": "Forankret" } ] },
                    { "id": "last", "title": "Til slutt", "fields": [
                      { "id": "comment", "type": "text", "label": "Kommentar" } ] } ] }""");
        assertEquals(List.of("grant", "plan", "goals", "last"), f.sections().stream().map(Section::id).toList());
        assertEquals(List.of("grantAmount", "actionPlan", "ownFunding", "reportDate"), ids(f.sections().get(0)));
    }

    @Test
    void removeTakesOutSectionsFieldsAndRulesBeforeTheChangesApply() throws Exception {
        FormDefinition f = derived("""
                { "extends": "2006", "version": "2007", "years": { "from": 2007, "to": 2007 },
                  "remove": ["OWN_NOT_NEGATIVE", "ownFunding", "goals"],
                  "sections": [ { "id": "grant", "fields": [
                    { "id": "goalsReached", "type": "boolean", "label": "Alle mål nådd" } ] } ] }""");
        assertEquals(List.of("grant"), f.sections().stream().map(Section::id).toList());
        assertEquals(List.of("grantAmount", "goalsReached"), ids(f.sections().get(0)),
                "a removed field can come back in another section");
        assertEquals(List.of("GRANT_POSITIVE"), f.rules().stream().map(Rule::code).toList());
    }

    @Test
    void rulesAreMergedByCodeAndScope() throws Exception {
        FormDefinition f = derived("""
                { "extends": "2006", "version": "2007", "years": { "from": 2007, "to": 2007 },
                  "rules": [
                    { "code": "OWN_NOT_NEGATIVE", "expression": "ownFunding >= 1", "onMissing": "skip",
                      "message": "Minst 1" },
                    { "code": "OWN_BELOW_GRANT", "expression": "ownFunding <= grantAmount", "onMissing": "skip",
                      "message": "Ikke over" } ] }""");
        assertEquals(List.of("OWN_NOT_NEGATIVE", "GRANT_POSITIVE", "OWN_BELOW_GRANT"),
                f.rules().stream().map(Rule::code).toList());
        assertEquals("ownFunding >= 1", f.rules().get(0).expression());
    }

    @Test
    void aChainResolvesInAnyListOrder() throws Exception {
        Scheme s = DefinitionReader.readScheme(scheme(
                "2008", """
                        { "extends": "2007", "version": "2008", "years": { "from": 2008, "to": 2008 },
                          "remove": ["ownFunding", "OWN_NOT_NEGATIVE"] }""",
                "2006", BASE,
                "2007", """
                        { "extends": "2006", "version": "2007", "years": { "from": 2007, "to": 2007 },
                          "sections": [ { "id": "grant", "fields": [
                            { "id": "extra", "type": "integer", "label": "X" } ] } ] }"""),
                TestSchemes.ORIGIN);
        assertEquals(List.of("grantAmount", "extra"), ids(s.form("2008").orElseThrow().sections().get(0)));
        assertEquals(List.of("grantAmount", "ownFunding", "extra"),
                ids(s.form("2007").orElseThrow().sections().get(0)));
    }

    @Test
    void anUnknownBaseIsRefusedWithFileAndPointer() {
        assertEquals("2007.json: /extends: unknown form version '2005' (this scheme's forms: 2006, 2007)",
                refusal("2006", BASE, "2007", """
                        { "extends": "2005", "version": "2007", "years": { "from": 2007, "to": 2007 } }"""));
    }

    @Test
    void aCycleIsRefusedNamingTheFiles() {
        String msg = refusal(
                "2007", """
                        { "extends": "2008", "version": "2007", "years": { "from": 2007, "to": 2007 } }""",
                "2008", """
                        { "extends": "2007", "version": "2008", "years": { "from": 2008, "to": 2008 } }""");
        assertEquals("2008.json: /extends: forms extend each other in a cycle: 2007.json -> 2008.json -> 2007.json",
                msg);
        assertTrue(refusal("2007", """
                { "extends": "2007", "version": "2007", "years": { "from": 2007, "to": 2007 } }""")
                .contains("cycle: 2007.json -> 2007.json"));
    }

    @Test
    void anUnknownIdToRemoveIsRefused() {
        assertEquals("2007.json: /remove/1: 'nothing' is not a section, field or rule code of 2006.json",
                refusal("2006", BASE, "2007", """
                        { "extends": "2006", "version": "2007", "years": { "from": 2007, "to": 2007 },
                          "remove": ["ownFunding", "nothing"] }"""));
    }

    @Test
    void placingAfterAnUnknownIdOrMovingAKnownOneIsRefused() {
        assertEquals("2007.json: /sections/0/fields/0/after: there is no field 'nowhere' to place this after "
                + "(in 2006.json, this section)", refusal("2006", BASE, "2007", """
                        { "extends": "2006", "version": "2007", "years": { "from": 2007, "to": 2007 },
                          "sections": [ { "id": "grant", "fields": [
                            { "id": "x", "after": "nowhere", "type": "integer", "label": "X" } ] } ] }"""));
        assertTrue(refusal("2006", BASE, "2007", """
                { "extends": "2006", "version": "2007", "years": { "from": 2007, "to": 2007 },
                  "sections": [ { "id": "grant", "fields": [
                    { "id": "goalsReached", "type": "boolean", "label": "X" } ] } ] }""")
                .startsWith("2007.json: /sections/0/fields/0/id: field 'goalsReached' is in section 'goals'"));
        assertTrue(refusal("2006", BASE, "2007", """
                { "extends": "2006", "version": "2007", "years": { "from": 2007, "to": 2007 },
                  "sections": [ { "id": "grant", "fields": [
                    { "id": "ownFunding", "after": "grantAmount", "type": "amount", "label": "X" } ] } ] }""")
                .startsWith("2007.json: /sections/0/fields/0/after: 'after' places a new field"));
    }

    @Test
    void versionAndYearsMustBeGivenAndUnknownPropertiesAreRefused() {
        assertEquals("2007.json: /: 'years' is required", refusal("2006", BASE, "2007", """
                { "extends": "2006", "version": "2007" }"""));
        assertTrue(refusal("2006", BASE, "2007", """
                { "extends": "2006", "version": "2007", "years": { "from": 2007, "to": 2007 }, "colour": "red" }""")
                .startsWith("2007.json: /: unknown property 'colour'"));
    }

    @Test
    void theMergedFormIsCheckedLikeOneWrittenOutNamingBothFiles() {
        String msg = refusal("2006", BASE, "2007", """
                { "extends": "2006", "version": "2007", "years": { "from": 2007, "to": 2007 },
                  "remove": ["ownFunding"] }""");
        assertTrue(msg.startsWith("2007.json (extending 2006.json): /rules/0/expression: "), msg);
        assertTrue(msg.contains("ownFunding"), msg);
    }

    @Test
    void aDerivedFormCannotBeReadWithoutItsScheme() {
        String msg = assertThrows(DefinitionException.class, () -> DefinitionReader.readForm("f.json",
                new ByteArrayInputStream("{ \"extends\": \"2006\" }".getBytes(StandardCharsets.UTF_8))))
                .getMessage();
        assertEquals("f.json: /extends: a derived form can only be read with its scheme, which lists the form it "
                + "extends", msg);
    }
}
