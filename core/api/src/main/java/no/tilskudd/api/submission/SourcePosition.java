package no.tilskudd.api.submission;

import java.util.Objects;

/**
 * A place in an input file, for error messages.
 *
 * @param file     the file name as the user gave it
 * @param location where in the file: {@code 12} or {@code 12:5} (line, or line and column), or a cell such as
 *                 {@code 'Tiltak'!C7}
 */
public record SourcePosition(String file, String location) {

    /**
     * Checks the parts.
     *
     * @param file the file name as the user gave it
     * @param location where in the file: {@code 12} or {@code 12:5} (line, or line and column), or a cell such as {@code 'Tiltak'!C7}
     */
    public SourcePosition {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String toString() {
        return location.isEmpty() ? file : file + ":" + location;
    }
}
