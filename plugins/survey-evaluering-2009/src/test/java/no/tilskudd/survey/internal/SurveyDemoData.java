package no.tilskudd.survey.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Generates the questionnaire's synthetic demo data: the grant register 2006–2008 the respondent list is made from,
 * and the responses. Both are derived from the AVdir, Bufdir and urban-youth demo reports, so that they agree with
 * them, and laid out to reproduce the seed evaluation's figures:
 *
 * <ul>
 *   <li>a grant for every AVdir and Bufdir report 2006–2008 (with the report's grant amount), so the register has the
 *       reports' 57 AVdir and 29 Bufdir units, 19 in both: 67 units, 86 scheme-units; and, so that the response rates
 *       have something to say, four AVdir grants and one Bufdir grant for 2008 that were not reported on, and one Bufdir
 *       report for 2007 without a grant (a warning);</li>
 *   <li>the schemes that have no form here, named in the register ({@code unge-utenfor}, {@code utsatte-unge},
 *       {@code ungdom-i-svevet} in Nordland, and {@code andre-ordninger} for other state schemes), and urban youth 2008
 *       for the reporting cities but two (1804 Bodø and 1902 Tromsø, whose urban-youth reports are then without a
 *       grant), so that of the 86 scheme-units 20 (23 %) are funded by one scheme only, 66 (77 %) by more, 38 (44 %)
 *       by both AVdir and Bufdir, 21 (24 %) also by urban youth, 7 (8 %) by Unge utenfor, 10 (12 %) by Utsatte unge
 *       and 5 (6 %) by «Ungdom i svevet», as in the seed's table "Tilskuddsordning (N=86)";</li>
 *   <li>a response for each of the 62 scheme-units that answered the evaluation questions in their last report of the
 *       period (41 AVdir, 21 Bufdir), with the same answers on national goals and continuation (79/11/10 % and
 *       61/3/35 %), and invented answers on the agencies, collaboration and the NAV office (40 of 62 with an
 *       established NAV office), drawn from a {@link Random} with a fixed seed.</li>
 * </ul>
 *
 * <p>The org-unit codes are real municipalities and Oslo districts; every grant and answer is invented.
 * {@code SurveyDemoDataTest} regenerates the files and compares; run it with {@code -Dtilskudd.demo.write=true} to
 * rewrite them after changing this class.
 */
public final class SurveyDemoData {

    /** The fixed seed. */
    public static final long SEED = 2009L;

    static final List<String> UNGE_UTENFOR = List.of("0219", "0220", "0230", "0412", "0701", "1101", "1702");
    static final List<String> UTSATTE_UNGE = List.of("0124", "0235", "0501", "030113", "0604", "0807", "1002",
            "1221", "1235", "1714");
    static final List<String> UNGDOM_I_SVEVET = List.of("1820", "1824", "1841", "1860", "1865");
    static final List<String> ANDRE = List.of("0231", "0814", "1149", "1520", "2012");
    /** Urban-youth reporters without a grant in the demo register. */
    static final Set<String> URBAN_WITHOUT_GRANT = Set.of("1804", "1902");

    /**
     * The names of the schemes that have a form here, given too so that the register can be imported where their
     * plugins are not installed; an installed scheme's own name is shown wherever it is.
     */
    static final Map<String, String> NAMES = Map.of(
            "avdir", "Tilskudd til bekjempelse av barnefattigdom (AVdir)",
            "bufdir", "Kompetanse- og utviklingstiltak i barnevernet mot fattigdom (BLD/Bufdir)",
            "urban-youth", "Barne- og ungdomstiltak i større bysamfunn");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SurveyDemoData() {
    }

    /** A report of a demo file: scheme, year, unit, grant amount, and the evaluation answers if any. */
    record Report(String scheme, int year, String unit, long grant, String nationalGoals, String continuation) {
    }

    private record GrantRow(String scheme, String name, int year, String unit, long amount) {
    }

    /**
     * Generates both files.
     *
     * @return {@code grants} (CSV) and {@code responses} (JSON Lines)
     */
    public static Map<String, String> generate() {
        List<Report> reports = new ArrayList<>();
        for (String s : List.of("avdir", "bufdir", "urban-youth")) {
            reports.addAll(read(s));
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("grants", grants(reports));
        out.put("responses", responses(reports));
        return out;
    }

    static List<Report> read(String scheme) {
        String path = "tilskudd/" + scheme + "/demo/" + scheme + "-demo.jsonl";
        List<Report> out = new ArrayList<>();
        try (InputStream in = SurveyDemoData.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                JsonNode v = n.get("values");
                int year = n.get("year").asInt();
                if (year > 2008) {
                    continue;
                }
                out.add(new Report(scheme, year, n.get("orgUnit").asText(), v.path("grantAmount").asLong(),
                        v.path("nationalGoals").asText(null), v.path("continuation").asText(null)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String grants(List<Report> reports) {
        List<GrantRow> rows = new ArrayList<>();
        Map<String, Map<Integer, Report>> byUnit = new TreeMap<>();
        for (Report r : reports) {
            if (r.scheme().equals("urban-youth") && URBAN_WITHOUT_GRANT.contains(r.unit())) {
                continue;
            }
            byUnit.computeIfAbsent(r.scheme() + "/" + r.unit(), k -> new TreeMap<>()).put(r.year(), r);
            rows.add(new GrantRow(r.scheme(), NAMES.get(r.scheme()), r.year(), r.unit(), r.grant()));
        }
        // 2008 grants without a 2008 report: the first AVdir units (by code) that reported earlier but not in 2008,
        // four of them, and one such Bufdir unit.
        addUnreported(rows, byUnit, "avdir", 4);
        addUnreported(rows, byUnit, "bufdir", 1);
        // A Bufdir report for 2007 from a unit whose 2007 grant is not in the register (granted 2006 and 2008).
        String without = byUnit.entrySet().stream().filter(e -> e.getKey().startsWith("bufdir/"))
                .filter(e -> e.getValue().keySet().equals(Set.of(2006, 2007, 2008))).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        rows.removeIf(g -> (g.scheme() + "/" + g.unit()).equals(without) && g.year() == 2007);
        other(rows, "unge-utenfor", "Unge utenfor", UNGE_UTENFOR, new int[] {2008}, 150000);
        other(rows, "utsatte-unge", "Utsatte unge 17–23 i overgangsfaser", UTSATTE_UNGE, new int[] {2007, 2008},
                400000);
        other(rows, "ungdom-i-svevet", "Nordlandsprosjektet «Ungdom i svevet»", UNGDOM_I_SVEVET,
                new int[] {2007, 2008}, 250000);
        other(rows, "andre-ordninger", "Andre statlige tilskuddsordninger", ANDRE, new int[] {2006}, 100000);
        rows.sort((a, b) -> {
            int c = a.scheme().compareTo(b.scheme());
            c = c != 0 ? c : Integer.compare(a.year(), b.year());
            return c != 0 ? c : a.unit().compareTo(b.unit());
        });
        StringBuilder sb = new StringBuilder("scheme,schemeName,year,orgUnit,amount,decisionDate,caseNumber,"
                + "reportingDeadline\n");
        Map<Integer, Integer> cases = new TreeMap<>();
        for (GrantRow g : rows) {
            int n = cases.merge(g.year(), 1, Integer::sum);
            sb.append(g.scheme()).append(',').append(g.name()).append(',').append(g.year()).append(',')
                    .append(g.unit()).append(',').append(g.amount()).append(',').append(g.year()).append("-03-14,")
                    .append(g.year()).append('/').append(String.format("%04d", n)).append(',')
                    .append(g.year() + 1).append("-02-01\n");
        }
        return sb.toString();
    }

    private static void addUnreported(List<GrantRow> rows, Map<String, Map<Integer, Report>> byUnit, String scheme,
            int count) {
        int added = 0;
        for (Map.Entry<String, Map<Integer, Report>> e : byUnit.entrySet()) {
            if (added == count) {
                return;
            }
            if (e.getKey().startsWith(scheme + "/") && !e.getValue().containsKey(2008)) {
                Report last = e.getValue().values().stream().reduce((a, b) -> b).orElseThrow();
                rows.add(new GrantRow(scheme, NAMES.get(scheme), 2008, last.unit(), last.grant()));
                added++;
            }
        }
    }

    private static void other(List<GrantRow> rows, String scheme, String name, List<String> units, int[] years,
            long amount) {
        for (String u : units) {
            for (int y : years) {
                rows.add(new GrantRow(scheme, name, y, u, amount));
            }
        }
    }

    private static String responses(List<Report> reports) {
        // The latest report of each scheme-unit in 2006-2008 with the evaluation answers.
        Map<String, Map<String, Report>> byUnit = new TreeMap<>();
        for (Report r : reports) {
            if (r.nationalGoals() == null || r.scheme().equals("urban-youth")) {
                continue;
            }
            Report before = byUnit.computeIfAbsent(r.unit(), k -> new TreeMap<>()).get(r.scheme());
            if (before == null || before.year() < r.year()) {
                byUnit.get(r.unit()).put(r.scheme(), r);
            }
        }
        int answers = byUnit.values().stream().mapToInt(Map::size).sum();
        Random rng = new Random(SEED);
        List<Boolean> established = new ArrayList<>();
        for (int i = 0; i < answers; i++) {
            established.add(i < 40);
        }
        Collections.shuffle(established, rng);
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Map.Entry<String, Map<String, Report>> e : byUnit.entrySet()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Report r : e.getValue().values()) {
                boolean avdir = r.scheme().equals("avdir");
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("answersFor", r.scheme());
                row.put("nationalGoals", r.nationalGoals());
                row.put("continuation", r.continuation());
                row.put("agencies", some(rng, new String[] {"childWelfare", "socialServices", "school",
                    "healthCentre", "culture", "refugeeOffice", "voluntary", "business", "other"},
                        new double[] {avdir ? 0.45 : 0.9, avdir ? 0.85 : 0.45, 0.6, 0.35, 0.3, 0.25, 0.4, 0.1,
                            0.15}));
                String[] partners = {"childWelfareSocial", "school", "refugeeOffice", "healthCentre", "culture",
                    "voluntary", "business"};
                row.put("collaborationImportant", some(rng, partners,
                        new double[] {0.9, 0.85, 0.6, 0.7, 0.5, 0.5, 0.3}));
                row.put("collaborationPresent", some(rng, partners,
                        new double[] {0.7, 0.6, 0.35, 0.5, 0.35, 0.3, 0.1}));
                boolean nav = established.get(i++);
                row.put("navOfficeEstablished", nav);
                if (nav) {
                    row.put("navOfficeMeant", List.of(
                            pick(rng, "easierCoordination", 0.45, "harderCoordination", 0.2, "noCoordinationEffect"),
                            pick(rng, "moreAttention", 0.4, "attentionInBackground", 0.25, "noAttentionEffect")));
                }
                row.put("navOfficeFuture", List.of(
                        pick(rng, "easierCoordination", 0.6, "harderCoordination", 0.1, "noCoordinationEffect"),
                        pick(rng, "moreAttention", 0.55, "attentionInBackground", 0.2, "noAttentionEffect")));
                rows.add(row);
            }
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("schemeAnswers", rows);
            values.put("respondentRole", pick(rng, "projectLead", 0.6, "manager", 0.3, "other"));
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("scheme", "survey-2009");
            line.put("year", 2009);
            line.put("orgUnit", e.getKey());
            line.put("values", values);
            try {
                sb.append(JSON.writeValueAsString(line)).append('\n');
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }
        return sb.toString();
    }

    /** Each code with its probability; at least one (the likeliest) so that every answer names some. */
    private static List<String> some(Random rng, String[] codes, double[] p) {
        List<String> out = new ArrayList<>();
        int likeliest = 0;
        for (int c = 0; c < codes.length; c++) {
            if (rng.nextDouble() < p[c]) {
                out.add(codes[c]);
            }
            likeliest = p[c] > p[likeliest] ? c : likeliest;
        }
        if (out.isEmpty()) {
            out.add(codes[likeliest]);
        }
        return out;
    }

    private static String pick(Random rng, String a, double pa, String b, double pb, String c) {
        double r = rng.nextDouble();
        return r < pa ? a : r < pa + pb ? b : c;
    }

    /**
     * Where the questionnaire module keeps the files.
     *
     * @param module the module folder
     * @return {@code grants} and {@code responses} paths
     */
    public static Map<String, Path> files(Path module) {
        Path demo = module.resolve("src/main/resources/tilskudd/survey-2009/demo");
        return Map.of("grants", demo.resolve("grants-2006-2008.csv"), "responses",
                demo.resolve("survey-2009-demo.jsonl"));
    }

    /**
     * Writes the files.
     *
     * @param args the module folder (default: the working directory)
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path module = Path.of(args.length > 0 ? args[0] : ".");
        Map<String, String> generated = generate();
        for (Map.Entry<String, Path> f : files(module).entrySet()) {
            Files.writeString(f.getValue(), generated.get(f.getKey()), StandardCharsets.UTF_8);
        }
    }

    static Set<String> codes(List<Report> reports, String scheme) {
        Set<String> out = new TreeSet<>();
        reports.stream().filter(r -> r.scheme().equals(scheme)).forEach(r -> out.add(r.unit()));
        return out;
    }
}
