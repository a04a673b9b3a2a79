package no.tilskudd.api.submission;

import java.util.Objects;

/**
 * A part of a file that could not be read as a submission at all (broken syntax, wrong workbook).
 *
 * @param position where
 * @param code     a stable code, e.g. {@code JSON_SYNTAX}
 * @param message  what is wrong
 */
public record ReadProblem(SourcePosition position, String code, String message) {

    /**
     * Checks the parts.
     *
     * @param position where
     * @param code a stable code, e.g. {@code JSON_SYNTAX}
     * @param message what is wrong
     */
    public ReadProblem {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
