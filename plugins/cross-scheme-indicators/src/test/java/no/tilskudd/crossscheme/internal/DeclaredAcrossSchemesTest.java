package no.tilskudd.crossscheme.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.StandaloneEngine;
import no.tilskudd.engine.internal.declared.DefinitionFile;
import no.tilskudd.engine.internal.declared.Evaluation;
import no.tilskudd.engine.internal.declared.IndicatorDefinition;
import no.tilskudd.engine.internal.declared.StandardDefinitions;
import no.tilskudd.engine.internal.declared.Vocabulary;
import no.tilskudd.plugins.support.testing.MemoryStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard definitions evaluated over AVdir and Bufdir together, as the seed evaluation counted them: the
 * counting unit decides N (61/67/64 reports a year, 86 scheme-units, 67 distinct units), and the same file gives
 * Tabell 8.2, Tabell 8.1 and the regions without adding two schemes' tables by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeclaredAcrossSchemesTest {

    private static final Locale NB = Locale.forLanguageTag("nb");

    private StandaloneEngine engine;
    private MemoryStore store;
    private final List<Submission> both = new ArrayList<>();

    @BeforeAll
    void importTheDemoData(@TempDir Path temp) throws IOException {
        store = new MemoryStore();
        engine = StandaloneEngine.fromServiceLoader(Optional.of(store));
        for (Scheme s : engine.schemes().schemes()) {
            Path file = temp.resolve(s.id() + "-demo.jsonl");
            try (InputStream in = s.demoData().orElseThrow().openStream()) {
                Files.copy(in, file);
            }
            FileReport r = engine.imports().importFile(file, false);
            assertEquals(List.of(), r.findings(), s.id());
        }
        for (String scheme : List.of("avdir", "bufdir")) {
            store.find(SubmissionQuery.scheme(scheme, 2006, 2008)).forEach(st -> both.add(st.submission()));
        }
    }

    private Table evaluate(IndicatorDefinition d) {
        Evaluation e = new Evaluation(d, engine.orgUnits()::find, Evaluation.Forms.of(engine.schemes()::scheme));
        both.forEach(e::add);
        return e.table();
    }

    private static IndicatorDefinition standard(String id, String from, String to) throws Exception {
        String text;
        try (InputStream in = StandardDefinitions.class.getResourceAsStream(StandardDefinitions.FOLDER + id
                + ".json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return DefinitionFile.read(id + ".json", new ByteArrayInputStream(text.replace(from, to)
                .getBytes(StandardCharsets.UTF_8)), Vocabulary.STANDARD);
    }

    private static List<Object> column(Table t, int c) {
        return t.rows().stream().map(r -> r.cellsIn(NB).get(c)).toList();
    }

    @Test
    void tabell82CountsReportsOfBothSchemes() {
        Table t = evaluate(StandardDefinitions.byId("goal-achievement").orElseThrow());
        assertEquals(List.of("Nådde alle sine målsettinger", 44L, 27L, 49L, 33L, 48L, 31L), t.rows().get(0).cellsIn(NB));
        assertEquals(java.util.Arrays.asList("N", null, 61L, null, 67L, null, 64L), t.rows().get(2).cellsIn(NB));
        assertEquals(192, t.n().orElseThrow().value());
    }

    @Test
    void regionsCountSchemeUnits86AndDistinctUnits67() throws Exception {
        Table schemeUnits = evaluate(StandardDefinitions.byId("units-by-region").orElseThrow());
        assertEquals(List.of("Nord", "Midt", "Øst/Oslo", "Vest", "Sør", "I alt"), column(schemeUnits, 0));
        assertEquals(List.of(21L, 9L, 29L, 9L, 18L, 86L), column(schemeUnits, 1));
        Table units = evaluate(standard("units-by-region", "\"scheme-unit\"", "\"unit\""));
        assertEquals(67, units.n().orElseThrow().value());
    }

    @Test
    void tabell81AndContinuationCountEachSchemeUnitOnceWithItsLatestAnswer() {
        Table goals = evaluate(StandardDefinitions.byId("national-goals").orElseThrow());
        assertEquals(java.util.Arrays.asList(79L, 11L, 10L, null), column(goals, 1));
        assertEquals(62, goals.n().orElseThrow().value());
        Table continuation = evaluate(StandardDefinitions.byId("continuation").orElseThrow());
        assertEquals(java.util.Arrays.asList(61L, 3L, 35L, null), column(continuation, 1));
    }

    /** Own funding is asked by AVdir from 2009 and by urban youth, never by Bufdir: the table says where it was not. */
    @Test
    void aFieldSomeSchemesLackIsNotAskedThere() throws Exception {
        List<no.tilskudd.api.form.FormDefinition> forms = new ArrayList<>();
        List<Submission> all = new ArrayList<>();
        for (Scheme s : engine.schemes().schemes()) {
            forms.addAll(s.forms());
            store.find(SubmissionQuery.scheme(s.id(), 2006, 2013)).forEach(st -> all.add(st.submission()));
        }
        String json = """
                { "id": "own-funding", "title": { "nb": "Egenfinansiering", "en": "Own funding" }, "count": "report",
                  "filter": [ { "field": "ownFunding", "present": true } ],
                  "rows": { "by": "scheme", "id": "scheme", "label": { "nb": "Ordning", "en": "Scheme" } },
                  "measures": [
                    { "id": "reports", "label": { "nb": "Rapporter", "en": "Reports" }, "type": "count" },
                    { "id": "own", "label": { "nb": "Egenfinansiering", "en": "Own funding" }, "type": "sum",
                      "field": "ownFunding" } ],
                  "total": { "nb": "I alt", "en": "Total" } }
                """;
        IndicatorDefinition d = DefinitionFile.read("own-funding.json", new ByteArrayInputStream(
                json.getBytes(StandardCharsets.UTF_8)), Vocabulary.of("the forms of every scheme", forms));
        Evaluation e = new Evaluation(d, engine.orgUnits()::find, Evaluation.Forms.of(engine.schemes()::scheme));
        all.forEach(e::add);
        Table t = e.table();
        assertEquals(List.of("avdir", "urban-youth", "I alt"), column(t, 0));
        assertEquals("Not asked in the form for avdir 2006, 2007, 2008; bufdir 2006, 2007, 2008; those reports are "
                + "left out.", t.notes().get(0).text().en());
        long asked = all.stream().filter(x -> x.values().containsKey("ownFunding")).count();
        assertEquals(asked, t.n().orElseThrow().value());
    }

    /** The example of docs/indicator-format.md loads against the urban-youth forms and computes. */
    @Test
    void theDocumentedExampleIsAValidDefinitionForUrbanYouth() throws Exception {
        String doc = Files.readString(Path.of("../../docs/indicator-format.md"));
        Matcher m = Pattern.compile("## Example.*?```json\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        m.find();
        Scheme urban = engine.schemes().scheme("urban-youth").orElseThrow();
        IndicatorDefinition d = DefinitionFile.read("aim-by-year.json", new ByteArrayInputStream(
                m.group(1).getBytes(StandardCharsets.UTF_8)), Vocabulary.of("the forms of scheme urban-youth",
                        urban.forms()));
        assertEquals(List.of("leisure", "work", "coordination"),
                d.rows().codes().stream().map(IndicatorDefinition.Code::code).toList());
        assertEquals("Routes into work for young people with little education", d.rows().codes().get(1).label().en());
    }
}
