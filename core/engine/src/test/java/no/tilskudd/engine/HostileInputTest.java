package no.tilskudd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.Finding;
import no.tilskudd.api.submission.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression for issue 12, through the engine with the real example scheme: one malformed number disabled the
 * scheme for everyone. {@code 1e99999999} made the budget validator expand the amount to a hundred million digits; it
 * timed out, was quarantined, and every later submission of the scheme failed with {@code VALIDATOR_TIMEOUT}.
 */
class HostileInputTest {

    /** The exact payload of the report. */
    static final String PAYLOAD = "{\"scheme\":\"example\",\"year\":2016,\"orgUnit\":\"1804\",\"values\":"
            + "{\"grantAmount\":1e99999999,\"goalsReached\":\"all\"}}";

    @TempDir
    Path dir;

    private final StandaloneEngine engine = StandaloneEngine.fromServiceLoader(Optional.empty());

    private static List<String> codes(FileReport r) {
        return r.findings().stream().map(f -> f.code() + "@" + f.position() + "/" + f.path()).toList();
    }

    private Path demo() throws IOException {
        Path copy = dir.resolve("example-demo.jsonl");
        try (InputStream in = engine.schemes().scheme("example").orElseThrow().demoData().orElseThrow()
                .openStream()) {
            Files.copy(in, copy);
        }
        return copy;
    }

    @Test
    void theExactPayloadIsRefusedAtOnceAndTheSchemeKeepsWorkingForEveryoneElse() throws IOException {
        Path hostile = Files.writeString(dir.resolve("hostile.jsonl"), PAYLOAD + "\n");
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            FileReport bad = engine.imports().check(hostile);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Finding f = bad.findings().get(0);
            assertEquals(List.of("NUMBER_OUT_OF_RANGE@hostile.jsonl:1:" + (PAYLOAD.indexOf("1e9") + 1) + "/"),
                    codes(bad));
            assertTrue(f.message().en().contains("values.grantAmount"), f.message().en());
            // The old code waited for the 5 s validator time limit; refusing the number takes microseconds.
            assertTrue(ms < 2000, ms + " ms");
        }
        FileReport good = engine.imports().check(demo());
        assertEquals(List.of(), codes(good).stream().filter(c -> !c.contains("EXAMPLE_")).toList(),
                "no VALIDATOR_TIMEOUT, no VALIDATOR_QUARANTINED for the next people");
        assertFalse(good.hasErrors());
        assertEquals(List.of(), engine.validation().quarantined());
    }

    @Test
    void theSameNumberHandedToValidationByAnotherImporterNeverReachesTheValidator() {
        Submission s = new Submission("example", 2016, "1804", Optional.empty(), Map.of(
                "grantAmount", new BigDecimal("1e99999999"), "goalsReached", "all"));
        long t0 = System.nanoTime();
        List<String> codes = engine.validation().validate(s).stream().map(v -> v.code() + "@" + v.path()).toList();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(List.of("NUMBER_OUT_OF_RANGE@grantAmount"), codes);
        assertTrue(ms < 2000, ms + " ms");
        Submission next = new Submission("example", 2016, "1804", Optional.empty(), Map.of(
                "grantAmount", 1000L, "goalsReached", "all"));
        assertEquals(List.of(), engine.validation().validate(next));
    }

    @Test
    void aLatin1SubmissionFileIsRefusedWithItsLineInsteadOfBeingStoredWithReplacementCharacters() throws IOException {
        String text = Files.readString(demo());
        String latin = text.replace("Utstyrsbank", "Utstyrsbank på Bærum");
        Path file = dir.resolve("latin1.jsonl");
        Files.write(file, latin.getBytes(StandardCharsets.ISO_8859_1));
        FileReport r = engine.imports().check(file);
        assertEquals(1, r.findings().size(), codes(r).toString());
        Finding f = r.findings().get(0);
        assertEquals("FILE_NOT_UTF8@latin1.jsonl:1/", codes(r).get(0));
        assertTrue(f.message().en().contains("UTF-8"), f.message().en());
        assertTrue(r.hasErrors());
    }
}
