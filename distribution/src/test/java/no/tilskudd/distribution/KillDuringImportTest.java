package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the host in the middle of a large import: on restart the store holds the file either fully or
 * not at all, and it can be imported again.
 */
class KillDuringImportTest {

    @TempDir
    Path temp;

    @Test
    void aKilledImportLeavesTheStoreConsistent() throws Exception {
        Path home;
        try (TestHost host = TestHost.start(temp, false, TestHost.exampleJar())) {
            home = host.home;
        }
        Path big = temp.resolve("big.jsonl");
        int expected = writeBigFile(big, home);
        List<String> outcomes = new ArrayList<>();
        // Kill at different moments: during start-up, reading, validating and saving.
        for (long delay : new long[] {1500, 2500, 3000, 3500, 4500}) {
            Process p = new ProcessBuilder(home.resolve("bin/tilskudd").toString(), "import", "--replace",
                    big.toString()).redirectErrorStream(true).redirectOutput(temp.resolve("import.log").toFile())
                    .start();
            boolean finished = p.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor();
            }
            int stored = storedCount(home);
            assertTrue(stored == 0 || stored == expected, "after a kill at " + delay + " ms the store holds "
                    + stored + " of " + expected + " submissions");
            outcomes.add(delay + " ms: " + (finished ? "finished" : "killed") + ", " + stored + " stored");
        }
        System.out.println("kill -9 during import: " + outcomes);
        Process again = new ProcessBuilder(home.resolve("bin/tilskudd").toString(), "import", "--replace",
                big.toString()).redirectErrorStream(true).redirectOutput(temp.resolve("again.log").toFile()).start();
        assertTrue(again.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, again.exitValue(), Files.readString(temp.resolve("again.log")));
        assertEquals(expected, storedCount(home));
    }

    /** Every org unit valid in 2016 and 2017, each report with many measures, so that the import takes a while. */
    private static int writeBigFile(Path file, Path home) throws Exception {
        Process p = new ProcessBuilder(home.resolve("bin/tilskudd").toString(), "org-units", "--json")
                .redirectErrorStream(false).start();
        String json = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        List<String> codes = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode u : new TestHost.Result(0, json, "").json().get("orgUnits")) {
            boolean from = u.get("validFrom").isNull() || u.get("validFrom").asInt() <= 2016;
            boolean to = u.get("validTo").isNull() || u.get("validTo").asInt() >= 2017;
            if (from && to) {
                codes.add(u.get("code").asText());
            }
        }
        return BigImportFile.write(file, codes, 40);
    }

    private static int storedCount(Path home) throws Exception {
        Process p = new ProcessBuilder(home.resolve("bin/tilskudd").toString(), "indicators", "--scheme", "example",
                "--years", "2016-2017", "--json").start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        return new TestHost.Result(p.exitValue(), out, "").json().get("submissions").asInt();
    }
}
