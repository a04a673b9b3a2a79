package no.tilskudd.api.host;

import java.util.Locale;

/**
 * What a user may do: an administrator may do everything an analyst may. A reporter reports for the org units it is
 * bound to ({@link User#orgUnits()}) and may do nothing an analyst or administrator may.
 */
public enum Role {
    /** Imports, indicators, reports, templates. */
    ANALYST,
    /** Also plugins (bundles), users and the audit trail. */
    ADMIN,
    /**
     * Reports for its org units (at least one): fills in, saves and submits their reports through
     * {@link no.tilskudd.api.service.ReportingService}, and nothing else.
     */
    REPORTER;

    /**
     * The role's id in the users file and the API.
     *
     * @return the id
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether this role may do what another allows.
     *
     * @param other the role something needs
     * @return whether this role may do it
     */
    public boolean includes(Role other) {
        return this == ADMIN || this == other;
    }

    /**
     * Whether a user of this role is bound to org units: a reporter needs at least one, the others have none.
     *
     * @return whether the role has org units
     */
    public boolean hasOrgUnits() {
        return this == REPORTER;
    }

    /**
     * Reads a role id.
     *
     * @param id a role id
     * @return the role
     * @throws IllegalArgumentException for an unknown id, naming the roles there are
     */
    public static Role parse(String id) {
        for (Role r : values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + id + "' (roles: " + ids() + ")");
    }

    /**
     * The role ids, for messages.
     *
     * @return {@code admin, analyst, reporter}
     */
    public static String ids() {
        return ADMIN.id() + ", " + ANALYST.id() + ", " + REPORTER.id();
    }
}
