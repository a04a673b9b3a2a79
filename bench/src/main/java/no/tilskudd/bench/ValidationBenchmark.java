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
import no.tilskudd.example.internal.BudgetValidator;
import no.tilskudd.example.internal.ExampleScheme;

/**
 * Validation throughput on one thread: the engine (form fields, conditional fields, JEXL rules, a plugin validator)
 * against a hand-written Java check of the same rules for the example scheme's 2016 form, on the same submissions.
 *
 * <p>Argument: number of submissions (default 200,000).
 */
public final class ValidationBenchmark {

    private static final Set<String> CATEGORIES = Set.of("alle", "kompetanse", "individ", "familie");
    private static final Set<String> REASONS = Set.of("response", "staff", "organisation", "time", "other");

    private ValidationBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        List<Submission> subs = submissions(n);
        StandaloneEngine engine = StandaloneEngine.builder().add(new ExampleScheme(), new BudgetValidator()).build();
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
        System.out.println("Validation benchmark, example scheme form 2016, " + n + " submissions, one thread");
        System.out.println(engineRate.row("engine (form + rules + plugin validator)", "subs/s"));
        System.out.println(handRate.row("hand-written Java check of the same rules", "subs/s"));
        System.out.printf("ratio hand-written / engine: %.1f; violations found: engine %d, hand-written %d%n",
                handRate.median() / engineRate.median(), errors, handErrors);
    }

    static List<Submission> submissions(int n) {
        List<Submission> out = new ArrayList<>(n);
        String[] units = {"1804", "0301", "1103", "1601", "1201", "1902", "0101", "0602"};
        for (int i = 0; i < n; i++) {
            int year = 2016 + (i % 2);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("grantAmount", BigDecimal.valueOf(100_000 + (i % 50) * 1000));
            v.put("ownFunding", BigDecimal.valueOf(i % 3 * 10_000));
            boolean all = i % 2 == 0;
            v.put("goalsReached", all ? "all" : "notAll");
            if (!all && i % 10 != 1) {
                v.put("goalsNotReachedReason", List.of("time"));
            }
            v.put("anchoredInPlan", i % 3 == 0);
            List<Map<String, Object>> measures = new ArrayList<>();
            for (int m = 0; m < 3; m++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", "Tiltak " + m);
                row.put("category", m == 0 ? "alle" : "individ");
                row.put("participantsChildren", (long) (i % 40));
                row.put("participantsFamilies", (long) (m));
                row.put("budget", BigDecimal.valueOf(20_000));
                row.put("newOrContinued", m == 2 ? "continued" : "new");
                row.put("firstFundedYear", (long) (m == 2 ? 2016 : year) + (i % 97 == 0 ? 5 : 0));
                measures.add(row);
            }
            v.put("measures", measures);
            out.add(new Submission("example", year, units[i % units.length], Optional.empty(), v));
        }
        return out;
    }

    /** The example form's rules, written by hand: what a team without a form engine would maintain. */
    static List<String> handWritten(Submission s) {
        List<String> out = new ArrayList<>();
        Map<String, Object> v = s.values();
        if (!(v.get("grantAmount") instanceof BigDecimal g) || g.signum() < 0) {
            out.add("grantAmount");
        }
        Object goals = v.get("goalsReached");
        if (!"all".equals(goals) && !"notAll".equals(goals)) {
            out.add("goalsReached");
        }
        Object reasons = v.get("goalsNotReachedReason");
        if ("notAll".equals(goals) && reasons == null) {
            out.add("goalsNotReachedReason");
        }
        if (reasons instanceof List<?> l) {
            for (Object r : l) {
                if (!REASONS.contains(r)) {
                    out.add("goalsNotReachedReason");
                }
            }
        }
        BigDecimal budgets = BigDecimal.ZERO;
        Object ms = v.get("measures");
        if (!(ms instanceof List<?> rows) || rows.isEmpty()) {
            out.add("measures");
            return out;
        }
        for (Object o : rows) {
            Map<?, ?> row = (Map<?, ?>) o;
            if (!(row.get("name") instanceof String name) || name.isBlank()) {
                out.add("name");
            }
            if (!CATEGORIES.contains(row.get("category"))) {
                out.add("category");
            }
            long children = row.get("participantsChildren") instanceof Long c ? c : 0;
            long families = row.get("participantsFamilies") instanceof Long f ? f : 0;
            if (children < 0 || families < 0 || children + families == 0) {
                out.add("participants");
            }
            Object first = row.get("firstFundedYear");
            if ("continued".equals(row.get("newOrContinued")) && first == null) {
                out.add("firstFundedYear");
            }
            if (first instanceof Long y && (y > s.year() || y < 2016
                    || ("new".equals(row.get("newOrContinued")) && y != s.year()))) {
                out.add("firstFundedYear");
            }
            if (row.get("budget") instanceof BigDecimal b) {
                budgets = budgets.add(b);
            }
        }
        BigDecimal own = v.get("ownFunding") instanceof BigDecimal o ? o : BigDecimal.ZERO;
        if (v.get("grantAmount") instanceof BigDecimal g && budgets.compareTo(g.add(own)) > 0) {
            out.add("budgets");
        }
        return out;
    }
}
