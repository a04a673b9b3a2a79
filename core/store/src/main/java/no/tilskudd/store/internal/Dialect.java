package no.tilskudd.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import no.tilskudd.api.store.StoreException;
import no.tilskudd.api.submission.Submission;

/**
 * Everything the store does differently on H2 and on PostgreSQL: its migration scripts, how migrations are kept to
 * one at a time, how the application user gets its rights, how a unique-key violation is recognised, and how the
 * answers of an import are written. The rest of the store's SQL is the same on both.
 */
enum Dialect {

    /**
     * Embedded H2. Only one process can have a file database open, so a lock in this JVM, per database, keeps
     * migrations to one at a time.
     */
    H2("/no/tilskudd/store/internal/migration/") {
        @Override
        MigrationLock migrationLock(Connection owner, String database, long waitSeconds) {
            ReentrantLock lock = H2_LOCKS.computeIfAbsent(database, d -> new ReentrantLock());
            try {
                if (!lock.tryLock(waitSeconds, TimeUnit.SECONDS)) {
                    throw new StoreException("the schema of " + database + " is being migrated by another store in "
                            + "this process (waited " + waitSeconds + " s)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while waiting to migrate " + database, e);
            }
            return lock::unlock;
        }

        @Override
        void grantApplication(Connection owner, String app, String password) throws SQLException {
            try (Statement st = owner.createStatement()) {
                // Generated passwords are URL-safe base64: nothing in them can end the literal.
                st.execute("CREATE USER IF NOT EXISTS " + app + " PASSWORD '" + password + "'");
                st.execute("ALTER USER " + app + " SET PASSWORD '" + password + "'");
                st.execute("ALTER USER " + app + " ADMIN FALSE");
                for (Map.Entry<String, String> table : SqlSubmissionStore.APP_PRIVILEGES.entrySet()) {
                    st.execute("REVOKE ALL ON " + table.getKey() + " FROM " + app);
                    st.execute("GRANT " + table.getValue() + " ON " + table.getKey() + " TO " + app);
                }
            }
        }
    },

    /**
     * PostgreSQL, which several hosts may share: a session-level advisory lock of the database keeps migrations to
     * one at a time across all of them. The users exist already (a database administrator creates them); the owner
     * only grants the application user its rights, and the store refuses an application user with more.
     */
    POSTGRESQL("/no/tilskudd/store/internal/migration/postgresql/") {
        @Override
        MigrationLock migrationLock(Connection owner, String database, long waitSeconds) throws SQLException {
            try (Statement st = owner.createStatement()) {
                st.execute("SET lock_timeout = '" + waitSeconds + "s'");
                try {
                    st.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK_KEY + ")");
                } catch (SQLException e) {
                    throw new StoreException("the schema of " + database + " is being migrated by another host "
                            + "(waited " + waitSeconds + " s for its lock): " + e.getMessage(), e);
                } finally {
                    st.execute("RESET lock_timeout");
                }
            }
            return () -> {
                try (Statement st = owner.createStatement()) {
                    st.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK_KEY + ")");
                }
            };
        }

        @Override
        void grantApplication(Connection owner, String app, String password) throws SQLException {
            checkApplicationRole(owner, app);
            String schema;
            String database;
            try (Statement st = owner.createStatement();
                    ResultSet rs = st.executeQuery("SELECT current_schema(), current_database()")) {
                rs.next();
                schema = rs.getString(1);
                database = rs.getString(2);
            }
            try (Statement st = owner.createStatement()) {
                // Only the owner creates objects. Where the owner does not own the schema (PostgreSQL before 15),
                // these revoke nothing and the check below names what is left to revoke.
                st.execute("REVOKE CREATE ON SCHEMA " + quote(schema) + " FROM PUBLIC, " + quote(app));
                st.execute("REVOKE CREATE, TEMPORARY ON DATABASE " + quote(database) + " FROM PUBLIC, " + quote(app));
                st.execute("GRANT USAGE ON SCHEMA " + quote(schema) + " TO " + quote(app));
                for (Map.Entry<String, String> table : SqlSubmissionStore.APP_PRIVILEGES.entrySet()) {
                    st.execute("REVOKE ALL ON " + table.getKey() + " FROM " + quote(app));
                    st.execute("GRANT " + table.getValue() + " ON " + table.getKey() + " TO " + quote(app));
                }
            }
            try (PreparedStatement ps = owner.prepareStatement("SELECT has_schema_privilege(?, ?, 'CREATE'), "
                    + "has_database_privilege(?, ?, 'CREATE')")) {
                ps.setString(1, app);
                ps.setString(2, schema);
                ps.setString(3, app);
                ps.setString(4, database);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1) || rs.getBoolean(2)) {
                        throw new StoreException("the application user " + app + " may still create objects in "
                                + (rs.getBoolean(1) ? "schema " + schema : "database " + database)
                                + " (granted by another role); revoke CREATE from it and from PUBLIC there");
                    }
                }
            }
        }

        private void checkApplicationRole(Connection owner, String app) throws SQLException {
            try (PreparedStatement ps = owner.prepareStatement("SELECT rolsuper, rolcreaterole, rolcreatedb, "
                    + "rolbypassrls, pg_has_role(oid, current_user, 'MEMBER') FROM pg_roles WHERE rolname = ?")) {
                ps.setString(1, app);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("the application user " + app + " (store.user) does not exist on "
                                + "the PostgreSQL server; create it: CREATE ROLE " + quote(app)
                                + " LOGIN PASSWORD '...'");
                    }
                    String[] rights = {"SUPERUSER", "CREATEROLE", "CREATEDB", "BYPASSRLS"};
                    for (int i = 0; i < rights.length; i++) {
                        if (rs.getBoolean(i + 1)) {
                            throw new StoreException("the application user " + app + " (store.user) has "
                                    + rights[i] + "; it must have no more than the rights the store grants it: "
                                    + "ALTER ROLE " + quote(app) + " NO" + rights[i]);
                        }
                    }
                    if (rs.getBoolean(5)) {
                        throw new StoreException("the application user " + app + " (store.user) is the owner or "
                                + "has the owner's rights (store.owner); use a separate role");
                    }
                }
            }
        }

        @Override
        void insertAnswers(Connection c, long[] ids, List<Submission> submissions) throws SQLException {
            PostgresAnswerCopy.copy(c, ids, submissions);
        }
    };

    /** The key of the advisory lock that migrations hold (an arbitrary number: "tilskudd" in ASCII). */
    static final long MIGRATION_LOCK_KEY = 0x74696c736b756464L;

    private static final Map<String, ReentrantLock> H2_LOCKS = new ConcurrentHashMap<>();

    private final String migrationBase;

    Dialect(String migrationBase) {
        this.migrationBase = migrationBase;
    }

    /** The resource folder of this database's migration scripts (the same names, in the same order, on both). */
    String migrationBase() {
        return migrationBase;
    }

    /**
     * Waits until no other store migrates this database, and keeps others out until the lock is closed.
     *
     * @param owner       the owner's connection (unused on H2)
     * @param database    the database, for the message (and, on H2, the key of the lock)
     * @param waitSeconds how long to wait
     * @return the lock, released by closing it
     * @throws StoreException when the wait is over
     * @throws SQLException   when the database cannot take the lock
     */
    abstract MigrationLock migrationLock(Connection owner, String database, long waitSeconds) throws SQLException;

    /**
     * Gives the application user exactly the rights of {@link SqlSubmissionStore#APP_PRIVILEGES}, creating it where
     * the store manages its users (H2).
     *
     * @param owner    the owner's connection, in auto-commit
     * @param app      the application user
     * @param password its password (used on H2 only)
     * @throws SQLException   when a statement fails
     * @throws StoreException when the user has rights it must not have
     */
    abstract void grantApplication(Connection owner, String app, String password) throws SQLException;

    /**
     * Writes the answers of stored submissions to the answers table, in the caller's transaction: batched inserts,
     * or on PostgreSQL a {@code COPY}.
     *
     * @param c           the connection, in the caller's transaction
     * @param ids         the submissions' ids, in the order of {@code submissions}
     * @param submissions the submissions, each with its form version
     * @throws SQLException when the rows cannot be written
     */
    void insertAnswers(Connection c, long[] ids, List<Submission> submissions) throws SQLException {
        AnswerTable.insert(c, ids, submissions);
    }

    /**
     * Prepares the caller's transaction for the statements of an aggregate (nothing on H2).
     *
     * <p>On PostgreSQL, for this transaction only ({@code SET LOCAL}): no JIT compilation, and 32 MB for each sort
     * and hash (64 MB for a hash, with the default {@code hash_mem_multiplier} of 2). With the server's defaults an
     * indicator statement over 100,000 reports was JIT-compiled for 240 ms of its 2.7 s (participants; JIT pays
     * off for statements of many seconds, these take well under one on an idle machine), and its sorts of 250,000
     * answers and the partners' hash of 300,000 went to disk in 10–15 MB files at the default {@code work_mem} of
     * 4 MB (EXPLAIN ANALYZE in docs/performance.md, third round). Other statements keep the server's settings.
     *
     * @param c the connection, not in auto-commit
     * @throws SQLException when a setting cannot be made
     */
    void prepareAggregate(Connection c) throws SQLException {
        if (this == POSTGRESQL) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET LOCAL jit = off");
                st.execute("SET LOCAL work_mem = '32MB'");
            }
        }
    }

    /**
     * A table of (org_unit, report_year, region) from three array parameters (texts, integers, texts), aliased
     * {@code g}.
     *
     * @return the table expression
     */
    String regionTable() {
        return this == H2
                ? "UNNEST(CAST(? AS VARCHAR ARRAY), CAST(? AS INTEGER ARRAY), CAST(? AS VARCHAR ARRAY))"
                        + " AS g(org_unit, report_year, region)"
                : "unnest(CAST(? AS varchar[]), CAST(? AS integer[]), CAST(? AS varchar[]))"
                        + " AS g(org_unit, report_year, region)";
    }

    /**
     * Deletes the submission of a key (scheme, year, org unit) and returns the deleted row's form version: one row,
     * or none when it is gone.
     *
     * @return the statement
     */
    String deleteSubmissionReturningForm() {
        return this == H2
                ? "SELECT form_version FROM OLD TABLE (DELETE FROM submission"
                        + " WHERE scheme_id = ? AND report_year = ? AND org_unit = ?)"
                : "DELETE FROM submission WHERE scheme_id = ? AND report_year = ? AND org_unit = ? RETURNING form_version";
    }

    /**
     * The stored values of a submission as two columns for a streamed read: the text, or (second column) the large
     * object when the text is too long for one.
     *
     * <p>H2 keeps every large object that a result hands out referenced by the session for five minutes
     * ({@code LOB_TIMEOUT}), so that a streamed read of a million reports held all their values and filled a 256 MB
     * heap (1,041 full collections in 264 s; docs/performance.md, fifth round). Read as text they are not kept;
     * only a value longer than H2's longest text (1,000,000 characters) is read as the object.
     *
     * @return the two select expressions
     */
    String streamedValues() {
        return this == H2
                ? "CASE WHEN CHAR_LENGTH(values_json) <= 1000000 THEN CAST(values_json AS VARCHAR(1000000)) END,"
                        + " CASE WHEN CHAR_LENGTH(values_json) > 1000000 THEN values_json END"
                : "values_json, NULL";
    }

    /**
     * The name of the generated id column as {@link Connection#prepareStatement(String, String[])} wants it: H2
     * matches the stored (upper-case) name, PostgreSQL quotes what it is given.
     *
     * @return the name
     */
    String generatedIdColumn() {
        return this == H2 ? "ID" : "id";
    }

    /**
     * Whether a failure is a unique-key violation, such as another store's insert of the same submission.
     *
     * @param e the failure
     * @return whether it is one
     */
    boolean isUniqueViolation(SQLException e) {
        // SQLSTATE 23505 on both (H2's DUPLICATE_KEY_1 is the same number).
        return "23505".equals(e.getSQLState());
    }

    /** A quoted SQL identifier. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A held migration lock. */
    interface MigrationLock extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }
}
