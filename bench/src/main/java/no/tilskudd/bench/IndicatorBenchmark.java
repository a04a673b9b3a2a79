package no.tilskudd.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.StandaloneEngine;
import no.tilskudd.example.internal.GoalAchievementIndicator;
import no.tilskudd.store.internal.H2SubmissionStore;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Indicators over many stored submissions: the engine (read from the H2 store, decode, run the goal-achievement
 * indicator) against the same aggregate as one SQL GROUP BY in H2 over a table with the answer in a column.
 *
 * <p>Argument: number of stored submissions (default 1,000,000). Org-unit codes are synthetic, so the data is
 * stored directly (validation is measured by ValidationBenchmark).
 */
public final class IndicatorBenchmark {

    private IndicatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("tilskudd-bench-ind");
        try (H2SubmissionStore store = new H2SubmissionStore(dir)) {
            long t0 = System.nanoTime();
            int years = 10;
            int perYear = n / years;
            List<Submission> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int year = 2016 + i / perYear;
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("grantAmount", BigDecimal.valueOf(100_000));
                v.put("goalsReached", i % 3 == 0 ? "notAll" : "all");
                batch.add(new Submission("example", year, String.format("%06d", i % perYear), Optional.of("2016"), v));
                if (batch.size() == 50_000) {
                    store.save(batch, false, "bench");
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                store.save(batch, false, "bench");
            }
            System.out.printf("stored %d submissions in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);

            StandaloneEngine engine = StandaloneEngine.builder().store(store)
                    .addScheme(IndicatorBenchmark.class.getResource("/tilskudd/example/scheme.json"))
                    .add(new GoalAchievementIndicator()).build();
            Selection all = Selection.of("example", 2016, 2016 + years - 1);
            JdbcDataSource ds = new JdbcDataSource();
            // H2 would otherwise answer a repeated query from its result cache instead of computing it.
            ds.setURL("jdbc:h2:file:" + dir.resolve("plain") + ";DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE");
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("create table answers(report_year int, org_unit varchar(16), goals varchar(16))");
                try (PreparedStatement ps = c.prepareStatement("insert into answers values (?,?,?)")) {
                    for (int i = 0; i < n; i++) {
                        ps.setInt(1, 2016 + i / perYear);
                        ps.setString(2, String.format("%06d", i % perYear));
                        ps.setString(3, i % 3 == 0 ? "notAll" : "all");
                        ps.addBatch();
                        if (i % 50_000 == 49_999) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
                Stats engineTime = new Stats();
                Stats sqlTime = new Stats();
                long rows = 0;
                for (int round = 0; round < 5; round++) {
                    long a = System.nanoTime();
                    IndicatorService.Results r = engine.indicators().compute(all);
                    Table t = r.tables().get(0);
                    double engineMs = (System.nanoTime() - a) / 1e6;
                    a = System.nanoTime();
                    try (ResultSet rs = st.executeQuery("select report_year, goals, count(*) from answers "
                            + "group by report_year, goals order by report_year, goals")) {
                        rows = 0;
                        while (rs.next()) {
                            rows++;
                        }
                    }
                    double sqlMs = (System.nanoTime() - a) / 1e6;
                    if (round >= 1) {
                        engineTime.add(engineMs);
                        sqlTime.add(sqlMs);
                    }
                    if (t.n().orElseThrow().value() != n) {
                        throw new IllegalStateException("the indicator saw " + t.n() + " of " + n);
                    }
                }
                System.out.println("Indicator benchmark: goal achievement over " + n + " stored submissions");
                System.out.println(engineTime.row("engine: store read + decode + indicator", "ms"));
                System.out.println(sqlTime.row("SQL GROUP BY in H2 (answer in a column)", "ms"));
                System.out.printf("ratio engine / SQL: %.1f; SQL groups: %d; peak heap %d MB%n",
                        engineTime.median() / sqlTime.median(), rows, Stats.peakHeapMb());
            }
        }
    }
}
