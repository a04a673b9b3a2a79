package no.tilskudd.engine.internal.publications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;

/**
 * Turns a table with a column (or a group of columns) per year into one with a row per year: each row of the
 * indicator becomes a column, {@code row1}, {@code row2}, ... (with the measure's suffix, e.g. {@code row1-count}),
 * labelled with the row's label. Totals of the original rows are not totals of the new ones, so the new table has
 * none; N and the notes stay. A column that would be empty in every year is left out.
 */
final class YearsAsRows {

    private static final Pattern YEAR_COLUMN = Pattern.compile("((?:19|20)[0-9]{2})(.*)");

    private YearsAsRows() {
    }

    static Table transpose(Table t) {
        Map<String, Map<String, Integer>> byYear = new LinkedHashMap<>();
        Set<String> suffixes = new LinkedHashSet<>();
        for (int c = 1; c < t.columns().size(); c++) {
            Matcher m = YEAR_COLUMN.matcher(t.columns().get(c).id());
            if (!m.matches()) {
                throw new IllegalArgumentException("table '" + t.id() + "': column '" + t.columns().get(c).id()
                        + "' is not of a year, so the years cannot be turned into rows");
            }
            byYear.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).put(m.group(2), c);
            suffixes.add(m.group(2));
        }
        List<Table.Column> columns = new ArrayList<>();
        columns.add(new Table.Column("year", new LocalizedText("År", "Year"), ValueKind.YEAR));
        for (int r = 0; r < t.rows().size(); r++) {
            Object label = t.rows().get(r).cells().get(0);
            LocalizedText rowLabel = label instanceof LocalizedText l ? l : LocalizedText.of(String.valueOf(label));
            for (String suffix : suffixes) {
                int first = byYear.values().stream().filter(m -> m.containsKey(suffix)).findFirst()
                        .map(m -> m.get(suffix)).orElseThrow();
                LocalizedText measure = t.columns().get(first).label();
                String year = t.columns().get(first).id().substring(0, 4);
                LocalizedText text = suffixes.size() == 1 ? rowLabel : new LocalizedText(
                        rowLabel.nb() + " " + measure.nb().replace(year, "").trim(),
                        rowLabel.in(java.util.Locale.ENGLISH) + " "
                                + measure.in(java.util.Locale.ENGLISH).replace(year, "").trim());
                columns.add(new Table.Column("row" + (r + 1) + suffix, text, t.kind(r, first)));
            }
        }
        List<Table.Row> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> y : byYear.entrySet()) {
            List<Object> cells = new ArrayList<>();
            cells.add(Long.valueOf(y.getKey()));
            for (int r = 0; r < t.rows().size(); r++) {
                for (String suffix : suffixes) {
                    Integer c = y.getValue().get(suffix);
                    cells.add(c == null ? null : t.rows().get(r).cells().get(c));
                }
            }
            rows.add(new Table.Row(Table.RowKind.DATA, cells));
        }
        // A measure a row never has (the percent of the N row) would be a column of dashes: it is left out.
        List<Integer> keep = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            int col = c;
            if (c == 0 || rows.stream().anyMatch(r -> r.cells().get(col) != null)) {
                keep.add(c);
            }
        }
        List<Table.Column> kept = keep.stream().map(columns::get).toList();
        List<Table.Row> keptRows = new ArrayList<>();
        for (Table.Row r : rows) {
            List<Object> cells = new ArrayList<>();
            keep.forEach(c -> cells.add(r.cells().get(c)));
            keptRows.add(new Table.Row(r.kind(), cells));
        }
        return new Table(t.id(), t.title(), kept, keptRows, t.n(), t.notes(), t.chart(), t.suppression());
    }
}
