package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: replacing a scheme's jar left a window of 15–70 ms in which the scheme was missing and valid submissions
 * were refused with SCHEME_UNKNOWN. Now a lookup waits (a bounded time) while a bundle that declares the scheme is on
 * its way in: a loop validating a good submission while the jar is replaced 50 times is refused 0 times.
 */
class UpdateWithoutAGapTest {

    @TempDir
    Path temp;

    @Test
    void aValidSubmissionIsNeverRefusedWhileItsSchemeIsReplacedFiftyTimes() throws Exception {
        Path good = temp.resolve("good.jsonl");
        Files.writeString(good, HotDeployTest.submission(2016, "1804", "") + "\n");
        Path v1 = TestHost.exampleJar();
        Path v2 = TestJars.exampleWithForm2018(v1, temp.resolve("example-v2.jar"));
        try (TestHost host = TestHost.start(temp, true)) {
            host.deploy(v1, "example.jar");
            host.await("the example scheme", s -> TestHost.hasScheme(s, "example"), "schemes", "--json");
            assertEquals(0, host.run("validate", good.toString()).exit());

            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger runs = new AtomicInteger();
            List<String> refused = new CopyOnWriteArrayList<>();
            Thread loop = new Thread(() -> {
                while (!done.get()) {
                    TestHost.Result r = host.run("validate", good.toString());
                    runs.incrementAndGet();
                    if (r.exit() != 0) {
                        refused.add(r.out() + r.err());
                    }
                }
            }, "validating");
            loop.start();
            try {
                for (int i = 0; i < 50; i++) {
                    String version = i % 2 == 0 ? "0.2.0" : "0.1.0";
                    host.deploy(i % 2 == 0 ? v2 : v1, "example.jar");
                    host.await("version " + version, s -> TestHost.hasScheme(s, "example") && TestHost.scheme(s,
                            "example").get("bundleVersion").asText().startsWith(version), "schemes", "--json");
                }
            } finally {
                done.set(true);
                loop.join(60_000);
            }
            assertEquals(List.of(), refused, "refused while the jar was replaced");
            assertTrue(runs.get() >= 50, "validated " + runs.get() + " times during 50 replacements");
            System.out.println("update without a gap: " + runs.get() + " validations during 50 replacements, "
                    + refused.size() + " refused");
        }
    }
}
