package no.tilskudd.store.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.SubmissionKey;

/**
 * Writes the answers of submissions to the normalised {@code answer} table (migration V5), in the caller's
 * transaction. The values are read the way the engine's in-memory readers read them, so that an aggregate over this
 * table and an evaluation over the decoded submissions agree: numbers of any Java number type, non-blank texts as
 * codes, lists of texts as their distinct non-blank codes, booleans, and repeating groups as lists of rows.
 */
final class AnswerTable {

    /** Longer texts are free text, never a code: they are kept as "present" only, so the table stays narrow. */
    static final int MAX_CODE = 200;

    private static final int BATCH_SIZE = 2000;

    private static final String INSERT = "INSERT INTO answer (submission_id, scheme_id, report_year, org_unit,"
            + " form_version, group_id, row_index, field_id, kind, code, num) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** One row of the table, without the submission's columns. */
    record Answer(String group, int row, String field, char kind, String code, BigDecimal number) {
    }

    /**
     * The answers of one submission.
     *
     * @param s the submission
     * @return its rows
     */
    static List<Answer> answers(Submission s) {
        List<Answer> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : s.values().entrySet()) {
            Object v = e.getValue();
            if (v instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(o -> o instanceof Map)) {
                out.add(new Answer("", 0, e.getKey(), 'P', null, null));
                for (int i = 0; i < list.size(); i++) {
                    out.add(new Answer(e.getKey(), i, "", 'R', null, null));
                    Map<?, ?> row = (Map<?, ?>) list.get(i);
                    for (Map.Entry<?, ?> f : row.entrySet()) {
                        if (f.getKey() instanceof String field) {
                            value(out, e.getKey(), i, field, f.getValue());
                        }
                    }
                }
            } else {
                value(out, "", 0, e.getKey(), v);
            }
        }
        return out;
    }

    private static void value(List<Answer> out, String group, int row, String field, Object v) {
        if (v == null) {
            return;
        }
        BigDecimal number = number(v);
        if (number != null) {
            out.add(new Answer(group, row, field, 'N', null, number));
        } else if (v instanceof Boolean b) {
            out.add(new Answer(group, row, field, 'B', b.toString(), null));
        } else if (v instanceof String t) {
            if (!t.isBlank()) {
                out.add(t.length() <= MAX_CODE ? new Answer(group, row, field, 'C', t, null)
                        : new Answer(group, row, field, 'P', null, null));
            }
        } else if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                return;
            }
            Set<String> codes = new LinkedHashSet<>();
            boolean longCode = false;
            for (Object o : list) {
                if (o instanceof String t && !t.isBlank()) {
                    if (t.length() <= MAX_CODE) {
                        codes.add(t);
                    } else {
                        longCode = true;
                    }
                }
            }
            for (String c : codes) {
                out.add(new Answer(group, row, field, 'L', c, null));
            }
            if (codes.isEmpty() || longCode) {
                out.add(new Answer(group, row, field, 'P', null, null));
            }
        } else {
            out.add(new Answer(group, row, field, 'P', null, null));
        }
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return null;
    }

    /**
     * Writes the answers of stored submissions.
     *
     * @param c           the connection, in the caller's transaction
     * @param ids         the submissions' ids, in the order of {@code submissions}
     * @param submissions the submissions, each with its form version
     * @throws SQLException when an insert fails
     */
    static void insert(Connection c, long[] ids, List<Submission> submissions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int pending = 0;
            for (int i = 0; i < submissions.size(); i++) {
                Submission s = submissions.get(i);
                for (Answer a : answers(s)) {
                    ps.setLong(1, ids[i]);
                    ps.setString(2, s.schemeId());
                    ps.setInt(3, s.year());
                    ps.setString(4, s.orgUnit());
                    ps.setString(5, s.formVersion().orElseThrow());
                    ps.setString(6, a.group());
                    ps.setInt(7, a.row());
                    ps.setString(8, a.field());
                    ps.setString(9, String.valueOf(a.kind()));
                    ps.setString(10, a.code());
                    ps.setBigDecimal(11, a.number());
                    ps.addBatch();
                    if (++pending == BATCH_SIZE) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /**
     * Writes the answers of the submissions stored before the answer table existed, once: in one transaction with
     * clearing the pending flag, so that a failure leaves the flag set and the next start does it again.
     *
     * @param owner the owner's connection, in auto-commit, under the migration lock
     * @param codec reads the stored values
     * @return how many submissions got their answers; 0 when nothing was pending
     * @throws SQLException when a statement fails
     */
    static long backfill(Connection owner, ValuesCodec codec) throws SQLException {
        boolean autoCommit = owner.getAutoCommit();
        owner.setAutoCommit(false);
        try {
            boolean pending;
            try (Statement st = owner.createStatement();
                    ResultSet rs = st.executeQuery("SELECT pending FROM answer_backfill")) {
                pending = rs.next() && rs.getBoolean(1);
            }
            long done = 0;
            if (pending) {
                try (Statement st = owner.createStatement()) {
                    st.execute("DELETE FROM answer");
                }
                List<Submission> chunk = new ArrayList<>();
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement ps = owner.prepareStatement("SELECT id, scheme_id, report_year, org_unit,"
                        + " form_version, values_json FROM submission ORDER BY id")) {
                    ps.setFetchSize(500);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            SubmissionKey key = new SubmissionKey(rs.getString(2), rs.getInt(3), rs.getString(4));
                            ids.add(rs.getLong(1));
                            chunk.add(new Submission(key.schemeId(), key.year(), key.orgUnit(),
                                    java.util.Optional.of(rs.getString(5)), codec.read(rs.getString(6), key)));
                            if (chunk.size() == 500) {
                                insert(owner, ids.stream().mapToLong(Long::longValue).toArray(), chunk);
                                done += chunk.size();
                                chunk.clear();
                                ids.clear();
                            }
                        }
                    }
                }
                if (!chunk.isEmpty()) {
                    insert(owner, ids.stream().mapToLong(Long::longValue).toArray(), chunk);
                    done += chunk.size();
                }
                try (Statement st = owner.createStatement()) {
                    st.executeUpdate("UPDATE answer_backfill SET pending = FALSE");
                }
            }
            owner.commit();
            return done;
        } catch (SQLException | RuntimeException e) {
            owner.rollback();
            throw e;
        } finally {
            owner.setAutoCommit(autoCommit);
        }
    }
}
