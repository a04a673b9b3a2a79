package no.tilskudd.api.service;

import java.util.List;
import java.util.Objects;
import no.tilskudd.api.host.Role;

/**
 * Who uses the reporting service: the service decides from this what the caller may see and change, so that every
 * front end (the HTTP API, the command line) applies the same rules.
 *
 * @param actor    who acts, as in {@link no.tilskudd.api.audit.AuditEntry#actor()} ({@code web:anne}, {@code cli})
 * @param role     the role
 * @param orgUnits the org units a reporter reports for; ignored for the other roles
 * @since 2.4
 */
public record ReportingUser(String actor, Role role, List<String> orgUnits) {

    /**
     * Checks the parts and copies the units.
     *
     * @param actor who acts
     * @param role the role
     * @param orgUnits the org units a reporter reports for
     */
    public ReportingUser {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
        orgUnits = List.copyOf(orgUnits);
    }

    /**
     * An analyst or administrator working on the machine itself (the command line).
     *
     * @param actor who acts
     * @return a user with the administrator's rights
     */
    public static ReportingUser administrator(String actor) {
        return new ReportingUser(actor, Role.ADMIN, List.of());
    }

    /**
     * Whether the user is bound to its org units (a reporter), rather than seeing every unit.
     *
     * @return true for a reporter
     */
    public boolean isReporter() {
        return role == Role.REPORTER;
    }

    /**
     * Whether the user may see and fill in the reports of an org unit.
     *
     * @param orgUnit the unit's code
     * @return true for an analyst or administrator, and for a reporter bound to the unit
     */
    public boolean mayReportFor(String orgUnit) {
        return !isReporter() || orgUnits.contains(orgUnit);
    }
}
