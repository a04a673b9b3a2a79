package no.tilskudd.api.submission;

import java.util.List;

/**
 * What an importer read from one file.
 *
 * @param submissions the submissions it could read
 * @param problems    the parts it could not read; a file with problems is not imported
 */
public record ReadResult(List<ImportedSubmission> submissions, List<ReadProblem> problems) {

    /**
     * Freezes the lists.
     *
     * @param submissions the submissions it could read
     * @param problems the parts it could not read; a file with problems is not imported
     */
    public ReadResult {
        submissions = List.copyOf(submissions);
        problems = List.copyOf(problems);
    }
}
