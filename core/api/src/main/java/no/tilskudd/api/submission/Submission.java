package no.tilskudd.api.submission;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One filled-in report form: what one org unit reported to one scheme for one year.
 *
 * <p>Values are keyed by field id and hold plain Java values: {@link String} (text, choice, date),
 * {@link Long} (integer, year), {@link java.math.BigDecimal} (decimal, amount, percent), {@link Boolean},
 * {@code List<String>} (multi-choice) and {@code List<Map<String, Object>>} (the rows of a repeating group).
 *
 * @param schemeId    the scheme
 * @param year        the reporting year
 * @param orgUnit     the municipality or district code
 * @param formVersion the form version it was made against; empty means the form for that year
 * @param values      the answers, by field id
 */
public record Submission(String schemeId, int year, String orgUnit, Optional<String> formVersion,
        Map<String, Object> values) {

    /**
     * Checks the parts and freezes the values (keeping their order).
     *
     * @param schemeId the scheme
     * @param year the reporting year
     * @param orgUnit the municipality or district code
     * @param formVersion the form version it was made against; empty means the form for that year
     * @param values the answers, by field id
     */
    public Submission {
        Objects.requireNonNull(schemeId, "schemeId");
        Objects.requireNonNull(orgUnit, "orgUnit");
        Objects.requireNonNull(formVersion, "formVersion");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The value of a top-level field.
     *
     * @param fieldId the field id
     * @return the value, if given
     */
    public Optional<Object> value(String fieldId) {
        return Optional.ofNullable(values.get(fieldId));
    }

    /**
     * The rows of a repeating group.
     *
     * @param groupId the group's field id
     * @return the rows, or an empty list when the group is absent or not a list of rows
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> rows(String groupId) {
        Object v = values.get(groupId);
        if (v instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
            return (List<Map<String, Object>>) v;
        }
        return List.of();
    }

    /**
     * The same submission with its form version filled in.
     *
     * @param version the resolved form version
     * @return a copy that names the version
     */
    public Submission withFormVersion(String version) {
        return new Submission(schemeId, year, orgUnit, Optional.of(version), values);
    }

    /**
     * The key that identifies a report: only one submission per scheme, year and org unit is stored.
     *
     * @return the key
     */
    public SubmissionKey key() {
        return new SubmissionKey(schemeId, year, orgUnit);
    }
}
