package no.tilskudd.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.store.internal.H2SubmissionStore;
import no.tilskudd.store.internal.PostgresSubmissionStore;
import no.tilskudd.store.internal.SqlSubmissionStore;

/**
 * The benchmarks' AVdir reports, made up but shaped like the demo data: 9 top-level answers (grant, goal
 * achievement with reasons when not all goals were reached, national goals, continuation, plan, user involvement,
 * target groups and partners as lists of codes) and a {@code measures} group of 1–4 rows with 8 answers each, so
 * about 15–40 answers per report. Report {@code i} is the same in every run. Org-unit codes are synthetic (there
 * are not enough municipalities for a million reports), so the reports are stored directly, without validation.
 */
final class BenchData {

    static final String SCHEME = "avdir";
    static final int FIRST_YEAR = 2006;
    /** The AVdir forms cover 2006–2011. */
    static final int YEARS = 6;

    private static final String[] REASONS = {"response", "staff", "organisation", "time", "other"};
    private static final String[] NATIONAL = {"large", "small", "unsure"};
    private static final String[] CONTINUATION = {"yes", "no", "unsure"};
    private static final String[] INVOLVEMENT = {"none", "some", "systematic"};
    private static final String[] TARGETS = {"refugeeImmigrant", "singleParent", "schoolDropout", "mentalHealth",
        "parentsMentalHealth", "other"};
    private static final String[] PARTNERS = {"childWelfare", "socialServices", "school", "healthCentre",
        "refugeeOffice", "culture", "voluntary", "business"};
    private static final String[] CATEGORIES = {"alle", "kompetanse", "individ", "familie"};
    private static final String[] NAMES = {"Leksehjelp", "Ferietur", "Utstyrsbank", "Økonomikurs"};

    private BenchData() {
    }

    static int year(int i, int n) {
        return FIRST_YEAR + (int) ((long) i * YEARS / n);
    }

    static String orgUnit(int i) {
        return String.format("%07d", i);
    }

    /** Whether report {@code i} reached all its goals: the answer the baselines store in a column. */
    static String goals(int i) {
        return mix(i, 1) % 3 == 0 ? "notAll" : "all";
    }

    /**
     * Report {@code i} of {@code n}, with its form version (the forms are one per year).
     *
     * @param i the report
     * @param n how many there are, spread evenly over the years
     * @return the submission
     */
    static Submission report(int i, int n) {
        int year = year(i, n);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("grantAmount", BigDecimal.valueOf(50_000 + mix(i, 2) % 60 * 25_000));
        String goals = goals(i);
        v.put("goalsReached", goals);
        if (goals.equals("notAll")) {
            v.put("goalsNotReachedReason", List.of(REASONS[mix(i, 3) % 5], REASONS[(mix(i, 3) + 2) % 5]));
        }
        v.put("nationalGoals", NATIONAL[mix(i, 4) % 3]);
        v.put("continuation", CONTINUATION[mix(i, 5) % 3]);
        v.put("anchoredInPlan", mix(i, 6) % 2 == 0);
        v.put("userInvolvement", INVOLVEMENT[mix(i, 7) % 3]);
        v.put("targetGroups", List.of(TARGETS[mix(i, 8) % 6]));
        List<String> partners = new ArrayList<>();
        for (int p = 0; p < 2 + mix(i, 9) % 3; p++) {
            partners.add(PARTNERS[(mix(i, 10) + p * 3) % PARTNERS.length]);
        }
        v.put("partners", partners);
        List<Map<String, Object>> measures = new ArrayList<>();
        int rows = 1 + mix(i, 11) % 4;
        for (int m = 0; m < rows; m++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", NAMES[(m + i) % NAMES.length]);
            row.put("category", CATEGORIES[mix(i, 12 + m) % 4]);
            row.put("openToAll", mix(i, 20 + m) % 3 == 0);
            row.put("participantsChildren", (long) (mix(i, 30 + m) % 80));
            row.put("participantsFamilies", (long) (mix(i, 40 + m) % 30));
            row.put("budget", BigDecimal.valueOf(10_000 + mix(i, 50 + m) % 40 * 5_000));
            row.put("newOrContinued", mix(i, 60 + m) % 2 == 0 ? "new" : "continued");
            row.put("firstFundedYear", (long) (year - mix(i, 70 + m) % 3));
            measures.add(row);
        }
        v.put("measures", measures);
        return new Submission(SCHEME, year, orgUnit(i), Optional.of(Integer.toString(year)), v);
    }

    /** A deterministic spread of {@code i}, different for each {@code salt}. */
    private static int mix(int i, int salt) {
        long h = (i * 0x9E3779B97F4A7C15L) ^ (salt * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return (int) (h & 0x7FFFFFFF);
    }

    /**
     * Opens the store of a benchmark: H2 in {@code dir/h2}, or PostgreSQL on the given server.
     *
     * @param db  {@code h2} or {@code postgresql}
     * @param dir the benchmark's folder
     * @param pg  the server, for PostgreSQL
     * @return the store
     * @throws Exception when it cannot be opened
     */
    static SqlSubmissionStore open(String db, Path dir, PgServer pg) throws Exception {
        return switch (db) {
            case "h2" -> new H2SubmissionStore(java.nio.file.Files.createDirectories(dir.resolve("h2")));
            case "postgresql" -> PostgresSubmissionStore.open(pg.storeSettings(), dir);
            default -> throw new IllegalArgumentException("database: h2 or postgresql, not " + db);
        };
    }
}
