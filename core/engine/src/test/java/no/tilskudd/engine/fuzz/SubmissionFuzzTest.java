package no.tilskudd.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.Finding;
import no.tilskudd.engine.InMemoryStore;
import no.tilskudd.engine.StandaloneEngine;
import no.tilskudd.example.internal.BudgetValidator;
import no.tilskudd.example.internal.ExampleScheme;
import no.tilskudd.example.internal.GoalAchievementIndicator;

/**
 * Generated and mutated submission files (10,000 in all) through the real import path: every file is either stored
 * or refused with findings that name the file and the place (line or field path). Never an exception, never a
 * half-stored file.
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

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("tilskudd-fuzz");
        store = new InMemoryStore();
        engine = StandaloneEngine.builder().store(store)
                .add(new ExampleScheme(), new BudgetValidator(), new GoalAchievementIndicator()).build();
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 5000)
    void mutatedJsonTextIsStoredOrRefusedWithAPlace(@ForAll("mutatedText") String line) {
        check(line);
    }

    @Property(tries = 5000)
    void generatedValuesAreStoredOrRefusedWithAPlace(@ForAll("generatedSubmission") String line) {
        check(line);
    }

    private static void check(String content) {
        Path file = dir.resolve("fuzz.jsonl");
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            int before = store.size();
            FileReport r = engine.imports().importFile(file, true);
            if (r.stored()) {
                assertFalse(r.hasErrors(), () -> "stored with errors: " + r);
                assertTrue(store.size() >= before);
            } else {
                assertTrue(r.hasErrors(), () -> "neither stored nor refused: " + r + "\n" + content);
                assertTrue(store.size() == before, "a refused file stored something");
                for (Finding f : r.findings()) {
                    assertTrue(f.position().file().equals("fuzz.jsonl"), f.toString());
                    if (f.severity() == Severity.ERROR) {
                        assertTrue(!f.position().location().isEmpty() || !f.path().isEmpty(),
                                () -> "an error without a place: " + f + "\n" + content);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> mutatedText() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, VALID.length() - 1);
        Arbitrary<Character> ch = Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '0', '9', '-', '.', 'e', 'a',
                'ø', '\\', ' ', 'n', 't', '\u0000', '\u2028');
        Arbitrary<String> oneMutation = Combinators.combine(position, ch, Arbitraries.integers().between(0, 2))
                .as((pos, c, kind) -> switch (kind) {
                    case 0 -> VALID.substring(0, pos) + VALID.substring(pos + 1);
                    case 1 -> VALID.substring(0, pos) + c + VALID.substring(pos);
                    default -> VALID.substring(0, pos) + c + VALID.substring(pos + 1);
                });
        return oneMutation.list().ofMinSize(1).ofMaxSize(4).map(lines -> String.join("\n", lines) + "\n");
    }

    @Provide
    Arbitrary<String> generatedSubmission() {
        Arbitrary<String> fieldName = Arbitraries.of("grantAmount", "ownFunding", "goalsReached",
                "goalsNotReachedReason", "anchoredInPlan", "reportDate", "shareToChildren", "comment", "measures",
                "unknownField");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.integers().between(-5, 3_000_000).map(String::valueOf),
                Arbitraries.doubles().between(-1000, 1e7).map(d -> String.valueOf(d)),
                Arbitraries.strings().ofMaxLength(30).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"")
                        .chars().filter(c -> c >= 0x20).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                                StringBuilder::append) + "\""),
                Arbitraries.of("true", "false", "null", "[]", "{}", "\"all\"", "\"notAll\"", "[\"time\"]",
                        "[\"time\",\"time\"]", "\"2017-02-30\"", "[{}]",
                        "[{\"name\":\"X\",\"category\":\"alle\",\"newOrContinued\":\"continued\"}]",
                        "[{\"name\":\"X\",\"category\":\"familie\",\"newOrContinued\":\"new\",\"firstFundedYear\":2030}]"));
        Arbitrary<String> pair = Combinators.combine(fieldName, value).as((k, v) -> "\"" + k + "\":" + v);
        Arbitrary<String> values = pair.list().ofMaxSize(8).map(l -> "{" + String.join(",", distinct(l)) + "}");
        Arbitrary<String> year = Arbitraries.of("2015", "2016", "2017", "1899", "\"2016\"", "2016.5");
        Arbitrary<String> unit = Arbitraries.of("\"1804\"", "\"0301\"", "\"9999\"", "301", "\"1503\"", "\"\"");
        return Combinators.combine(year, unit, values).as((y, u, v) ->
                "{\"scheme\":\"example\",\"year\":" + y + ",\"orgUnit\":" + u + ",\"values\":" + v + "}\n");
    }

    private static List<String> distinct(List<String> pairs) {
        java.util.Map<String, String> byKey = new java.util.LinkedHashMap<>();
        for (String p : pairs) {
            byKey.put(p.substring(0, p.indexOf(':')), p);
        }
        return List.copyOf(byKey.values());
    }
}
