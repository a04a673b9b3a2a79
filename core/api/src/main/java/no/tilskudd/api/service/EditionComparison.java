package no.tilskudd.api.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What changed between a frozen edition and the live figures of its publication, and why: the figures that differ,
 * and the submissions added, replaced or deleted since the edition was frozen.
 *
 * @param publicationId the publication
 * @param edition       the edition
 * @param cutOff        the edition's data cut-off
 * @param figures       each figure (cell or N) that differs, in table order
 * @param submissions   each submission that differs, by scheme, year and org unit
 * @since 2.3
 */
public record EditionComparison(String publicationId, String edition, Instant cutOff, List<FigureChange> figures,
        List<SubmissionChange> submissions) {

    /**
     * Checks the parts and freezes the lists.
     *
     * @param publicationId the publication
     * @param edition       the edition
     * @param cutOff        the edition's data cut-off
     * @param figures       the figures that differ
     * @param submissions   the submissions that differ
     */
    public EditionComparison {
        Objects.requireNonNull(publicationId, "publicationId");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(cutOff, "cutOff");
        figures = List.copyOf(figures);
        submissions = List.copyOf(submissions);
    }

    /**
     * Whether the live figures are those of the edition.
     *
     * @return true when no figure differs
     */
    public boolean unchanged() {
        return figures.isEmpty();
    }

    /**
     * One figure that differs.
     *
     * @param table  the publication's table id
     * @param row    the row, by its label (or {@code N} for the table's N)
     * @param column the column id (empty for N)
     * @param frozen the edition's value as text, empty when the edition has no such cell
     * @param live   the live value as text, empty when the live table has no such cell
     */
    public record FigureChange(String table, String row, String column, Optional<String> frozen,
            Optional<String> live) {
        /**
         * Checks the parts.
         *
         * @param table  the table id
         * @param row    the row
         * @param column the column id
         * @param frozen the edition's value
         * @param live   the live value
         */
        public FigureChange {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(frozen, "frozen");
            Objects.requireNonNull(live, "live");
        }
    }

    /** How a submission differs from the edition. */
    public enum Change {
        /** Stored since the edition was frozen, for a scheme, year and org unit it did not have. */
        ADDED,
        /** Stored again (e.g. {@code import --replace}) since the edition was frozen. */
        REPLACED,
        /** Used by the edition and no longer stored. */
        DELETED
    }

    /**
     * One submission that differs.
     *
     * @param change   added, replaced or deleted
     * @param schemeId the scheme
     * @param year     the reporting year
     * @param orgUnit  the org unit code
     * @param frozen   when the one the edition used was stored
     * @param live     when the one stored now was stored
     * @param source   the file the one stored now came from (empty when deleted)
     */
    public record SubmissionChange(Change change, String schemeId, int year, String orgUnit, Optional<Instant> frozen,
            Optional<Instant> live, Optional<String> source) {
        /**
         * Checks the parts.
         *
         * @param change   added, replaced or deleted
         * @param schemeId the scheme
         * @param year     the reporting year
         * @param orgUnit  the org unit code
         * @param frozen   when the edition's one was stored
         * @param live     when the current one was stored
         * @param source   the current one's file
         */
        public SubmissionChange {
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(schemeId, "schemeId");
            Objects.requireNonNull(orgUnit, "orgUnit");
            Objects.requireNonNull(frozen, "frozen");
            Objects.requireNonNull(live, "live");
            Objects.requireNonNull(source, "source");
        }
    }
}
