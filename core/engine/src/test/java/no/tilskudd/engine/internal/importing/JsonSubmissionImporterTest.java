package no.tilskudd.engine.internal.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.submission.ImportedSubmission;
import no.tilskudd.api.submission.ReadProblem;
import no.tilskudd.api.submission.ReadResult;
import no.tilskudd.api.submission.Submission;
import org.junit.jupiter.api.Test;

class JsonSubmissionImporterTest {

    private final JsonSubmissionImporter importer = new JsonSubmissionImporter();

    private ReadResult read(String fileName, String content) throws IOException {
        return importer.read(fileName, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                id -> Optional.empty());
    }

    private static String line(String orgUnit) {
        return "{\"scheme\": \"avdir\", \"year\": 2012, \"orgUnit\": \"" + orgUnit + "\", \"values\": {\"a\": 1}}";
    }

    private static List<String> positions(ReadResult r) {
        return r.submissions().stream().map(s -> s.position().toString()).toList();
    }

    private static List<String> problems(ReadResult r) {
        return r.problems().stream().map(p -> p.code() + "@" + p.position()).toList();
    }

    @Test
    void formatAndFileNames() {
        assertEquals("json", importer.format());
        assertTrue(importer.canRead("a.json"));
        assertTrue(importer.canRead("A.JSONL"));
        assertTrue(importer.canRead("b.ndjson"));
        assertFalse(importer.canRead("c.xlsx"));
        assertFalse(importer.canRead("json"));
    }

    @Test
    void jsonLinesSyntaxErrorIsReportedWithLineAndColumnAndOtherLinesAreRead() throws IOException {
        ReadResult r = read("r.jsonl", line("0301") + "\n{\"scheme\": \"avdir\", \"year\": }\n" + line("1804") + "\n");
        assertEquals(List.of("JSON_SYNTAX@r.jsonl:2:29"), problems(r));
        assertTrue(r.problems().get(0).message().startsWith("not valid JSON: "));
        assertEquals(List.of("r.jsonl:1", "r.jsonl:3"), positions(r));
        assertEquals("1804", r.submissions().get(1).submission().orgUnit());
    }

    @Test
    void jsonLinesBlankLinesAreSkippedButCounted() throws IOException {
        ReadResult r = read("r.jsonl", "\n" + line("0301") + "\n   \n" + line("1804") + "\n\n");
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("r.jsonl:2", "r.jsonl:4"), positions(r));
    }

    @Test
    void jsonLinesByteOrderMarkIsIgnored() throws IOException {
        ReadResult r = read("r.jsonl", "\uFEFF" + line("0301") + "\r\n" + line("1804"));
        assertEquals(List.of(), r.problems());
        assertEquals(2, r.submissions().size());
    }

    @Test
    void jsonLinesTwoObjectsOnOneLineIsASyntaxError() throws IOException {
        ReadResult r = read("r.jsonl", line("0301") + " " + line("1804"));
        assertEquals(1, r.problems().size());
        assertEquals("JSON_SYNTAX", r.problems().get(0).code());
        assertEquals(List.of(), r.submissions());
    }

    @Test
    void jsonLinesDuplicateKeyIsASyntaxError() throws IOException {
        ReadResult r = read("r.jsonl", "{\"scheme\": \"avdir\", \"scheme\": \"x\", \"year\": 2012, "
                + "\"orgUnit\": \"0301\", \"values\": {}}");
        assertEquals(List.of("JSON_SYNTAX"), r.problems().stream().map(ReadProblem::code).toList());
        assertTrue(r.problems().get(0).message().contains("scheme"), r.problems().get(0).message());
    }

    @Test
    void jsonSingleObjectIsRead() throws IOException {
        ReadResult r = read("one.json", "\n\n{\n \"scheme\": \"avdir\", \"year\": 2012, \"orgUnit\": \"0301\",\n"
                + " \"formVersion\": \"2012\", \"values\": {\"a\": \"x\"}\n}\n");
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("one.json:3"), positions(r));
        Submission s = r.submissions().get(0).submission();
        assertEquals("avdir", s.schemeId());
        assertEquals(2012, s.year());
        assertEquals("0301", s.orgUnit());
        assertEquals(Optional.of("2012"), s.formVersion());
        assertEquals(Map.of("a", "x"), s.values());
    }

    @Test
    void jsonArrayOfObjectsIsRead() throws IOException {
        ReadResult r = read("many.json", "[\n" + line("0301") + ",\n" + line("1804") + ",\n" + line("1103")
                + "\n]\n");
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("many.json:2", "many.json:3", "many.json:4"), positions(r));
        assertEquals(List.of("0301", "1804", "1103"),
                r.submissions().stream().map(s -> s.submission().orgUnit()).toList());
    }

    @Test
    void jsonArrayWithOneObjectIsRead() throws IOException {
        ReadResult r = read("one.json", "[" + line("0301") + "]");
        assertEquals(List.of(), r.problems());
        assertEquals(1, r.submissions().size());
    }

    @Test
    void jsonEmptyArrayHasNoSubmissionsAndNoProblems() throws IOException {
        ReadResult r = read("none.json", "[ ]");
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(), r.submissions());
    }

    @Test
    void jsonArrayElementThatIsNotAnObjectIsAShapeProblem() throws IOException {
        ReadResult r = read("mixed.json", "[\n" + line("0301") + ",\n42,\n" + line("1804") + "\n]");
        assertEquals(List.of("JSON_SHAPE@mixed.json:3"), problems(r));
        assertEquals(List.of("mixed.json:2", "mixed.json:4"), positions(r));
    }

    @Test
    void jsonArrayNotClosedIsASyntaxError() throws IOException {
        ReadResult r = read("open.json", "[\n" + line("0301") + ",\n");
        assertEquals(1, r.problems().size());
        assertEquals("JSON_SYNTAX", r.problems().get(0).code());
        assertEquals(List.of("open.json:2"), positions(r));
    }

    @Test
    void jsonContentAfterTheObjectIsATrailingProblem() throws IOException {
        ReadResult r = read("two.json", line("0301") + "\n" + line("1804"));
        assertEquals(List.of("JSON_TRAILING@two.json:2:1"), problems(r));
    }

    @Test
    void jsonScalarIsAShapeProblem() throws IOException {
        ReadResult r = read("n.json", "42");
        assertEquals(List.of("JSON_SHAPE@n.json:1:1"), problems(r));
    }

    @Test
    void jsonSyntaxErrorHasLineAndColumn() throws IOException {
        ReadResult r = read("bad.json", "{\n  \"scheme\": \"avdir\",\n  \"year\" 2012\n}");
        assertEquals(List.of("JSON_SYNTAX@bad.json:3:10"), problems(r));
    }

    @Test
    void orgUnitAsNumberIsAShapeProblem() throws IOException {
        ReadResult r = read("r.jsonl", "{\"scheme\": \"avdir\", \"year\": 2012, \"orgUnit\": 301, \"values\": {}}");
        assertEquals(List.of("SUBMISSION_SHAPE@r.jsonl:1"), problems(r));
        assertTrue(r.problems().get(0).message().startsWith("'orgUnit' must be the municipality or district "
                + "number as text"), r.problems().get(0).message());
        assertEquals(List.of(), r.submissions());
    }

    @Test
    void unknownTopLevelPropertyIsAShapeProblem() throws IOException {
        ReadResult r = read("r.jsonl", "{\"scheme\": \"avdir\", \"year\": 2012, \"orgUnit\": \"0301\", "
                + "\"values\": {}, \"comment\": \"hei\"}");
        assertEquals(List.of("SUBMISSION_SHAPE@r.jsonl:1"), problems(r));
        assertEquals("unknown property 'comment' (allowed: formVersion, orgUnit, scheme, values, year)",
                r.problems().get(0).message());
    }

    @Test
    void everyShapeProblemOfALineIsReported() throws IOException {
        ReadResult r = read("r.jsonl", "{\"scheme\": 1, \"year\": \"2012\", \"formVersion\": 2012}");
        assertEquals(List.of("'scheme' must be the scheme id as text",
                "'year' must be the reporting year as a whole number",
                "'orgUnit' must be the municipality or district number as text (keep leading zeros, e.g. \"0301\")",
                "'formVersion' must be text, e.g. \"2008\"",
                "'values' must be an object with the answers by field id"),
                r.problems().stream().map(ReadProblem::message).toList());
    }

    @Test
    void fractionalYearIsAShapeProblem() throws IOException {
        ReadResult r = read("r.jsonl", "{\"scheme\": \"avdir\", \"year\": 2012.5, \"orgUnit\": \"0301\", "
                + "\"values\": {}}");
        assertEquals(List.of("SUBMISSION_SHAPE@r.jsonl:1"), problems(r));
    }

    @Test
    void nullFormVersionMeansTheFormForTheYear() throws IOException {
        ReadResult r = read("r.jsonl", "{\"scheme\": \"avdir\", \"year\": 2012, \"orgUnit\": \"0301\", "
                + "\"formVersion\": null, \"values\": {}}");
        assertEquals(Optional.empty(), r.submissions().get(0).submission().formVersion());
    }

    @Test
    void integersAreLongAndDecimalsKeepTheirScale() throws IOException {
        ReadResult r = read("r.jsonl", "{\"scheme\": \"avdir\", \"year\": 2012, \"orgUnit\": \"0301\", \"values\": "
                + "{\"count\": 7, \"grant\": 1500.50, \"share\": 12.0, \"flag\": true, \"none\": null, "
                + "\"codes\": [\"a\", \"b\"], \"rows\": [{\"budget\": 100.25, \"n\": 3}]}}");
        Map<String, Object> v = r.submissions().get(0).submission().values();
        assertEquals(7L, v.get("count"));
        BigDecimal grant = assertInstanceOf(BigDecimal.class, v.get("grant"));
        assertEquals(new BigDecimal("1500.50"), grant);
        assertEquals(2, grant.scale());
        assertEquals(new BigDecimal("12.0"), v.get("share"));
        assertEquals(Boolean.TRUE, v.get("flag"));
        assertTrue(v.containsKey("none"));
        assertEquals(null, v.get("none"));
        assertEquals(List.of("a", "b"), v.get("codes"));
        Map<String, Object> row = r.submissions().get(0).submission().rows("rows").get(0);
        assertEquals(new BigDecimal("100.25"), row.get("budget"));
        assertEquals(3L, row.get("n"));
    }

    @Test
    void valuesKeepTheFileOrder() throws IOException {
        ReadResult r = read("r.jsonl", "{\"scheme\": \"avdir\", \"year\": 2012, \"orgUnit\": \"0301\", \"values\": "
                + "{\"z\": 1, \"a\": 2, \"m\": 3}}");
        assertEquals(List.of("z", "a", "m"), List.copyOf(r.submissions().get(0).submission().values().keySet()));
    }

    @Test
    void integerBeyondLongIsRefusedWithItsLineAndTheOtherLinesAreRead() throws IOException {
        ReadResult r = read("r.jsonl", "{\"scheme\": \"avdir\", \"year\": 2012, \"orgUnit\": \"0301\", \"values\": "
                + "{\"big\": 123456789012345678901234567890}}\n" + line("1804"));
        // Where the number starts, with the field's path; no field accepts an integer beyond a long.
        assertEquals(List.of("NUMBER_OUT_OF_RANGE@r.jsonl:1:72"), problems(r));
        assertTrue(r.problems().get(0).message().startsWith("values.big: 123456789012345678901234567890 is beyond "),
                r.problems().get(0).message());
        assertEquals(List.of("r.jsonl:2"), positions(r));
    }

    @Test
    void wholeAmountWithZeroOreKeepsItsScale() throws IOException {
        ReadResult r = read("r.jsonl", "{\"scheme\": \"avdir\", \"year\": 2012, \"orgUnit\": \"0301\", \"values\": "
                + "{\"grant\": 1500.00}}");
        BigDecimal grant = (BigDecimal) r.submissions().get(0).submission().values().get("grant");
        assertEquals("1500.00", grant.toString());
    }

    @Test
    void emptyJsonFileIsAProblem() throws IOException {
        ReadResult r = read("empty.json", "");
        assertEquals(List.of("JSON_EMPTY@empty.json:1"), problems(r));
        assertEquals(List.of(), r.submissions());
    }

    @Test
    void whitespaceOnlyJsonFileIsEmpty() throws IOException {
        ReadResult r = read("empty.json", "  \n\n ");
        assertEquals(List.of("JSON_EMPTY@empty.json:1"), problems(r));
    }

    /** Issue 12: an empty .jsonl was "0 submissions, no problems", and the command line said all was well. */
    @Test
    void emptyJsonLinesFileIsAProblem() throws IOException {
        ReadResult r = read("empty.jsonl", "");
        assertEquals(List.of("JSON_EMPTY@empty.jsonl:1"), problems(r));
        assertEquals(List.of(), r.submissions());
        assertEquals(List.of("JSON_EMPTY@blank.ndjson:1"), problems(read("blank.ndjson", "\n  \n\n")));
    }

    @Test
    void importerDoesNotCloseTheStream() throws IOException {
        boolean[] closed = {false};
        ByteArrayInputStream in = new ByteArrayInputStream(line("0301").getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        importer.read("a.json", in, id -> Optional.empty());
        importer.read("a.jsonl", new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                closed[0] = true;
            }
        }, id -> Optional.empty());
        assertFalse(closed[0]);
    }

    @Test
    void submissionsHaveNoFieldPositions() throws IOException {
        ImportedSubmission s = read("r.jsonl", line("0301")).submissions().get(0);
        assertEquals(Map.of(), s.fieldPositions());
        assertEquals(s.position(), s.positionOf("a"));
    }

    /** The exact payload that made the example scheme's validator spin (issue 12). */
    static final String HOSTILE = "{\"scheme\":\"example\",\"year\":2016,\"orgUnit\":\"1804\","
            + "\"values\":{\"grantAmount\":1e99999999,\"goalsReached\":\"all\"}}";

    private ReadResult read(String fileName, byte[] content) throws IOException {
        return importer.read(fileName, new ByteArrayInputStream(content), id -> Optional.empty());
    }

    @Test
    void numberBeyondAnyBoundIsRefusedWhereItStandsAndItsSubmissionGoesNoFurther() throws IOException {
        int column = HOSTILE.indexOf("1e99999999") + 1;
        ReadResult r = read("h.jsonl", line("0301") + "\n" + HOSTILE + "\n" + line("1804") + "\n");
        assertEquals(List.of("NUMBER_OUT_OF_RANGE@h.jsonl:2:" + column), problems(r));
        String m = r.problems().get(0).message();
        assertTrue(m.startsWith("values.grantAmount: 1E+99999999 is beyond what any field accepts"), m);
        assertEquals(List.of("h.jsonl:1", "h.jsonl:3"), positions(r), "the other lines are read");

        ReadResult json = read("h.json", "[\n" + line("0301") + ",\n" + HOSTILE + "\n]");
        assertEquals(List.of("NUMBER_OUT_OF_RANGE@h.json:3:" + column), problems(json));
        assertEquals(List.of("h.json:2"), positions(json));
    }

    @Test
    void integerBeyondLongAndTooManyDecimalsAreRefusedAtParseTime() throws IOException {
        ReadResult r = read("h.jsonl", "{\"scheme\":\"x\",\"year\":2016,\"orgUnit\":\"0301\",\"values\":"
                + "{\"rows\":[{\"n\":9223372036854775808}],\"tiny\":1e-21,\"ok\":1.5e3}}");
        assertEquals(List.of("NUMBER_OUT_OF_RANGE", "NUMBER_OUT_OF_RANGE"),
                r.problems().stream().map(ReadProblem::code).toList());
        assertTrue(r.problems().get(0).message().startsWith("values.rows[0].n: 9223372036854775808 "),
                r.problems().get(0).message());
        assertTrue(r.problems().get(1).message().startsWith("values.tiny: 1E-21 "), r.problems().get(1).message());
        assertEquals(List.of(), r.submissions());

        ReadResult ok = read("ok.jsonl", "{\"scheme\":\"x\",\"year\":2016,\"orgUnit\":\"0301\",\"values\":"
                + "{\"big\":9223372036854775807,\"e\":1.5e3,\"small\":-0.25}}");
        assertEquals(List.of(), ok.problems());
        Map<String, Object> v = ok.submissions().get(0).submission().values();
        assertEquals(Long.MAX_VALUE, v.get("big"));
        assertEquals(new BigDecimal("1.5e3"), v.get("e"));
        assertEquals(new BigDecimal("-0.25"), v.get("small"));
    }

    @Test
    void latin1FilesAreRefusedWithTheLineAndTheWordUtf8() throws IOException {
        byte[] latin1 = (line("0301") + "\n" + line("0301").replace("\"a\": 1", "\"a\": \"Bærum\"") + "\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        ReadResult r = read("l.jsonl", latin1);
        assertEquals(List.of("FILE_NOT_UTF8@l.jsonl:2"), problems(r));
        assertTrue(r.problems().get(0).message().contains("UTF-8"), r.problems().get(0).message());
        assertTrue(r.submissions().stream().noneMatch(s -> s.submission().values().toString().contains("\uFFFD")),
                "never stored with replacement characters");

        ReadResult json = read("l.json", ("[\n" + line("0301") + ",\n" + line("0301").replace("\"a\": 1",
                "\"a\": \"Tromsø\"") + "\n]").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of("FILE_NOT_UTF8@l.json:3"), problems(json));
        assertEquals(List.of(), json.submissions());
    }

    @Test
    void utf16FilesAreRefusedWithOrWithoutAByteOrderMark() throws IOException {
        for (String name : List.of("u.json", "u.jsonl")) {
            for (java.nio.charset.Charset cs : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE)) {
                ReadResult r = read(name, (line("0301") + "\n").getBytes(cs));
                assertEquals(List.of(JsonSubmissionImporter.NOT_UTF8 + "@" + name + ":1"), problems(r), cs.name());
                assertTrue(r.problems().get(0).message().contains("UTF-16"), r.problems().get(0).message());
                assertTrue(r.problems().get(0).message().contains("UTF-8"), r.problems().get(0).message());
                assertEquals(List.of(), r.submissions());
            }
        }
    }

    @Test
    void utf8ByteOrderMarkIsAcceptedInJsonToo() throws IOException {
        ReadResult r = read("b.json", ("\uFEFF[" + line("0301") + "]").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), r.problems());
        assertEquals(1, r.submissions().size());
    }
}
