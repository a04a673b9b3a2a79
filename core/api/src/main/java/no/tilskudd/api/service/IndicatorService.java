package no.tilskudd.api.service;

import java.util.List;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import org.osgi.annotation.versioning.ProviderType;

/** Runs the indicators that apply to a scheme over the stored submissions. */
@ProviderType
public interface IndicatorService {

    /**
     * Computes every indicator that applies to the selection's scheme. An indicator that fails is left out of the
     * tables and named among the failures; the others are not affected.
     *
     * @param selection what to compute over
     * @return the tables (in the order of the first scheme's descriptor, then by indicator id), and the failures
     * @throws SchemeChangedException when an indicator of the scheme was removed or replaced while it ran
     */
    Results compute(Selection selection);

    /**
     * The outcome of a computation.
     *
     * @param submissions how many submissions of the scheme were selected
     * @param tables      the tables: a scheme's declared indicators in the order its descriptor lists them, then the
     *                    others by id (since 2.3; before, all by id)
     * @param failures    one line per indicator that failed, with the reason
     */
    record Results(long submissions, List<Table> tables, List<String> failures) {
        /**
         * Freezes the lists.
         *
         * @param submissions how many submissions of the scheme were selected
         * @param tables the tables, ordered by indicator id
         * @param failures one line per indicator that failed, with the reason
         */
        public Results {
            tables = List.copyOf(tables);
            failures = List.copyOf(failures);
        }
    }
}
