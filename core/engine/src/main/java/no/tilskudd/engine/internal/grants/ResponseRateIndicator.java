package no.tilskudd.engine.internal.grants;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Questionnaire;
import no.tilskudd.api.service.ResponseRate;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.internal.standard.Percentages;

/**
 * A questionnaire's response rate as a table ({@value #ID}): how many were on the respondent list (from the grant
 * register), how many answered, how many did not, and the rate; the first row is everyone on the list, then one row
 * per scheme of the list when respondents are scheme-units. Registered by the engine for every scheme whose
 * descriptor declares a questionnaire, so that the figure is computed with the questionnaire's other tables, never
 * typed.
 */
public final class ResponseRateIndicator implements Indicator {

    /** The table's id. */
    public static final String ID = "survey-response-rate";

    private final String schemeId;
    private final LocalizedText name;
    private final Questionnaire questionnaire;

    /**
     * Creates the indicator of one questionnaire.
     *
     * @param schemeId      the questionnaire's scheme id
     * @param name          its name
     * @param questionnaire its respondent list
     */
    public ResponseRateIndicator(String schemeId, LocalizedText name, Questionnaire questionnaire) {
        this.schemeId = schemeId;
        this.name = name;
        this.questionnaire = questionnaire;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText title() {
        return new LocalizedText("Svarprosent", "Response rate");
    }

    @Override
    public Set<String> schemes() {
        return Set.of(schemeId);
    }

    @Override
    public Table compute(IndicatorInput input) {
        Questionnaire q = questionnaire;
        List<Submission> responses = input.submissions().stream().filter(s -> s.schemeId().equals(schemeId))
                .toList();
        Selection sel = input.selection();
        Predicate<String> keep = code -> (sel.orgUnits().isEmpty() || sel.orgUnits().contains(code))
                && (sel.regions().isEmpty() || input.orgUnits().find(code, q.toYear()).map(OrgUnit::region)
                        .filter(sel.regions()::contains).isPresent());
        ResponseRate r = QuestionnaireResponses.rate(schemeId, name, sel.fromYear(), q,
                input.grants().find(Set.copyOf(q.grantSchemes()), q.fromYear(), q.toYear()), responses, keep,
                (code, year) -> input.orgUnits().find(code, year).map(OrgUnit::name).orElse(code));
        List<Table.Row> rows = new ArrayList<>();
        String listNb = String.join(", ", q.grantSchemes()) + " " + years(q);
        rows.add(Table.Row.data(new LocalizedText("Alle på svarlisten", "Everyone on the list"), r.expected(),
                r.reported(), r.missing().size(), r.rate().orElse(null)));
        if (q.perSchemeUnit()) {
            for (Map.Entry<String, int[]> e : QuestionnaireResponses.perScheme(q, r).entrySet()) {
                int expected = e.getValue()[0];
                int answered = e.getValue()[1];
                LocalizedText label = input.grants().schemeName(e.getKey()).map(n -> new LocalizedText(
                        n.nb() + " (" + e.getKey() + ")", n.en() + " (" + e.getKey() + ")"))
                        .orElse(LocalizedText.of(e.getKey()));
                rows.add(Table.Row.data(label, expected, answered, expected - answered,
                        Percentages.whole(answered, expected)));
            }
        }
        List<Table.Column> columns = List.of(
                new Table.Column("group", new LocalizedText("Svar for", "Answers for"), ValueKind.TEXT),
                new Table.Column("expected", new LocalizedText("På svarlisten", "On the list"), ValueKind.COUNT),
                new Table.Column("answered", new LocalizedText("Svarte", "Answered"), ValueKind.COUNT),
                new Table.Column("missing", new LocalizedText("Svarte ikke", "Did not answer"), ValueKind.COUNT),
                new Table.Column("rate", new LocalizedText("Svarprosent", "Response rate"), ValueKind.PERCENT));
        List<Table.Note> notes = new ArrayList<>();
        String who = q.perSchemeUnit()
                ? "kommuner og bydeler per ordning (en enhet med tildeling fra to ordninger står to ganger)"
                : "kommuner og bydeler";
        String whoEn = q.perSchemeUnit()
                ? "municipalities and districts per scheme (a unit with grants from two schemes is on it twice)"
                : "municipalities and districts";
        notes.add(Table.Note.remark(new LocalizedText("Svarlisten: " + who + " med tildeling fra " + listNb
                + " i tilskuddsregisteret. " + r.reported() + " av " + r.expected() + " svarte ("
                + r.rate().map(p -> p + " %").orElse("–") + "). Svarprosenten er rundet av til hele prosent, halve opp.",
                "The list: " + whoEn + " with a grant from " + listNb + " in the grant register. " + r.reported()
                        + " of " + r.expected() + " answered (" + r.rate().map(p -> p + " %").orElse("–")
                        + "). The rate is rounded to whole percent, halves up.")));
        if (!r.withoutGrant().isEmpty()) {
            notes.add(Table.Note.remark(new LocalizedText("Svar fra enheter som ikke står på svarlisten, ikke talt "
                    + "med: " + names(r.withoutGrant()) + ".", "Answers from units not on the list, not counted: "
                    + names(r.withoutGrant()) + ".")));
        }
        notes.add(Table.Note.source(new LocalizedText("Tilskuddsregisteret (tildelinger) og innsendte svar på "
                + "spørreskjemaet.", "The grant register and the questionnaire's stored responses.")));
        return Table.of(ID, title(), columns, rows)
                .withN(Table.Count.of(r.expected(), new LocalizedText("på svarlisten", "on the list")))
                .withNotes(notes);
    }

    private static String years(Questionnaire q) {
        return q.fromYear() == q.toYear() ? String.valueOf(q.fromYear()) : q.fromYear() + "–" + q.toYear();
    }

    private static String names(List<ResponseRate.Unit> units) {
        if (units.size() > 30) {
            return String.valueOf(units.size());
        }
        return String.join(", ", units.stream().map(u -> u.code() + " " + u.name()
                + u.schemeId().map(s -> " (" + s + ")").orElse("")).toList());
    }
}
