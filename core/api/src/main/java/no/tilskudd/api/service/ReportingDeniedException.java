package no.tilskudd.api.service;

import java.util.Objects;

/**
 * Thrown when a {@link ReportingUser} asks for what it may not: a reporter for another unit's report, or for what only
 * analysts and administrators may do (reopening, the reporting status). Nothing is read or changed.
 *
 * @since 2.4
 */
public class ReportingDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the request is refused. */
    public enum Reason {
        /** The report belongs to an org unit the reporter is not bound to. */
        NOT_YOUR_UNIT,
        /** Only an analyst or administrator may do this. */
        ROLE
    }

    /** Why it was refused. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason  why
     * @param message what was refused, for people
     */
    public ReportingDeniedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why the request is refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
