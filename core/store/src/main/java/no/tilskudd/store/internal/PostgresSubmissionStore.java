package no.tilskudd.store.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import no.tilskudd.api.store.StoreException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The submission store on a PostgreSQL server, which several hosts may share. Opening it brings the schema up to
 * date as the owner, under an advisory lock, so that of hosts starting at once one migrates and the others wait;
 * the store then works as the application user only.
 *
 * <p>The data source is created directly rather than through {@code DriverManager}, which does not see drivers in
 * other bundles.
 */
public final class PostgresSubmissionStore extends SqlSubmissionStore {

    /** How long opening waits for another host's migration. */
    static final long MIGRATION_WAIT_SECONDS = 120;

    private final String url;

    /**
     * Opens the store in a PostgreSQL database.
     *
     * @param settings where the database is and who connects
     * @throws StoreException when the database cannot be reached or migrated, or the application user has more
     *                        rights than it may
     */
    PostgresSubmissionStore(PostgresSettings settings) {
        this(settings, open(settings));
    }

    /**
     * Opens the store in a PostgreSQL database named by settings as {@code conf/tilskudd.properties} holds them
     * ({@code store.url}, {@code store.owner}, {@code store.owner.passwordFile}, {@code store.user},
     * {@code store.passwordFile}), for programs that run the store without a framework (tests, benchmarks).
     *
     * @param settings the settings by key
     * @param home     the folder relative password files are resolved against
     * @return the store
     * @throws StoreException when the settings name no PostgreSQL database, or it cannot be reached or migrated
     */
    public static PostgresSubmissionStore open(java.util.Map<String, String> settings, java.nio.file.Path home) {
        PostgresSettings s = PostgresSettings.of(settings::get, home);
        if (s == null) {
            throw new StoreException("the settings name no PostgreSQL database (" + PostgresSettings.URL + ")");
        }
        return new PostgresSubmissionStore(s);
    }

    private PostgresSubmissionStore(PostgresSettings settings, List<Integer> migrated) {
        super(Dialect.POSTGRESQL, connections(settings), migrated);
        this.url = settings.url();
    }

    private static List<Integer> open(PostgresSettings settings) {
        try (Connection owner = dataSource(settings.url(), settings.owner(), settings.ownerPassword())
                .getConnection()) {
            return prepareSchema(Dialect.POSTGRESQL, owner, settings.url(), settings.user(), null,
                    MIGRATION_WAIT_SECONDS);
        } catch (SQLException e) {
            throw new StoreException("cannot open the submission database " + settings.url() + " as "
                    + settings.owner() + " (" + PostgresSettings.OWNER + "): " + e.getMessage(), e);
        }
    }

    private static Connections connections(PostgresSettings settings) {
        ConnectionPool pool = new ConnectionPool(dataSource(settings.url(), settings.user(), settings.password()));
        // Connect once now, so that a wrong application user or password stops the start, not the first import.
        try (Connection first = pool.getConnection()) {
            first.isValid(5);
        } catch (SQLException e) {
            pool.close();
            throw new StoreException("cannot connect to " + settings.url() + " as " + settings.user() + " ("
                    + PostgresSettings.USER + "): " + e.getMessage(), e);
        }
        return new Connections() {
            @Override
            public Connection getConnection() throws SQLException {
                return pool.getConnection();
            }

            @Override
            public void close() {
                pool.close();
            }
        };
    }

    static PGSimpleDataSource dataSource(String url, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        ds.setPassword(password);
        ds.setApplicationName("tilskudd");
        // A batch of inserts goes to the server as multi-row inserts instead of one statement per row: the answers
        // of an import are some 34 rows per submission (bench ImportBenchmark, docs/performance.md).
        ds.setReWriteBatchedInserts(true);
        // The indicator statements are the same text with other parameters; once the driver prepares them on the
        // server, PostgreSQL may switch to a generic plan, which cannot use the statistics of a field's values (how
        // many answers a field and its codes have) and then joins 100,000 answers by nested loops. A plan for the
        // values of each execution costs a few milliseconds of planning.
        ds.setOptions("-c plan_cache_mode=force_custom_plan");
        return ds;
    }

    /**
     * Not done by the store: a PostgreSQL database is backed up by its server's tools.
     *
     * @throws StoreException always, saying what to use
     */
    @Override
    public List<Path> backup(Path directory) throws IOException {
        throw new StoreException("the store is on PostgreSQL (" + url + "): back it up with pg_dump on the database "
                + "server; 'tilskudd backup' copies the embedded H2 store only");
    }

    @Override
    public String toString() {
        return "PostgresSubmissionStore[" + url + "]";
    }
}
