package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is done through the console and the user commands is in the audit trail with who did it, and only
 * administrators read the trail ({@code GET /api/audit}).
 */
class WebAuditTest {

    @TempDir
    Path temp;

    private static List<String> trail(JsonNode audit) {
        List<String> lines = new ArrayList<>();
        audit.get("events").forEach(e -> lines.add(e.get("action").asText() + " " + e.get("subject").asText()
                + " by " + e.get("actor").asText()));
        return lines;
    }

    @Test
    void importsDeploysUserChangesAndFailedSignInsAreRecordedForAdministratorsToRead() throws Exception {
        try (WebHost host = WebHost.start(temp, WebHost.plugin("tilskudd-example-scheme"))) {
            String admin = WebHost.basic("admin", host.adminPassword);
            String analyst = WebHost.basic("ana", host.addUser("ana", "analyst"));
            String os = "os:" + System.getProperty("user.name");

            HttpResponse<String> imported = host.post("/api/submissions", analyst,
                    new WebHost.Multipart().file(WebHost.demoFile(), "application/x-ndjson"));
            assertEquals(200, imported.statusCode(), imported.body());
            HttpResponse<String> deployed = host.post("/api/bundles", admin, new WebHost.Multipart()
                    .file(WebHost.plugin("tilskudd-format-xlsx"), "application/java-archive"));
            assertTrue(deployed.statusCode() == 201 || deployed.statusCode() == 202, deployed.body());
            assertEquals(401, host.get("/api/schemes", WebHost.basic("ana", "wrong password")).statusCode());
            assertEquals(0, host.run("users", "passwd", "ana").exit());
            assertEquals(0, host.run("users", "role", "ana", "--role", "admin").exit());
            assertEquals(0, host.run("users", "remove", "ana").exit());

            HttpResponse<String> read = host.get("/api/audit", admin);
            assertEquals(200, read.statusCode(), read.body());
            List<String> trail = trail(WebHost.json(read));
            for (String expected : List.of(
                    "user.add admin by host:first-start",
                    "user.add ana by " + os,
                    "submissions.import example-demo.jsonl by web:ana",
                    "plugin.deploy tilskudd-format-xlsx-0.1.0-SNAPSHOT.jar by web:admin",
                    "signin.failure ana by web:127.0.0.1",
                    "user.passwd ana by " + os,
                    "user.role ana by " + os,
                    "user.remove ana by " + os)) {
                assertTrue(trail.contains(expected), expected + " in " + trail);
            }
            assertTrue(trail.indexOf("user.passwd ana by " + os) < trail.indexOf("user.remove ana by " + os));

            HttpResponse<String> since = host.get("/api/audit?since=2999-01-01", admin);
            assertEquals(200, since.statusCode());
            assertEquals(0, WebHost.json(since).get("events").size());
            assertEquals(400, host.get("/api/audit?since=soon", admin).statusCode());
            assertEquals(400, host.get("/api/audit?limit=0", admin).statusCode());

            String other = WebHost.basic("kari", host.addUser("kari", "analyst"));
            assertEquals(403, host.get("/api/audit", other).statusCode(), "analysts do not read the trail");

            // The console and --json show the same events.
            JsonNode cli = host.run("audit", "--json").json();
            assertEquals(trail(WebHost.json(host.get("/api/audit", admin))), trail(cli));
        }
    }
}
