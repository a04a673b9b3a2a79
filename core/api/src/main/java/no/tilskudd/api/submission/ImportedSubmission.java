package no.tilskudd.api.submission;

import java.util.Map;
import java.util.Objects;

/**
 * A submission read from a file, with where it was found.
 *
 * @param submission     the submission
 * @param position       where the submission starts in the file
 * @param fieldPositions where individual field paths were found (e.g. a cell per field in a workbook); may be empty
 */
public record ImportedSubmission(Submission submission, SourcePosition position,
        Map<String, SourcePosition> fieldPositions) {

    /**
     * Checks the parts and freezes the map.
     *
     * @param submission the submission
     * @param position where the submission starts in the file
     * @param fieldPositions where individual field paths were found (e.g. a cell per field in a workbook); may be empty
     */
    public ImportedSubmission {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(position, "position");
        fieldPositions = Map.copyOf(fieldPositions);
    }

    /**
     * The best position for a violation's path: the field's own position if known, else the submission's.
     *
     * @param path a violation path
     * @return the position to report
     */
    public SourcePosition positionOf(String path) {
        return fieldPositions.getOrDefault(path, position);
    }
}
