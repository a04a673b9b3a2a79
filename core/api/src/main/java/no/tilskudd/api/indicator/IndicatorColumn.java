package no.tilskudd.api.indicator;

import java.util.Objects;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.ValueKind;

/**
 * A column of an indicator table.
 *
 * @param id    stable id, used as the key in JSON output
 * @param label the heading
 * @param kind  what the column holds
 */
public record IndicatorColumn(String id, LocalizedText label, ValueKind kind) {

    /**
     * Checks the parts.
     *
     * @param id stable id, used as the key in JSON output
     * @param label the heading
     * @param kind what the column holds
     */
    public IndicatorColumn {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
    }
}
