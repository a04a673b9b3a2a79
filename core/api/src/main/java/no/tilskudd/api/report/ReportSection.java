package no.tilskudd.api.report;

import java.util.List;
import java.util.Objects;

/**
 * A titled section of a report.
 *
 * @param title  the heading
 * @param blocks the content in order
 */
public record ReportSection(String title, List<ReportBlock> blocks) {

    /**
     * Checks the parts and freezes the list.
     *
     * @param title the heading
     * @param blocks the content in order
     */
    public ReportSection {
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
    }
}
