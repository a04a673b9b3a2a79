package no.tilskudd.plugins.support.oracle;

import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.report.Table;

/** One kind of indicator table, computed from the submissions of a selection. Implementations hold no state. */
@FunctionalInterface
public interface TableSpec {

    /**
     * Computes the table.
     *
     * @param id    the indicator id the table carries
     * @param title the table's caption
     * @param input the selection, submissions and org-unit register
     * @return the table with its N
     */
    Table compute(String id, LocalizedText title, IndicatorInput input);
}
