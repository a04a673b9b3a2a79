package no.tilskudd.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.Violation;
import no.tilskudd.engine.StandaloneEngine;

/**
 * Validation throughput on one thread for the AVdir 2008 form: the engine (header, every field against its type and
 * code list, conditional fields, the form's JEXL rules, the scheme's budget validator) against a hand-written Java
 * check of the same rules, on the same submissions.
 *
 * <p>Argument: number of submissions (default 200,000).
 */
public final class ValidationBenchmark {

    private static final Set<String> GOALS = Set.of("all", "notAll");
    private static final Set<String> REASONS = Set.of("response", "staff", "organisation", "time", "other");
    private static final Set<String> NATIONAL = Set.of("large", "small", "unsure");
    private static final Set<String> CONTINUATION = Set.of("yes", "no", "unsure");
    private static final Set<String> INVOLVEMENT = Set.of("none", "some", "systematic");
    private static final Set<String> TARGETS = Set.of("refugeeImmigrant", "singleParent", "schoolDropout",
            "mentalHealth", "parentsMentalHealth", "other");
    private static final Set<String> PARTNERS = Set.of("childWelfare", "socialServices", "school", "healthCentre",
            "refugeeOffice", "culture", "voluntary", "business");
    private static final Set<String> CATEGORIES = Set.of("alle", "kompetanse", "individ", "familie");

    private ValidationBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        List<Submission> subs = submissions(n);
        StandaloneEngine engine = StandaloneEngine.builder()
                // The AVdir scheme is data: its descriptor brings the funding rule that BudgetValidator was.
                .addScheme(ValidationBenchmark.class.getResource("/tilskudd/avdir/scheme.json")).build();
        Stats engineRate = new Stats();
        Stats handRate = new Stats();
        long errors = 0;
        long handErrors = 0;
        for (int round = 0; round < 8; round++) {
            long t0 = System.nanoTime();
            List<List<Violation>> results = engine.validation().validateAll(subs);
            double s1 = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            long hand = 0;
            for (Submission s : subs) {
                hand += handWritten(s).size();
            }
            double s2 = (System.nanoTime() - t0) / 1e9;
            if (round >= 3) {
                engineRate.add(n / s1);
                handRate.add(n / s2);
            }
            errors = results.stream().mapToLong(List::size).sum();
            handErrors = hand;
        }
        System.out.println("Validation benchmark, AVdir form 2008, " + n + " submissions, one thread");
        System.out.println(engineRate.row("engine (fields + conditions + rules + validator)", "subs/s"));
        System.out.println(handRate.row("hand-written Java check of the same rules", "subs/s"));
        System.out.printf("ratio hand-written / engine: %.1f; violations found: engine %d, hand-written %d%n",
                handRate.median() / engineRate.median(), errors, handErrors);
    }

    static List<Submission> submissions(int n) {
        List<Submission> out = new ArrayList<>(n);
        String[] units = {"1804", "0301", "1103", "1601", "1201", "1902", "0101", "0602", "030101", "1001"};
        for (int i = 0; i < n; i++) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("grantAmount", BigDecimal.valueOf(100_000 + (i % 50) * 10_000));
            boolean all = i % 2 == 0;
            v.put("goalsReached", all ? "all" : "notAll");
            if (!all && i % 10 != 1) {
                v.put("goalsNotReachedReason", List.of("time", "organisation"));
            }
            v.put("nationalGoals", i % 5 == 0 ? "small" : "large");
            v.put("continuation", i % 3 == 0 ? "unsure" : "yes");
            v.put("anchoredInPlan", i % 3 == 0);
            v.put("userInvolvement", "some");
            v.put("targetGroups", List.of("singleParent", "refugeeImmigrant"));
            v.put("partners", List.of("school", "culture", "voluntary"));
            List<Map<String, Object>> measures = new ArrayList<>();
            for (int m = 0; m < 3; m++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", m == 0 ? "Leksehjelp" : m == 1 ? "Ferietur" : "Utstyrsbank");
                row.put("category", m == 0 ? "individ" : m == 1 ? "familie" : "alle");
                row.put("openToAll", m == 2);
                row.put("participantsChildren", (long) (i % 40));
                row.put("participantsFamilies", (long) m);
                row.put("budget", BigDecimal.valueOf(30_000));
                row.put("newOrContinued", m == 2 ? "continued" : "new");
                row.put("firstFundedYear", (m == 2 ? 2007L : 2008L) + (i % 97 == 0 ? 5 : 0));
                measures.add(row);
            }
            v.put("measures", measures);
            out.add(new Submission("avdir", 2008, units[i % units.length], Optional.empty(), v));
        }
        return out;
    }

    /** The AVdir 2008 form's checks, written by hand: what a team without a form engine would maintain. */
    static List<String> handWritten(Submission s) {
        List<String> out = new ArrayList<>();
        Map<String, Object> v = s.values();
        if (!(v.get("grantAmount") instanceof BigDecimal g) || g.signum() < 0) {
            out.add("grantAmount");
        }
        Object goals = v.get("goalsReached");
        if (!GOALS.contains(goals)) {
            out.add("goalsReached");
        }
        Object reasons = v.get("goalsNotReachedReason");
        if ("notAll".equals(goals) && reasons == null) {
            out.add("goalsNotReachedReason");
        }
        if (reasons != null && !"notAll".equals(goals)) {
            out.add("reasonOnlyWhenNotAll");
        }
        codes(reasons, REASONS, "goalsNotReachedReason", out);
        code(v.get("nationalGoals"), NATIONAL, "nationalGoals", out);
        code(v.get("continuation"), CONTINUATION, "continuation", out);
        code(v.get("userInvolvement"), INVOLVEMENT, "userInvolvement", out);
        if (v.get("anchoredInPlan") != null && !(v.get("anchoredInPlan") instanceof Boolean)) {
            out.add("anchoredInPlan");
        }
        codes(v.get("targetGroups"), TARGETS, "targetGroups", out);
        codes(v.get("partners"), PARTNERS, "partners", out);
        BigDecimal budgets = BigDecimal.ZERO;
        if (!(v.get("measures") instanceof List<?> rows) || rows.isEmpty()) {
            out.add("measures");
            return out;
        }
        for (Object o : rows) {
            Map<?, ?> row = (Map<?, ?>) o;
            if (!(row.get("name") instanceof String name) || name.isBlank()) {
                out.add("name");
            }
            Object category = row.get("category");
            if (!CATEGORIES.contains(category)) {
                out.add("category");
            }
            if (!(row.get("openToAll") instanceof Boolean open)) {
                out.add("openToAll");
            } else if ("alle".equals(category) && !open) {
                out.add("openCategoryNotOpen");
            }
            long children = row.get("participantsChildren") instanceof Long c ? c : 0;
            long families = row.get("participantsFamilies") instanceof Long f ? f : 0;
            if (children < 0 || families < 0) {
                out.add("participants");
            } else if (children + families == 0) {
                out.add("noParticipants");
            }
            Object kind = row.get("newOrContinued");
            if (!"new".equals(kind) && !"continued".equals(kind)) {
                out.add("newOrContinued");
            }
            Object first = row.get("firstFundedYear");
            if ("continued".equals(kind) && first == null) {
                out.add("firstFundedYear");
            }
            if (first instanceof Long y && (y > s.year() || y < 2006 || ("new".equals(kind) && y != s.year()))) {
                out.add("firstFundedYear");
            }
            if (row.get("budget") instanceof BigDecimal b) {
                budgets = budgets.add(b);
            }
        }
        if (v.get("grantAmount") instanceof BigDecimal g && budgets.compareTo(g) > 0) {
            out.add("budgets");
        }
        return out;
    }

    private static void code(Object value, Set<String> allowed, String field, List<String> out) {
        if (value != null && !allowed.contains(value)) {
            out.add(field);
        }
    }

    private static void codes(Object value, Set<String> allowed, String field, List<String> out) {
        if (value instanceof List<?> list) {
            for (Object c : list) {
                code(c, allowed, field, out);
            }
        } else if (value != null) {
            out.add(field);
        }
    }
}
