package no.tilskudd.store.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import no.tilskudd.api.submission.Submission;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes answers to PostgreSQL with {@code COPY ... FROM STDIN}, in the caller's transaction: the server reads the
 * rows as one stream instead of one insert each, which is most of the cost of an import's some 34 answer rows per
 * submission (bench ImportBenchmark, docs/performance.md). A class of its own, so that a store on H2 never loads the
 * PostgreSQL driver's classes.
 */
final class PostgresAnswerCopy {

    private static final String COPY = "COPY answer (submission_id, scheme_id, report_year, org_unit, form_version,"
            + " group_id, row_index, field_id, kind, code, num) FROM STDIN";

    /** The text sent to the server at a time. */
    private static final int CHUNK = 1 << 16;

    private PostgresAnswerCopy() {
    }

    /**
     * Writes the answers of stored submissions.
     *
     * @param c           a connection to PostgreSQL, in the caller's transaction
     * @param ids         the submissions' ids, in the order of {@code submissions}
     * @param submissions the submissions, each with its form version
     * @throws SQLException when the copy fails
     */
    static void copy(Connection c, long[] ids, List<Submission> submissions) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            StringBuilder text = new StringBuilder(CHUNK + 4096);
            for (int i = 0; i < submissions.size(); i++) {
                Submission s = submissions.get(i);
                // The columns every answer of the submission repeats, written once.
                StringBuilder head = new StringBuilder();
                head.append(ids[i]).append('\t');
                field(head, s.schemeId());
                head.append(s.year()).append('\t');
                field(head, s.orgUnit());
                field(head, s.formVersion().orElseThrow());
                for (AnswerTable.Answer a : AnswerTable.answers(s)) {
                    text.append(head);
                    field(text, a.group());
                    text.append(a.row()).append('\t');
                    field(text, a.field());
                    text.append(a.kind()).append('\t');
                    if (a.code() == null) {
                        text.append("\\N\t");
                    } else {
                        field(text, a.code());
                    }
                    BigDecimal n = a.number();
                    text.append(n == null ? "\\N" : n.toPlainString()).append('\n');
                    if (text.length() >= CHUNK) {
                        send(in, text);
                    }
                }
            }
            send(in, text);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void send(CopyIn in, StringBuilder text) throws SQLException {
        if (text.length() > 0) {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }
    }

    /** A text column and its tab: COPY's text format escapes the backslash and the characters that end a column. */
    private static void field(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        out.append('\t');
    }
}
