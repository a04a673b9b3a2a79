package no.tilskudd.plugins.support.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.submission.Submission;

/** Builds submissions and indicator inputs for tests, and changes one value of a submission by its path. */
public final class Submissions {

    private static final Pattern STEP = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)(?:\\[(\\d+)])?");

    private Submissions() {
    }

    /**
     * A submission.
     *
     * @param scheme the scheme
     * @param year   the year
     * @param unit   the org unit
     * @param kv     alternating field ids and values
     * @return the submission
     */
    public static Submission of(String scheme, int year, String unit, Object... kv) {
        return new Submission(scheme, year, unit, Optional.empty(), map(kv));
    }

    /**
     * An ordered map from alternating keys and values (values may be null).
     *
     * @param kv keys and values
     * @return the map
     */
    public static Map<String, Object> map(Object... kv) {
        if (kv.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /**
     * Indicator input over submissions, with an org-unit lookup that knows no codes.
     *
     * @param subs the submissions
     * @return the input
     */
    public static IndicatorInput input(List<Submission> subs) {
        return input(subs, (code, year) -> Optional.empty());
    }

    /**
     * Indicator input over submissions with a given org-unit lookup.
     *
     * @param subs   the submissions
     * @param lookup the org units
     * @return the input
     */
    public static IndicatorInput input(List<Submission> subs, IndicatorInput.OrgUnitLookup lookup) {
        return new IndicatorInput(Selection.of("test", 2000, 2100), subs, lookup);
    }

    /**
     * An org unit with a region and no validity limits.
     *
     * @param code   the code
     * @param region the region
     * @return the org unit
     */
    public static OrgUnit unit(String code, String region) {
        return new OrgUnit(code, "Enhet " + code, "Fylke", region, Optional.empty(), Optional.empty());
    }

    /**
     * The same submission with one value set, replaced or (with null) removed. A path names a top-level field
     * ({@code grantAmount}), a row field ({@code measures[0].budget}), or the header: {@code year}, {@code orgUnit}.
     *
     * @param s     the submission
     * @param path  the path
     * @param value the new value, or null to remove it
     * @return the changed copy
     */
    public static Submission with(Submission s, String path, Object value) {
        if (path.equals("year")) {
            return new Submission(s.schemeId(), ((Number) value).intValue(), s.orgUnit(), s.formVersion(), s.values());
        }
        if (path.equals("orgUnit")) {
            return new Submission(s.schemeId(), s.year(), (String) value, s.formVersion(), s.values());
        }
        Map<String, Object> values = deepCopy(s.values());
        Map<String, Object> target = values;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            Matcher m = STEP.matcher(steps[i]);
            if (!m.matches() || m.group(2) == null) {
                throw new IllegalArgumentException("path step '" + steps[i] + "' must name a row, e.g. measures[0]");
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) target.get(m.group(1));
            target = rows.get(Integer.parseInt(m.group(2)));
        }
        String last = steps[steps.length - 1];
        if (value == null) {
            target.remove(last);
        } else {
            target.put(last, value);
        }
        return new Submission(s.schemeId(), s.year(), s.orgUnit(), s.formVersion(), values);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : in.entrySet()) {
            Object v = e.getValue();
            if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                List<Object> rows = new ArrayList<>();
                for (Object row : list) {
                    rows.add(deepCopy((Map<String, Object>) row));
                }
                v = rows;
            }
            out.put(e.getKey(), v);
        }
        return out;
    }
}
