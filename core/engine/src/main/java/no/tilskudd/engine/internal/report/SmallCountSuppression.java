package no.tilskudd.engine.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.Table.Row;
import no.tilskudd.api.report.Table.RowKind;
import no.tilskudd.api.report.Table.Suppressed;
import no.tilskudd.api.report.Table.Suppression;
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
     * @return the table with hidden cells and its {@link Table#suppression()} set, or the same table if nothing was
     *         hidden
     */
    public static Table apply(Table table, int threshold) {
        if (threshold < 2) {
            return table; // no whole count lies between 1 and the threshold
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : table.rows()) {
            rows.add(new ArrayList<>(r.cells()));
        }
        Suppressed primaryReason = new Suppressed(Suppressed.Reason.BELOW_THRESHOLD);
        Suppressed secondaryReason = new Suppressed(Suppressed.Reason.REVEALS_HIDDEN);
        boolean primary = false;
        for (int c = 0; c < table.columns().size(); c++) {
            boolean persons = false;
            for (int r = 0; r < rows.size(); r++) {
                if (table.kind(r, c) != ValueKind.PERSONS) {
                    continue;
                }
                persons = true;
                List<Object> row = rows.get(r);
                if (row.get(c) instanceof Number n && n.doubleValue() > 0 && n.doubleValue() < threshold) {
                    row.set(c, primaryReason);
                    primary = true;
                }
            }
            if (!persons) {
                continue;
            }
            int groupStart = 0;
            for (int t = 0; t < rows.size(); t++) {
                if (table.rows().get(t).kind() != RowKind.TOTAL) {
                    continue;
                }
                protectGroup(rows, c, groupStart, t, secondaryReason);
                groupStart = t + 1;
            }
        }
        if (!primary) {
            return table;
        }
        List<Row> hidden = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            hidden.add(new Row(table.rows().get(r).kind(), rows.get(r)));
        }
        return new Table(table.id(), table.title(), table.columns(), hidden, table.n(), table.notes(), table.chart(),
                Optional.of(new Suppression(threshold)));
    }

    private static boolean protectGroup(List<List<Object>> rows, int c, int from, int total, Suppressed reason) {
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
        rows.get(smallest >= 0 ? smallest : total).set(c, reason);
        return true;
    }
}
