package no.tilskudd.api.form;

import java.util.Objects;

/**
 * One entry of a code list.
 *
 * @param code  the stable code stored in submissions, e.g. {@code notAll}
 * @param label what a form shows for the code
 */
public record Choice(String code, LocalizedText label) {

    /**
     * Checks the parts.
     *
     * @param code the stable code stored in submissions, e.g. {@code notAll}
     * @param label what a form shows for the code
     */
    public Choice {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
    }
}
