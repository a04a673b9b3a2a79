package no.tilskudd.api.service;

/**
 * A scheme, or an indicator that applies to it, was removed or replaced while its indicators or report were made.
 * The result would describe plugins that are no longer installed, or mix tables of two versions, so it is refused
 * whole; running again gives the result for what is installed then.
 */
public final class SchemeChangedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The code of the refusal, as in the findings of an import refused for the same reason. */
    public static final String CODE = "SCHEME_CHANGED";

    /** The scheme whose result was refused. */
    private final String schemeId;

    /**
     * Creates the refusal.
     *
     * @param schemeId the scheme
     * @param message  what went away and what is refused; the code is put in front
     */
    public SchemeChangedException(String schemeId, String message) {
        super(CODE + ": " + message);
        this.schemeId = schemeId;
    }

    /**
     * The scheme whose result was refused.
     *
     * @return the scheme id
     */
    public String schemeId() {
        return schemeId;
    }
}
