package no.tilskudd.survey.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.scheme.Questionnaire;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.engine.StandaloneEngine;
import no.tilskudd.plugins.support.testing.MemoryStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The 2009 evaluation questionnaire as the engine reads it: a questionnaire addressed to the AVdir and Bufdir
 * scheme-units with a grant 2006–2008, whose demo responses pass its form and give the seed's Tabell 8.1 and
 * continuation figures; and the demo files as {@link SurveyDemoData} generates them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyQuestionnaireTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();

    private StandaloneEngine engine;
    private IndicatorService.Results results;

    @BeforeAll
    void importTheDemoResponses() throws IOException {
        if (Boolean.getBoolean("tilskudd.demo.write")) {
            SurveyDemoData.main(new String[] {MODULE.toString()});
        }
        engine = StandaloneEngine.fromServiceLoader(Optional.of(new MemoryStore()));
        FileReport r = engine.imports().importFile(SurveyDemoData.files(MODULE).get("responses"), false);
        assertTrue(r.stored(), "the demo responses could not be imported: " + r.findings());
        assertEquals(List.of(), r.findings());
        results = engine.indicators().compute(Selection.of("survey-2009", 2009, 2009));
    }

    @Test
    void theDescriptorDeclaresAQuestionnaireToTheAvdirAndBufdirSchemeUnitsOf2006To2008() {
        assertEquals(List.of(), engine.schemes().problems());
        Scheme s = engine.schemes().scheme("survey-2009").orElseThrow();
        Questionnaire q = s.questionnaire().orElseThrow();
        assertEquals(List.of("avdir", "bufdir"), q.grantSchemes());
        assertEquals(2006, q.fromYear());
        assertEquals(2008, q.toYear());
        assertEquals(Optional.of(new Questionnaire.AnswersFor("schemeAnswers", "answersFor")), q.answersFor());
        assertTrue(s.demoGrants().isPresent());
        assertTrue(engine.schemes().scheme("avdir").orElseThrow().questionnaire().isEmpty(),
                "a grant scheme is no questionnaire");
    }

    @Test
    void demoFilesAreWhatTheGeneratorMakes() throws IOException {
        Map<String, String> generated = SurveyDemoData.generate();
        boolean write = Boolean.getBoolean("tilskudd.demo.write");
        Path example = MODULE.resolve("../../distribution/src/main/dist/examples/grants-demo.csv").normalize();
        Map<String, Path> files = new HashMap<>(SurveyDemoData.files(MODULE));
        for (Map.Entry<String, Path> f : files.entrySet()) {
            if (write) {
                Files.writeString(f.getValue(), generated.get(f.getKey()), StandardCharsets.UTF_8);
            }
            assertEquals(generated.get(f.getKey()), Files.readString(f.getValue(), StandardCharsets.UTF_8),
                    f.getValue() + " differs from what SurveyDemoData generates; rerun with "
                            + "-Dtilskudd.demo.write=true if the generator was changed on purpose");
        }
        if (write) {
            Files.writeString(example, generated.get("grants"), StandardCharsets.UTF_8);
        }
        assertEquals(generated.get("grants"), Files.readString(example, StandardCharsets.UTF_8),
                "the distribution's example grant register is the questionnaire's demo register");
    }

    @Test
    void theGrantRegisterHasTheReportingUnitsAndTheSeedsSchemeMix() {
        Map<String, Set<String>> units = new HashMap<>();
        for (String line : SurveyDemoData.generate().get("grants").split("\n")) {
            String[] c = line.split(",", -1);
            if (c[0].equals("scheme")) {
                continue;
            }
            units.computeIfAbsent(c[0], k -> new TreeSet<>()).add(c[3]);
        }
        Set<String> avdir = units.get("avdir");
        Set<String> bufdir = units.get("bufdir");
        Set<String> both = new TreeSet<>(avdir);
        both.retainAll(bufdir);
        Set<String> all = new TreeSet<>(avdir);
        all.addAll(bufdir);
        assertEquals(List.of(57, 29, 19, 67), List.of(avdir.size(), bufdir.size(), both.size(), all.size()));
        // The reports' units are the register's: no scheme-unit is only in one of them.
        for (String scheme : List.of("avdir", "bufdir")) {
            assertEquals(SurveyDemoData.codes(SurveyDemoData.read(scheme), scheme), units.get(scheme), scheme);
        }
        int one = 0;
        Map<String, Integer> alsoFrom = new HashMap<>();
        for (String scheme : List.of("avdir", "bufdir")) {
            for (String u : units.get(scheme)) {
                List<String> funding = new ArrayList<>();
                units.forEach((s, codes) -> {
                    if (codes.contains(u)) {
                        funding.add(s);
                    }
                });
                one += funding.size() == 1 ? 1 : 0;
                funding.forEach(s -> alsoFrom.merge(s, 1, Integer::sum));
            }
        }
        assertEquals(20, one);
        assertEquals(21, alsoFrom.get("urban-youth"));
        assertEquals(7, alsoFrom.get("unge-utenfor"));
        assertEquals(10, alsoFrom.get("utsatte-unge"));
        assertEquals(5, alsoFrom.get("ungdom-i-svevet"));
    }

    private Table table(String id) {
        return results.tables().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + id + ": " + results.tables().stream()
                        .map(Table::id).toList() + " " + results.failures()));
    }

    private static List<Object> column(Table t, int c) {
        List<Object> out = new ArrayList<>();
        t.rows().forEach(r -> out.add(r.cells().get(c) instanceof Number n ? (Object) n.longValue() : null));
        return out;
    }

    @Test
    void tabell81AndContinuationComeOutOfTheResponsesAsInTheSeed() {
        assertEquals(List.of(), results.failures());
        assertEquals(Arrays.asList(79L, 11L, 10L, null), column(table("survey-national-goals"), 1));
        assertEquals(62, table("survey-national-goals").n().orElseThrow().value());
        assertEquals(Arrays.asList(61L, 3L, 35L, null), column(table("survey-continuation"), 1));
        assertEquals(62, table("survey-continuation").n().orElseThrow().value());
    }

    @Test
    void everyQuestionsTableIsThereWithItsN() {
        Set<String> ids = new HashSet<>();
        results.tables().forEach(t -> ids.add(t.id()));
        assertEquals(Set.of("survey-national-goals", "survey-continuation", "survey-agencies",
                "survey-collaboration", "survey-collaboration-present", "survey-nav-office",
                "survey-nav-office-future", "survey-response-rate"), ids);
        assertEquals(62, table("survey-agencies").n().orElseThrow().value());
        assertEquals(9, table("survey-agencies").rows().size());
        assertEquals(62, table("survey-collaboration").n().orElseThrow().value());
        assertEquals(7, table("survey-collaboration").rows().size());
        assertEquals(62, table("survey-collaboration-present").n().orElseThrow().value());
        assertEquals(40, table("survey-nav-office").n().orElseThrow().value());
        assertEquals(62, table("survey-nav-office-future").n().orElseThrow().value());
    }

    @Test
    void withoutAGrantRegisterNobodyIsOnTheListAndThereIsNoRate() {
        // The store here keeps no grants: the list is empty, which is not a rate of 0 %.
        Table t = table("survey-response-rate");
        assertEquals(0, t.n().orElseThrow().value());
        assertEquals(null, t.rows().get(0).cells().get(4));
    }
}
