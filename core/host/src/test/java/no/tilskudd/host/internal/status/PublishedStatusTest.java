package no.tilskudd.host.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.host.BundleStatus;
import no.tilskudd.api.host.HostStatus;
import no.tilskudd.host.json.JsonViews;
import org.junit.jupiter.api.Test;

/**
 * The status a serving host publishes for {@code tilskudd status} in another process is read back as it was: the
 * file is the shared JSON view, so what the other process shows is what the host would have shown.
 */
class PublishedStatusTest {

    @Test
    void theJsonViewReadsBackAsTheSameStatus() throws Exception {
        HostStatus s = new HostStatus(4711, true, Instant.parse("2026-12-01T12:00:00.123Z"), 812, "/srv/deploy",
                List.of(new BundleStatus(0, "org.apache.felix.framework", "7.0.5", "ACTIVE", "System Bundle", false,
                        Optional.empty()), new BundleStatus(12, null, "0.0.0", "INSTALLED", "broken.jar", true,
                                Optional.of("Unable to resolve: missing requirement"))),
                List.of("example [2016] from no.tilskudd.example.scheme 0.1.0"), List.of("bad.jar: no descriptor"),
                List.of("broken.jar: Unable to resolve: missing requirement"), List.of("x 1.0: 3 workers stuck"));
        ObjectMapper json = new ObjectMapper();
        String published = json.writerWithDefaultPrettyPrinter().writeValueAsString(JsonViews.status(s));
        HostStatus read = StatusComponent.fromJson(json.readTree(published));
        assertEquals(s, read);
        assertFalse(read.healthy());
        assertEquals(false, json.readTree(published).get("healthy").asBoolean());
    }
}
