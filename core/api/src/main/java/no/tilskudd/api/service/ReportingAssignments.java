package no.tilskudd.api.service;

import java.util.List;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.store.ReportDraft;

/**
 * What a user may report: its units, the forms installed for each scheme and year, and its reports so far.
 *
 * @param units   a reporter's own units; every unit of the register for the other roles
 * @param forms   every scheme and year an installed form covers, by scheme, then year
 * @param reports the browser reports of these units, by scheme, year and unit
 * @since 2.4
 */
public record ReportingAssignments(List<OrgUnit> units, List<ReportForm> forms, List<ReportDraft> reports) {

    /**
     * Freezes the lists.
     *
     * @param units the units
     * @param forms the forms by scheme and year
     * @param reports the reports so far
     */
    public ReportingAssignments {
        units = List.copyOf(units);
        forms = List.copyOf(forms);
        reports = List.copyOf(reports);
    }
}
