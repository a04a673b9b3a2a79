package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: one-shot commands beside a serving host used to open the store themselves, through H2's AUTO_SERVER
 * TCP port. Now only the host has the store open, and {@code bin/tilskudd} hands the command to it over
 * {@code data/host.sock}; relative paths still mean the folder the user started the command in.
 */
class OneShotThroughHostTest {

    @TempDir
    Path temp;

    @Test
    void importAndIndicatorsFromAnotherFolderRunInTheServingHost() throws Exception {
        try (WebHost host = WebHost.start(temp, WebHost.plugin("tilskudd-example-scheme"),
                WebHost.plugin("tilskudd-format-xlsx"))) {
            Path analyst = Files.createDirectories(temp.resolve("analyst"));
            Files.copy(WebHost.demoFile(), analyst.resolve("bodø 2016.jsonl"));
            Files.createDirectory(analyst.resolve("rapporter"));

            ServeProcess.Result imported = ServeProcess.tilskudd(host.home, temp, analyst, "import",
                    "bodø 2016.jsonl");
            assertEquals(0, imported.exit(), imported.out() + imported.err());
            assertTrue(imported.out().contains("imported 28 submission(s) (28 new, 0 replaced)"), imported.out());

            ServeProcess.Result indicators = ServeProcess.tilskudd(host.home, temp, analyst, "indicators",
                    "--scheme", "example", "--json");
            assertEquals(0, indicators.exit(), indicators.err());
            assertEquals(28, indicators.json().get("submissions").asInt());
            assertEquals(28, host.run("indicators", "--scheme", "example", "--json").json().get("submissions")
                    .asInt(), "the host itself sees the import");

            // It ran in the host: the host's log names it with the client's folder, and status is the host's.
            String log = Files.readString(host.data.resolve("log/tilskudd.log"));
            assertTrue(log.contains("host.sock: running 'import bodø 2016.jsonl' for "), log);
            assertTrue(log.contains(" in " + analyst + "\n"), log);
            ServeProcess.Result status = ServeProcess.tilskudd(host.home, temp, analyst, "status", "--json");
            assertTrue(status.json().get("serving").asBoolean(), status.out());
            assertEquals(ProcessHandle.current().pid(), status.json().get("pid").asLong());

            ServeProcess.Result report = ServeProcess.tilskudd(host.home, temp, analyst, "report", "--scheme",
                    "example", "--format", "xlsx", "--out", "rapporter/example.xlsx");
            assertEquals(0, report.exit(), report.err());
            assertEquals(analyst.resolve("rapporter/example.xlsx") + "\n", report.out());
            assertTrue(Files.size(analyst.resolve("rapporter/example.xlsx")) > 0);

            ServeProcess.Result nowhere = ServeProcess.tilskudd(host.home, temp, analyst, "report", "--scheme",
                    "example", "--format", "xlsx", "--out", "nowhere/example.xlsx");
            assertEquals(1, nowhere.exit());
            assertEquals("tilskudd report: --out nowhere/example.xlsx: the folder " + analyst.resolve("nowhere")
                    + " does not exist; create it first\n", nowhere.err());
            assertFalse(Files.exists(analyst.resolve("nowhere")));
        }
        assertFalse(Files.exists(temp.resolve("tilskudd/data/host.sock")), "the socket goes with the host");
    }

    @Test
    void aSecondServeOnTheSameDataFolderIsRefusedAndTheFirstKeepsServing() throws Exception {
        try (WebHost host = WebHost.start(temp, WebHost.plugin("tilskudd-example-scheme"))) {
            ServeProcess.Result second = ServeProcess.tilskudd(host.home, temp, temp, "serve", "--port", "0");
            assertEquals(1, second.exit(), second.out() + second.err());
            assertEquals("tilskudd serve: a host is already serving " + host.data + " (" + host.data.resolve(
                    "host.sock") + " accepts connections); stop it first, or give another --data folder\n",
                    second.err());
            ServeProcess.Result status = ServeProcess.tilskudd(host.home, temp, temp, "status", "--json");
            assertEquals(ProcessHandle.current().pid(), status.json().get("pid").asLong(), status.err());
        }
    }
}
