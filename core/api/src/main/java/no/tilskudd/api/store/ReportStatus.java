package no.tilskudd.api.store;

import java.util.Locale;

/**
 * Where a report filled in through the browser stands.
 *
 * @since 1.6
 */
public enum ReportStatus {
    /** Saved, not submitted: the reporter may go on editing it. */
    DRAFT,
    /** Submitted: stored as an ordinary submission, and closed to changes until an analyst reopens it. */
    SUBMITTED,
    /** Submitted once, then reopened by an analyst or administrator: the reporter may edit and submit it again. */
    REOPENED;

    /**
     * The status's id in the store and the API.
     *
     * @return {@code draft}, {@code submitted} or {@code reopened}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a status id.
     *
     * @param id a status id
     * @return the status
     * @throws IllegalArgumentException for an unknown id
     */
    public static ReportStatus parse(String id) {
        for (ReportStatus s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown report status '" + id + "'");
    }
}
