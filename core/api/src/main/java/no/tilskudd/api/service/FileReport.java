package no.tilskudd.api.service;

import java.util.List;
import no.tilskudd.api.form.Severity;

/**
 * What happened to one file.
 *
 * @param file        the file name
 * @param submissions how many submissions were read
 * @param rejected    how many of them had errors
 * @param findings    every error and warning, in file order
 * @param stored      whether the file was stored (always false for a check)
 * @param inserted    submissions stored as new
 * @param replaced    submissions that replaced stored ones
 */
public record FileReport(String file, int submissions, int rejected, List<Finding> findings, boolean stored,
        int inserted, int replaced) {

    /**
     * Freezes the list.
     *
     * @param file the file name
     * @param submissions how many submissions were read
     * @param rejected how many of them had errors
     * @param findings every error and warning, in file order
     * @param stored whether the file was stored (always false for a check)
     * @param inserted submissions stored as new
     * @param replaced submissions that replaced stored ones
     */
    public FileReport {
        findings = List.copyOf(findings);
    }

    /**
     * Tells whether the file has errors (then nothing of it is stored).
     *
     * @return true if any finding is an error
     */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
