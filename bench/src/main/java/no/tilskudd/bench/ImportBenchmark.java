package no.tilskudd.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.store.internal.BenchAccess;
import no.tilskudd.store.internal.H2SubmissionStore;
import no.tilskudd.store.internal.PostgresSubmissionStore;
import no.tilskudd.store.internal.SqlSubmissionStore;

/**
 * Import throughput of the store with its answers table against the same import without it (the store's
 * benchmark-only switch, {@link BenchAccess#writeAnswers}), in the same run, alternating, each round into a new
 * empty store: H2 in a new folder, PostgreSQL in a new database of one server. What is timed is the store's save
 * (duplicate check, submission rows, answers, audit entry), in saves of one import file's size; reading and
 * validating the file are the same with or without the table and are measured by ValidationBenchmark.
 *
 * <p>Arguments: {@code h2|postgresql}, reports per round (default 20,000), reports per save (default 1,000), folder.
 */
public final class ImportBenchmark {

    private static final int ROUNDS = 5;

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int perSave = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        Path dir = args.length > 3 ? Path.of(args[3]).toAbsolutePath() : Files.createTempDirectory("tilskudd-import");
        List<Submission> reports = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            reports.add(BenchData.report(i, n));
        }
        long answers = reports.stream().mapToLong(s -> BenchAccess.answerRows(s)).sum();
        Stats with = new Stats();
        Stats without = new Stats();
        try (PgServer pg = db.equals("postgresql") ? PgServer.start(dir.resolve("pg")) : null) {
            // A warm-up round of each, then the measured ones, alternating so that both see the same load.
            for (int round = 0; round <= ROUNDS; round++) {
                for (boolean table : new boolean[] {true, false}) {
                    double rate = run(db, dir, pg, "r" + round + (table ? "a" : "n"), reports, perSave, table);
                    if (round > 0) {
                        (table ? with : without).add(rate);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "Import benchmark (%s): %d reports per round in saves of %d, %.1f answer rows"
                + " per report%n", db, n, perSave, (double) answers / n);
        System.out.println(with.row("store save, with the answers table", "subs/s"));
        System.out.println(without.row("store save, without it (same run)", "subs/s"));
        System.out.printf(Locale.ROOT, "ratio with / without: %.2f%n", with.median() / without.median());
    }

    private static double run(String db, Path dir, PgServer pg, String name, List<Submission> reports, int perSave,
            boolean table) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        if (pg != null) {
            pg.createDatabase("import_" + name);
        }
        try (SqlSubmissionStore store = db.equals("h2") ? new H2SubmissionStore(home)
                : PostgresSubmissionStore.open(pg.storeSettings("import_" + name), home)) {
            BenchAccess.writeAnswers(store, table);
            long t0 = System.nanoTime();
            for (int from = 0; from < reports.size(); from += perSave) {
                store.save(reports.subList(from, Math.min(reports.size(), from + perSave)), false, "bench", "bench");
            }
            return reports.size() / ((System.nanoTime() - t0) / 1e9);
        } finally {
            if (pg != null) {
                pg.dropDatabase("import_" + name);
            }
            try (Stream<Path> files = Files.walk(home)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}
