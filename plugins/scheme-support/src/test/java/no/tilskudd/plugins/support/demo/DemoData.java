package no.tilskudd.plugins.support.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import no.tilskudd.plugins.support.demo.DemoPlan.Unit;

/**
 * Generates the SYNTHETIC demo data of the AVdir, Bufdir and urban-youth schemes. No line in these files is a real
 * report: the org-unit codes are real municipalities and Oslo districts, everything reported is invented.
 *
 * <p>The data are laid out so that the indicators reproduce the seed evaluation's published figures for 2006–2008
 * (AVdir and Bufdir together): goal achievement 44/49/48 % with N 61/67/64, the 2007 annual report's split by scheme
 * (Bufdir 42 % of 26, AVdir 54 % of 41), national goals 79/11/10 % and continuation 61/3/35 % with N 62 (62 of the 86
 * scheme-units answered, in their last report of the period), and the units and regions of {@link DemoPlan}. The
 * rest (amounts, measures, partners, participants) is drawn from a {@link Random} with a fixed seed, so the files are
 * the same on every run; {@code SchemeContractTest} regenerates them and compares.
 *
 * <p>To rewrite the files after changing this class, run a scheme module's tests with
 * {@code -Dtilskudd.demo.write=true}, or run {@link #main(String[])} with the {@code plugins} folder.
 */
public final class DemoData {

    /** The fixed seed. */
    public static final long SEED = 20062008L;

    /** Reporting-year patterns for 2006–2008: how many units report in exactly these years. */
    private record Pattern(int units, int... years) {
    }

    // 36, 41 and 40 AVdir reports in 2006, 2007 and 2008 from 57 units
    private static final List<Pattern> AVDIR_YEARS = List.of(new Pattern(22, 2006, 2007, 2008),
            new Pattern(6, 2006, 2007), new Pattern(9, 2007, 2008), new Pattern(1, 2006, 2008), new Pattern(7, 2006),
            new Pattern(4, 2007), new Pattern(8, 2008));
    // 25, 26 and 24 Bufdir reports from 29 units; with AVdir 61, 67 and 64 as in the seed's table 8.2
    private static final List<Pattern> BUFDIR_YEARS = List.of(new Pattern(18, 2006, 2007, 2008),
            new Pattern(4, 2006, 2007), new Pattern(4, 2007, 2008), new Pattern(2, 2006, 2008), new Pattern(1, 2006));

    /** Reports that reached all goals, per year: together 27/61, 33/67 and 31/64 (44, 49 and 48 %). */
    private static final Map<Integer, Integer> AVDIR_ALL_GOALS = Map.of(2006, 17, 2007, 22, 2008, 20, 2009, 22,
            2010, 23, 2011, 22);
    private static final Map<Integer, Integer> BUFDIR_ALL_GOALS = Map.of(2006, 10, 2007, 11, 2008, 11);

    /** Answers of the units that answered in 2006–2008: 41 AVdir + 21 Bufdir = 62 (seed N = 62). */
    private static final Map<String, Integer> AVDIR_CONTINUATION = ordered("yes", 25, "no", 1, "unsure", 15);
    private static final Map<String, Integer> BUFDIR_CONTINUATION = ordered("yes", 13, "no", 1, "unsure", 7);
    private static final Map<String, Integer> AVDIR_NATIONAL_GOALS = ordered("large", 32, "small", 5, "unsure", 4);
    private static final Map<String, Integer> BUFDIR_NATIONAL_GOALS = ordered("large", 17, "small", 2, "unsure", 2);

    /** Large cities and districts get larger grants. */
    private static final List<String> LARGE = List.of("0301", "1201", "1601", "1103", "1902", "0602", "1001", "0106",
            "0219", "030101", "030102", "030111", "030115");

    private record Measure(String name, String category, String aim) {
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure("Utstyrsbank", "alle", "leisure"), new Measure("Billig kino", "alle", "leisure"),
            new Measure("Badeland", "alle", "leisure"), new Measure("Åpen barnehage", "alle", null),
            new Measure("Åpen hall", "alle", "leisure"),
            new Measure("Sommerjobb", "kompetanse", "work"), new Measure("Yrkesveiledning", "kompetanse", "work"),
            new Measure("Ferietur", "familie", "leisure"), new Measure("Gårdsbesøk", "familie", null),
            new Measure("Familiedager", "familie", "leisure"),
            new Measure("Leksehjelp", "individ", "coordination"), new Measure("Sportsutstyr", "individ", "leisure"),
            new Measure("Støttekontakt", "individ", "coordination"), new Measure("Kursavgift", "individ", "leisure"),
            new Measure("Trafikkurs", "individ", "work"), new Measure("Klær", "individ", null),
            new Measure("Grønn patrulje", "individ", "work"), new Measure("Økonomikurs", "individ", "coordination"));

    private static final int[][] AGE_GROUPS = {{12, 16}, {13, 18}, {15, 20}, {16, 23}, {18, 25}, {12, 25}, {14, 19}};

    private static final String[] TARGET_GROUPS = {"refugeeImmigrant", "singleParent", "schoolDropout",
        "mentalHealth", "parentsMentalHealth", "other"};
    private static final String[] PARTNERS = {"childWelfare", "socialServices", "school", "healthCentre",
        "refugeeOffice", "culture", "voluntary", "business"};
    // How likely a unit of each scheme names each partner, in the order of PARTNERS.
    private static final double[] AVDIR_PARTNERS = {0.5, 0.9, 0.7, 0.4, 0.3, 0.4, 0.5, 0.15};
    private static final double[] BUFDIR_PARTNERS = {0.95, 0.6, 0.7, 0.5, 0.3, 0.3, 0.4, 0.1};
    private static final double[] URBAN_PARTNERS = {0.4, 0.5, 0.6, 0.3, 0.3, 0.7, 0.7, 0.35};

    private DemoData() {
    }

    /**
     * Generates the three files.
     *
     * @return the JSON Lines text per scheme id (avdir, bufdir, urban-youth)
     */
    public static Map<String, String> generate() {
        Random plan = new Random(SEED);
        Map<String, List<Integer>> avdirYears = years(plan, codes(true), AVDIR_YEARS);
        Map<String, List<Integer>> bufdirYears = years(plan, codes(false), BUFDIR_YEARS);
        extendAvdir(plan, avdirYears);
        Map<String, List<Integer>> urbanYears = urbanYears(plan);

        Map<String, String> out = new LinkedHashMap<>();
        out.put("avdir", new SchemeWriter("avdir", 2006, new Random(SEED + 1), avdirYears, AVDIR_ALL_GOALS,
                AVDIR_CONTINUATION, AVDIR_NATIONAL_GOALS, AVDIR_PARTNERS).write());
        out.put("bufdir", new SchemeWriter("bufdir", 2004, new Random(SEED + 2), bufdirYears, BUFDIR_ALL_GOALS,
                BUFDIR_CONTINUATION, BUFDIR_NATIONAL_GOALS, BUFDIR_PARTNERS).write());
        out.put("urban-youth", new SchemeWriter("urban-youth", 2003, new Random(SEED + 3), urbanYears, Map.of(),
                Map.of(), Map.of(), URBAN_PARTNERS).write());
        return out;
    }

    /**
     * Where a scheme module keeps its demo file.
     *
     * @param moduleDir the scheme module's folder
     * @param schemeId  the scheme id
     * @return the file
     */
    public static Path demoFile(Path moduleDir, String schemeId) {
        return moduleDir.resolve("src/main/resources/tilskudd/" + schemeId + "/demo/" + schemeId + "-demo.jsonl");
    }

    /**
     * Writes the three files.
     *
     * @param args the {@code plugins} folder
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path plugins = Path.of(args.length > 0 ? args[0] : "plugins");
        for (Map.Entry<String, String> e : generate().entrySet()) {
            Path file = demoFile(plugins.resolve("scheme-" + e.getKey()), e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------- who reports when

    private static List<String> codes(boolean avdir) {
        return DemoPlan.UNITS.stream().filter(u -> avdir ? u.membership().avdir() : u.membership().bufdir())
                .map(Unit::code).toList();
    }

    private static Map<String, List<Integer>> years(Random plan, List<String> codes, List<Pattern> patterns) {
        List<String> shuffled = new ArrayList<>(codes);
        Collections.shuffle(shuffled, plan);
        Map<String, List<Integer>> out = new TreeMap<>();
        int next = 0;
        for (Pattern p : patterns) {
            for (int i = 0; i < p.units(); i++) {
                List<Integer> ys = new ArrayList<>();
                for (int y : p.years()) {
                    ys.add(y);
                }
                out.put(shuffled.get(next++), ys);
            }
        }
        if (next != codes.size()) {
            throw new IllegalStateException("the year patterns cover " + next + " units, not " + codes.size());
        }
        return out;
    }

    /** AVdir 2009–2011: most 2008 units go on, some stop, and new units join. */
    private static void extendAvdir(Random plan, Map<String, List<Integer>> years) {
        List<String> previous = years.entrySet().stream().filter(e -> e.getValue().contains(2008))
                .map(Map.Entry::getKey).sorted().toList();
        int[] drops = {4, 3, 2};
        for (int y = 2009; y <= 2011; y++) {
            List<String> cont = new ArrayList<>(previous);
            Collections.shuffle(cont, plan);
            cont = new ArrayList<>(cont.subList(drops[y - 2009], cont.size()));
            if (y == 2009) {
                cont.addAll(DemoPlan.AVDIR_NEW_2009);
            } else if (y == 2010) {
                cont.addAll(DemoPlan.AVDIR_NEW_2010);
            }
            for (String c : cont) {
                years.computeIfAbsent(c, k -> new ArrayList<>()).add(y);
            }
            previous = cont.stream().sorted().toList();
        }
    }

    private static Map<String, List<Integer>> urbanYears(Random plan) {
        Map<String, List<Integer>> out = new TreeMap<>();
        for (int y = 2008; y <= 2013; y++) {
            for (String c : DemoPlan.URBAN_YOUTH_UNITS) {
                if (DemoPlan.URBAN_YOUTH_BLOCK_GRANT.contains(c) || plan.nextDouble() < 0.8) {
                    out.computeIfAbsent(c, k -> new ArrayList<>()).add(y);
                }
            }
        }
        return out;
    }

    private static Map<String, Integer> ordered(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return m;
    }

    // ---------------------------------------------------------------- one scheme's file

    /** Writes one scheme's reports, in order of year and org unit. */
    private static final class SchemeWriter {

        private final String scheme;
        private final int schemeFirstYear;
        private final Random rng;
        private final Map<String, List<Integer>> years;
        private final Map<Integer, Integer> allGoals;
        private final Map<String, Integer> continuation;
        private final Map<String, Integer> nationalGoals;
        private final double[] partnerOdds;

        SchemeWriter(String scheme, int schemeFirstYear, Random rng, Map<String, List<Integer>> years,
                Map<Integer, Integer> allGoals, Map<String, Integer> continuation, Map<String, Integer> nationalGoals,
                double[] partnerOdds) {
            this.scheme = scheme;
            this.schemeFirstYear = schemeFirstYear;
            this.rng = rng;
            this.years = years;
            this.allGoals = allGoals;
            this.continuation = continuation;
            this.nationalGoals = nationalGoals;
            this.partnerOdds = partnerOdds;
        }

        String write() {
            TreeMap<Integer, List<String>> byYear = new TreeMap<>();
            years.forEach((code, ys) -> ys.forEach(y -> byYear.computeIfAbsent(y, k -> new ArrayList<>()).add(code)));
            byYear.values().forEach(Collections::sort);
            Map<String, String> goals = goalsPerReport(byYear);
            Map<String, String[]> evaluation = evaluationAnswers();
            Map<String, Integer> startYear = new HashMap<>();
            for (String code : new java.util.TreeSet<>(years.keySet())) {
                int first = Collections.min(years.get(code));
                // Bufdir (from 2004) and urban youth (from 2003) had units funded before the first year in the data.
                boolean earlier = first > schemeFirstYear && first == byYear.firstKey() && rng.nextBoolean();
                startYear.put(code, earlier ? schemeFirstYear + rng.nextInt(first - schemeFirstYear) : first);
            }
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<Integer, List<String>> e : byYear.entrySet()) {
                for (String code : e.getValue()) {
                    int year = e.getKey();
                    Map<String, Object> values = report(code, year, goals.get(year + "/" + code),
                            evaluation.get(year + "/" + code), startYear.get(code));
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("scheme", scheme);
                    line.put("year", (long) year);
                    line.put("orgUnit", code);
                    line.put("values", values);
                    Json.write(sb, line);
                    sb.append('\n');
                }
            }
            return sb.toString();
        }

        /** Exactly the planned number of "all" per year where a plan exists, else about half. */
        private Map<String, String> goalsPerReport(TreeMap<Integer, List<String>> byYear) {
            Map<String, String> out = new HashMap<>();
            for (Map.Entry<Integer, List<String>> e : byYear.entrySet()) {
                List<String> codes = new ArrayList<>(e.getValue());
                Collections.shuffle(codes, rng);
                int all = allGoals.getOrDefault(e.getKey(), (codes.size() * 52 + 50) / 100);
                for (int i = 0; i < codes.size(); i++) {
                    out.put(e.getKey() + "/" + codes.get(i), i < all ? "all" : "notAll");
                }
            }
            return out;
        }

        /**
         * The evaluation questions (continuation, national goals) for 2006–2008: the planned answers, each in the
         * answering unit's last report of the period. Other years' reports answer at random.
         */
        private Map<String, String[]> evaluationAnswers() {
            Map<String, String[]> out = new HashMap<>();
            if (continuation.isEmpty()) {
                return out;
            }
            int respondents = continuation.values().stream().mapToInt(Integer::intValue).sum();
            List<String> units = years.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(y -> y <= 2008))
                    .map(Map.Entry::getKey).sorted().collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            Collections.shuffle(units, rng);
            List<String> cont = bag(continuation);
            List<String> nat = bag(nationalGoals);
            for (int i = 0; i < respondents; i++) {
                String code = units.get(i);
                int last = years.get(code).stream().filter(y -> y <= 2008).max(Comparator.naturalOrder()).orElseThrow();
                out.put(last + "/" + code, new String[] {cont.get(i), nat.get(i)});
            }
            for (Map.Entry<String, List<Integer>> e : new TreeMap<>(years).entrySet()) {
                for (int y : e.getValue()) {
                    if (y > 2008) {
                        out.put(y + "/" + e.getKey(), new String[] {
                            pick(new String[] {"yes", "no", "unsure"}, 0.62, 0.04),
                            pick(new String[] {"large", "small", "unsure"}, 0.8, 0.1)});
                    }
                }
            }
            return out;
        }

        private List<String> bag(Map<String, Integer> counts) {
            List<String> out = new ArrayList<>();
            counts.forEach((code, n) -> out.addAll(Collections.nCopies(n, code)));
            Collections.shuffle(out, rng);
            return out;
        }

        private String pick(String[] codes, double first, double second) {
            double r = rng.nextDouble();
            return r < first ? codes[0] : r < first + second ? codes[1] : codes[2];
        }

        private Map<String, Object> report(String code, int year, String goals, String[] evaluation, int start) {
            boolean urban = scheme.equals("urban-youth");
            Map<String, Object> v = new LinkedHashMap<>();
            long grant = grant(code);
            v.put("grantAmount", grant);
            long own = 0;
            if ((scheme.equals("avdir") && year >= 2009) || urban) {
                if (rng.nextDouble() < 0.8) {
                    own = roundDown((long) (grant * 0.25 * rng.nextDouble()), 5_000);
                    v.put("ownFunding", own);
                }
            }
            if (scheme.equals("avdir") && year >= 2010) {
                v.put("actionPlanGrant", rng.nextBoolean() ? 0L
                        : roundDown((long) (grant * (0.2 + 0.4 * rng.nextDouble())), 10_000));
            }
            if (urban) {
                v.put("measureYear", (long) year);
            }
            v.put("goalsReached", goals);
            if (goals.equals("notAll")) {
                v.put("goalsNotReachedReason", reasons());
            }
            if (urban) {
                evaluation = new String[] {pick(new String[] {"yes", "no", "unsure"}, 0.55, 0.05),
                    pick(new String[] {"large", "small", "unsure"}, 0.75, 0.12)};
            }
            if (evaluation != null) {
                v.put("nationalGoals", evaluation[1]);
                v.put("continuation", evaluation[0]);
            }
            v.put("anchoredInPlan", rng.nextDouble() < 0.45);
            v.put("userInvolvement", pick(new String[] {"none", "some", "systematic"}, 0.3, 0.5));
            v.put("targetGroups", some(TARGET_GROUPS, new double[] {0.5, 0.5, 0.3, 0.25, 0.3, 0.15}));
            v.put("partners", some(PARTNERS, partnerOdds));
            v.put("measures", measures(year, start, grant + own, urban));
            return v;
        }

        private long grant(String code) {
            return switch (scheme) {
                case "bufdir" -> 100_000 + 10_000L * rng.nextInt(41);
                case "urban-youth" -> DemoPlan.URBAN_YOUTH_BLOCK_GRANT.contains(code)
                        ? 800_000 + 50_000L * rng.nextInt(15) : 200_000 + 10_000L * rng.nextInt(51);
                default -> Math.min(1_500_000, 150_000 + 10_000L * rng.nextInt(76)
                        + (LARGE.contains(code) ? 200_000 + 10_000L * rng.nextInt(41) : 0));
            };
        }

        private List<String> reasons() {
            List<String> out = new ArrayList<>();
            out.add(pickWeighted(new String[] {"time", "organisation", "response", "staff", "other"},
                    new double[] {0.35, 0.3, 0.15, 0.1, 0.1}));
            if (rng.nextDouble() < 0.4) {
                String second = pickWeighted(new String[] {"time", "organisation", "response", "staff", "other"},
                        new double[] {0.3, 0.3, 0.15, 0.15, 0.1});
                if (!out.contains(second)) {
                    out.add(second);
                }
            }
            return out;
        }

        private String pickWeighted(String[] codes, double[] weights) {
            double r = rng.nextDouble();
            for (int i = 0; i < codes.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return codes[i];
                }
            }
            return codes[codes.length - 1];
        }

        private List<String> some(String[] codes, double[] odds) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < codes.length; i++) {
                if (rng.nextDouble() < odds[i]) {
                    out.add(codes[i]);
                }
            }
            if (out.isEmpty()) {
                out.add(codes[0]);
            }
            return out;
        }

        private List<Object> measures(int year, int start, long available, boolean urban) {
            int count = 2 + rng.nextInt(urban ? 3 : 4);
            List<Measure> pool = new ArrayList<>(urban
                    ? MEASURES.stream().filter(m -> m.aim() != null).toList() : MEASURES);
            Collections.shuffle(pool, rng);
            List<Measure> chosen = pool.subList(0, count);
            int[] weights = new int[count];
            int sum = 0;
            for (int i = 0; i < count; i++) {
                weights[i] = 1 + rng.nextInt(4);
                sum += weights[i];
            }
            long spend = (long) (available * (0.85 + 0.15 * rng.nextDouble()));
            List<Object> rows = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Measure m = chosen.get(i);
                boolean open = m.category().equals("alle") || (m.category().equals("familie") && rng.nextBoolean());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", m.name());
                row.put("category", m.category());
                row.put("openToAll", open);
                if (urban) {
                    int[] ages = AGE_GROUPS[rng.nextInt(AGE_GROUPS.length)];
                    row.put("aim", m.aim());
                    row.put("ageFrom", (long) ages[0]);
                    row.put("ageTo", (long) ages[1]);
                }
                if (open) {
                    row.put("participantsChildren", 20L + rng.nextInt(131));
                    row.put("participantsFamilies", 5L + rng.nextInt(56));
                } else if (m.category().equals("kompetanse")) {
                    row.put("participantsChildren", 5L + rng.nextInt(26));
                    row.put("participantsFamilies", 0L);
                } else {
                    row.put("participantsChildren", 3L + rng.nextInt(38));
                    row.put("participantsFamilies", (long) rng.nextInt(26));
                }
                row.put("budget", roundDown(spend * weights[i] / sum, 1_000));
                boolean continued = year > start && rng.nextDouble() < 0.6;
                row.put("newOrContinued", continued ? "continued" : "new");
                row.put("firstFundedYear", (long) (continued ? start + rng.nextInt(year - start) : year));
                rows.add(row);
            }
            return rows;
        }

        private static long roundDown(long amount, long step) {
            return amount / step * step;
        }
    }

    /** A JSON writer for the few value types the demo data hold, in a fixed layout. */
    static final class Json {

        private Json() {
        }

        static void write(StringBuilder sb, Object v) {
            if (v instanceof String s) {
                sb.append('"');
                for (char c : s.toCharArray()) {
                    if (c == '"' || c == '\\') {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
                sb.append('"');
            } else if (v instanceof Long || v instanceof Boolean) {
                sb.append(v);
            } else if (v instanceof List<?> list) {
                sb.append('[');
                for (int i = 0; i < list.size(); i++) {
                    sb.append(i == 0 ? "" : ", ");
                    write(sb, list.get(i));
                }
                sb.append(']');
            } else if (v instanceof Map<?, ?> map) {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    sb.append(first ? "" : ", ");
                    first = false;
                    write(sb, e.getKey());
                    sb.append(": ");
                    write(sb, e.getValue());
                }
                sb.append('}');
            } else {
                throw new IllegalArgumentException("no JSON for " + v);
            }
        }
    }
}
