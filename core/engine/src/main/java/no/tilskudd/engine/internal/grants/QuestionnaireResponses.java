package no.tilskudd.engine.internal.grants;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.scheme.Questionnaire;
import no.tilskudd.api.service.ResponseRate;
import no.tilskudd.api.store.Grant;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.internal.standard.Percentages;

/**
 * Who was asked and who answered a questionnaire: the respondent list comes from the grant register (every org unit,
 * or every scheme-unit, with a grant from the listed schemes in the listed years), the answers from the stored
 * responses. One counting for {@code tilskudd responses} and for the questionnaire's response-rate table.
 *
 * <p>A respondent is a pair of a scheme and an org unit when the questionnaire is answered per scheme-unit (a row of
 * the response's group names the scheme, so a unit funded by two schemes answers twice in one response), else an org
 * unit with the scheme left empty. A response row for a scheme-unit that is not on the list is a warning.
 */
public final class QuestionnaireResponses {

    private QuestionnaireResponses() {
    }

    /**
     * A respondent: a scheme-unit, or an org unit ({@code scheme} empty).
     *
     * @param scheme the scheme it answers for, or "" for an org unit
     * @param unit   the org unit code
     */
    public record Respondent(String scheme, String unit) implements Comparable<Respondent> {
        @Override
        public int compareTo(Respondent o) {
            int c = scheme.compareTo(o.scheme);
            return c != 0 ? c : unit.compareTo(o.unit);
        }
    }

    /**
     * The respondents on the list: from the grants of the questionnaire's schemes and years (others are ignored).
     *
     * @param q      the questionnaire
     * @param grants grants, of any schemes and years
     * @return the respondents, ordered by scheme and unit
     */
    public static Set<Respondent> listed(Questionnaire q, Collection<Grant> grants) {
        Set<Respondent> out = new TreeSet<>();
        for (Grant g : grants) {
            if (q.grantSchemes().contains(g.schemeId()) && g.year() >= q.fromYear() && g.year() <= q.toYear()) {
                out.add(new Respondent(q.perSchemeUnit() ? g.schemeId() : "", g.orgUnit()));
            }
        }
        return out;
    }

    /**
     * The respondents that answered: per row of the answers-for group with a scheme, or per response.
     *
     * @param q         the questionnaire
     * @param responses its stored responses
     * @return the respondents that answered, ordered
     */
    public static Set<Respondent> answered(Questionnaire q, Collection<Submission> responses) {
        Set<Respondent> out = new TreeSet<>();
        for (Submission s : responses) {
            if (q.answersFor().isEmpty()) {
                out.add(new Respondent("", s.orgUnit()));
                continue;
            }
            Questionnaire.AnswersFor a = q.answersFor().get();
            for (Map<String, Object> row : s.rows(a.group())) {
                if (row.get(a.field()) instanceof String scheme) {
                    out.add(new Respondent(scheme, s.orgUnit()));
                }
            }
        }
        return out;
    }

    /**
     * The response rate of a questionnaire.
     *
     * @param id        the questionnaire's scheme id
     * @param name      its name
     * @param year      the year its responses are given for (its form's first year)
     * @param q         the questionnaire
     * @param grants    the grants (of any schemes and years)
     * @param responses its stored responses
     * @param keep      which org units to count (a report's regions); all for {@code tilskudd responses}
     * @param unitName  an org unit's name by code and year
     * @return the counts and the respondents
     */
    public static ResponseRate rate(String id, LocalizedText name, int year, Questionnaire q,
            Collection<Grant> grants, Collection<Submission> responses, Predicate<String> keep,
            BiFunction<String, Integer, String> unitName) {
        Set<Respondent> listed = new TreeSet<>(listed(q, grants));
        listed.removeIf(r -> !keep.test(r.unit()));
        Set<Respondent> answered = answered(q, responses);
        answered.removeIf(r -> !keep.test(r.unit()));
        List<ResponseRate.Unit> reported = new ArrayList<>();
        List<ResponseRate.Unit> missing = new ArrayList<>();
        for (Respondent r : listed) {
            (answered.contains(r) ? reported : missing).add(unit(r, q.toYear(), unitName));
        }
        List<ResponseRate.Unit> outside = new ArrayList<>();
        for (Respondent r : answered) {
            if (!listed.contains(r)) {
                outside.add(unit(r, q.toYear(), unitName));
            }
        }
        Long rate = Percentages.whole(reported.size(), listed.size());
        return new ResponseRate(id, Optional.of(name), true, year, listed.size(), reported.size(),
                Optional.ofNullable(rate).map(Long::intValue), reported, missing, outside, Optional.of(q));
    }

    /**
     * The counts per scheme of the list, for a table: expected and answered by scheme id, in the list's order.
     *
     * @param q    the questionnaire
     * @param rate its response rate
     * @return per scheme {expected, answered}
     */
    public static Map<String, int[]> perScheme(Questionnaire q, ResponseRate rate) {
        Map<String, int[]> out = new TreeMap<>((a, b) -> Integer.compare(q.grantSchemes().indexOf(a),
                q.grantSchemes().indexOf(b)));
        q.grantSchemes().forEach(s -> out.put(s, new int[2]));
        for (ResponseRate.Unit u : rate.reportedUnits()) {
            u.schemeId().ifPresent(s -> {
                out.get(s)[0]++;
                out.get(s)[1]++;
            });
        }
        for (ResponseRate.Unit u : rate.missing()) {
            u.schemeId().ifPresent(s -> out.get(s)[0]++);
        }
        return out;
    }

    private static ResponseRate.Unit unit(Respondent r, int year, BiFunction<String, Integer, String> unitName) {
        return new ResponseRate.Unit(r.unit(), unitName.apply(r.unit(), year),
                r.scheme().isEmpty() ? Optional.empty() : Optional.of(r.scheme()));
    }
}
