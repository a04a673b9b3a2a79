package no.tilskudd.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.Finding;
import no.tilskudd.engine.InMemoryStore;
import no.tilskudd.engine.StandaloneEngine;
import no.tilskudd.engine.TestSchemes;
import no.tilskudd.example.internal.BudgetValidator;
import no.tilskudd.example.internal.GoalAchievementIndicator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated and mutated submission files (10,000 in all) through the real import path: every file is either stored
 * or refused with findings that name the file and the place (line or field path). Never an exception, never a
 * half-stored file. The generators are seeded, so a failure names the case that reproduces it.
 */
class SubmissionFuzzTest {

    private static Path dir;
    private static InMemoryStore store;
    private static StandaloneEngine engine;

    private static final String VALID = "{\"scheme\":\"example\",\"year\":2016,\"orgUnit\":\"1804\",\"values\":{"
            + "\"grantAmount\":100000,\"ownFunding\":2500.50,\"goalsReached\":\"notAll\","
            + "\"goalsNotReachedReason\":[\"time\",\"other\"],\"anchoredInPlan\":true,\"reportDate\":\"2017-02-01\","
            + "\"shareToChildren\":80,\"measures\":[{\"name\":\"Leksehjelp\",\"category\":\"individ\","
            + "\"participantsChildren\":12,\"participantsFamilies\":3,\"budget\":40000,\"averageAge\":11.5,"
            + "\"newOrContinued\":\"continued\",\"firstFundedYear\":2016}]}}";

    private static final int CASES = 5000;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("tilskudd-fuzz");
        store = new InMemoryStore();
        engine = StandaloneEngine.builder().store(store)
                .addScheme(TestSchemes.EXAMPLE).add(new BudgetValidator(), new GoalAchievementIndicator()).build();
    }

    @AfterAll
    static void clean() throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void mutatedJsonTextIsStoredOrRefusedWithAPlace() {
        Random random = new Random(20161);
        for (int i = 0; i < CASES; i++) {
            check(i, mutatedText(random));
        }
    }

    @Test
    void generatedValuesAreStoredOrRefusedWithAPlace() {
        Random random = new Random(20171);
        for (int i = 0; i < CASES; i++) {
            check(i, generatedSubmission(random));
        }
    }

    private static void check(int n, String content) {
        Path file = dir.resolve("fuzz.jsonl");
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            int before = store.size();
            FileReport r = engine.imports().importFile(file, true);
            if (r.stored()) {
                assertFalse(r.hasErrors(), () -> "case " + n + ": stored with errors: " + r);
                assertTrue(store.size() >= before);
            } else {
                assertTrue(r.hasErrors(), () -> "case " + n + ": neither stored nor refused: " + r + "\n" + content);
                assertTrue(store.size() == before, "a refused file stored something");
                for (Finding f : r.findings()) {
                    assertTrue(f.position().file().equals("fuzz.jsonl"), f.toString());
                    if (f.severity() == Severity.ERROR) {
                        assertTrue(!f.position().location().isEmpty() || !f.path().isEmpty(),
                                () -> "case " + n + ": an error without a place: " + f + "\n" + content);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final char[] NOISE = {'{', '}', '[', ']', '"', ',', ':', '0', '9', '-', '.', 'e', 'a', 'ø', '\\',
        ' ', 'n', 't', '\u0000', '\u2028'};

    /** One to four lines, each the valid submission with a character deleted, inserted or replaced. */
    private static String mutatedText(Random r) {
        StringBuilder out = new StringBuilder();
        int lines = 1 + r.nextInt(4);
        for (int l = 0; l < lines; l++) {
            int pos = r.nextInt(VALID.length());
            char c = NOISE[r.nextInt(NOISE.length)];
            String line = switch (r.nextInt(3)) {
                case 0 -> VALID.substring(0, pos) + VALID.substring(pos + 1);
                case 1 -> VALID.substring(0, pos) + c + VALID.substring(pos);
                default -> VALID.substring(0, pos) + c + VALID.substring(pos + 1);
            };
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static final String[] FIELDS = {"grantAmount", "ownFunding", "goalsReached", "goalsNotReachedReason",
        "anchoredInPlan", "reportDate", "shareToChildren", "comment", "measures", "unknownField"};
    private static final String[] LITERALS = {"true", "false", "null", "[]", "{}", "\"all\"", "\"notAll\"",
        "[\"time\"]", "[\"time\",\"time\"]", "\"2017-02-30\"", "[{}]",
        "[{\"name\":\"X\",\"category\":\"alle\",\"newOrContinued\":\"continued\"}]",
        "[{\"name\":\"X\",\"category\":\"familie\",\"newOrContinued\":\"new\",\"firstFundedYear\":2030}]"};
    private static final String[] YEARS = {"2015", "2016", "2017", "1899", "\"2016\"", "2016.5"};
    private static final String[] UNITS = {"\"1804\"", "\"0301\"", "\"9999\"", "301", "\"1503\"", "\"\""};

    /** A submission with random fields, each with a random value of a random type. */
    private static String generatedSubmission(Random r) {
        List<String> pairs = new java.util.ArrayList<>();
        int n = r.nextInt(9);
        for (int i = 0; i < n; i++) {
            pairs.add("\"" + FIELDS[r.nextInt(FIELDS.length)] + "\":" + value(r));
        }
        return "{\"scheme\":\"example\",\"year\":" + YEARS[r.nextInt(YEARS.length)] + ",\"orgUnit\":"
                + UNITS[r.nextInt(UNITS.length)] + ",\"values\":{" + String.join(",", distinct(pairs)) + "}}\n";
    }

    private static String value(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> String.valueOf(r.nextInt(3_000_006) - 5);
            case 1 -> String.valueOf(r.nextDouble() * 1e7 - 1000);
            case 2 -> {
                StringBuilder sb = new StringBuilder("\"");
                int len = r.nextInt(30);
                for (int i = 0; i < len; i++) {
                    char c = (char) (0x20 + r.nextInt(0x2000));
                    if (c == '"' || c == '\\' || Character.isSurrogate(c)) {
                        c = 'x';
                    }
                    sb.append(c);
                }
                yield sb.append('"').toString();
            }
            default -> LITERALS[r.nextInt(LITERALS.length)];
        };
    }

    private static List<String> distinct(List<String> pairs) {
        java.util.Map<String, String> byKey = new java.util.LinkedHashMap<>();
        for (String p : pairs) {
            byKey.put(p.substring(0, p.indexOf(':')), p);
        }
        return List.copyOf(byKey.values());
    }
}
