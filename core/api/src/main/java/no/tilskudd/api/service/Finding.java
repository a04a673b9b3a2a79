package no.tilskudd.api.service;

import java.util.Objects;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.submission.SourcePosition;

/**
 * A violation or read problem, placed in its file.
 *
 * @param position the file and line or cell
 * @param path     the field path, or empty for problems that are not about a field
 * @param severity error or warning
 * @param code     the stable code
 * @param message  the message
 */
public record Finding(SourcePosition position, String path, Severity severity, String code, LocalizedText message) {

    /**
     * Checks the parts.
     *
     * @param position the file and line or cell
     * @param path the field path, or empty for problems that are not about a field
     * @param severity error or warning
     * @param code the stable code
     * @param message the message
     */
    public Finding {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
