package no.tilskudd.api.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Aggregates over the answers of stored submissions, computed where the data is. A store that offers it keeps every
 * answer in a normalised form, written in the same transaction as its submission, so that an aggregate always sees
 * exactly what is stored: no regeneration step, and nothing but the result leaves the database.
 *
 * <p>The answers are read as the in-memory readers of the engine read them: a number is a number value, a code is a
 * non-blank text or an element of a list of texts (each once), a yes/no value is a boolean.
 *
 * @since 1.3
 */
@ProviderType
public interface AnswerAggregates {

    /**
     * The forms the stored submissions in a scope were made against, so that a caller can tell which of them ask the
     * fields an aggregation names.
     *
     * @param scope which submissions
     * @return one entry per scheme, form version and year, with the number of submissions
     * @throws StoreException when the store fails
     */
    List<FormUse> formsInUse(AnswerScope scope);

    /**
     * Computes an aggregation.
     *
     * @param aggregation what to compute
     * @return the cells, the column totals and the overall total
     * @throws StoreException when the store fails
     */
    Aggregate aggregate(Aggregation aggregation);

    /**
     * Computes an aggregation whose rows are {@link Aggregation.Axis.Kind#ORG_UNIT_YEAR}, grouped by region in the
     * store: each cell's row is the region of its org unit in its year, from {@code regions}, or {@code unknown}
     * where the map has none. Only for aggregations whose cells add up (no medians, each item in one row); the
     * caller would otherwise read one cell per org unit and year and add them up itself.
     *
     * @param aggregation what to compute, with org unit and year as its rows
     * @param regions     the region of each {@code orgUnit + "@" + year} that may be stored
     * @param unknown     the row of the items whose org unit and year the map does not name
     * @return the cells by region with the totals, or empty when this store does not group by region itself
     * @throws StoreException when the store fails
     * @since 1.7
     */
    default Optional<Aggregate> aggregateByRegion(Aggregation aggregation, Map<String, String> regions,
            String unknown) {
        return Optional.empty();
    }
}
