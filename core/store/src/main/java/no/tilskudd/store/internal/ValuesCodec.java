package no.tilskudd.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilskudd.api.store.StoreException;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.SubmissionKey;

/**
 * Writes submission values as JSON text and reads them back as the same Java types: integers come back as
 * {@link Long}, decimals as {@link BigDecimal} with their scale, objects as {@link LinkedHashMap} in their order.
 */
final class ValuesCodec {

    private static final TypeReference<LinkedHashMap<String, Object>> VALUES = new TypeReference<>() {
    };

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /**
     * The values of a submission as JSON.
     *
     * @param submission the submission
     * @return the JSON text
     * @throws IllegalArgumentException when a value is of a type that would not come back as itself
     */
    String write(Submission submission) {
        for (Map.Entry<String, Object> e : submission.values().entrySet()) {
            check(submission.key(), e.getKey(), e.getValue());
        }
        try {
            return mapper.writeValueAsString(submission.values());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the values of submission " + submission.key()
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Values read back from JSON.
     *
     * @param json the JSON text
     * @param key  the submission it belongs to, for the message
     * @return the values in their stored order
     * @throws StoreException when the text is not a JSON object
     */
    Map<String, Object> read(String json, SubmissionKey key) {
        try {
            return mapper.readValue(json, VALUES);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored values of submission " + key + " are not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    // Double and Float are refused on purpose: they would come back as BigDecimal with a scale chosen by their
    // binary representation, and the API promises BigDecimal for decimals.
    private static void check(SubmissionKey key, String path, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigDecimal) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(key, path + "[" + i + "]", list.get(i));
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String name)) {
                    throw new IllegalArgumentException("submission " + key + ": field " + path
                            + " is a map with a key that is not a string: " + e.getKey());
                }
                check(key, path + "." + name, e.getValue());
            }
            return;
        }
        throw new IllegalArgumentException("submission " + key + ": field " + path + " has a value of type "
                + value.getClass().getName() + ", which cannot be stored; use String, Long, BigDecimal, Boolean,"
                + " or lists and maps of these");
    }
}
