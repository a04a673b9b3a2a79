package no.tilskudd.api.form;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One question on a form.
 *
 * @param id           stable identifier, the key in a submission's values; comparable across years and schemes
 * @param type         the kind of value
 * @param label        the question as the form shows it
 * @param help         guidance for the person filling in the form
 * @param required     whether a value must be given
 * @param requiredWhen an expression over other fields; when it is true the field is required (e.g.
 *                     {@code goalsReached == 'notAll'})
 * @param constraints  limits on the value
 * @param choices      the code list, for choice and multi-choice fields; empty otherwise
 * @param fields       the fields of each row, for repeating groups; empty otherwise
 */
public record Field(
        String id,
        FieldType type,
        LocalizedText label,
        Optional<LocalizedText> help,
        boolean required,
        Optional<String> requiredWhen,
        Constraints constraints,
        List<Choice> choices,
        List<Field> fields) {

    /**
     * Checks the parts and freezes the lists.
     *
     * @param id stable identifier, the key in a submission's values; comparable across years and schemes
     * @param type the kind of value
     * @param label the question as the form shows it
     * @param help guidance for the person filling in the form
     * @param required whether a value must be given
     * @param requiredWhen an expression over other fields; when it is true the field is required (e.g. {@code goalsReached == 'notAll'})
     * @param constraints limits on the value
     * @param choices the code list, for choice and multi-choice fields; empty otherwise
     * @param fields the fields of each row, for repeating groups; empty otherwise
     */
    public Field {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(label, "label");
        choices = List.copyOf(choices);
        fields = List.copyOf(fields);
    }

    /**
     * Looks up a code in this field's code list.
     *
     * @param code the code
     * @return the choice, if the code is in the list
     */
    public Optional<Choice> choice(String code) {
        return choices.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /**
     * Looks up a field of a repeating group's rows.
     *
     * @param childId the row field's id
     * @return the row field, if this is a group that has it
     */
    public Optional<Field> field(String childId) {
        return fields.stream().filter(f -> f.id().equals(childId)).findFirst();
    }
}
