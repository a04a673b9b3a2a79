package no.tilskudd.plugins.support.oracle;

import java.util.Objects;
import java.util.Set;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.report.Table;

/**
 * An indicator made of an id, a title, the schemes it applies to and a table spec.
 *
 * @param id      the indicator id
 * @param title   the caption
 * @param schemes the schemes it applies to (empty: every scheme, cross-scheme)
 * @param spec    what it computes
 */
public record ConfiguredIndicator(String id, LocalizedText title, Set<String> schemes, TableSpec spec)
        implements Indicator {

    /** Checks the parts and freezes the set. */
    public ConfiguredIndicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        schemes = Set.copyOf(schemes);
        Objects.requireNonNull(spec, "spec");
    }

    @Override
    public Table compute(IndicatorInput input) {
        return spec.compute(id, title, input);
    }
}
