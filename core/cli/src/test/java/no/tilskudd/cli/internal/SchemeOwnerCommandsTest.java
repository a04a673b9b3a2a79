package no.tilskudd.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.service.SchemeOwnership;
import no.tilskudd.api.store.SchemeOwner;
import org.junit.jupiter.api.Test;

/** {@code schemes owners} and {@code schemes transfer} parse, ask the ownership service, and print what it says. */
class SchemeOwnerCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");

    private final List<String> transfers = new ArrayList<>();

    private final SchemeOwnership ownership = new SchemeOwnership() {
        @Override
        public List<SchemeOwner> owners() {
            return List.of(new SchemeOwner("avdir", "no.tilskudd.scheme.avdir", Optional.empty(),
                    SchemeOwner.How.SEEDED, "distribution", AT));
        }

        @Override
        public SchemeOwner transfer(String schemeId, String symbolicName, String actor) {
            transfers.add(schemeId + " " + symbolicName + " " + actor);
            return new SchemeOwner(schemeId, symbolicName, Optional.empty(), SchemeOwner.How.TRANSFERRED, actor, AT);
        }

        @Override
        public List<no.tilskudd.api.store.SchemeExtension> extensions() {
            return List.of(new no.tilskudd.api.store.SchemeExtension("avdir", "org.example.checks", "os:kari", AT));
        }

        @Override
        public no.tilskudd.api.store.SchemeExtension approveExtension(String schemeId, String symbolicName,
                String actor) {
            throw new AssertionError("approved at deploy only");
        }

        @Override
        public boolean revokeExtension(String schemeId, String symbolicName, String actor) {
            transfers.add("revoke " + schemeId + " " + symbolicName + " " + actor);
            return schemeId.equals("avdir");
        }
    };

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void transferNamesTheIdAndTheBundleAndWhoAsked() throws Exception {
        assertEquals(0, SchemeOwnerCommands.transfer(ownership, List.of("transfer", "avdir", "--to", "org.example.a"),
                "os:kari", out, JSON));
        assertEquals(List.of("avdir org.example.a os:kari"), transfers);
        assertTrue(printed().startsWith("scheme avdir now belongs to org.example.a;"), printed());
    }

    @Test
    void extensionsAreListedAndAWithdrawalNamesTheSchemeTheBundleAndWhoAsked() throws Exception {
        assertEquals(0, SchemeOwnerCommands.extensions(ownership, List.of("extensions"), out, JSON));
        assertTrue(printed().startsWith("avdir") && printed().contains("org.example.checks")
                && printed().contains("approved by os:kari"), printed());
        assertEquals(0, SchemeOwnerCommands.revoke(ownership, List.of("revoke-extension", "avdir", "--from",
                "org.example.checks"), "os:kari", out));
        assertEquals(List.of("revoke avdir org.example.checks os:kari"), transfers);
        assertThrows(IllegalArgumentException.class, () -> SchemeOwnerCommands.revoke(ownership,
                List.of("revoke-extension", "bufdir", "--from", "org.example.checks"), "os:kari", out),
                "nothing to withdraw is an error");
    }

    @Test
    void transferWithoutTheBundleIsAUsageError() {
        assertThrows(Args.UsageException.class, () -> SchemeOwnerCommands.transfer(ownership,
                List.of("transfer", "avdir"), "os:kari", out, JSON));
        assertThrows(Args.UsageException.class, () -> SchemeOwnerCommands.transfer(ownership,
                List.of("transfer", "--to", "org.example.a"), "os:kari", out, JSON));
        assertEquals(List.of(), transfers);
    }

    @Test
    void ownersAsJson() throws Exception {
        assertEquals(0, SchemeOwnerCommands.owners(ownership, List.of("owners", "--json"), out, JSON));
        JsonNode o = JSON.readTree(printed()).get("owners").get(0);
        assertEquals("avdir", o.get("scheme").asText());
        assertEquals("no.tilskudd.scheme.avdir", o.get("symbolicName").asText());
        assertTrue(o.get("signer").isNull());
        assertEquals("SEEDED", o.get("how").asText());
        assertEquals("2026-12-01T12:00:00Z", o.get("since").asText());
    }
}
