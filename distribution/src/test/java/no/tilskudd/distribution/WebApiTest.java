package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API over real HTTP against {@code tilskudd serve} (the real distribution, Felix HTTP on Jetty 12):
 * roles, sessions and CSRF, limits and content checks, every route, and deploying plugins with a dry run. The
 * tests share one host and run in order, like a session of a real user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class WebApiTest {

    private static final com.fasterxml.jackson.core.type.TypeReference<List<String>> STRINGS =
            new com.fasterxml.jackson.core.type.TypeReference<>() { };

    @TempDir
    static Path temp;

    private WebHost host;
    private String admin;
    private String analyst;
    private String analystPassword;

    @BeforeAll
    void start() throws Exception {
        host = WebHost.start(temp, WebHost.plugin("tilskudd-example-scheme"), WebHost.plugin("tilskudd-format-xlsx"),
                WebHost.plugin("tilskudd-format-pdf"));
        admin = WebHost.basic("admin", host.adminPassword);
        analystPassword = host.addUser("ana", "analyst");
        analyst = WebHost.basic("ana", analystPassword);
    }

    @AfterAll
    void stop() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    @Test
    @Order(1)
    void servesOnLoopbackAndCreatesTheFirstAdministratorWithAGeneratedPassword() throws Exception {
        assertEquals("127.0.0.1", host.base.getHost(), "bound to loopback by default");
        assertTrue(host.adminPassword.length() >= 16, host.adminPassword);
        // The users are in the store (hashed as the store suite and the host's tests check), not in a file.
        assertFalse(Files.exists(host.data.resolve("users.json")));
        try (java.util.stream.Stream<java.nio.file.Path> files = Files.walk(host.data)) {
            for (java.nio.file.Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(host.adminPassword), "the password itself is never stored: " + f);
                assertFalse(content.contains(analystPassword), f.toString());
            }
        }
        assertTrue(host.run("users", "list").out().contains("ana"));

        HttpResponse<String> health = host.get("/api/health", null);
        assertEquals(200, health.statusCode());
        assertEquals("ok", WebHost.json(health).get("status").asText());
    }

    @Test
    @Order(2)
    void everyRouteNeedsItsRole() throws Exception {
        List<String[]> analystRoutes = List.of(
                new String[] {"GET", "/api/schemes"}, new String[] {"GET", "/api/org-units"},
                new String[] {"GET", "/api/formats"}, new String[] {"GET", "/api/indicators?scheme=example"},
                new String[] {"GET", "/api/reports?scheme=example&format=xlsx"},
                new String[] {"GET", "/api/templates?scheme=example&year=2016&format=xlsx"},
                new String[] {"POST", "/api/submissions/validate"}, new String[] {"POST", "/api/submissions"},
                new String[] {"GET", "/api/session"});
        List<String[]> adminRoutes = List.of(new String[] {"GET", "/api/bundles"},
                new String[] {"POST", "/api/bundles"}, new String[] {"DELETE", "/api/bundles/no.tilskudd.example.scheme"});
        List<String[]> all = new ArrayList<>(analystRoutes);
        all.addAll(adminRoutes);
        for (String[] r : all) {
            HttpResponse<String> none = host.send(host.request(r[1]).method(r[0], HttpRequest.BodyPublishers.noBody())
                    .build());
            assertEquals(401, none.statusCode(), Arrays.toString(r) + " " + none.body());
            assertEquals("unauthorized", WebHost.json(none).get("error").asText());
            assertTrue(none.headers().firstValue("WWW-Authenticate").isPresent());
            // A name of its own for each: after five failures of one name from one address its tries wait (429).
            HttpResponse<String> wrong = host.send(host.request(r[1]).header("Authorization",
                    WebHost.basic("nobody" + all.indexOf(r), "not-the-password")).method(r[0],
                    HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(401, wrong.statusCode(), Arrays.toString(r));
        }
        for (String[] r : adminRoutes) {
            HttpResponse<String> asAnalyst = host.send(host.request(r[1]).header("Authorization", analyst)
                    .method(r[0], HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(403, asAnalyst.statusCode(), Arrays.toString(r) + " " + asAnalyst.body());
            assertEquals("forbidden", WebHost.json(asAnalyst).get("error").asText());
        }
        assertEquals(200, host.get("/api/schemes", analyst).statusCode());
        assertEquals(200, host.get("/api/schemes", admin).statusCode(), "an administrator is also an analyst");
        assertEquals(200, host.get("/api/bundles", admin).statusCode());
        assertEquals(404, host.get("/api/no-such-route", analyst).statusCode());
        HttpResponse<String> method = host.send(host.request("/api/schemes").header("Authorization", analyst)
                .DELETE().build());
        assertEquals(405, method.statusCode());
    }

    /**
     * A reporter (bound to org units) may sign in and ask who it is, and nothing an analyst or administrator may do:
     * every route but its own (browser reporting, see BrowserReportingApiTest) answers 403.
     */
    @Test
    @Order(5)
    void aReporterSeesWhoItIsAndIsRefusedEverythingElse() throws Exception {
        WebHost.Result unknown = host.run("users", "add", "rolf", "--role", "reporter", "--org-unit", "1804,9999");
        assertEquals(1, unknown.exit(), unknown.out() + unknown.err());
        assertTrue(unknown.err().contains("unknown org unit '9999'"), unknown.err());
        WebHost.Result none = host.run("users", "add", "rolf", "--role", "reporter");
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("a reporter needs at least one org unit"), none.err());

        WebHost.Result added = host.run("users", "add", "rita", "--role", "reporter", "--org-unit", "1804,0301");
        assertEquals(0, added.exit(), added.out() + added.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("password \\(shown once\\): (\\S+)")
                .matcher(added.out());
        assertTrue(m.find(), added.out());
        String rita = WebHost.basic("rita", m.group(1));
        JsonNode listed = find(WebHost.JSON.readTree(host.run("users", "list", "--json").out()).get("users"), "name",
                "rita");
        assertEquals("[\"0301\",\"1804\"]", listed.get("orgUnits").toString());
        assertEquals("[]", find(WebHost.JSON.readTree(host.run("users", "list", "--json").out()).get("users"),
                "name", "ana").get("orgUnits").toString());

        HttpResponse<String> me = host.get("/api/session", rita);
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("reporter", WebHost.json(me).get("role").asText());
        assertEquals("[\"0301\",\"1804\"]", WebHost.json(me).get("orgUnits").toString());
        HttpResponse<String> session = login("rita", m.group(1));
        assertEquals(200, session.statusCode(), session.body());
        assertEquals("[\"0301\",\"1804\"]", WebHost.json(session).get("orgUnits").toString());

        List<String[]> refused = List.of(
                new String[] {"GET", "/api/schemes"}, new String[] {"GET", "/api/org-units"},
                new String[] {"GET", "/api/formats"}, new String[] {"GET", "/api/indicators?scheme=example"},
                new String[] {"GET", "/api/reports?scheme=example&format=xlsx"},
                new String[] {"GET", "/api/templates?scheme=example&year=2016&format=xlsx"},
                new String[] {"POST", "/api/submissions/validate"}, new String[] {"POST", "/api/submissions"},
                new String[] {"GET", "/api/status"}, new String[] {"GET", "/api/bundles"},
                new String[] {"POST", "/api/bundles"}, new String[] {"DELETE", "/api/bundles/no.tilskudd.example.scheme"},
                new String[] {"GET", "/api/audit"}, new String[] {"GET", "/api/no-such-route"});
        for (String[] r : refused) {
            HttpResponse<String> asReporter = host.send(host.request(r[1]).header("Authorization", rita)
                    .method(r[0], HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(403, asReporter.statusCode(), Arrays.toString(r) + " " + asReporter.body());
            assertEquals("forbidden", WebHost.json(asReporter).get("error").asText());
        }

        assertEquals(0, host.run("users", "role", "rita", "reporter", "--org-unit", "030101").exit());
        assertEquals("[\"030101\"]", WebHost.json(host.get("/api/session", rita)).get("orgUnits").toString());
        assertEquals(0, host.run("users", "remove", "rita").exit());
    }

    @Test
    @Order(3)
    void sessionCookieIsHttpOnlyAndStrictAndStateChangesNeedTheCsrfToken() throws Exception {
        HttpResponse<String> wrong = login("ana", "wrong");
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> ok = login("ana", analystPassword);
        assertEquals(200, ok.statusCode(), ok.body());
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = WebHost.json(ok).get("csrfToken").asText();
        assertEquals("analyst", WebHost.json(ok).get("role").asText());

        HttpResponse<String> me = host.send(host.request("/api/session").header("Cookie", cookie).GET().build());
        assertEquals(200, me.statusCode());
        assertEquals("ana", WebHost.json(me).get("user").asText());
        assertEquals(200, host.send(host.request("/api/schemes").header("Cookie", cookie).GET().build()).statusCode());

        WebHost.Multipart demo = new WebHost.Multipart().file(WebHost.demoFile(), "application/x-ndjson");
        HttpResponse<String> noToken = host.send(host.request("/api/submissions/validate").header("Cookie", cookie)
                .header("Content-Type", demo.contentType()).POST(demo.publisher()).build());
        assertEquals(403, noToken.statusCode());
        assertEquals("csrf", WebHost.json(noToken).get("error").asText());
        HttpResponse<String> otherSite = host.send(host.request("/api/submissions/validate").header("Cookie", cookie)
                .header(("X-CSRF-Token"), csrf).header("Origin", "http://evil.example")
                .header("Content-Type", demo.contentType()).POST(demo.publisher()).build());
        assertEquals(403, otherSite.statusCode());
        assertEquals("cross_origin", WebHost.json(otherSite).get("error").asText());
        HttpResponse<String> withToken = host.send(host.request("/api/submissions/validate").header("Cookie", cookie)
                .header("X-CSRF-Token", csrf).header("Origin", host.base.toString().replaceAll("/$", ""))
                .header("Content-Type", demo.contentType()).POST(demo.publisher()).build());
        assertEquals(200, withToken.statusCode(), withToken.body());

        HttpResponse<String> logout = host.send(host.request("/api/session").header("Cookie", cookie)
                .header("X-CSRF-Token", csrf).DELETE().build());
        assertEquals(204, logout.statusCode());
        assertEquals(401, host.send(host.request("/api/schemes").header("Cookie", cookie).GET().build()).statusCode(),
                "the session is gone after sign-out");
    }

    @Test
    @Order(4)
    void repeatedFailedSignInsLockTheName() throws Exception {
        host.addUser("locked", "analyst");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login("locked", "guess-" + i).statusCode());
        }
        HttpResponse<String> locked = login("locked", "guess-6");
        assertEquals(429, locked.statusCode());
        assertEquals("locked", WebHost.json(locked).get("error").asText());
    }

    @Test
    @Order(10)
    void schemesAndOrgUnits() throws Exception {
        JsonNode schemes = WebHost.json(host.get("/api/schemes", analyst));
        JsonNode example = find(schemes.get("schemes"), "id", "example");
        assertEquals("no.tilskudd.example.scheme", example.get("bundle").asText());
        assertEquals("2016", example.get("forms").get(0).get("version").asText());
        assertEquals(2016, example.get("forms").get(0).get("firstYear").asInt());
        assertTrue(example.get("name").asText().startsWith("Eksempelordningen"));
        JsonNode en = WebHost.json(host.get("/api/schemes?lang=en", analyst));
        assertTrue(find(en.get("schemes"), "id", "example").get("name").asText().startsWith("The example scheme"));

        JsonNode units = WebHost.json(host.get("/api/org-units?year=2016", analyst));
        assertTrue(units.get("orgUnits").size() > 400, "every municipality of 2016");
        assertEquals("0301", find(units.get("orgUnits"), "code", "0301").get("code").asText());
        String region = units.get("regions").get(0).asText();
        JsonNode inRegion = WebHost.json(host.get("/api/org-units?region="
                + java.net.URLEncoder.encode(region, StandardCharsets.UTF_8), analyst));
        for (JsonNode u : inRegion.get("orgUnits")) {
            assertEquals(region, u.get("region").asText());
        }
        HttpResponse<String> badRegion = host.get("/api/org-units?region=Atlantis", analyst);
        assertEquals(400, badRegion.statusCode());
        assertTrue(WebHost.json(badRegion).has("regions"));
    }

    @Test
    @Order(11)
    void validateAndImportFilesAllOrNothing() throws Exception {
        Path broken = temp.resolve("broken.jsonl");
        Files.writeString(broken, WebTestJars.brokenSubmission());

        HttpResponse<String> check = host.post("/api/submissions/validate", analyst,
                new WebHost.Multipart().file(WebHost.demoFile(), "application/x-ndjson").file(broken, "application/json"));
        assertEquals(200, check.statusCode(), check.body());
        JsonNode c = WebHost.json(check);
        assertFalse(c.get("valid").asBoolean());
        assertEquals("example-demo.jsonl", c.get("files").get(0).get("file").asText(), "the client's name, for display");
        assertEquals(28, c.get("files").get(0).get("submissions").asInt());
        assertTrue(c.get("files").get(0).get("findings").isEmpty());
        JsonNode brokenReport = c.get("files").get(1);
        assertEquals("broken.jsonl", brokenReport.get("file").asText());
        List<String> codes = new ArrayList<>();
        brokenReport.get("findings").forEach(f -> codes.add(f.get("code").asText()));
        assertTrue(codes.contains("EXAMPLE_FIRST_FUNDED_AFTER_REPORT"), codes.toString());
        JsonNode finding = find(brokenReport.get("findings"), "code", "EXAMPLE_FIRST_FUNDED_AFTER_REPORT");
        assertEquals("measures[0].firstFundedYear", finding.get("path").asText());
        assertEquals("error", finding.get("severity").asText());
        assertFalse(finding.get("message").asText().isBlank());
        assertEquals("1", finding.get("location").asText());
        assertEquals(0, count("example"), "validating stores nothing");

        HttpResponse<String> rejected = host.post("/api/submissions", analyst,
                new WebHost.Multipart().file(broken, "application/json"));
        assertEquals(422, rejected.statusCode());
        assertFalse(WebHost.json(rejected).get("files").get(0).get("stored").asBoolean());
        assertEquals(0, count("example"));

        HttpResponse<String> imported = host.post("/api/submissions", analyst,
                new WebHost.Multipart().file(WebHost.demoFile(), "application/x-ndjson"));
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(28, WebHost.json(imported).get("imported").asInt());
        assertEquals(28, count("example"));

        HttpResponse<String> again = host.post("/api/submissions", analyst,
                new WebHost.Multipart().file(WebHost.demoFile(), "application/x-ndjson"));
        assertEquals(422, again.statusCode(), "stored reports are not replaced without replace=true");
        HttpResponse<String> replaced = host.post("/api/submissions?replace=true", analyst,
                new WebHost.Multipart().file(WebHost.demoFile(), "application/x-ndjson"));
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals(28, WebHost.json(replaced).get("files").get(0).get("replaced").asInt());

        // The raw body with the file name in the query works too (curl --data-binary).
        HttpResponse<String> raw = host.send(host.request("/api/submissions/validate?name=demo.jsonl")
                .header("Authorization", analyst).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofFile(WebHost.demoFile())).build());
        assertEquals(200, raw.statusCode(), raw.body());
        assertTrue(WebHost.json(raw).get("valid").asBoolean());
        assertNoTempFilesLeft();
    }

    @Test
    @Order(12)
    void uploadLimitsAndContentChecks() throws Exception {
        byte[] line = Files.readAllBytes(WebHost.demoFile());
        WebHost.Multipart eleven = new WebHost.Multipart();
        for (int i = 0; i < 11; i++) {
            eleven.file("f" + i + ".jsonl", "application/x-ndjson", line);
        }
        HttpResponse<String> tooMany = host.post("/api/submissions/validate", analyst, eleven);
        assertEquals(413, tooMany.statusCode(), tooMany.body());
        assertEquals("too_many_files", WebHost.json(tooMany).get("error").asText());

        byte[] big = new byte[21 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        HttpResponse<String> tooLarge = host.post("/api/submissions/validate", analyst,
                new WebHost.Multipart().file("big.json", "application/json", big));
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        // A raw body is refused on its Content-Length, before a byte of it is read: the headers alone get the 413.
        String tooLargeRaw = rawRequest("POST /api/submissions/validate?name=big.json HTTP/1.1\r\nHost: "
                + host.base.getAuthority() + "\r\nAuthorization: " + analyst + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + big.length + "\r\nConnection: close\r\n\r\n");
        assertTrue(tooLargeRaw.startsWith("HTTP/1.1 413"), tooLargeRaw);
        assertTrue(tooLargeRaw.contains("\"error\":\"too_large\""), tooLargeRaw);

        HttpResponse<String> exe = host.post("/api/submissions/validate", analyst,
                new WebHost.Multipart().file("report.exe", "application/octet-stream", line));
        assertEquals(415, exe.statusCode());
        assertEquals("unsupported_file_type", WebHost.json(exe).get("error").asText());
        HttpResponse<String> wrongType = host.post("/api/submissions/validate", analyst,
                new WebHost.Multipart().file("report.jsonl", "image/png", line));
        assertEquals(415, wrongType.statusCode());
        assertEquals("unsupported_media_type", WebHost.json(wrongType).get("error").asText());
        HttpResponse<String> fakeXlsx = host.post("/api/submissions/validate", analyst,
                new WebHost.Multipart().file("report.xlsx", "application/octet-stream", line));
        assertEquals(415, fakeXlsx.statusCode());
        assertEquals("content_mismatch", WebHost.json(fakeXlsx).get("error").asText());

        // A file name is only a label: a path in it goes nowhere.
        HttpResponse<String> traversal = host.post("/api/submissions/validate", analyst,
                new WebHost.Multipart().file("../../../../etc/evil.jsonl", "application/x-ndjson", line));
        assertEquals(200, traversal.statusCode(), traversal.body());
        assertEquals("evil.jsonl", WebHost.json(traversal).get("files").get(0).get("file").asText());
        assertFalse(Files.exists(host.home.resolve("etc/evil.jsonl")));
        assertNoTempFilesLeft();

        HttpResponse<String> login = host.send(host.request("/api/session").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=admin")).build());
        assertEquals(415, login.statusCode());
    }

    @Test
    @Order(13)
    void indicators() throws Exception {
        HttpResponse<String> r = host.get("/api/indicators?scheme=example&years=2016-2017", analyst);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode j = WebHost.json(r);
        assertEquals(28, j.get("submissions").asInt());
        assertTrue(j.get("indicators").size() > 0);
        JsonNode t = j.get("indicators").get(0);
        assertEquals(t.get("columns").size(), t.get("rows").get(0).size());
        assertTrue(t.get("n").asInt() > 0);
        assertEquals(404, host.get("/api/indicators?scheme=nope", analyst).statusCode());
        assertEquals(400, host.get("/api/indicators?scheme=example&years=2017-2016", analyst).statusCode());
        assertEquals(400, host.get("/api/indicators", analyst).statusCode());
    }

    @Test
    @Order(14)
    void reportsAndTemplatesAreDownloadsOrListTheFormats() throws Exception {
        JsonNode formats = WebHost.json(host.get("/api/formats", analyst));
        List<String> reportFormats = WebHost.JSON.convertValue(formats.get("reports"), STRINGS);
        List<String> templateFormats = WebHost.JSON.convertValue(formats.get("templates"), STRINGS);
        assertTrue(formats.get("imports").toString().contains("json"));

        HttpResponse<String> unknown = host.get("/api/reports?scheme=example&years=2016&format=docx", analyst);
        assertEquals(404, unknown.statusCode());
        assertEquals("unknown_format", WebHost.json(unknown).get("error").asText());
        assertEquals(formats.get("reports"), WebHost.json(unknown).get("formats"));

        for (String f : reportFormats) {
            HttpResponse<byte[]> d = host.sendBytes(host.request("/api/reports?scheme=example&years=2016-2017&format="
                    + f).header("Authorization", analyst).GET().build());
            assertEquals(200, d.statusCode(), f);
            assertTrue(d.body().length > 100, f);
            String disposition = d.headers().firstValue("Content-Disposition").orElseThrow();
            assertTrue(disposition.startsWith("attachment; filename=\"example-2016-2017."), disposition);
            String type = d.headers().firstValue("Content-Type").orElseThrow();
            if (f.equals("xlsx")) {
                assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type);
                assertArrayEquals(new byte[] {'P', 'K'}, Arrays.copyOf(d.body(), 2));
            } else if (f.equals("pdf")) {
                assertEquals("application/pdf", type);
                assertEquals("%PDF", new String(d.body(), 0, 4, StandardCharsets.US_ASCII));
            }
        }
        HttpResponse<String> unknownTemplate = host.get("/api/templates?scheme=example&year=2016&format=docx",
                analyst);
        assertEquals(404, unknownTemplate.statusCode());
        assertEquals(formats.get("templates"), WebHost.json(unknownTemplate).get("formats"));
        for (String f : templateFormats) {
            HttpResponse<byte[]> d = host.sendBytes(host.request("/api/templates?scheme=example&year=2016&format=" + f)
                    .header("Authorization", analyst).GET().build());
            assertEquals(200, d.statusCode(), f);
            assertTrue(d.headers().firstValue("Content-Disposition").orElseThrow().contains("example-2016"));
        }
        if (templateFormats.contains("xlsx") && formats.get("imports").toString().contains("xlsx")) {
            // A template, filled in with the org unit only, goes back through the xlsx importer: the extension of
            // the uploaded name chooses it.
            HttpResponse<byte[]> t = host.sendBytes(host.request("/api/templates?scheme=example&year=2016&format=xlsx"
                    + "&orgUnit=1804").header("Authorization", analyst).GET().build());
            HttpResponse<String> back = host.post("/api/submissions/validate", analyst, new WebHost.Multipart()
                    .file("utfylt.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", t.body()));
            assertEquals(200, back.statusCode(), back.body());
            JsonNode f = WebHost.json(back).get("files").get(0);
            assertEquals("utfylt.xlsx", f.get("file").asText());
            assertTrue(f.get("errors").asInt() > 0, "an empty form misses required answers: " + f);
        }
        System.out.println("web API: report formats " + reportFormats + ", template formats " + templateFormats
                + ", import formats " + formats.get("imports"));
    }

    @Test
    @Order(20)
    void dryRunCountsTheStoredSubmissionsThatWouldBecomeInvalid() throws Exception {
        Path stricter = WebTestJars.exampleRequiringNewField(WebHost.plugin("tilskudd-example-scheme"),
                temp.resolve("example-strict.jar"), "0.3.0");
        HttpResponse<String> r = host.post("/api/bundles?dryRun=true", admin,
                new WebHost.Multipart().file(stricter, "application/java-archive"));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode d = WebHost.json(r);
        assertEquals("no.tilskudd.example.scheme", d.get("bundle").get("symbolicName").asText());
        assertEquals("0.3.0", d.get("bundle").get("version").asText());
        assertEquals(28, d.get("checked").asInt());
        assertEquals(28, d.get("becomeInvalid").asInt());
        assertFalse(d.get("safe").asBoolean());
        JsonNode code = d.get("byCode").get(0);
        assertEquals("FIELD_REQUIRED", code.get("code").asText());
        assertEquals(28, code.get("submissions").asInt());
        assertEquals(WebTestJars.NEW_FIELD, code.get("paths").get(0).asText());
        assertEquals(28, count("example"), "a dry run changes nothing");
        JsonNode scheme = find(WebHost.json(host.get("/api/schemes", admin)).get("schemes"), "id", "example");
        assertTrue(scheme.get("bundleVersion").asText().startsWith("0.1.0"), "still the installed version");

        // The same jar through the command line.
        WebHost.Result cli = host.run("deploy", "--dry-run", stricter.toString());
        assertEquals(1, cli.exit(), cli.out() + cli.err());
        assertTrue(cli.out().contains("FIELD_REQUIRED: 28 submission(s)"), cli.out());
        assertTrue(cli.out().contains("NOT safe to deploy"), cli.out());
        WebHost.Result refused = host.run("deploy", stricter.toString());
        assertEquals(1, refused.exit(), "deploy refuses what the dry run finds unsafe, unless --force");
        assertTrue(refused.err().contains("--force"), refused.err());

        HttpResponse<String> same = host.post("/api/bundles?dryRun=true", admin,
                new WebHost.Multipart().file(WebHost.plugin("tilskudd-example-scheme"), "application/java-archive"));
        assertTrue(WebHost.json(same).get("safe").asBoolean(), same.body());
        assertEquals(0, WebHost.json(same).get("becomeInvalid").asInt());
    }

    @Test
    @Order(21)
    void deployUpdateAndRemoveAPluginWithoutRestart() throws Exception {
        Path v2 = TestJars.exampleWithForm2018(WebHost.plugin("tilskudd-example-scheme"), temp.resolve("example-v2.jar"));
        HttpResponse<String> deployed = host.post("/api/bundles", admin,
                new WebHost.Multipart().file(v2, "application/java-archive"));
        assertEquals(201, deployed.statusCode(), deployed.body());
        JsonNode d = WebHost.json(deployed);
        assertEquals("ACTIVE", d.get("state").asText());
        assertTrue(d.get("file").asText().startsWith("tilskudd-example-scheme"), "an update replaces the installed file");
        JsonNode scheme = awaitScheme("example", s -> s.get("formVersions").toString().contains("2018"));
        assertEquals("0.2.0", scheme.get("bundleVersion").asText());
        try (var s = Files.list(host.home.resolve("deploy"))) {
            assertEquals(1, s.filter(p -> p.getFileName().toString().contains("example")).count(),
                    "one jar for the scheme in deploy/");
        }

        JsonNode bundles = WebHost.json(host.get("/api/bundles", admin));
        JsonNode b = find(bundles.get("bundles"), "symbolicName", "no.tilskudd.example.scheme");
        assertEquals("ACTIVE", b.get("state").asText());
        assertTrue(b.get("deployed").asBoolean());
        assertTrue(find(bundles.get("bundles"), "symbolicName", "org.apache.felix.http.jetty12").has("state"));
        assertTrue(bundles.get("healthy").asBoolean(), bundles.toString());

        HttpResponse<String> core = host.send(host.request("/api/bundles/no.tilskudd.engine")
                .header("Authorization", admin).DELETE().build());
        assertEquals(409, core.statusCode(), core.body());
        HttpResponse<String> unknown = host.send(host.request("/api/bundles/no.such.bundle")
                .header("Authorization", admin).DELETE().build());
        assertEquals(404, unknown.statusCode());
        HttpResponse<String> notAJar = host.post("/api/bundles", admin,
                new WebHost.Multipart().file("plugin.jar", "application/java-archive", "hello".getBytes()));
        assertEquals(415, notAJar.statusCode(), notAJar.body());
        HttpResponse<String> noManifest = host.post("/api/bundles", admin,
                new WebHost.Multipart().file("plugin.jar", "application/java-archive", zipWithoutManifest()));
        assertEquals(422, noManifest.statusCode(), noManifest.body());
        assertEquals("not_a_bundle", WebHost.json(noManifest).get("error").asText());
        HttpResponse<String> coreUpload = host.post("/api/bundles", admin, new WebHost.Multipart().file(
                WebHost.distribution().resolve("bundle").resolve(jarName("tilskudd-engine")), "application/java-archive"));
        assertEquals(409, coreUpload.statusCode(), coreUpload.body());

        HttpResponse<String> removed = host.send(host.request("/api/bundles/no.tilskudd.example.scheme")
                .header("Authorization", admin).DELETE().build());
        assertEquals(200, removed.statusCode(), removed.body());
        assertEquals("UNINSTALLED", WebHost.json(removed).get("state").asText());
        assertTrue(WebHost.json(host.get("/api/schemes", admin)).get("schemes").isEmpty());

        // Back with the command line, as an administrator at the console would.
        WebHost.Result cli = host.run("deploy", WebHost.plugin("tilskudd-example-scheme").toString());
        assertEquals(0, cli.exit(), cli.out() + cli.err());
        assertTrue(cli.out().contains("state: ACTIVE"), cli.out());
        awaitScheme("example", s -> true);
        WebHost.Result gone = host.run("undeploy", "example");
        assertEquals(0, gone.exit(), gone.out() + gone.err());
        assertTrue(WebHost.json(host.get("/api/schemes", admin)).get("schemes").isEmpty());
        assertEquals(1, host.run("undeploy", "example").exit(), "nothing left to remove");
    }

    @Test
    @Order(15)
    void errorsAreJsonWithoutStackTraces() throws Exception {
        List<HttpResponse<String>> errors = List.of(
                host.get("/api/indicators?scheme=example&years=abc", analyst),
                host.get("/api/templates?scheme=example&year=x&format=xlsx", analyst),
                host.send(host.request("/api/session").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{not json")).build()),
                host.get("/api/org-units?year=20x6", analyst));
        for (HttpResponse<String> e : errors) {
            assertEquals(400, e.statusCode(), e.body());
            JsonNode j = WebHost.json(e);
            assertNotNull(j.get("error"));
            assertNotNull(j.get("detail"));
            assertFalse(e.body().contains("Exception") || e.body().contains("\tat "), e.body());
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private HttpResponse<String> login(String name, String password) throws Exception {
        String body = WebHost.JSON.writeValueAsString(java.util.Map.of("name", name, "password", password));
        return host.send(host.request("/api/session").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private int count(String scheme) throws Exception {
        Optional<JsonNode> s = Optional.ofNullable(WebHost.json(host.get("/api/indicators?scheme=" + scheme,
                analyst)).get("submissions"));
        return s.map(JsonNode::asInt).orElse(-1);
    }

    private JsonNode awaitScheme(String id, java.util.function.Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = WebHost.json(host.get("/api/schemes", admin));
            for (JsonNode s : last.get("schemes")) {
                if (s.get("id").asText().equals(id) && condition.test(s)) {
                    return s;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("scheme " + id + " did not appear as expected: " + last);
    }

    private void assertNoTempFilesLeft() throws Exception {
        try (var s = Files.list(host.data.resolve("uploads"))) {
            assertEquals(List.of(), s.toList(), "uploads are deleted after the request");
        }
    }

    /** Sends bytes on a plain socket and reads the answer until the server closes or 10 s pass. */
    private String rawRequest(String head) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(host.base.getHost(), host.base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String jarName(String prefix) throws Exception {
        try (var s = Files.list(WebHost.distribution().resolve("bundle"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    private static byte[] zipWithoutManifest() throws Exception {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("no manifest".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return b.toByteArray();
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }
}
