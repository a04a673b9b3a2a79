package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import no.tilskudd.testkit.TilskuddHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar in a real Tilskudd host: a copy of the distribution that {@code tilskudd.home} names (set by the pom),
 * booted with this jar alone in {@code deploy/}. Run by {@code mvn verify} after the unit tests.
 */
class HostSmokeIT {

    @Test
    void theSchemeIsServedByARealHost(@TempDir Path temp) throws Exception {
        Path home = Path.of(System.getProperty("tilskudd.home"));
        Path jar = Path.of(System.getProperty("plugin.jar"));
        try (TilskuddHost host = TilskuddHost.start(home, temp, false, jar)) {
            assertTrue(TilskuddHost.hasScheme(host.run("schemes", "--json").json(), "${schemeId}"));
            TilskuddHost.Result status = host.run("status", "--json");
            JsonNode failures = status.json().get("failures");
            assertEquals(0, failures.size(), status.out());
        }
    }
}
