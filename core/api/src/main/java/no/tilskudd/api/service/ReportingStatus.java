package no.tilskudd.api.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import no.tilskudd.api.store.ReportStatus;

/**
 * Who of the units expected to report for a scheme and year has started, submitted, or not begun.
 *
 * @param schemeId the scheme
 * @param year     the reporting year
 * @param basis    where the list of expected units comes from
 * @param units    every expected unit, and every unit that reported without being expected, by code
 * @since 2.4
 */
public record ReportingStatus(String schemeId, int year, Basis basis, List<Unit> units) {

    /** Where the expected units come from. */
    public enum Basis {
        /** The grant register has rows for the scheme and year: the units with a grant. */
        GRANTS,
        /** It has none: the units that reported for the year before. */
        PREVIOUS_YEAR
    }

    /**
     * One unit.
     *
     * @param code     the org unit code
     * @param name     its name, or the code when the register does not know it
     * @param region   its reporting region, or empty
     * @param expected whether it is expected to report (false: it reported without being expected)
     * @param status   draft, submitted or reopened; empty when missing. A submission stored by an import counts as
     *                 submitted.
     * @param updated  when its report last changed
     * @param contacts who to remind, as {@code name <how>} texts: the reporters bound to the unit, then what the
     *                 grant register holds for it (the case number of its grant)
     */
    public record Unit(String code, String name, String region, boolean expected, Optional<ReportStatus> status,
            Optional<Instant> updated, List<String> contacts) {

        /**
         * Checks the parts.
         *
         * @param code the org unit code
         * @param name its name
         * @param region its region
         * @param expected whether it is expected
         * @param status its report's status, empty when missing
         * @param updated when its report last changed
         * @param contacts who to remind
         */
        public Unit {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(updated, "updated");
            contacts = List.copyOf(contacts);
        }

        /**
         * Whether the unit still owes a report: it has none, or only a draft, or a reopened one not submitted again.
         * These are the units a reminder goes to.
         *
         * @return true when its status is not submitted
         */
        public boolean owing() {
            return status.filter(s -> s == ReportStatus.SUBMITTED).isEmpty();
        }
    }

    /**
     * Checks the parts and freezes the list.
     *
     * @param schemeId the scheme
     * @param year the reporting year
     * @param basis where the expected units come from
     * @param units the units
     */
    public ReportingStatus {
        Objects.requireNonNull(schemeId, "schemeId");
        Objects.requireNonNull(basis, "basis");
        units = List.copyOf(units);
    }

    /**
     * How many units are expected.
     *
     * @return the count
     */
    public long expected() {
        return units.stream().filter(Unit::expected).count();
    }

    /**
     * How many expected units have a draft (or a reopened report) but no current submission.
     *
     * @return the count
     */
    public long drafts() {
        return units.stream().filter(u -> u.expected() && u.status().filter(s -> s != ReportStatus.SUBMITTED)
                .isPresent()).count();
    }

    /**
     * How many expected units have submitted.
     *
     * @return the count
     */
    public long submitted() {
        return units.stream().filter(u -> u.expected() && u.status().filter(s -> s == ReportStatus.SUBMITTED)
                .isPresent()).count();
    }

    /**
     * How many expected units have not begun.
     *
     * @return the count
     */
    public long missing() {
        return units.stream().filter(u -> u.expected() && u.status().isEmpty()).count();
    }
}
