package no.tilskudd.engine.internal.report;

import java.util.ArrayList;
import java.util.List;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.ReportBlock.Suppressed;
import no.tilskudd.api.report.ValueKind;

/**
 * Hides small person counts in published tables so that no child or family can be recognised.
 *
 * <p>Primary suppression hides every cell of a {@link ValueKind#PERSONS} column from 1 to threshold − 1 (zero
 * identifies no one). Secondary suppression then makes sure that a hidden cell cannot be worked out from a total
 * row: where a group of rows above a total has exactly one hidden cell in a column, the next smallest cell of the
 * group is hidden too (or the total, if there is no other cell). Counts of municipalities ({@link ValueKind#COUNT})
 * are never hidden.
 */
public final class SmallCountSuppression {

    private SmallCountSuppression() {
    }

    /**
     * Applies suppression to a table.
     *
     * @param table     the table
     * @param threshold the smallest count shown
     * @param en        English notes instead of bokmål
     * @return the table with hidden cells and a footnote that says why, or the same table if nothing was hidden
     */
    public static ReportBlock.Table apply(ReportBlock.Table table, int threshold, boolean en) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : table.rows()) {
            rows.add(new ArrayList<>(r));
        }
        String primaryReason = en ? "fewer than " + threshold : "færre enn " + threshold;
        String secondaryReason = en ? "would reveal a hidden count" : "ville avsløre et skjult tall";
        boolean primary = false;
        boolean secondary = false;
        for (int c = 0; c < table.columns().size(); c++) {
            boolean persons = false;
            for (int r = 0; r < rows.size(); r++) {
                if (table.kind(r, c) != ValueKind.PERSONS) {
                    continue;
                }
                persons = true;
                List<Object> row = rows.get(r);
                if (row.get(c) instanceof Number n && n.doubleValue() > 0 && n.doubleValue() < threshold) {
                    row.set(c, new Suppressed(primaryReason));
                    primary = true;
                }
            }
            if (!persons) {
                continue;
            }
            int groupStart = 0;
            for (int t = 0; t < rows.size(); t++) {
                if (!table.totalRows().contains(t)) {
                    continue;
                }
                secondary |= protectGroup(rows, c, groupStart, t, secondaryReason);
                groupStart = t + 1;
            }
        }
        if (!primary) {
            return table;
        }
        List<String> notes = new ArrayList<>(table.footnotes());
        notes.add(en ? "– Hidden to protect privacy: the count is below " + threshold
                + (secondary ? ", or would reveal a hidden count through a total." : ".")
                : "– Skjult av personvernhensyn: tallet er lavere enn " + threshold
                        + (secondary ? ", eller ville avsløre et skjult tall gjennom en sum." : "."));
        return new ReportBlock.Table(table.id(), table.title(), table.columns(), rows, table.n(), notes,
                table.totalRows(), table.rowKinds());
    }

    private static boolean protectGroup(List<List<Object>> rows, int c, int from, int total, String reason) {
        int hidden = 0;
        int smallest = -1;
        double smallestValue = Double.MAX_VALUE;
        for (int r = from; r < total; r++) {
            Object v = rows.get(r).get(c);
            if (v instanceof Suppressed) {
                hidden++;
            } else if (v instanceof Number n && n.doubleValue() > 0 && n.doubleValue() < smallestValue) {
                smallest = r;
                smallestValue = n.doubleValue();
            }
        }
        if (hidden != 1 || rows.get(total).get(c) instanceof Suppressed) {
            return false;
        }
        rows.get(smallest >= 0 ? smallest : total).set(c, new Suppressed(reason));
        return true;
    }
}
