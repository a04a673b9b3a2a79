package no.tilskudd.api.form;

import java.util.List;
import java.util.Objects;

/**
 * A titled part of a form, holding fields in the order the form shows them.
 *
 * @param id     stable identifier
 * @param title  the heading
 * @param fields the fields
 */
public record Section(String id, LocalizedText title, List<Field> fields) {

    /**
     * Checks the parts and freezes the list.
     *
     * @param id stable identifier
     * @param title the heading
     * @param fields the fields
     */
    public Section {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        fields = List.copyOf(fields);
    }
}
