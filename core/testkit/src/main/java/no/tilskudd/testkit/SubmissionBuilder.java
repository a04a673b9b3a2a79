package no.tilskudd.testkit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.submission.Submission;

/**
 * Builds a submission with the value types the core uses: whole numbers become {@code Long}, decimals
 * {@code BigDecimal}, arrays of strings a multi-choice list, and rows of a repeating group ordered maps.
 */
public final class SubmissionBuilder {

    private final String schemeId;
    private final int year;
    private final String orgUnit;
    private Optional<String> formVersion = Optional.empty();
    private final Map<String, Object> values = new LinkedHashMap<>();

    SubmissionBuilder(String schemeId, int year, String orgUnit) {
        this.schemeId = schemeId;
        this.year = year;
        this.orgUnit = orgUnit;
    }

    /**
     * Sets a top-level value.
     *
     * @param fieldId the field id
     * @param value   the value (String, Integer/Long, Double/BigDecimal, Boolean, String[] or List for multi-choice)
     * @return this builder
     */
    public SubmissionBuilder with(String fieldId, Object value) {
        values.put(fieldId, normalise(value));
        return this;
    }

    /**
     * Removes a value, to test what happens when it is missing.
     *
     * @param fieldId the field id
     * @return this builder
     */
    public SubmissionBuilder without(String fieldId) {
        values.remove(fieldId);
        return this;
    }

    /**
     * Adds a row to a repeating group.
     *
     * @param groupId   the group's field id
     * @param keyValues field ids and values, alternating
     * @return this builder
     * @throws IllegalArgumentException when the pairs do not add up
     */
    @SuppressWarnings("unchecked")
    public SubmissionBuilder withRow(String groupId, Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("withRow takes field ids and values in pairs");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put(String.valueOf(keyValues[i]), normalise(keyValues[i + 1]));
        }
        Object existing = values.get(groupId);
        List<Object> rows = existing instanceof List<?> l ? new ArrayList<>((List<Object>) l) : new ArrayList<>();
        rows.add(row);
        values.put(groupId, rows);
        return this;
    }

    /**
     * Names the form version explicitly (otherwise the form for the year is used).
     *
     * @param version the form version
     * @return this builder
     */
    public SubmissionBuilder formVersion(String version) {
        this.formVersion = Optional.of(version);
        return this;
    }

    /**
     * Builds the submission.
     *
     * @return the submission
     */
    public Submission build() {
        return new Submission(schemeId, year, orgUnit, formVersion, values);
    }

    private static Object normalise(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double || v instanceof Float) {
            return new BigDecimal(v.toString());
        }
        if (v instanceof String[] arr) {
            return List.of(arr);
        }
        return v;
    }
}
