package no.tilskudd.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;

/**
 * What the benchmarks need of the store's internals, and nothing else may use. It lives in the bench module, in
 * the store's package, so that the store keeps these package-private.
 */
public final class BenchAccess {

    private BenchAccess() {
    }

    /**
     * Sets whether saves into a store also write their answers. Exists only so that the import benchmark can measure
     * the same import with and without the answers table in one run (issue 14's target: with the table at least half
     * as fast); the product never turns it off, and indicators over answers saved without it would be wrong.
     *
     * @param store the store
     * @param on    false to leave the answers out
     */
    public static void writeAnswers(SqlSubmissionStore store, boolean on) {
        store.writeAnswers = on;
    }

    /**
     * A connection as the owner of an open H2 store in a data directory (in this JVM): the benchmark turns off H2's
     * reuse of results of repeated queries on unchanged data (a setting for all connections that needs admin
     * rights), which would otherwise answer the repeated indicator queries from a cache instead of computing them,
     * and reads query plans with it.
     *
     * @param dataDirectory the store's directory
     * @return the connection
     * @throws SQLException when it cannot connect
     */
    public static Connection h2Owner(Path dataDirectory) throws SQLException {
        StoreCredentials credentials = StoreCredentials.read(dataDirectory);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(H2SubmissionStore.fileUrl(dataDirectory));
        ds.setUser(credentials.ownerUser());
        ds.setPassword(credentials.ownerPassword());
        return ds.getConnection();
    }

    /**
     * How many rows of the answers table a submission makes, for the benchmarks' descriptions of their data.
     *
     * @param s the submission
     * @return its rows
     */
    public static int answerRows(no.tilskudd.api.submission.Submission s) {
        return AnswerTable.answers(s).size();
    }
}
