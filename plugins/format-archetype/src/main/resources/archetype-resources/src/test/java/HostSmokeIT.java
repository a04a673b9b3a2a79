package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import no.tilskudd.testkit.TilskuddHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar in a real Tilskudd host (the distribution {@code tilskudd.home} names, set by the pom) beside the
 * distribution's example scheme: a report of that scheme in this format. Run by {@code mvn verify}.
 */
class HostSmokeIT {

    @Test
    void aHostWritesAReportInThisFormat(@TempDir Path temp) throws Exception {
        Path home = Path.of(System.getProperty("tilskudd.home"));
        Path jar = Path.of(System.getProperty("plugin.jar"));
        Path example;
        try (Stream<Path> s = Files.list(home.resolve("deploy"))) {
            example = s.filter(p -> p.getFileName().toString().startsWith("tilskudd-example-scheme")).findFirst()
                    .orElseThrow(() -> new AssertionError("no example scheme in " + home.resolve("deploy")));
        }
        Path out = temp.resolve("example.${format}");
        try (TilskuddHost host = TilskuddHost.start(home, temp, false, jar, example)) {
            TilskuddHost.Result r = host.run("--lang", "en", "report", "--scheme", "example", "--format", "${format}",
                    "--out", out.toString());
            assertEquals(0, r.exit(), r.out() + r.err());
        }
        String md = Files.readString(out);
        assertTrue(md.startsWith("# "), md);
        assertTrue(md.contains("\nN = "), md);
    }
}
