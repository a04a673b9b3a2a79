package no.tilskudd.engine.internal.standard.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;

/** Small helpers for building indicator tables. */
public final class Tables {

    /** The note under every table with percentages. */
    public static final LocalizedText ROUNDING_NOTE = new LocalizedText(
            "Prosent er avrundet til hele tall (0,5 rundes opp); summen kan derfor avvike fra 100.",
            "Percentages are rounded to whole numbers (a half is rounded up), so they may not add up to 100.");

    private Tables() {
    }

    /**
     * A column.
     *
     * @param id   the column id (the key in JSON output)
     * @param nb   the heading in bokmål
     * @param en   the heading in English
     * @param kind what the column holds
     * @return the column
     */
    public static Table.Column column(String id, String nb, String en, ValueKind kind) {
        return new Table.Column(id, new LocalizedText(nb, en), kind);
    }

    /**
     * The cells of a row, which may hold nulls (empty cells), which {@code List.of} does not allow.
     *
     * @param cells the cells
     * @return a modifiable list of cells
     */
    public static List<Object> cells(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    /**
     * An ordinary row.
     *
     * @param cells the cells (null for an empty cell)
     * @return the row
     */
    public static Table.Row row(Object... cells) {
        return Table.Row.data(cells);
    }

    /**
     * A total row: its numbers are the sums of the rows above it, back to the previous total.
     *
     * @param cells the cells (null for an empty cell)
     * @return the row
     */
    public static Table.Row total(Object... cells) {
        return Table.Row.total(cells);
    }

    /**
     * An N that states what it counts.
     *
     * @param n  the N
     * @param nb what is counted, in bokmål (e.g. "rapporter")
     * @param en what is counted, in English
     * @return the N
     */
    public static Table.Count n(long n, String nb, String en) {
        return Table.Count.of(n, new LocalizedText(nb, en));
    }

    /**
     * Remarks under a table.
     *
     * @param texts the texts
     * @return the notes
     */
    public static List<Table.Note> remarks(LocalizedText... texts) {
        return Arrays.stream(texts).map(Table.Note::remark).toList();
    }
}
