package no.tilskudd.api.service;

import java.util.List;
import no.tilskudd.api.submission.Violation;

/**
 * What the engine finds in a report: the same violations, codes and messages as an import of the same values, and
 * which conditional fields currently apply.
 *
 * @param findings   every error and warning, in the order validation finds them; a violation's path is the field's
 *                   ({@code measures[1].cost}), or empty when it is about the whole report
 * @param applicable the paths of the conditional fields ({@code requiredWhen}) whose condition holds for these
 *                   values, rows of groups with their index ({@code measures[0].reason}), in form order
 * @since 2.4
 */
public record ReportCheck(List<Violation> findings, List<String> applicable) {

    /**
     * Freezes the lists.
     *
     * @param findings every error and warning
     * @param applicable the paths of the conditional fields whose condition holds
     */
    public ReportCheck {
        findings = List.copyOf(findings);
        applicable = List.copyOf(applicable);
    }

    /**
     * Whether any finding is an error (then the report cannot be submitted).
     *
     * @return true when an error was found
     */
    public boolean hasErrors() {
        return findings.stream().anyMatch(Violation::isError);
    }
}
