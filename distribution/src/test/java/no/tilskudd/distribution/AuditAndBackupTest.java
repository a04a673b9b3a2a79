package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail records imports and plugin changes with who made them, and a backup taken while the host runs
 * restores into an empty data folder with the same reports and trail.
 */
class AuditAndBackupTest {

    @TempDir
    Path temp;

    private static List<String> actions(JsonNode audit) {
        List<String> actions = new ArrayList<>();
        audit.get("events").forEach(e -> actions.add(e.get("action").asText() + " " + e.get("subject").asText()
                + " by " + e.get("actor").asText()));
        return actions;
    }

    private static String user() {
        return "os:" + System.getProperty("user.name");
    }

    @Test
    void importsAndPluginChangesAreInTheTrailAndABackupRestoresThem() throws Exception {
        Path analyst = Files.createDirectories(temp.resolve("analyst"));
        Files.copy(WebHost.demoFile(), analyst.resolve("example-demo.jsonl"));
        Path backup = analyst.resolve("backup.zip");
        try (WebHost host = WebHost.start(temp, WebHost.plugin("tilskudd-example-scheme"))) {
            ServeProcess.Result imported = ServeProcess.tilskudd(host.home, temp, analyst, "import",
                    "example-demo.jsonl");
            assertEquals(0, imported.exit(), imported.out() + imported.err());
            ServeProcess.Result replaced = ServeProcess.tilskudd(host.home, temp, analyst, "import", "--replace",
                    "example-demo.jsonl");
            assertEquals(0, replaced.exit(), replaced.out() + replaced.err());

            // A plugin copied into deploy/ by hand is recorded by the host, with bundle and version.
            Path xlsx = WebHost.plugin("tilskudd-format-xlsx");
            Path tmp = host.home.resolve("deploy/.xlsx.tmp");
            Files.copy(xlsx, tmp);
            Files.move(tmp, host.home.resolve("deploy/format-xlsx.jar"));
            long deadline = System.nanoTime() + 30_000_000_000L;
            JsonNode audit;
            do {
                Thread.sleep(100);
                audit = ServeProcess.tilskudd(host.home, temp, analyst, "audit", "--json").json();
            } while (actions(audit).stream().noneMatch(a -> a.startsWith("plugin.install no.tilskudd.format.xlsx"))
                    && System.nanoTime() < deadline);

            List<String> actions = actions(audit);
            assertTrue(actions.contains("submissions.import example-demo.jsonl by " + user()), actions.toString());
            assertTrue(actions.stream().anyMatch(a -> a.matches(
                    "plugin\\.install no\\.tilskudd\\.example\\S* \\S+ by host:deploy-folder")),
                    "the plugins the host found in deploy/ at its first start: " + actions);
            assertTrue(actions.contains("submissions.replace example-demo.jsonl by " + user()), actions.toString());
            assertTrue(actions.stream().anyMatch(a -> a.matches(
                    "plugin\\.install no\\.tilskudd\\.format\\.xlsx \\S+ by host:deploy-folder")), actions.toString());
            JsonNode first = null;
            for (JsonNode e : audit.get("events")) {
                if (first == null && e.get("action").asText().equals("submissions.import")) {
                    first = e;
                }
            }
            assertEquals("28", first.get("details").get("inserted").asText());
            assertEquals("example 2016, example 2017", first.get("details").get("schemeYears").asText());

            ServeProcess.Result since = ServeProcess.tilskudd(host.home, temp, analyst, "audit", "--since",
                    "2999-01-01");
            assertEquals(0, since.exit(), since.err());
            assertEquals("no audit events since 2999-01-01T00:00:00Z\n", since.out());
            ServeProcess.Result badDate = ServeProcess.tilskudd(host.home, temp, analyst, "audit", "--since",
                    "yesterday");
            assertEquals(2, badDate.exit());
            assertTrue(badDate.err().contains("--since must be a date"), badDate.err());

            ServeProcess.Result saved = ServeProcess.tilskudd(host.home, temp, analyst, "backup", "backup.zip");
            assertEquals(0, saved.exit(), saved.out() + saved.err());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
            assertTrue(actions(ServeProcess.tilskudd(host.home, temp, analyst, "audit", "--json").json())
                    .contains("store.backup " + backup + " by " + user()));
            ServeProcess.Result again = ServeProcess.tilskudd(host.home, temp, analyst, "backup", "backup.zip");
            assertEquals(1, again.exit());
            assertTrue(again.err().contains("exists already"), again.err());
        }

        Path restored = temp.resolve("restored-data");
        ServeProcess.Result restore = ServeProcess.tilskudd(temp.resolve("tilskudd"), temp, analyst,
                "--data", restored.toString(), "restore", "backup.zip");
        assertEquals(0, restore.exit(), restore.out() + restore.err());
        ServeProcess.Result indicators = ServeProcess.tilskudd(temp.resolve("tilskudd"), temp, analyst,
                "--data", restored.toString(), "indicators", "--scheme", "example", "--json");
        assertEquals(0, indicators.exit(), indicators.err());
        assertEquals(28, indicators.json().get("submissions").asInt());
        List<String> restoredTrail = actions(ServeProcess.tilskudd(temp.resolve("tilskudd"), temp, analyst,
                "--data", restored.toString(), "audit", "--json").json());
        // The copy is what the store held when it was taken: the imports, not the backup's own event.
        assertTrue(restoredTrail.contains("submissions.replace example-demo.jsonl by " + user()),
                restoredTrail.toString());
        assertTrue(restoredTrail.stream().noneMatch(a -> a.startsWith("store.backup")), restoredTrail.toString());

        ServeProcess.Result intoUsed = ServeProcess.tilskudd(temp.resolve("tilskudd"), temp, analyst,
                "--data", restored.toString(), "restore", "backup.zip");
        assertEquals(1, intoUsed.exit());
        assertTrue(intoUsed.err().contains("is not empty"), intoUsed.err());
        assertFalse(Files.exists(restored.resolve("host.sock")));
    }
}
