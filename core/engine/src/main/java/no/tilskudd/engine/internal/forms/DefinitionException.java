package no.tilskudd.engine.internal.forms;

/** A scheme descriptor or form definition that cannot be used; the message names the file, the JSON path and why. */
public final class DefinitionException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message file, JSON path and reason
     */
    public DefinitionException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message file, JSON path and reason
     * @param cause   the underlying failure
     */
    public DefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
