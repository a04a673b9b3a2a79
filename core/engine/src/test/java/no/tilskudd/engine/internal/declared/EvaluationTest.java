package no.tilskudd.engine.internal.declared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.internal.forms.DefinitionReader;
import org.junit.jupiter.api.Test;

/** Counting units, the scheme dimension, "not asked", mean and median, over submissions of two schemes. */
class EvaluationTest {

    private static Submission sub(String scheme, int year, String unit, Object... kv) {
        Map<String, Object> v = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            v.put((String) kv[i], kv[i + 1]);
        }
        return new Submission(scheme, year, unit, Optional.empty(), v);
    }

    /** Unit A reports to both schemes, B to one scheme twice, C once: 5 reports, 4 scheme-units, 3 units. */
    private static final List<Submission> TWO_SCHEMES = List.of(
            sub("a", 2006, "A", "status", "ok"), sub("b", 2006, "A", "status", "notOk"),
            sub("a", 2006, "B", "status", "notOk"), sub("a", 2007, "B", "status", "ok"),
            sub("b", 2007, "C", "status", "ok"));

    private static Table table(String definition, List<Submission> subs, Evaluation.Forms forms) throws Exception {
        Evaluation e = new Evaluation(DefinitionFileTest.read(definition), (code, year) -> Optional.empty(), forms);
        subs.forEach(e::add);
        return e.table();
    }

    private static List<List<Object>> rows(Table t) {
        List<List<Object>> out = new ArrayList<>();
        t.rows().forEach(r -> out.add(r.cellsIn(Locale.ENGLISH)));
        return out;
    }

    @Test
    void theCountingUnitDecidesN() throws Exception {
        String s = DefinitionFileTest.STATUS;
        Table reports = table(s, TWO_SCHEMES, Evaluation.Forms.UNKNOWN);
        assertEquals(5, reports.n().orElseThrow().value());
        assertEquals(List.of(List.of("Fine", 3L), List.of("Not fine", 2L), List.of("Total", 5L)), rows(reports));
        Table schemeUnits = table(s.replace("\"report\"", "\"scheme-unit\""), TWO_SCHEMES, Evaluation.Forms.UNKNOWN);
        assertEquals(4, schemeUnits.n().orElseThrow().value());
        // B's latest answer (2007) is ok
        assertEquals(List.of(List.of("Fine", 3L), List.of("Not fine", 1L), List.of("Total", 4L)), rows(schemeUnits));
        Table units = table(s.replace("\"report\"", "\"unit\""), TWO_SCHEMES, Evaluation.Forms.UNKNOWN);
        assertEquals(3, units.n().orElseThrow().value());
        // A's two 2006 answers tie on the year; the later scheme id (b: notOk) is taken
        assertEquals(List.of(List.of("Fine", 2L), List.of("Not fine", 1L), List.of("Total", 3L)), rows(units));
        String anyAnswer = s.replace("\"report\"", "\"unit\", \"answers\": \"any\"")
                .replace("],\n  \"total\": { \"nb\": \"I alt\", \"en\": \"Total\" }", "]");
        Table any = table(anyAnswer, TWO_SCHEMES, Evaluation.Forms.UNKNOWN);
        assertEquals(3, any.n().orElseThrow().value());
        assertEquals(List.of(List.of("Fine", 3L), List.of("Not fine", 2L)), rows(any));
    }

    @Test
    void schemesAsColumnsWithSharesOfEachColumn() throws Exception {
        String d = DefinitionFileTest.STATUS
                .replace("\"measures\": [", "\"columns\": { \"by\": \"scheme\" }, \"measures\": [ "
                        + "{ \"id\": \"{column}\", \"label\": { \"nb\": \"{column} %\", \"en\": \"{column} %\" }, "
                        + "\"type\": \"share\" },")
                .replace("\"id\": \"count\"", "\"id\": \"{column}-n\"");
        Table t = table(d, TWO_SCHEMES, Evaluation.Forms.UNKNOWN);
        assertEquals(List.of("answer", "a", "a-n", "b", "b-n"), t.columns().stream().map(Table.Column::id).toList());
        assertEquals(List.of(List.of("Fine", 67L, 2L, 50L, 1L), cellsOf("Not fine", 33L, 1L, 50L, 1L),
                cellsOf("Total", null, 3L, null, 2L)), rows(t));
        assertTrue(t.notes().get(t.notes().size() - 2).text().nb().startsWith("Prosent er avrundet"));
        // Issue 15: the counting unit is said in words under every table, last.
        assertTrue(t.notes().get(t.notes().size() - 1).text().en().startsWith("Counted: "),
                t.notes().toString());
    }

    @Test
    void theNoteUnderEveryTableSaysWhatWasCountedInWords() throws Exception {
        String base = """
                { "id": "c", "title": { "nb": "C", "en": "C" }, "count": "%s", %s
                  "rows": { "by": "year", "id": "y", "label": { "nb": "År", "en": "Year" } },
                  "measures": [ { "id": "n", "label": { "nb": "Antall", "en": "Count" }, "type": "count" } ] }
                """;
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("report|", "Counted: reports. Each report counts on its own");
        expected.put("scheme-unit|\"answers\": \"latest\",", "Counted: municipalities and districts per scheme."
                + " Each counts once per scheme, with the latest answer");
        expected.put("unit|\"answers\": \"any\",", "Counted: municipalities and districts. Each counts once"
                + " however many schemes it reported for, in each row any");
        expected.put("row|\"group\": \"measures\",", "Counted: rows of “measures”. Each row of each report");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String[] parts = e.getKey().split("\\|", -1);
            Table t = table(String.format(base, parts[0], parts[1]), TWO_SCHEMES, Evaluation.Forms.UNKNOWN);
            Table.Note last = t.notes().get(t.notes().size() - 1);
            assertTrue(last.text().en().startsWith(e.getValue()), e.getKey() + ": " + last.text().en());
            assertTrue(last.text().nb().startsWith("Telleenhet: "), last.text().nb());
        }
    }

    @Test
    void aFieldTheFormLacksIsNotAskedAndSaidSo() throws Exception {
        FormDefinition withStatus = DefinitionReader.readForm("2006.json",
                new ByteArrayInputStream(DefinitionFileTest.FORM.getBytes(StandardCharsets.UTF_8)));
        FormDefinition without = DefinitionReader.readForm("2021.json", new ByteArrayInputStream("""
                { "formatVersion": 1, "scheme": "b", "version": "2006", "years": { "from": 2006, "to": 2020 },
                  "title": "B", "sections": [ { "id": "main", "title": "Hoved", "fields": [
                    { "id": "grant", "type": "amount", "label": "Tilskudd" } ] } ] }
                """.getBytes(StandardCharsets.UTF_8)));
        Table t = table(DefinitionFileTest.STATUS, TWO_SCHEMES,
                s -> Optional.of(s.schemeId().equals("a") ? withStatus : without));
        assertEquals(3, t.n().orElseThrow().value());
        assertEquals("Not asked in the form for b 2006, 2007; those reports are left out.",
                t.notes().get(0).text().en());
    }

    @Test
    void meanAndMedianOfTheRowsThatGiveTheNumber() throws Exception {
        String d = """
                { "id": "m", "title": { "nb": "M", "en": "M" }, "count": "row", "group": "measures",
                  "rows": { "by": "field", "field": "open", "id": "open", "label": { "nb": "Åpent", "en": "Open" } },
                  "measures": [
                    { "id": "n", "label": { "nb": "Antall", "en": "Count" }, "type": "count" },
                    { "id": "sum", "label": { "nb": "Sum", "en": "Sum" }, "type": "sum", "field": "budget" },
                    { "id": "mean", "label": { "nb": "Snitt", "en": "Mean" }, "type": "mean", "field": "participants",
                      "decimals": 1 },
                    { "id": "median", "label": { "nb": "Median", "en": "Median" }, "type": "median",
                      "field": "participants" } ],
                  "total": { "nb": "I alt", "en": "Total" },
                  "notes": [ { "nb": "Snitt i alt: {all:mean}.", "en": "Mean over all: {all:mean}." } ] }
                """;
        List<Submission> subs = List.of(sub("a", 2006, "A", "measures", List.of(
                Map.of("open", true, "participants", 1L, "budget", new BigDecimal("10.50")),
                Map.of("open", true, "participants", 4L),
                Map.of("open", true, "participants", 10L),
                Map.of("open", false, "budget", BigDecimal.ONE),
                Map.of("participants", 99L))));
        Table t = table(d, subs, Evaluation.Forms.UNKNOWN);
        assertEquals(List.of(List.of("Yes", 3L, new BigDecimal("10.50"), new BigDecimal("5.0"), new BigDecimal("4")),
                cellsOf("No", 1L, BigDecimal.ONE, null, null),
                cellsOf("Total", 4L, new BigDecimal("11.50"), null, null)), rows(t));
        assertEquals("Snitt i alt: 5,0.", t.notes().get(0).text().nb());
        assertEquals("Mean over all: 5.0.", t.notes().get(0).text().en());
    }

    private static List<Object> cellsOf(Object... c) {
        return java.util.Arrays.asList(c);
    }
}
