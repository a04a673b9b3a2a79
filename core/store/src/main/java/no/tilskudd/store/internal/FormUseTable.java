package no.tilskudd.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import no.tilskudd.api.store.FormUse;
import no.tilskudd.api.store.AnswerScope;

/**
 * The count of submissions per scheme, year and form version (migration V13), kept by the store in the transaction
 * that inserts or deletes them, so that the forms in use of a scope without an org-unit restriction are a lookup of
 * a few rows instead of a {@code GROUP BY} over every selected submission.
 */
final class FormUseTable {

    /** A row's key. */
    record Key(String schemeId, int year, String formVersion) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::schemeId).thenComparingInt(Key::year)
            .thenComparing(Key::formVersion);

    private static final String UPDATE = "UPDATE form_use SET submissions = submissions + ?"
            + " WHERE scheme_id = ? AND report_year = ? AND form_version = ?";
    private static final String INSERT = "INSERT INTO form_use (scheme_id, report_year, form_version, submissions)"
            + " VALUES (?, ?, ?, ?)";

    private FormUseTable() {
    }

    /** A new, empty set of changes, in the order their rows are locked. */
    static Map<Key, Long> changes() {
        return new TreeMap<>(ORDER);
    }

    /**
     * Adds a save's changes to the counts, in the caller's transaction. The rows are changed in key order, so two
     * saves that change the same rows wait for each other instead of deadlocking. A row that another transaction
     * inserts at the same time makes this insert fail on the key: it then adds to that row.
     *
     * @param c       the connection, in the caller's transaction
     * @param changes the change of each row's count, from {@link #changes()}
     * @param dialect the database's dialect, to recognise a key violation
     * @throws SQLException when a statement fails
     */
    static void add(Connection c, Map<Key, Long> changes, Dialect dialect) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(UPDATE);
                PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (Map.Entry<Key, Long> e : changes.entrySet()) {
                if (e.getValue() == 0) {
                    continue;
                }
                if (update(update, e.getKey(), e.getValue()) == 1) {
                    continue;
                }
                Savepoint before = c.setSavepoint();
                try {
                    insert.setString(1, e.getKey().schemeId());
                    insert.setInt(2, e.getKey().year());
                    insert.setString(3, e.getKey().formVersion());
                    insert.setLong(4, e.getValue());
                    insert.executeUpdate();
                    c.releaseSavepoint(before);
                } catch (SQLException x) {
                    if (!dialect.isUniqueViolation(x)) {
                        throw x;
                    }
                    c.rollback(before);
                    if (update(update, e.getKey(), e.getValue()) != 1) {
                        throw new SQLException("form_use row " + e.getKey() + " is neither insertable nor there", x);
                    }
                }
            }
        }
    }

    private static int update(PreparedStatement update, Key key, long change) throws SQLException {
        update.setLong(1, change);
        update.setString(2, key.schemeId());
        update.setInt(3, key.year());
        update.setString(4, key.formVersion());
        return update.executeUpdate();
    }

    /**
     * The forms in use of a scope without an org-unit restriction.
     *
     * @param c     the connection
     * @param scope the scope; its org units must be absent
     * @return one entry per scheme, form version and year with submissions, ordered by scheme, year and form
     * @throws SQLException when the statement fails
     */
    static List<FormUse> read(Connection c, AnswerScope scope) throws SQLException {
        if (scope.orgUnits().isPresent()) {
            throw new IllegalArgumentException("the counts have no org units; the scope restricts them: " + scope);
        }
        StringBuilder sql = new StringBuilder("SELECT scheme_id, form_version, report_year, submissions FROM form_use"
                + " WHERE report_year BETWEEN ? AND ? AND submissions > 0");
        List<String> schemes = new ArrayList<>(new TreeSet<>(scope.schemes()));
        if (!schemes.isEmpty()) {
            sql.append(" AND scheme_id IN (").append("?, ".repeat(schemes.size() - 1)).append("?)");
        }
        sql.append(" ORDER BY scheme_id, report_year, form_version");
        List<FormUse> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setInt(1, scope.fromYear());
            ps.setInt(2, scope.toYear());
            for (int i = 0; i < schemes.size(); i++) {
                ps.setString(3 + i, schemes.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FormUse(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)));
                }
            }
        }
        return out;
    }
}
