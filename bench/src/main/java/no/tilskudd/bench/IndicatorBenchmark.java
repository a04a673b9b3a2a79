package no.tilskudd.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.StandaloneEngine;
import no.tilskudd.store.internal.BenchAccess;
import no.tilskudd.store.internal.SqlSubmissionStore;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Declared indicators computed in the store, over many stored AVdir reports ({@link BenchData}), on H2 or
 * PostgreSQL. Three steps, each in a JVM of its own so that the measuring one can have a small heap:
 *
 * <pre>
 *   IndicatorBenchmark h2|postgresql load   DIR N   store N reports in DIR (and the baseline's table)
 *   IndicatorBenchmark h2|postgresql goals  DIR N   the goal-achievement definition against SQL GROUP BY
 *   IndicatorBenchmark h2|postgresql report DIR N   every standard indicator of the scheme, one report
 *   IndicatorBenchmark h2|postgresql each DIR N     the same indicators one by one, where the time goes
 *   IndicatorBenchmark h2 explain DIR N [ID]         the statements one indicator runs, with H2's EXPLAIN ANALYZE
 * </pre>
 *
 * <p>The baseline of {@code goals} is what the first benchmark measured the old engine against: the answer in a
 * typed column of a narrow table of its own (year, org unit, answer), one {@code GROUP BY}, in the same database
 * system and run. {@code goals} and {@code report} check that each result counts all N reports.
 */
public final class IndicatorBenchmark {

    private static final int ROUNDS = 7;
    private static final int WARM_UP = 2;
    /** Reports stored through the store's save; the rest are copies of them (see {@link #load}). */
    private static final int BLOCK = 10_000;

    private IndicatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: IndicatorBenchmark h2|postgresql load|goals|report DIR N");
            System.exit(2);
        }
        String db = args[0];
        String step = args[1];
        Path dir = Path.of(args[2]).toAbsolutePath();
        int n = Integer.parseInt(args[3]);
        Files.createDirectories(dir);
        try (PgServer pg = db.equals("postgresql") ? PgServer.start(dir.resolve("pg")) : null) {
            switch (step) {
                case "load" -> load(db, dir, n, pg);
                case "goals" -> goals(db, dir, n, pg);
                case "report" -> report(db, dir, n, pg);
                case "each" -> each(db, dir, n, pg);
                case "explain" -> explain(dir, args.length > 4 ? args[4] : "goal-achievement");
                default -> throw new IllegalArgumentException("step: load, goals or report, not " + step);
            }
        }
    }

    /**
     * Stores the first {@link #BLOCK} reports through the store's save (submission rows, answers, audit), then
     * copies them in SQL, inside the database, as further blocks under other org units ({@code k-} before the
     * code) until there are N: the same answers, so every block aggregates alike, and a million reports load in
     * minutes instead of the better part of an hour (import throughput is ImportBenchmark's). The baseline's table
     * gets the same answers under the same units.
     */
    private static void load(String db, Path dir, int n, PgServer pg) throws Exception {
        int block = Math.min(n, BLOCK);
        if (n % block != 0) {
            throw new IllegalArgumentException("N must be a multiple of " + block);
        }
        long t0 = System.nanoTime();
        try (SqlSubmissionStore store = BenchData.open(db, dir, pg)) {
            List<Submission> batch = new ArrayList<>();
            for (int i = 0; i < block; i++) {
                batch.add(BenchData.report(i, block));
                if (batch.size() == 1_000) {
                    store.save(batch, false, "bench", "bench");
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                store.save(batch, false, "bench", "bench");
            }
        }
        double saved = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        try (Connection c = db.equals("h2") ? BenchAccess.h2Owner(dir.resolve("h2"))
                : pg.superuser(PgServer.DATABASE);
                Statement setup = c.createStatement()) {
            // The block, once, in tables of its own: each copy reads them, not the growing tables.
            setup.execute("CREATE TABLE bench_submission AS SELECT * FROM submission");
            setup.execute("CREATE TABLE bench_answer AS SELECT * FROM answer");
            if (db.equals("postgresql")) {
                setup.execute("ANALYZE");
            }
            PreparedStatement subs = c.prepareStatement("INSERT INTO submission (scheme_id, report_year,"
                    + " org_unit, form_version, values_json, source, imported_at) SELECT scheme_id, report_year,"
                    + " ? || org_unit, form_version, values_json, source, imported_at FROM bench_submission");
            PreparedStatement answers = c.prepareStatement("INSERT INTO answer (submission_id, scheme_id,"
                    + " report_year, org_unit, form_version, group_id, row_index, field_id, kind, code, num)"
                    + " SELECT c.id, a.scheme_id, a.report_year, c.org_unit, a.form_version, a.group_id,"
                    + " a.row_index, a.field_id, a.kind, a.code, a.num FROM bench_answer a JOIN submission c"
                    + " ON c.scheme_id = a.scheme_id AND c.report_year = a.report_year"
                    + " AND c.org_unit = ? || a.org_unit");
            // The indexes of the answers go while copying and come back after, from the store's own migration
            // (one sort instead of an update per row; the same indexes the store made).
            List<String> indexes = indexes(db);
            try (Statement st = c.createStatement()) {
                for (String create : indexes) {
                    st.execute("DROP INDEX " + create.split("\\s+")[2]);
                }
            }
            for (int k = 1; k < n / block; k++) {
                c.setAutoCommit(false);
                subs.setString(1, k + "-");
                subs.executeUpdate();
                answers.setString(1, k + "-");
                answers.executeUpdate();
                c.commit();
            }
            c.setAutoCommit(true);
            // The copies bypass the store's save, which keeps the forms' counts (migration V13's last statement).
            setup.execute("DELETE FROM form_use");
            setup.execute("INSERT INTO form_use (scheme_id, report_year, form_version, submissions)"
                    + " SELECT scheme_id, report_year, form_version, COUNT(*) FROM submission"
                    + " GROUP BY scheme_id, report_year, form_version");
            setup.execute("DROP TABLE bench_answer");
            setup.execute("DROP TABLE bench_submission");
            try (Statement st = c.createStatement()) {
                if (db.equals("postgresql")) {
                    st.execute("SET maintenance_work_mem = '512MB'");
                }
                for (String create : indexes) {
                    st.execute(create);
                }
            }
        }
        double copied = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        try (Connection c = plain(db, dir, pg); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE answers (report_year INTEGER, org_unit VARCHAR(16), goals VARCHAR(16))");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO answers VALUES (?, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    int j = i % block;
                    ps.setInt(1, BenchData.year(j, block));
                    ps.setString(2, (i < block ? "" : i / block + "-") + BenchData.orgUnit(j));
                    ps.setString(3, BenchData.goals(j));
                    ps.addBatch();
                    if (i % 10_000 == 9_999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            if (db.equals("postgresql")) {
                c.setAutoCommit(true);
                st.execute("VACUUM ANALYZE answers");
            }
        }
        if (db.equals("postgresql")) {
            // What autovacuum does some time after a bulk load (statistics, and the visibility map that lets an
            // index-only scan skip the table); the measurement should not depend on when it ran.
            try (Connection c = pg.superuser(PgServer.DATABASE); Statement st = c.createStatement()) {
                st.execute("VACUUM ANALYZE");
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d reports saved by the store in %.1f s, copied to %d in %.1f s;"
                + " baseline table in %.1f s%n", db, block, saved, n, copied, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The store's CREATE INDEX statements of the answers, for the database: those of migration V5 as V9 redefined
     * them (a later script's index of the same name replaces the earlier one, and one it drops is gone), with V14's
     * and V15's.
     */
    private static List<String> indexes(String db) throws Exception {
        java.util.Map<String, String> byName = new java.util.LinkedHashMap<>();
        for (String name : List.of("V5__answers.sql", "V9__answer_index_order.sql", "V14__answer_code.sql",
                "V15__answer_by_submission.sql")) {
            String script = "/no/tilskudd/store/internal/migration/" + (db.equals("h2") ? "" : "postgresql/") + name;
            try (InputStream in = IndicatorBenchmark.class.getResourceAsStream(script)) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .split("\n")) {
                    if (line.startsWith("CREATE INDEX ")) {
                        byName.put(line.split("\\s+")[2], line.substring(0, line.lastIndexOf(';')));
                    } else if (line.startsWith("DROP INDEX ")) {
                        byName.remove(line.split("\\s+")[2].replace(";", ""));
                    }
                }
            }
        }
        if (byName.isEmpty()) {
            throw new IllegalStateException("no CREATE INDEX in the answers' scripts");
        }
        return new ArrayList<>(byName.values());
    }

    /** The baseline's own database: a second H2 file, or a second database on the same PostgreSQL server. */
    private static Connection plain(String db, Path dir, PgServer pg) throws Exception {
        if (db.equals("h2")) {
            JdbcDataSource ds = new JdbcDataSource();
            // H2 would otherwise answer a repeated query from its result cache instead of computing it.
            ds.setURL("jdbc:h2:file:" + dir.resolve("plain") + ";OPTIMIZE_REUSE_RESULTS=FALSE");
            return ds.getConnection();
        }
        try (Connection c = pg.superuser("postgres"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'plain'")) {
            if (!rs.next()) {
                st.execute("CREATE DATABASE plain");
            }
        }
        return pg.superuser("plain");
    }

    /**
     * The baseline's H2 database has result reuse off; the store's keeps H2's default (on), since with it off H2
     * evaluates an uncorrelated {@code IN (SELECT ...)} again for every row (the latest-report indicators would be
     * quadratic, which no host sees). Instead each round first changes a row of the store, as an import would: H2
     * reuses a result only while none of the tables it read has changed, so every round computes.
     */
    private static void touch(String db, Path dir) throws Exception {
        if (db.equals("h2")) {
            try (Connection c = BenchAccess.h2Owner(dir.resolve("h2")); Statement st = c.createStatement()) {
                // H2 tracks changes per table: both tables the statements read.
                st.executeUpdate("UPDATE submission SET source = source WHERE id = (SELECT MIN(id) FROM submission)");
                st.executeUpdate("UPDATE answer SET code = code WHERE submission_id = (SELECT MIN(id) FROM submission)");
            }
        }
    }

    private static void goals(String db, Path dir, int n, PgServer pg) throws Exception {
        try (SqlSubmissionStore store = BenchData.open(db, dir, pg); Connection c = plain(db, dir, pg);
                Statement st = c.createStatement()) {
            StandaloneEngine engine = StandaloneEngine.builder().store(store)
                    .addScheme(scheme(dir, List.of("goal-achievement"))).build();
            Selection all = Selection.of(BenchData.SCHEME, BenchData.FIRST_YEAR,
                    BenchData.FIRST_YEAR + BenchData.YEARS - 1);
            Stats engineTime = new Stats();
            Stats sqlTime = new Stats();
            long groups = 0;
            for (int round = 0; round < ROUNDS; round++) {
                touch(db, dir);
                long a = System.nanoTime();
                IndicatorService.Results r = engine.indicators().compute(all);
                double engineMs = (System.nanoTime() - a) / 1e6;
                a = System.nanoTime();
                try (ResultSet rs = st.executeQuery("SELECT report_year, goals, COUNT(*) FROM answers"
                        + " GROUP BY report_year, goals ORDER BY report_year, goals")) {
                    groups = 0;
                    while (rs.next()) {
                        groups++;
                    }
                }
                double sqlMs = (System.nanoTime() - a) / 1e6;
                check(r, 1, n);
                if (round >= WARM_UP) {
                    engineTime.add(engineMs);
                    sqlTime.add(sqlMs);
                }
            }
            System.out.printf("Indicator benchmark (%s): declared goal achievement over %d stored reports, heap"
                    + " limit %d MB%n", db, n, Runtime.getRuntime().maxMemory() >> 20);
            System.out.println(engineTime.row("engine: compute(selection), in the store", "ms"));
            System.out.println(sqlTime.row("SQL GROUP BY (answer in a column)", "ms"));
            System.out.printf(Locale.ROOT, "ratio engine / SQL: %.2f; SQL groups: %d%n",
                    engineTime.median() / sqlTime.median(), groups);
        }
    }

    private static void report(String db, Path dir, int n, PgServer pg) throws Exception {
        try (SqlSubmissionStore store = BenchData.open(db, dir, pg)) {
            StandaloneEngine engine = StandaloneEngine.builder().store(store)
                    .addScheme(IndicatorBenchmark.class.getResource("/tilskudd/avdir/scheme.json")).build();
            Selection all = Selection.of(BenchData.SCHEME, BenchData.FIRST_YEAR,
                    BenchData.FIRST_YEAR + BenchData.YEARS - 1);
            int indicators;
            try (InputStream in = IndicatorBenchmark.class.getResourceAsStream("/tilskudd/avdir/scheme.json")) {
                indicators = new ObjectMapper().readTree(in).get("indicators").size();
            }
            Stats time = new Stats();
            for (int round = 0; round < ROUNDS; round++) {
                touch(db, dir);
                long a = System.nanoTime();
                IndicatorService.Results r = engine.indicators().compute(all);
                double ms = (System.nanoTime() - a) / 1e6;
                check(r, indicators, n);
                if (round >= WARM_UP) {
                    time.add(ms);
                }
            }
            System.out.printf("Report benchmark (%s): the %d standard indicators of %s over %d stored reports,"
                    + " heap limit %d MB%n", db, indicators, BenchData.SCHEME, n,
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.println(time.row("engine: compute(selection), every indicator", "ms"));
        }
    }

    /**
     * The statements the store runs for one standard indicator (H2's trace file), each with its plan and the rows
     * it read (EXPLAIN ANALYZE): what to look at when the engine is slower than the baseline.
     */
    private static void explain(Path dir, String id) throws Exception {
        Path h2 = dir.resolve("h2");
        try (SqlSubmissionStore store = BenchData.open("h2", dir, null);
                Connection owner = BenchAccess.h2Owner(h2); Statement st = owner.createStatement()) {
            st.execute("SET OPTIMIZE_REUSE_RESULTS FALSE");
            StandaloneEngine engine = StandaloneEngine.builder().store(store).addScheme(scheme(dir, List.of(id)))
                    .build();
            Selection all = Selection.of(BenchData.SCHEME, BenchData.FIRST_YEAR,
                    BenchData.FIRST_YEAR + BenchData.YEARS - 1);
            engine.indicators().compute(all);
            Path trace = h2.resolve("tilskudd.trace.db");
            Files.deleteIfExists(trace);
            st.execute("SET TRACE_LEVEL_FILE 2");
            engine.indicators().compute(all);
            st.execute("SET TRACE_LEVEL_FILE 0");
            for (String line : Files.readAllLines(trace)) {
                int sql = line.indexOf("*/SELECT");
                if (!line.startsWith("/*SQL") || sql < 0) {
                    continue;
                }
                String text = line.substring(sql + 2);
                String params = "";
                int brace = text.lastIndexOf(" {1: ");
                if (brace > 0) {
                    params = text.substring(brace + 2, text.lastIndexOf('}'));
                    text = text.substring(0, brace);
                } else if (text.endsWith(";")) {
                    text = text.substring(0, text.length() - 1);
                }
                // The trace writes the parameters as SQL literals: {1: 'avdir', 2: 2006, ...}.
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|, )\\d+: ").matcher(params);
                List<Integer> starts = new ArrayList<>();
                List<Integer> ends = new ArrayList<>();
                while (m.find()) {
                    starts.add(m.start());
                    ends.add(m.end());
                }
                StringBuilder bound = new StringBuilder();
                int p = 0;
                for (int i = 0; i < text.length(); i++) {
                    char ch = text.charAt(i);
                    if (ch == '?' && p < ends.size()) {
                        bound.append(params, ends.get(p), p + 1 < starts.size() ? starts.get(p + 1) : params.length());
                        p++;
                    } else {
                        bound.append(ch);
                    }
                }
                System.out.println("-- " + bound);
                long t0 = System.nanoTime();
                try (ResultSet rs = st.executeQuery("EXPLAIN ANALYZE " + bound)) {
                    rs.next();
                    System.out.println(rs.getString(1));
                }
                System.out.printf(Locale.ROOT, "   (%.1f ms)%n%n", (System.nanoTime() - t0) / 1e6);
            }
        }
    }

    private static void each(String db, Path dir, int n, PgServer pg) throws Exception {
        List<String> ids = new ArrayList<>();
        try (InputStream in = IndicatorBenchmark.class.getResourceAsStream("/tilskudd/avdir/scheme.json")) {
            new ObjectMapper().readTree(in).get("indicators").forEach(x -> ids.add(x.asText()));
        }
        try (SqlSubmissionStore store = BenchData.open(db, dir, pg)) {
            Selection all = Selection.of(BenchData.SCHEME, BenchData.FIRST_YEAR,
                    BenchData.FIRST_YEAR + BenchData.YEARS - 1);
            System.out.printf("Report benchmark (%s), one indicator at a time over %d stored reports%n", db, n);
            for (String id : ids) {
                StandaloneEngine engine = StandaloneEngine.builder().store(store).addScheme(scheme(dir, List.of(id)))
                        .build();
                Stats time = new Stats();
                for (int round = 0; round < 4; round++) {
                    touch(db, dir);
                    long a = System.nanoTime();
                    IndicatorService.Results r = engine.indicators().compute(all);
                    double ms = (System.nanoTime() - a) / 1e6;
                    check(r, 1, n);
                    if (round >= 1) {
                        time.add(ms);
                    }
                }
                System.out.println(time.row(id, "ms"));
            }
        }
    }

    /** Every indicator gave its table, and the selection saw every report. */
    private static void check(IndicatorService.Results r, int tables, int n) {
        if (!r.failures().isEmpty() || r.tables().size() != tables) {
            throw new IllegalStateException("expected " + tables + " tables, got " + r.tables().size() + "; failures: "
                    + r.failures());
        }
        if (r.submissions() != n) {
            throw new IllegalStateException("the selection saw " + r.submissions() + " of " + n + " reports");
        }
        Table first = r.tables().get(0);
        if (first.n().isEmpty()) {
            throw new IllegalStateException(first.id() + " has no N");
        }
    }

    /**
     * The AVdir scheme with only some of its standard indicators: its descriptor and forms copied to a folder, the
     * descriptor's list of indicators replaced.
     */
    static java.net.URL scheme(Path dir, List<String> indicators) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("scheme-" + String.join("+", indicators)));
        ObjectMapper json = new ObjectMapper();
        ObjectNode descriptor;
        try (InputStream in = IndicatorBenchmark.class.getResourceAsStream("/tilskudd/avdir/scheme.json")) {
            descriptor = (ObjectNode) json.readTree(in);
        }
        descriptor.remove("demoData");
        descriptor.set("indicators", json.valueToTree(indicators));
        Files.createDirectories(folder.resolve("forms"));
        for (var form : descriptor.get("forms")) {
            try (InputStream in = IndicatorBenchmark.class.getResourceAsStream("/tilskudd/avdir/" + form.asText())) {
                Files.write(folder.resolve(form.asText()), in.readAllBytes());
            }
        }
        json.writeValue(folder.resolve("scheme.json").toFile(), descriptor);
        return folder.resolve("scheme.json").toUri().toURL();
    }
}
