package no.tilskudd.store.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import no.tilskudd.api.store.Aggregate;
import no.tilskudd.api.store.Aggregation;
import no.tilskudd.api.store.Aggregation.Axis;
import no.tilskudd.api.store.Aggregation.Condition;
import no.tilskudd.api.store.Aggregation.Counting;
import no.tilskudd.api.store.AnswerScope;
import no.tilskudd.api.store.FormUse;

/**
 * Compiles an {@link Aggregation} to SQL over the {@code answer} and {@code submission} tables and runs it. Every
 * value from the aggregation is a bound parameter; only the shape of the statement (which joins, how many
 * placeholders) depends on it. The same statements run on H2 and PostgreSQL.
 *
 * <p>An item is a submission ({@code sid}, row index 0) or a group row ({@code sid}, its row index). When the rows
 * are a field's codes or bands and each item counts as itself, the statement reads that field's answers directly
 * (one index range, no join for the axis); otherwise it starts from the submissions or the group rows.
 */
final class AnswerQuery {

    private final Aggregation a;
    private final boolean top;
    private final String group;

    private final Optional<Regions> regions;

    /**
     * The regions to group org unit and year rows by, in SQL.
     *
     * @param table   the dialect's table expression over three array parameters
     * @param regions the region of each {@code orgUnit@year}
     * @param unknown the row of the items the map does not name
     */
    record Regions(String table, Map<String, String> regions, String unknown) {

        void join(Sql sql, String alias) {
            List<String> units = new ArrayList<>();
            List<Integer> years = new ArrayList<>();
            List<String> names = new ArrayList<>();
            regions.forEach((key, region) -> {
                int at = key.lastIndexOf('@');
                units.add(key.substring(0, at));
                years.add(Integer.valueOf(key.substring(at + 1)));
                names.add(region);
            });
            sql.add(" LEFT JOIN " + table + " ON g.org_unit = " + alias + ".org_unit AND g.report_year = " + alias
                    + ".report_year", units.toArray(String[]::new), years.toArray(Integer[]::new),
                    names.toArray(String[]::new));
        }
    }

    private AnswerQuery(Aggregation aggregation, Optional<Regions> regions) {
        this.regions = regions;
        this.a = aggregation;
        this.top = aggregation.counting() != Counting.ROW;
        this.group = aggregation.group().orElse("");
    }

    /**
     * Runs an aggregation.
     *
     * @param c           the connection
     * @param aggregation what to compute
     * @return the result
     * @throws SQLException when a statement fails
     */
    static Aggregate run(Connection c, Aggregation aggregation) throws SQLException {
        return run(c, aggregation, Optional.empty());
    }

    /**
     * Runs an aggregation, its org unit and year rows grouped by region when regions are given.
     *
     * @param c           the connection
     * @param aggregation what to compute
     * @param regions     the regions, for rows by org unit and year
     * @return the result
     * @throws SQLException when a statement fails
     */
    static Aggregate run(Connection c, Aggregation aggregation, Optional<Regions> regions) throws SQLException {
        return new AnswerQuery(aggregation, regions).run(c);
    }

    /**
     * The forms of the submissions in a scope.
     *
     * @param c     the connection
     * @param scope the scope
     * @return one entry per scheme, form version and year
     * @throws SQLException when the statement fails
     */
    static List<FormUse> formsInUse(Connection c, AnswerScope scope) throws SQLException {
        Sql sql = new Sql("SELECT d.scheme_id, d.form_version, d.report_year, COUNT(*) FROM submission d WHERE ");
        scope(sql, scope, Set.of());
        sql.add(" GROUP BY d.scheme_id, d.form_version, d.report_year"
                + " ORDER BY d.scheme_id, d.report_year, d.form_version");
        List<FormUse> out = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new FormUse(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)));
            }
        }
        return out;
    }

    /** Whether the rows are regions, joined in SQL; only the item countings' cells are (anyUnit never is). */
    private boolean byRegion() {
        return regions.isPresent() && a.rows().kind() == Axis.Kind.ORG_UNIT_YEAR;
    }

    private Aggregate run(Connection c) throws SQLException {
        return switch (a.counting()) {
            case REPORT, ROW -> items(c, Restriction.SCOPE);
            case SCHEME_UNIT, UNIT -> a.latest() ? items(c, Restriction.LATEST) : anyUnit(c);
        };
    }

    /** How the items of a statement are chosen. */
    private enum Restriction {
        /** By the scope and the filter. */
        SCOPE,
        /** The latest qualifying item of each unit. */
        LATEST
    }

    /** Each item counts once per cell it falls in, with its numbers. */
    private Aggregate items(Connection c, Restriction restriction) throws SQLException {
        List<Aggregate.Cell> cells = cells(c, restriction);
        boolean medians = !a.medians().isEmpty();
        List<Aggregate.Cell> totals;
        if (a.rows().single() && !medians) {
            totals = sumByColumn(cells);
        } else if (restriction == Restriction.LATEST && a.rows().field().isPresent()) {
            totals = latestTotals(c, true);
        } else {
            totals = totals(c, restriction, true);
        }
        Aggregate.Cell overall;
        if (a.columns().isEmpty() && !totals.isEmpty()) {
            Aggregate.Cell t = totals.get(0);
            overall = new Aggregate.Cell("", "", t.count(), t.sums(), t.given(), t.medians());
        } else if (!medians) {
            overall = sum("", "", totals);
        } else {
            List<Aggregate.Cell> all = restriction == Restriction.LATEST && a.rows().field().isPresent()
                    ? latestTotals(c, false) : totals(c, restriction, false);
            overall = all.isEmpty() ? sum("", "", List.of()) : all.get(0);
        }
        return new Aggregate(cells, totals, overall);
    }

    /**
     * The totals of the latest items when the rows are a field's values: read from the same ranked range of that
     * field as the cells, each item once (its answers on a multi-choice axis are one item). Before, the totals
     * ranked every submission in the scope again after an index probe for its answer on the axis, one probe per
     * submission, and probed once more per latest item. (The benchmark's latest countings are over single-choice
     * fields, whose totals are the sums of the cells, so this does not show in its figures.)
     */
    private List<Aggregate.Cell> latestTotals(Connection c, boolean byColumn) throws SQLException {
        Optional<Key> columns = byColumn ? a.columns().map(x -> x.field().isPresent() ? fieldKey(x, "c", "ck")
                : fixedKey(x, "d", "ck")) : Optional.empty();
        Sql sql = new Sql("SELECT ");
        if (columns.isPresent()) {
            sql.add(String.join(", ", columns.get().select) + ", ", columns.get().selectParams);
        }
        sql.add("COUNT(*)");
        measures(sql);
        // The item's columns, which are the same on each of its answers: DISTINCT leaves one row per item.
        sql.add(" FROM (SELECT DISTINCT d.submission_id, d.scheme_id, d.report_year, d.org_unit");
        latestItems(sql, true, true);
        sql.add(" WHERE d.rn = 1) d");
        if (a.columns().isPresent() && a.columns().get().field().isPresent()) {
            join(sql, "c", "d.submission_id", "0", a.columns().get());
        }
        measureJoins(sql, "d.submission_id", "0");
        return totals(c, sql, columns);
    }

    private List<Aggregate.Cell> cells(Connection c, Restriction restriction) throws SQLException {
        boolean fieldDriven = a.rows().field().isPresent();
        Sql sql = new Sql("SELECT ");
        String sid;
        String ri;
        Key rows;
        if (fieldDriven) {
            sid = "d.submission_id";
            ri = top ? "0" : "d.row_index";
            rows = fieldKey(a.rows(), "d", "rk");
        } else {
            sid = top ? "d.id" : "d.submission_id";
            ri = top ? "0" : "d.row_index";
            rows = byRegion() ? new Key(List.of("g.region AS rk"), List.of(), List.of("rk"), false)
                    : fixedKey(a.rows(), "d", "rk");
        }
        Optional<Key> columns = a.columns().map(x -> x.field().isPresent() ? fieldKey(x, "c", "ck")
                : fixedKey(x, "d", "ck"));
        List<String> keys = new ArrayList<>(rows.aliases);
        columns.ifPresent(k -> keys.addAll(k.aliases));
        sql.add(String.join(", ", rows.select), rows.selectParams);
        columns.ifPresent(k -> sql.add(", " + String.join(", ", k.select), k.selectParams));
        sql.add(", COUNT(*)");
        measures(sql);
        if (restriction == Restriction.LATEST) {
            latestItems(sql, fieldDriven, false);
        } else if (fieldDriven) {
            sql.add(" FROM answer d");
        } else {
            sql.add(top ? " FROM submission d" : " FROM answer d");
        }
        if (byRegion()) {
            regions.get().join(sql, "d");
        }
        if (a.columns().isPresent() && a.columns().get().field().isPresent()) {
            join(sql, "c", sid, ri, a.columns().get());
        }
        measureJoins(sql, sid, ri);
        sql.add(" WHERE ");
        if (restriction == Restriction.LATEST) {
            sql.add("d.rn = 1");
        } else if (fieldDriven) {
            sql.add("d.group_id = ? AND d.field_id = ? AND ", group, a.rows().field().get());
            axisCondition(sql, "d", a.rows());
        } else if (!top) {
            sql.add("d.group_id = ? AND d.field_id = '' AND d.kind = 'R'", group);
        } else {
            sql.add("1 = 1");
        }
        restrict(sql, restriction, sid, ri);
        sql.add(" GROUP BY " + String.join(", ", keys));
        List<Aggregate.Cell> out = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String row = rows.read(rs, 1);
                if (row == null && byRegion()) {
                    row = regions.get().unknown();
                }
                String column = columns.isPresent() ? columns.get().read(rs, 1 + rows.aliases.size()) : "";
                out.add(cell(rs, 1 + keys.size(), row, column));
            }
        }
        return out;
    }

    /** The column totals (or, with {@code byColumn} false, the overall total), each item once. */
    private List<Aggregate.Cell> totals(Connection c, Restriction restriction, boolean byColumn)
            throws SQLException {
        String sid = top ? "d.id" : "d.submission_id";
        String ri = top ? "0" : "d.row_index";
        Optional<Key> columns = byColumn ? a.columns().map(x -> x.field().isPresent() ? fieldKey(x, "c", "ck")
                : fixedKey(x, "d", "ck")) : Optional.empty();
        Sql sql = new Sql("SELECT ");
        if (columns.isPresent()) {
            sql.add(String.join(", ", columns.get().select) + ", ", columns.get().selectParams);
        }
        sql.add("COUNT(*)");
        measures(sql);
        sql.add(top ? " FROM submission d" : " FROM answer d");
        latestJoin(sql, restriction, sid);
        if (a.columns().isPresent() && a.columns().get().field().isPresent()) {
            join(sql, "c", sid, ri, a.columns().get());
        }
        measureJoins(sql, sid, ri);
        sql.add(top ? " WHERE 1 = 1" : " WHERE d.group_id = ? AND d.field_id = '' AND d.kind = 'R'",
                top ? new Object[0] : new Object[] {group});
        sql.add(" AND ");
        exists(sql, "r", sid, ri, a.rows());
        restrict(sql, restriction, sid, ri);
        return totals(c, sql, columns);
    }

    /** Units counted once in each cell any of their qualifying reports falls in, without numbers. */
    private Aggregate anyUnit(Connection c) throws SQLException {
        String unit = a.counting() == Counting.UNIT ? "d.org_unit" : "d.scheme_id, d.org_unit";
        Key rows = a.rows().field().isPresent() ? fieldKey(a.rows(), "d", "rk") : fixedKey(a.rows(), "d", "rk");
        Optional<Key> columns = a.columns().map(x -> x.field().isPresent() ? fieldKey(x, "c", "ck")
                : fixedKey(x, "d", "ck"));
        List<Aggregate.Cell> cells = new ArrayList<>();
        List<String> keys = new ArrayList<>(rows.aliases);
        columns.ifPresent(k -> keys.addAll(k.aliases));
        Sql sql = new Sql("SELECT " + String.join(", ", keys) + ", COUNT(*) FROM (SELECT DISTINCT " + unit + ", ");
        sql.add(String.join(", ", rows.select), rows.selectParams);
        columns.ifPresent(k -> sql.add(", " + String.join(", ", k.select), k.selectParams));
        anyItems(sql);
        sql.add(") u GROUP BY " + String.join(", ", keys));
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String row = rows.read(rs, 1);
                String column = columns.isPresent() ? columns.get().read(rs, 1 + rows.aliases.size()) : "";
                cells.add(countOnly(row, column, rs.getLong(1 + keys.size())));
            }
        }
        List<Aggregate.Cell> totals = new ArrayList<>();
        Sql t = new Sql("SELECT " + (columns.isPresent() ? String.join(", ", columns.get().aliases) + ", " : "")
                + "COUNT(*) FROM (SELECT DISTINCT " + unit);
        columns.ifPresent(k -> t.add(", " + String.join(", ", k.select), k.selectParams));
        anyItems(t);
        t.add(") u");
        columns.ifPresent(k -> t.add(" GROUP BY " + String.join(", ", k.aliases)));
        try (PreparedStatement ps = t.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String column = columns.isPresent() ? columns.get().read(rs, 1) : "";
                long count = rs.getLong(1 + (columns.isPresent() ? columns.get().aliases.size() : 0));
                if (count > 0 || columns.isPresent()) {
                    totals.add(countOnly("", column, count));
                }
            }
        }
        long overall;
        if (columns.isEmpty()) {
            overall = totals.isEmpty() ? 0 : totals.get(0).count();
        } else {
            Sql o = new Sql("SELECT COUNT(*) FROM (SELECT DISTINCT " + unit);
            anyItems(o);
            o.add(") u");
            try (PreparedStatement ps = o.prepare(c); ResultSet rs = ps.executeQuery()) {
                rs.next();
                overall = rs.getLong(1);
            }
        }
        return new Aggregate(cells, totals, countOnly("", "", overall));
    }

    /**
     * FROM and WHERE of the unit countings without latest: the items in the scope and the filter that have a value
     * on the rows axis (and on a field's column axis, joined as {@code c}), each as often as it has values there. On
     * a field's axis they are read from that field's answers, one index range, with the submission's columns that
     * the answers repeat; before, each submission in the scope was joined to its answer, one probe per submission.
     */
    private void anyItems(Sql sql) {
        boolean driven = a.rows().field().isPresent();
        String sid = driven ? "d.submission_id" : "d.id";
        sql.add(driven ? " FROM answer d" : " FROM submission d");
        if (a.columns().isPresent() && a.columns().get().field().isPresent()) {
            join(sql, "c", sid, "0", a.columns().get());
        }
        if (driven) {
            sql.add(" WHERE d.group_id = ? AND d.row_index = 0 AND d.field_id = ? AND ", group,
                    a.rows().field().get());
            axisCondition(sql, "d", a.rows());
        } else {
            sql.add(" WHERE 1 = 1");
        }
        restrict(sql, Restriction.SCOPE, sid, "0");
    }

    private Aggregate.Cell countOnly(String row, String column, long count) {
        int n = a.numbers().size();
        return new Aggregate.Cell(row, column, count, Collections.nCopies(n, BigDecimal.ZERO),
                Collections.nCopies(n, 0L), Collections.nCopies(n, Optional.empty()));
    }

    /**
     * Restricts the items by the scope and the filter; the latest items of the units are joined instead.
     */
    private void restrict(Sql sql, Restriction restriction, String sid, String ri) {
        if (restriction == Restriction.SCOPE) {
            sql.add(" AND ");
            scope(sql, a.scope(), a.forms());
            for (Condition f : a.filter()) {
                sql.add(" AND ");
                condition(sql, f, sid, ri);
            }
        }
        // The latest item of each unit is joined instead (latestJoin).
    }

    /**
     * Joins the latest qualifying item of each unit, as a derived table: H2 runs a subquery in {@code IN (...)} once
     * per outer row, which made the unit countings quadratic in the number of reports.
     */
    private void latestJoin(Sql sql, Restriction restriction, String sid) {
        if (restriction != Restriction.LATEST) {
            return;
        }
        String partition = a.counting() == Counting.UNIT ? "q.org_unit" : "q.scheme_id, q.org_unit";
        sql.add(" JOIN (SELECT w.sid FROM (SELECT q.sid, ROW_NUMBER() OVER (PARTITION BY "
                + partition + " ORDER BY q.report_year DESC, q.scheme_id DESC) AS rn FROM (SELECT d.id AS sid,"
                + " d.scheme_id, d.report_year, d.org_unit FROM submission d WHERE ");
        scope(sql, a.scope(), a.forms());
        for (Condition f : a.filter()) {
            sql.add(" AND ");
            condition(sql, f, "d.id", "0");
        }
        sql.add(" AND ");
        exists(sql, "r", "d.id", "0", a.rows());
        a.columns().ifPresent(x -> {
            sql.add(" AND ");
            exists(sql, "c", "d.id", "0", x);
        });
        sql.add(") q) w WHERE w.rn = 1) l ON l.sid = " + sid);
    }

    /**
     * The items among which each unit's latest is chosen, as a derived table {@code d}: the submission's columns
     * ({@code submission_id} when driven by the rows' field, with that field's answers; {@code id} otherwise) and
     * {@code rn}, 1 for the latest item of each unit. The items are read from one index range, the rows' field, or
     * else the first filter's field, or else the submissions, and ranked in the same pass: before, every submission
     * in the scope was ranked after an index probe for its answer on the axis, one probe per submission.
     */
    private void latestItems(Sql sql, boolean fieldDriven, boolean item) {
        String partition = a.counting() == Counting.UNIT ? "x.org_unit" : "x.scheme_id, x.org_unit";
        String rank = " OVER (PARTITION BY " + partition + " ORDER BY x.report_year DESC, x.scheme_id DESC) AS rn";
        List<Condition> conditions = a.filter();
        String sid = "x.submission_id";
        if (fieldDriven) {
            // A unit has one submission per scheme and year, so the ties of RANK are the answers of one item: all
            // of its codes on a multi-choice axis.
            sql.add(" FROM (SELECT " + (item ? "x.submission_id, x.scheme_id, x.report_year, x.org_unit"
                    : latestColumns("x.submission_id")) + ", RANK()" + rank
                    + " FROM answer x WHERE x.group_id = ? AND x.field_id = ? AND ", group, a.rows().field().get());
            axisCondition(sql, "x", a.rows());
        } else if (!conditions.isEmpty()) {
            // An item can have several answers that meet a condition (codes of a list): one of them is ranked 1.
            sql.add(" FROM (SELECT " + latestColumns("x.submission_id AS id") + ", ROW_NUMBER()" + rank
                    + " FROM answer x WHERE ");
            answers(sql, "x", conditions.get(0), "0");
            conditions = conditions.subList(1, conditions.size());
        } else {
            sql.add(" FROM (SELECT " + latestColumns("x.id") + ", ROW_NUMBER()" + rank
                    + " FROM submission x WHERE 1 = 1");
            sid = "x.id";
        }
        sql.add(" AND ");
        scope(sql, "x", a.scope(), a.forms());
        for (Condition f : conditions) {
            sql.add(" AND ");
            condition(sql, f, sid, "0");
        }
        if (a.columns().isPresent()) {
            sql.add(" AND ");
            exists(sql, "c", sid, "0", a.columns().get());
        }
        sql.add(") d");
    }

    /**
     * The columns of the latest items that the statement around them reads: the axes' values and, where answers are
     * joined to them, the submission ({@code sid}). Only those: H2 keeps a derived table of more than
     * {@code MAX_MEMORY_ROWS} rows (10,000 at a 256 MB heap) on disk, and wide rows made national goals over 20,000
     * reports take 3.3 s against 0.6 s narrow (bench, docs/performance.md).
     */
    private String latestColumns(String sid) {
        Set<String> out = new java.util.LinkedHashSet<>();
        // A column axis on a field and the measures are joined by submission.
        if (!a.numbers().isEmpty() || a.columns().flatMap(Axis::field).isPresent()) {
            out.add(sid);
            out.add("x.scheme_id");
            out.add("x.report_year");
        }
        List<Axis> axes = new ArrayList<>(List.of(a.rows()));
        a.columns().filter(x -> x.field().isEmpty()).ifPresent(axes::add);
        for (Axis axis : axes) {
            switch (axis.kind()) {
                case CODE -> out.add("x.code");
                case BAND -> out.add("x.num");
                case YEAR -> out.add("x.report_year");
                case SCHEME -> out.add("x.scheme_id");
                case ORG_UNIT_YEAR -> {
                    out.add("x.org_unit");
                    out.add("x.report_year");
                }
                default -> throw new IllegalStateException(axis.kind().toString());
            }
        }
        return String.join(", ", out);
    }

    private static void scope(Sql sql, AnswerScope scope, Set<FormUse> forms) {
        scope(sql, "d", scope, forms);
    }

    /** The scope's condition on the submission columns under {@code d}, a submission or an answer. */
    private static void scope(Sql sql, String d, AnswerScope scope, Set<FormUse> forms) {
        sql.add(d + ".report_year BETWEEN ? AND ?", scope.fromYear(), scope.toYear());
        if (scope.schemes().size() == 1) {
            sql.add(" AND " + d + ".scheme_id = ?", scope.schemes().iterator().next());
        } else if (!scope.schemes().isEmpty()) {
            sql.add(" AND " + d + ".scheme_id = ANY(?)",
                    (Object) new TreeSet<>(scope.schemes()).toArray(String[]::new));
        }
        if (scope.orgUnits().isPresent()) {
            Map<Integer, Set<String>> byYear = scope.orgUnits().get();
            List<Map.Entry<Integer, Set<String>>> years = byYear.entrySet().stream()
                    .filter(e -> !e.getValue().isEmpty()).toList();
            if (years.isEmpty()) {
                sql.add(" AND 1 = 0");
            } else {
                sql.add(" AND (");
                for (int i = 0; i < years.size(); i++) {
                    sql.add((i > 0 ? " OR " : "") + "(" + d + ".report_year = ? AND " + d + ".org_unit = ANY(?))",
                            years.get(i).getKey(), new TreeSet<>(years.get(i).getValue()).toArray(String[]::new));
                }
                sql.add(")");
            }
        }
        if (!forms.isEmpty()) {
            List<FormUse> list = new ArrayList<>(forms);
            sql.add(" AND (");
            for (int i = 0; i < list.size(); i++) {
                FormUse f = list.get(i);
                sql.add((i > 0 ? " OR " : "") + "(" + d + ".scheme_id = ? AND " + d + ".form_version = ? AND " + d
                        + ".report_year = ?)",
                        f.schemeId(), f.formVersion(), f.year());
            }
            sql.add(")");
        }
    }

    /**
     * That the answers under {@code alias} are of the submission {@code sid} (a column of a submission or an answer,
     * whose table also has the scheme and year): with the scheme and year the statement also says which range of
     * the index by field they are in, so that PostgreSQL can read the joined field's range into a hash join, where
     * by the submission alone it read the whole table.
     */
    private static String of(String alias, String sid) {
        String table = sid.substring(0, sid.indexOf('.'));
        return alias + ".submission_id = " + sid + " AND " + alias + ".scheme_id = " + table + ".scheme_id AND "
                + alias + ".report_year = " + table + ".report_year";
    }

    /** A condition on an item's field, as a correlated EXISTS. */
    private void condition(Sql sql, Condition f, String sid, String ri) {
        sql.add("EXISTS (SELECT 1 FROM answer f WHERE " + of("f", sid) + " AND ");
        answers(sql, "f", f, ri);
        sql.add(")");
    }

    /** The answers under {@code alias} that meet a condition on an item's field (row index {@code ri}). */
    private void answers(Sql sql, String alias, Condition f, String ri) {
        String x = alias + ".";
        sql.add(x + "group_id = ? AND " + x + "row_index = " + ri + " AND " + x + "field_id = ?", group, f.field());
        switch (f.op()) {
            case PRESENT -> { }
            case GT -> sql.add(" AND " + x + "kind = 'N' AND " + x + "num > ?", f.number().get());
            case GE -> sql.add(" AND " + x + "kind = 'N' AND " + x + "num >= ?", f.number().get());
            case LT -> sql.add(" AND " + x + "kind = 'N' AND " + x + "num < ?", f.number().get());
            case LE -> sql.add(" AND " + x + "kind = 'N' AND " + x + "num <= ?", f.number().get());
            case IN -> {
                sql.add(" AND " + x + "kind IN ('C', 'L') AND " + x + "code IN ("
                        + placeholders(f.codes().size()) + ")", f.codes().toArray());
            }
            case IS -> sql.add(" AND " + x + "kind = 'B' AND " + x + "code = ?", f.flag().get().toString());
            default -> throw new IllegalStateException(f.op().toString());
        }
    }

    /** That an item has a value on an axis (always, for the fixed axes). */
    private void exists(Sql sql, String alias, String sid, String ri, Axis axis) {
        if (axis.field().isEmpty()) {
            sql.add("1 = 1");
            return;
        }
        sql.add("EXISTS (SELECT 1 FROM answer " + alias + " WHERE " + of(alias, sid) + " AND "
                + alias + ".group_id = ? AND " + alias + ".row_index = " + ri + " AND " + alias + ".field_id = ? AND ",
                group, axis.field().get());
        axisCondition(sql, alias, axis);
        sql.add(")");
    }

    /** Joins the answers that give an item's value on an axis; none for a null axis. */
    private void join(Sql sql, String alias, String sid, String ri, Axis axis) {
        if (axis == null) {
            return;
        }
        sql.add(" JOIN answer " + alias + " ON " + of(alias, sid) + " AND " + alias
                + ".group_id = ? AND " + alias + ".row_index = " + ri + " AND " + alias + ".field_id = ? AND ",
                group, axis.field().get());
        axisCondition(sql, alias, axis);
    }

    private static void axisCondition(Sql sql, String alias, Axis axis) {
        if (axis.kind() == Axis.Kind.BAND) {
            sql.add(alias + ".kind = 'N'");
        } else {
            // Only the kinds C, L and B have a code, so the code alone says the kind: one condition less on
            // every answer read, which is most of the work of a statement over a field.
            sql.add(alias + ".code IN (" + placeholders(axis.codes().size()) + ")", axis.codes().toArray());
        }
    }

    private void measures(Sql sql) {
        for (int i = 0; i < a.numbers().size(); i++) {
            String m = "m" + a.numbers().indexOf(a.numbers().get(i));
            sql.add(", SUM(" + m + ".num), COUNT(" + m + ".num)");
            if (a.medians().contains(i)) {
                sql.add(", PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY " + m + ".num),"
                        + " PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY " + m + ".num DESC)");
            }
        }
    }

    /** Joins each field that a measure reads once, however many measures read it (a sum and a mean). */
    private void measureJoins(Sql sql, String sid, String ri) {
        for (int i = 0; i < a.numbers().size(); i++) {
            if (a.numbers().indexOf(a.numbers().get(i)) != i) {
                continue;
            }
            String m = "m" + i;
            sql.add(" LEFT JOIN answer " + m + " ON " + of(m, sid) + " AND " + m
                    + ".group_id = ? AND " + m + ".row_index = " + ri + " AND " + m + ".field_id = ? AND " + m
                    + ".kind = 'N'", group, a.numbers().get(i));
        }
    }

    /** Reads a cell's count (when {@code counted}, at {@code first}) and its numbers after it. */
    private Aggregate.Cell cell(ResultSet rs, int first, String row, String column) throws SQLException {
        int col = first;
        long count = rs.getLong(col++);
        List<BigDecimal> sums = new ArrayList<>();
        List<Long> given = new ArrayList<>();
        List<Optional<BigDecimal>> medians = new ArrayList<>();
        for (int i = 0; i < a.numbers().size(); i++) {
            BigDecimal sum = plain(rs.getBigDecimal(col++));
            sums.add(sum == null ? BigDecimal.ZERO : sum);
            given.add(rs.getLong(col++));
            if (a.medians().contains(i)) {
                BigDecimal low = plain(rs.getBigDecimal(col++));
                BigDecimal high = plain(rs.getBigDecimal(col++));
                medians.add(low == null ? Optional.empty() : Optional.of(low.add(high)
                        .divide(BigDecimal.valueOf(2), Math.max(low.scale(), high.scale()) + 1,
                                RoundingMode.UNNECESSARY)));
            } else {
                medians.add(Optional.empty());
            }
        }
        return new Aggregate.Cell(row, column, count, sums, given, medians);
    }

    /** A decimal float comes back as 1E+5 where the values were 100000: the same number, written as given. */
    private static BigDecimal plain(BigDecimal n) {
        return n != null && n.scale() < 0 ? n.setScale(0) : n;
    }

    private List<Aggregate.Cell> sumByColumn(List<Aggregate.Cell> cells) {
        Map<String, List<Aggregate.Cell>> byColumn = new LinkedHashMap<>();
        for (Aggregate.Cell cell : cells) {
            byColumn.computeIfAbsent(cell.column(), k -> new ArrayList<>()).add(cell);
        }
        List<Aggregate.Cell> out = new ArrayList<>();
        byColumn.forEach((column, list) -> out.add(sum("", column, list)));
        return out;
    }

    private Aggregate.Cell sum(String row, String column, List<Aggregate.Cell> cells) {
        int n = a.numbers().size();
        long count = 0;
        BigDecimal[] sums = new BigDecimal[n];
        long[] given = new long[n];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        for (Aggregate.Cell c : cells) {
            count += c.count();
            for (int i = 0; i < n; i++) {
                sums[i] = sums[i].add(c.sums().get(i));
                given[i] += c.given().get(i);
            }
        }
        List<Long> g = new ArrayList<>();
        for (long x : given) {
            g.add(x);
        }
        return new Aggregate.Cell(row, column, count, List.of(sums), g, Collections.nCopies(n, Optional.empty()));
    }

    /** The key of an axis on a field, read from the answers under {@code alias}. */
    private static Key fieldKey(Axis axis, String alias, String name) {
        if (axis.kind() == Axis.Kind.CODE) {
            return new Key(List.of(alias + ".code AS " + name), List.of(), List.of(name), false);
        }
        StringBuilder band = new StringBuilder("CASE");
        List<Object> params = new ArrayList<>();
        for (int i = axis.limits().size() - 1; i >= 0; i--) {
            band.append(" WHEN ").append(alias).append(".num >= ? THEN ").append(i + 1);
            params.add(axis.limits().get(i));
        }
        band.append(" ELSE 0 END AS ").append(name);
        return new Key(List.of(band.toString()), params, List.of(name), false);
    }

    /** The key of a fixed axis, read from the item's own columns under {@code alias}. */
    private static Key fixedKey(Axis axis, String alias, String name) {
        return switch (axis.kind()) {
            case YEAR -> new Key(List.of(alias + ".report_year AS " + name), List.of(), List.of(name), false);
            case SCHEME -> new Key(List.of(alias + ".scheme_id AS " + name), List.of(), List.of(name), false);
            case ORG_UNIT_YEAR -> new Key(List.of(alias + ".org_unit AS " + name + "u",
                    alias + ".report_year AS " + name + "y"), List.of(), List.of(name + "u", name + "y"), true);
            default -> throw new IllegalStateException(axis.kind().toString());
        };
    }

    /**
     * An axis's part of a statement: its select expressions with their parameters, the aliases they are grouped
     * by, and whether it is the org unit and year (two columns, read as {@code unit@year}).
     */
    private record Key(List<String> select, List<Object> selectParams, List<String> aliases, boolean unitYear) {

        String read(ResultSet rs, int column) throws SQLException {
            if (unitYear) {
                return rs.getString(column) + "@" + rs.getInt(column + 1);
            }
            return rs.getString(column);
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** A statement being built, with its parameters in the order of their placeholders. */
    private static final class Sql {
        private final StringBuilder text;
        private final List<Object> params = new ArrayList<>();

        Sql(String start) {
            text = new StringBuilder(start);
        }

        void add(String part, Object... values) {
            text.append(part);
            Collections.addAll(params, values);
        }

        void add(String part, List<Object> values) {
            text.append(part);
            params.addAll(values);
        }

        PreparedStatement prepare(Connection c) throws SQLException {
            PreparedStatement ps = c.prepareStatement(text.toString());
            try {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
            } catch (SQLException e) {
                ps.close();
                throw e;
            }
            return ps;
        }

        @Override
        public String toString() {
            return text + " " + params;
        }
    }

    /**
     * Runs a statement of totals, grouped by its columns where it has them: one cell per column, or a single cell
     * (left out when it counts nothing) without columns.
     */
    private List<Aggregate.Cell> totals(Connection c, Sql sql, Optional<Key> columns) throws SQLException {
        if (columns.isPresent()) {
            sql.add(" GROUP BY " + String.join(", ", columns.get().aliases));
        }
        List<Aggregate.Cell> out = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int first = 1;
                String column = "";
                if (columns.isPresent()) {
                    column = columns.get().read(rs, 1);
                    first += columns.get().aliases.size();
                }
                Aggregate.Cell cell = cell(rs, first, "", column);
                if (cell.count() > 0 || columns.isPresent()) {
                    out.add(cell);
                }
            }
        }
        return out;
    }

}
