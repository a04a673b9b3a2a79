package no.tilskudd.engine.internal.declared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.engine.internal.forms.DefinitionException;
import no.tilskudd.engine.internal.forms.DefinitionReader;
import org.junit.jupiter.api.Test;

/** A definition is checked against the forms' fields when it is loaded, and refused with file and JSON pointer. */
class DefinitionFileTest {

    /** A form with a choice (labels in both languages), a multi-choice, an amount and a group of rows. */
    static final String FORM = """
            { "formatVersion": 1, "scheme": "test", "version": "2006", "years": { "from": 2006, "to": 2020 },
              "title": "Test", "sections": [ { "id": "main", "title": "Hoved", "fields": [
                { "id": "status", "type": "choice", "label": "Status", "choices": [
                  { "code": "ok", "label": { "nb": "Greit", "en": "Fine" } },
                  { "code": "notOk", "label": { "nb": "Ikke greit", "en": "Not fine" } } ] },
                { "id": "reasons", "type": "multiChoice", "label": "Årsaker", "choices": [
                  { "code": "time", "label": { "nb": "Tid", "en": "Time" } },
                  { "code": "money", "label": { "nb": "Penger", "en": "Money" } } ] },
                { "id": "grant", "type": "amount", "label": "Tilskudd" },
                { "id": "measures", "type": "group", "label": "Tiltak", "fields": [
                  { "id": "name", "type": "text", "label": "Navn" },
                  { "id": "open", "type": "boolean", "label": "Åpent" },
                  { "id": "participants", "type": "integer", "label": "Deltakere" },
                  { "id": "budget", "type": "amount", "label": "Budsjett" } ] } ] } ] }
            """;

    static final String STATUS = """
            { "formatVersion": 1, "id": "status", "title": { "nb": "Status", "en": "Status" },
              "count": "report",
              "rows": { "by": "field", "field": "status", "id": "answer", "label": { "nb": "Svar", "en": "Answer" } },
              "measures": [ { "id": "count", "label": { "nb": "Antall", "en": "Count" }, "type": "count" } ],
              "total": { "nb": "I alt", "en": "Total" } }
            """;

    static Vocabulary vocabulary() throws DefinitionException {
        FormDefinition form = DefinitionReader.readForm("2006.json",
                new ByteArrayInputStream(FORM.getBytes(StandardCharsets.UTF_8)));
        return Vocabulary.of("the forms of scheme test", List.of(form));
    }

    static IndicatorDefinition read(String json) throws DefinitionException {
        return DefinitionFile.read("status.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                vocabulary());
    }

    private static String refusal(String json) {
        return assertThrows(DefinitionException.class, () -> read(json)).getMessage();
    }

    @Test
    void withoutCodesTheRowsAreTheFormsCodeListInBothLanguages() throws Exception {
        IndicatorDefinition d = read(STATUS);
        assertEquals(List.of(new IndicatorDefinition.Code("ok", new LocalizedText("Greit", "Fine")),
                new IndicatorDefinition.Code("notOk", new LocalizedText("Ikke greit", "Not fine"))), d.rows().codes());
    }

    @Test
    void anUnknownFieldIsRefusedWithFileAndPointer() {
        assertEquals("status.json: /rows/field: unknown field 'statsu' (the forms of scheme test have: status, "
                + "reasons, grant, measures)", refusal(STATUS.replace("\"field\": \"status\"",
                        "\"field\": \"statsu\"")));
        assertEquals("status.json: /filter/0/field: unknown field 'budget' (the forms of scheme test have: status, "
                + "reasons, grant, measures)", refusal(STATUS.replace("\"count\": \"report\",",
                        "\"count\": \"report\", \"filter\": [ { \"field\": \"budget\", \"gt\": 0 } ],")));
    }

    @Test
    void anUnknownCodeIsRefusedWithFileAndPointer() {
        assertEquals("status.json: /rows/codes/1: unknown code 'maybe' of field 'status' (codes: ok, notOk)",
                refusal(STATUS.replace("\"label\": { \"nb\": \"Svar\"",
                        "\"codes\": [\"ok\", \"maybe\"], \"label\": { \"nb\": \"Svar\"")));
        assertEquals("status.json: /filter/0/in/0: unknown code 'late' of field 'reasons' (codes: time, money)",
                refusal(STATUS.replace("\"count\": \"report\",",
                        "\"count\": \"report\", \"filter\": [ { \"field\": \"reasons\", \"in\": [\"late\"] } ],")));
    }

    @Test
    void bandsMustAscendAndHaveOneLabelEach() {
        String bands = """
                { "id": "b", "title": { "nb": "B", "en": "B" }, "count": "row", "group": "measures",
                  "rows": { "by": "band", "field": "budget", "limits": %s, %s "id": "band",
                            "label": { "nb": "Bånd", "en": "Band" } },
                  "measures": [ { "id": "n", "label": { "nb": "Antall", "en": "Count" }, "type": "count" } ] }
                """;
        assertEquals("status.json: /rows/limits/1: band limits must ascend (100 after 1000)",
                refusal(bands.formatted("[1000, 100]", "")));
        assertEquals("status.json: /rows/labels: 1 limits make 2 bands, but 3 labels are given",
                refusal(bands.formatted("[1000]", "\"labels\": [ { \"nb\": \"a\", \"en\": \"a\" }, "
                        + "{ \"nb\": \"b\", \"en\": \"b\" }, { \"nb\": \"c\", \"en\": \"c\" } ],")));
        assertEquals("status.json: /rows/field: 'name' is a text field; here it must be amount or decimal or "
                + "integer or percent", refusal(bands.formatted("[1000]", "").replace("\"budget\"", "\"name\"")));
    }

    @Test
    void whatDoesNotFitIsRefused() {
        assertEquals("status.json: /: unknown property 'colour' (allowed: $schema, answers, chart, columns, count, "
                + "filter, formatVersion, group, id, measures, n, notes, rows, title, total)",
                refusal(STATUS.replace("\"count\": \"report\",", "\"count\": \"report\", \"colour\": 1,")));
        assertEquals("status.json: /count: 'reports' is not one of report, scheme-unit, unit, row",
                refusal(STATUS.replace("\"report\"", "\"reports\"")));
        assertEquals("status.json: /total: a unit can fall in several rows here, so a total row would not be the "
                + "sum of the rows", refusal(STATUS.replace("\"status\"", "\"reasons\"")));
        assertEquals("status.json: /title: must be an object with \"nb\" and \"en\"",
                refusal(STATUS.replace("{ \"nb\": \"Status\", \"en\": \"Status\" }", "\"Status\"")));
        assertEquals("status.json: /group: 'grant' is not a repeating group of the forms of scheme test",
                refusal(STATUS.replace("\"count\": \"report\",", "\"count\": \"row\", \"group\": \"grant\",")));
    }
}
