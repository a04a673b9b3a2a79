package no.tilskudd.api.report;

import java.util.Objects;

/**
 * A column of a report table.
 *
 * @param label the heading
 * @param kind  what the column holds
 */
public record TableColumn(String label, ValueKind kind) {

    /**
     * Checks the parts.
     *
     * @param label the heading
     * @param kind what the column holds
     */
    public TableColumn {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
    }
}
