package no.tilskudd.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.scheme.Origin;
import no.tilskudd.api.scheme.SchemeDefinition;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.Violation;
import no.tilskudd.engine.internal.registry.SchemeCatalog;

/**
 * A small scheme "test" written to a temporary folder, with one field of every type, and a submission that passes
 * all of its checks. Tests change one value of that submission at a time.
 */
public final class TestSchemes {

    /** The origin used for the test plugin. */
    public static final Origin ORIGIN = new Origin("test.plugin", "1.0.0");

    /** The example scheme's descriptor (plugins/example-scheme, a data-only scheme on the test class path). */
    public static final java.net.URL EXAMPLE = TestSchemes.class.getResource("/tilskudd/example/scheme.json");

    /** Form version 2006, for 2006-2020: one field of every type, a repeating group and three rules. */
    public static final String FORM_2006 = """
            {
              "formatVersion": 1,
              "scheme": "test",
              "version": "2006",
              "years": { "from": 2006, "to": 2020 },
              "title": { "nb": "Testskjema", "en": "Test form" },
              "sections": [
                { "id": "main", "title": "Hoved", "fields": [
                  { "id": "title", "type": "text", "label": { "nb": "Tittel", "en": "Title" },
                    "maxLength": 10, "pattern": "[A-Z][a-z]*" },
                  { "id": "count", "type": "integer", "label": "Antall", "min": 0, "max": 100 },
                  { "id": "ratio", "type": "decimal", "label": "Forhold", "min": 0.5, "max": 2.5 },
                  { "id": "grant", "type": "amount", "label": "Tilskudd" },
                  { "id": "cap", "type": "amount", "label": "Tak", "min": -100, "max": 1000 },
                  { "id": "share", "type": "percent", "label": "Andel" },
                  { "id": "started", "type": "year", "label": "Startår", "min": 2000 },
                  { "id": "reportDate", "type": "date", "label": "Dato" },
                  { "id": "active", "type": "boolean", "label": "Aktiv" },
                  { "id": "status", "type": "choice", "label": "Status", "required": true,
                    "choices": [ { "code": "ok", "label": "OK" }, { "code": "notOk", "label": "Ikke OK" } ] },
                  { "id": "reasons", "type": "multiChoice", "label": "Årsaker", "requiredWhen": "status == 'notOk'",
                    "choices": [ { "code": "time", "label": "Tid" }, { "code": "money", "label": "Penger" } ] }
                ] },
                { "id": "rows", "title": "Tiltak", "fields": [
                  { "id": "measures", "type": "group", "label": "Tiltak", "minRows": 2, "maxRows": 3, "fields": [
                    { "id": "name", "type": "text", "label": "Navn", "required": true },
                    { "id": "kind", "type": "choice", "label": "Type",
                      "choices": [ { "code": "new", "label": "Nytt" }, { "code": "continued", "label": "Videreført" } ] },
                    { "id": "firstFundedYear", "type": "year", "label": "Første år",
                      "requiredWhen": "kind == 'continued'" },
                    { "id": "participants", "type": "integer", "label": "Deltakere", "min": 0 }
                  ] }
                ] }
              ],
              "rules": [
                { "code": "FIRST_YEAR_AFTER_REPORT", "scope": "measures", "field": "firstFundedYear",
                  "expression": "firstFundedYear <= year", "onMissing": "skip",
                  "message": { "nb": "Første år er etter rapportåret.", "en": "First year is after the reporting year." } },
                { "code": "NOBODY_TOOK_PART", "scope": "measures", "field": "participants",
                  "expression": "participants > 0", "onMissing": "fail",
                  "message": { "nb": "Ingen deltok.", "en": "Nobody took part." } },
                { "code": "COUNT_HIGH", "field": "count", "severity": "warning",
                  "expression": "count <= 50", "onMissing": "skip",
                  "message": { "nb": "Høyt antall.", "en": "High count." } }
              ]
            }
            """;

    /** Form version 2021, for 2021-2022: one field. */
    public static final String FORM_2021 = """
            {
              "formatVersion": 1,
              "scheme": "test",
              "version": "2021",
              "years": { "from": 2021, "to": 2022 },
              "title": "Testskjema 2021",
              "sections": [ { "id": "main", "title": "Hoved", "fields": [
                { "id": "count", "type": "integer", "label": "Antall" } ] } ]
            }
            """;

    /** The scheme descriptor listing both forms. */
    public static final String DESCRIPTOR = descriptor("test", "Testordningen", "forms/2006.json", "forms/2021.json");

    /** One line of JSON Lines that passes every check of form 2006, for org unit %s (year 2016). */
    public static final String VALID_LINE = "{\"scheme\":\"test\",\"year\":2016,\"orgUnit\":\"%s\",\"values\":{"
            + "\"title\":\"Alpha\",\"count\":10,\"ratio\":1.5,\"grant\":1000.50,\"cap\":0,\"share\":50,"
            + "\"started\":2010,\"reportDate\":\"2016-12-31\",\"active\":true,\"status\":\"ok\",\"measures\":["
            + "{\"name\":\"M1\",\"kind\":\"new\",\"firstFundedYear\":2016,\"participants\":5},"
            + "{\"name\":\"M2\",\"kind\":\"continued\",\"firstFundedYear\":2015,\"participants\":3}]}}";

    private TestSchemes() {
    }

    /**
     * A descriptor.
     *
     * @param id    the scheme id
     * @param name  the bokmål name
     * @param forms the form paths
     * @return the JSON
     */
    public static String descriptor(String id, String name, String... forms) {
        StringBuilder list = new StringBuilder();
        for (String f : forms) {
            list.append(list.length() == 0 ? "" : ", ").append('"').append(f).append('"');
        }
        return "{ \"formatVersion\": 1, \"id\": \"" + id + "\", \"name\": { \"nb\": \"" + name
                + "\", \"en\": \"The " + name + "\" }, \"agency\": \"Testdirektoratet\", "
                + "\"budgetLine\": \"kap. 0001 post 01\", \"firstYear\": 2006, \"forms\": [" + list + "] }";
    }

    /**
     * Writes files into a folder.
     *
     * @param dir   the folder
     * @param files relative path to content
     * @return the URL of the first file
     */
    public static URL write(Path dir, Map<String, String> files) {
        URL first = null;
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
                if (first == null) {
                    first = p.toUri().toURL();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return first;
    }

    /**
     * Writes the test scheme (descriptor and both forms).
     *
     * @param dir the folder
     * @return the descriptor's URL
     */
    public static URL writeTestScheme(Path dir) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("scheme.json", DESCRIPTOR);
        files.put("forms/2006.json", FORM_2006);
        files.put("forms/2021.json", FORM_2021);
        return write(dir, files);
    }

    /**
     * A scheme definition for a descriptor URL.
     *
     * @param url the descriptor
     * @return the definition
     */
    public static SchemeDefinition definition(URL url) {
        return () -> url;
    }

    /**
     * A catalog holding the test scheme.
     *
     * @param dir a temporary folder
     * @return the catalog
     */
    public static SchemeCatalog catalog(Path dir) {
        SchemeCatalog catalog = new SchemeCatalog();
        if (catalog.add("test", definition(writeTestScheme(dir)), ORIGIN).isEmpty()) {
            throw new IllegalStateException("test scheme not loaded: " + catalog.problems());
        }
        return catalog;
    }

    /**
     * The values of a submission that passes every check of form 2006, mutable (rows too).
     *
     * @return the values
     */
    public static Map<String, Object> validValues() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("title", "Alpha");
        v.put("count", 10L);
        v.put("ratio", new BigDecimal("1.5"));
        v.put("grant", new BigDecimal("1000.50"));
        v.put("cap", 0L);
        v.put("share", new BigDecimal("50"));
        v.put("started", 2010L);
        v.put("reportDate", "2016-12-31");
        v.put("active", true);
        v.put("status", "ok");
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("M1", "new", 2016L, 5L));
        rows.add(row("M2", "continued", 2015L, 3L));
        v.put("measures", rows);
        return v;
    }

    /**
     * A measure row.
     *
     * @param name            the name
     * @param kind            new or continued
     * @param firstFundedYear the first year
     * @param participants    how many took part
     * @return the mutable row
     */
    public static Map<String, Object> row(String name, String kind, Long firstFundedYear, Long participants) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("kind", kind);
        r.put("firstFundedYear", firstFundedYear);
        r.put("participants", participants);
        return r;
    }

    /**
     * The rows of the measures group in a values map from {@link #validValues()}.
     *
     * @param values the values
     * @return the mutable rows
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> measures(Map<String, Object> values) {
        return (List<Map<String, Object>>) values.get("measures");
    }

    /**
     * A submission of the test scheme for 2016 from Oslo (0301).
     *
     * @param values the values
     * @return the submission
     */
    public static Submission submission(Map<String, Object> values) {
        return new Submission("test", 2016, "0301", Optional.empty(), values);
    }

    /**
     * Violations as {@code CODE@path}, in order.
     *
     * @param violations the violations
     * @return the short forms
     */
    public static List<String> codes(List<Violation> violations) {
        return violations.stream().map(v -> v.code() + "@" + v.path()).toList();
    }

    /**
     * A URL for a file in a folder.
     *
     * @param dir  the folder
     * @param name the file
     * @return the URL
     */
    public static URL url(Path dir, String name) {
        try {
            return dir.resolve(name).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
