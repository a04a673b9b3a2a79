package no.tilskudd.engine.internal.standard.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.IndicatorColumn;
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
    public static IndicatorColumn column(String id, String nb, String en, ValueKind kind) {
        return new IndicatorColumn(id, new LocalizedText(nb, en), kind);
    }

    /**
     * A row that may hold nulls (empty cells), which {@code List.of} does not allow.
     *
     * @param cells the cells
     * @return a modifiable row
     */
    public static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    /**
     * A note that states what N counts.
     *
     * @param n  the N
     * @param nb what is counted, in bokmål (e.g. "rapporter")
     * @param en what is counted, in English
     * @return the note
     */
    public static LocalizedText nNote(long n, String nb, String en) {
        return new LocalizedText("N = " + n + " " + nb + ".", "N = " + n + " " + en + ".");
    }
}
