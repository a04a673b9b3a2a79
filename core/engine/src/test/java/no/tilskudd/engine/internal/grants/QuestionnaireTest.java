package no.tilskudd.engine.internal.grants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Questionnaire;
import no.tilskudd.api.service.ResponseRate;
import no.tilskudd.api.store.Grant;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.TestSchemes;
import no.tilskudd.engine.internal.forms.DefinitionException;
import no.tilskudd.engine.internal.forms.DefinitionReader;
import no.tilskudd.engine.internal.forms.SchemeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A questionnaire: how its descriptor says so and is checked against its form, and how its respondent list (from the
 * grant register) and its responses are counted.
 */
class QuestionnaireTest {

    private static final String FORM = """
            { "formatVersion": 1, "scheme": "survey", "version": "2009", "years": { "from": 2009, "to": 2009 },
              "title": "Spørreskjema 2009",
              "sections": [ { "id": "main", "title": "Hoved", "fields": [
                { "id": "rows", "type": "group", "label": "Svar per ordning", "minRows": 1, "fields": [
                  { "id": "answersFor", "type": "choice", "label": "Ordning", "required": true,
                    "choices": [ { "code": "aa", "label": "A" }, { "code": "bb", "label": "B" } ] },
                  { "id": "goals", "type": "choice", "label": "Mål",
                    "choices": [ { "code": "yes", "label": "Ja" }, { "code": "no", "label": "Nei" } ] } ] } ] } ]
            }
            """;

    private static final String RESPONDENTS = """
            "kind": "questionnaire",
            "respondents": { "grants": { "schemes": ["aa", "bb"], "years": "2006-2008" },
                             "answersFor": { "group": "rows", "field": "answersFor" } },
            "firstYear\"""";

    @TempDir
    Path dir;

    private URL descriptor(String respondents) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("scheme.json", TestSchemes.descriptor("survey", "Spørreskjemaet", "forms/2009.json")
                .replace("\"firstYear\"", respondents));
        files.put("forms/2009.json", FORM);
        return TestSchemes.write(dir, files);
    }

    private String refused(String respondents) {
        return assertThrows(DefinitionException.class, () -> DefinitionReader.readDescriptor(descriptor(respondents),
                TestSchemes.ORIGIN)).getMessage();
    }

    @Test
    void theDescriptorDeclaresTheQuestionnaireAndTheEngineAddsItsResponseRate() throws Exception {
        SchemeData d = DefinitionReader.readDescriptor(descriptor(RESPONDENTS), TestSchemes.ORIGIN);
        Questionnaire q = d.scheme().questionnaire().orElseThrow();
        assertEquals(new Questionnaire(List.of("aa", "bb"), 2006, 2008,
                Optional.of(new Questionnaire.AnswersFor("rows", "answersFor"))), q);
        assertEquals(List.of(ResponseRateIndicator.ID), d.indicators().stream().map(Indicator::id).toList());
        assertEquals(Set.of("survey"), d.indicators().get(0).schemes());
        // a plain scheme is no questionnaire
        SchemeData plain = DefinitionReader.readDescriptor(descriptor("\"firstYear\""), TestSchemes.ORIGIN);
        assertTrue(plain.scheme().questionnaire().isEmpty());
        // one year, and a respondent that is an org unit
        SchemeData units = DefinitionReader.readDescriptor(descriptor("""
                "kind": "questionnaire", "respondents": { "grants": { "schemes": ["aa"], "years": "2008" } },
                "firstYear\""""), TestSchemes.ORIGIN);
        assertEquals(new Questionnaire(List.of("aa"), 2008, 2008, Optional.empty()),
                units.scheme().questionnaire().orElseThrow());
    }

    @Test
    void aBrokenQuestionnaireIsRefusedWithFileAndPointer() {
        assertEquals("scheme.json: /kind: unknown kind 'survey' (kinds: questionnaire, report)",
                refused(RESPONDENTS.replace("\"questionnaire\"", "\"survey\"")));
        assertEquals("scheme.json: /respondents: only a questionnaire (\"kind\": \"questionnaire\") has a "
                + "respondent list", refused(RESPONDENTS.replace("\"kind\": \"questionnaire\",", "")));
        assertEquals("scheme.json: /: 'respondents' is required", refused("\"kind\": \"questionnaire\", \"firstYear\""));
        assertEquals("scheme.json: /respondents/grants/years: must be a year or a range of years, such as "
                + "\"2006-2008\"", refused(RESPONDENTS.replace("2006-2008", "2006 to 2008")));
        assertEquals("scheme.json: /respondents/grants/years: the range 2008-2006 ends before it starts",
                refused(RESPONDENTS.replace("2006-2008", "2008-2006")));
        assertEquals("scheme.json: /respondents/answersFor/group: form 2009 has no repeating group 'answers'",
                refused(RESPONDENTS.replace("\"group\": \"rows\"", "\"group\": \"answers\"")));
        assertEquals("scheme.json: /respondents/answersFor/field: the rows of 'rows' in form 2009 have no choice "
                + "field 'goal'", refused(RESPONDENTS.replace("\"field\": \"answersFor\"", "\"field\": \"goal\"")));
        assertEquals("scheme.json: /respondents/answersFor/field: the codes of 'rows.answersFor' in form 2009 [aa, bb] "
                + "must be the respondent list's schemes [aa, cc]", refused(RESPONDENTS.replace("\"bb\"]", "\"cc\"]")));
        assertEquals("scheme.json: /respondents/grants/schemes/1: scheme 'aa' is named twice",
                refused(RESPONDENTS.replace("\"bb\"]", "\"aa\"]")));
        assertEquals("scheme.json: /respondents/grants: unknown property 'year' (allowed: schemes, years)",
                refused(RESPONDENTS.replace("\"years\"", "\"year\"")));
    }

    private static Grant grant(String scheme, int year, String unit) {
        return new Grant(scheme, Optional.empty(), year, unit, BigDecimal.ONE, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static Submission response(String unit, String... schemes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String s : schemes) {
            rows.add(Map.of("answersFor", s, "goals", "yes"));
        }
        return new Submission("survey", 2009, unit, Optional.empty(), Map.of("rows", rows));
    }

    private static final Questionnaire PER_SCHEME_UNIT = new Questionnaire(List.of("aa", "bb"), 2006, 2008,
            Optional.of(new Questionnaire.AnswersFor("rows", "answersFor")));

    // 0101 aa+bb; 0102 aa (twice: one scheme-unit); 0103 bb; 0104 aa in 2009 only (not on the list);
    // 0105 cc (another scheme: not on the list).
    private static final List<Grant> GRANTS = List.of(grant("aa", 2006, "0101"), grant("bb", 2008, "0101"),
            grant("aa", 2006, "0102"), grant("aa", 2007, "0102"), grant("bb", 2007, "0103"),
            grant("aa", 2009, "0104"), grant("cc", 2007, "0105"));

    private static ResponseRate rate(Questionnaire q, List<Submission> responses) {
        return QuestionnaireResponses.rate("survey", LocalizedText.of("S"), 2009, q, GRANTS, responses, c -> true,
                (code, year) -> "U" + code);
    }

    @Test
    void theListIsEverySchemeUnitWithAGrantInTheYearsAndARowAnswersForOne() {
        ResponseRate r = rate(PER_SCHEME_UNIT, List.of(response("0101", "aa", "bb"), response("0103", "bb"),
                response("0104", "aa")));
        assertEquals(4, r.expected()); // aa/0101, aa/0102, bb/0101, bb/0103
        assertEquals(3, r.reported());
        assertEquals(Optional.of(75), r.rate());
        assertEquals(List.of(new ResponseRate.Unit("0102", "U0102", Optional.of("aa"))), r.missing());
        assertEquals(List.of(new ResponseRate.Unit("0104", "U0104", Optional.of("aa"))), r.withoutGrant());
        assertEquals(Optional.of(PER_SCHEME_UNIT), r.questionnaire());
        Map<String, int[]> per = QuestionnaireResponses.perScheme(PER_SCHEME_UNIT, r);
        assertEquals(List.of("aa", "bb"), List.copyOf(per.keySet()));
        assertEquals("[2, 1]", Arrays.toString(per.get("aa")));
        assertEquals("[2, 2]", Arrays.toString(per.get("bb")));
    }

    @Test
    void aRespondentCanBeAnOrgUnitOnceWhateverItsSchemes() {
        Questionnaire units = new Questionnaire(List.of("aa", "bb"), 2006, 2008, Optional.empty());
        ResponseRate r = rate(units, List.of(response("0101"), response("0105")));
        assertEquals(3, r.expected()); // 0101, 0102, 0103
        assertEquals(1, r.reported());
        assertEquals(Optional.of(33), r.rate());
        assertEquals(List.of("0105"), r.withoutGrant().stream().map(ResponseRate.Unit::code).toList());
        assertTrue(r.missing().stream().allMatch(u -> u.schemeId().isEmpty()));
    }

    @Test
    void nobodyOnTheListIsNoRateAndAHalfRoundsUp() {
        assertEquals(Optional.empty(), QuestionnaireResponses.rate("survey", LocalizedText.of("S"), 2009,
                PER_SCHEME_UNIT, List.of(), List.of(response("0101", "aa")), c -> true, (c, y) -> c).rate());
        List<Grant> eight = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            eight.add(grant("aa", 2007, "010" + i));
        }
        ResponseRate r = QuestionnaireResponses.rate("survey", LocalizedText.of("S"), 2009, PER_SCHEME_UNIT, eight,
                List.of(response("0101", "aa")), c -> true, (c, y) -> c);
        assertEquals(Optional.of(13), r.rate()); // 12.5 %
    }

    @Test
    void theTableHasEveryoneFirstThenEachSchemeOfTheList() {
        ResponseRateIndicator indicator = new ResponseRateIndicator("survey", LocalizedText.of("S"), PER_SCHEME_UNIT);
        IndicatorInput.GrantLookup register = new IndicatorInput.GrantLookup() {
            @Override
            public List<Grant> find(Set<String> schemeIds, int fromYear, int toYear) {
                return GRANTS.stream().filter(g -> schemeIds.contains(g.schemeId()))
                        .filter(g -> g.year() >= fromYear && g.year() <= toYear).toList();
            }

            @Override
            public Optional<LocalizedText> schemeName(String schemeId) {
                return Optional.of(LocalizedText.of(schemeId.toUpperCase(java.util.Locale.ROOT)));
            }
        };
        Table t = indicator.compute(new IndicatorInput(Selection.of("survey", 2009, 2009),
                List.of(response("0101", "aa", "bb"), response("0103", "bb")), (code, year) -> Optional.of(
                        new OrgUnit(code, "U" + code, "c", "Sør", Optional.empty(), Optional.empty())), register));
        assertEquals("survey-response-rate", t.id());
        assertEquals(4, t.n().orElseThrow().value());
        assertEquals(List.of("group", "expected", "answered", "missing", "rate"),
                t.columns().stream().map(Table.Column::id).toList());
        assertEquals(Arrays.asList(4, 3, 1, 75), t.rows().get(0).cells().subList(1, 5).stream()
                .map(c -> ((Number) c).intValue()).toList());
        assertEquals("AA (aa)", ((LocalizedText) t.rows().get(1).cells().get(0)).nb());
        assertEquals(Arrays.asList(2, 1, 1, 50), t.rows().get(1).cells().subList(1, 5).stream()
                .map(c -> ((Number) c).intValue()).toList());
        assertEquals(Arrays.asList(2, 2, 0, 100), t.rows().get(2).cells().subList(1, 5).stream()
                .map(c -> ((Number) c).intValue()).toList());
        assertTrue(t.notes().get(0).text().nb().contains("3 av 4 svarte (75 %)"), t.notes().toString());
        // a region keeps its units only
        Table nord = indicator.compute(new IndicatorInput(new Selection("survey", 2009, 2009, Set.of(),
                Set.of("Nord")), List.of(), (code, year) -> Optional.empty(), register));
        assertEquals(0, nord.n().orElseThrow().value());
    }
}
