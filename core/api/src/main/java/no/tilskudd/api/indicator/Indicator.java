package no.tilskudd.api.indicator;

import java.util.Set;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Table;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns selected submissions into a table. An indicator computes; it never formats cells or reads the store.
 *
 * <p>An indicator must be stateless and must not block; one that throws is reported as a failure of that indicator
 * and the others still run.
 */
@ConsumerType
public interface Indicator {

    /**
     * A stable id, e.g. {@code goal-achievement}.
     *
     * @return the id
     */
    String id();

    /**
     * The caption of the indicator's table.
     *
     * @return the title
     */
    LocalizedText title();

    /**
     * The schemes this indicator applies to. In a host it serves only those of them that its bundle owns or is an
     * approved extension of ({@code Tilskudd-Extends}). An empty set marks a cross-scheme indicator: it runs for a
     * selection of several schemes (not in one scheme's report) and is given the submissions of all schemes in the
     * selected years.
     *
     * @return the scheme ids, or an empty set
     */
    Set<String> schemes();

    /**
     * Computes the table.
     *
     * @param input the selection, the submissions and the org-unit register
     * @return the table, with its N ({@link Table#withN(Table.Count)}); a table without one is reported as a
     *         failure of the indicator
     */
    Table compute(IndicatorInput input);
}
