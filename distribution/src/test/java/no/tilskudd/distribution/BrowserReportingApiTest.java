package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Browser reporting over real HTTP against {@code tilskudd serve} with the AVdir scheme and the PDF format: two
 * reporters, the AVdir 2011 form, a cross-field error found by the engine at its field, a draft that survives a
 * restart, a submission that counts in the indicators at once, its receipt as a PDF that names the unit, another
 * unit's reporter refused on every route, the analyst's reporting status and reminder list, reopening and the
 * history of versions.
 */
@org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class BrowserReportingApiTest {

    private static final String KEY = "scheme=avdir&year=2011&orgUnit=1804";

    @TempDir
    Path temp;

    @Test
    void aReporterFillsInSavesSubmitsAndGetsAReceiptAndTheAnalystSeesItCounted() throws Exception {
        WebHost host = WebHost.start(temp, WebHost.plugin("tilskudd-scheme-avdir"),
                WebHost.plugin("tilskudd-format-pdf"));
        try {
            String analyst = WebHost.basic("ana", host.addUser("ana", "analyst"));
            String annePassword = host.addReporter("anne", "1804");
            String anne = WebHost.basic("anne", annePassword);
            String olav = WebHost.basic("olav", host.addReporter("olav", "0301"));
            Path grants = temp.resolve("grants-2011.csv");
            Files.writeString(grants, "scheme,schemeName,year,orgUnit,amount,decisionDate,caseNumber,"
                    + "reportingDeadline\navdir,,2011,1804,300000,2011-03-01,2011/0042,2012-02-01\n"
                    + "avdir,,2011,0301,500000,2011-03-01,2011/0043,2012-02-01\n");
            WebHost.Result imported = host.run("grants", "import", grants.toString());
            assertEquals(0, imported.exit(), imported.out() + imported.err());

            // What the reporter may report, and the whole form in the asked language.
            JsonNode assignments = ok(host.get("/api/reporting/assignments", anne));
            assertEquals(1, assignments.get("units").size(), assignments.toString());
            assertEquals("1804", assignments.get("units").get(0).get("code").asText());
            assertEquals("Bodø", assignments.get("units").get(0).get("name").asText());
            assertTrue(has(assignments.get("forms"), f -> f.get("scheme").asText().equals("avdir")
                    && f.get("year").asInt() == 2011 && f.get("formVersion").asText().equals("2011")),
                    assignments.get("forms").toString());
            JsonNode form = ok(host.get("/api/reporting/form?scheme=avdir&year=2011&lang=en", anne));
            assertEquals("2011", form.get("formVersion").asText());
            assertTrue(form.get("title").asText().startsWith("Report on the use of the grant"), form.toString());
            JsonNode measures = field(form, "measures");
            assertEquals("group", measures.get("type").asText());
            JsonNode firstFunded = find(measures.get("fields"), "firstFundedYear");
            assertTrue(firstFunded.get("conditional").asBoolean());
            assertEquals("measures[].firstFundedYear", firstFunded.get("path").asText());
            assertFalse(field(form, "goalsReached").get("choices").isEmpty());
            JsonNode nynorsk = ok(host.get("/api/reporting/form?scheme=avdir&year=2011&lang=nn", anne));
            // the AVdir forms have nynorsk, so nothing falls back to bokmål
            assertEquals("Tildelt tilskot (kr)", field(nynorsk, "grantAmount").get("label").asText());
            assertNull(field(nynorsk, "grantAmount").get("fallback"), "no fallback where nynorsk is given");

            // A cross-field error (a new measure must be first funded in the report's year), at its field.
            ObjectNode values = values();
            ((ObjectNode) values.get("measures").get(1)).put("firstFundedYear", 2010);
            JsonNode check = ok(post(host, "POST", "/api/reporting/validate", anne, body("1804", values)));
            JsonNode finding = findingAt(check, "measures[1].firstFundedYear");
            assertNotNull(finding, check.toString());
            assertEquals("AVDIR_NEW_MEASURE_FIRST_YEAR", finding.get("code").asText());
            assertEquals("error", finding.get("severity").asText());
            assertEquals(List.of("measures[0].firstFundedYear"), strings(check.get("applicable")),
                    "only the continued measure's first year applies");
            // A number no field could hold is the importer's finding, as in a file, not a failed request.
            String huge = body("1804", values).replace("\"grantAmount\":300000", "\"grantAmount\":1e999999");
            assertTrue(huge.contains("1e999999"), huge);
            JsonNode hugeCheck = ok(post(host, "POST", "/api/reporting/validate", anne, huge));
            assertTrue(has(hugeCheck.get("findings"), f -> f.get("severity").asText().equals("error")),
                    hugeCheck.toString());
            // The same code as the command line's validate of the same values.
            Path file = temp.resolve("anne.json");
            Files.writeString(file, body("1804", values));
            WebHost.Result cli = host.run("validate", file.toString());
            assertTrue(cli.out().contains("AVDIR_NEW_MEASURE_FIRST_YEAR") && cli.out().contains(
                    "measures[1].firstFundedYear"), cli.out() + cli.err());

            // Saved even with the error; refused whole on submission.
            JsonNode draft = ok(post(host, "PUT", "/api/reporting/draft", anne, body("1804", values)));
            assertEquals("draft", draft.get("status").asText());
            assertEquals(1, draft.get("version").asInt());
            assertNotNull(findingAt(draft, "measures[1].firstFundedYear"));
            HttpResponse<String> refused = post(host, "POST", "/api/reporting/submit", anne, body("1804", values));
            assertEquals(422, refused.statusCode(), refused.body());
            assertEquals("invalid_submission", WebHost.json(refused).get("error").asText());
            assertNotNull(findingAt(WebHost.json(refused), "measures[1].firstFundedYear"));
            assertEquals(0, submissions(host, analyst), "nothing stored");

            host = host.restart();
            JsonNode report = ok(host.get("/api/reporting/report?" + KEY, anne));
            assertEquals("draft", report.get("status").asText(), "the draft survives the restart");
            assertEquals(2010, report.get("values").get("measures").get(1).get("firstFundedYear").asInt());
            assertEquals("web:anne", report.get("updatedBy").asText());

            // In the browser: a session, whose state changes need its CSRF token.
            HttpResponse<String> signIn = host.send(host.request("/api/session").header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString(WebHost.JSON.writeValueAsString(
                            java.util.Map.of("name", "anne", "password", annePassword)))).build());
            assertEquals(200, signIn.statusCode(), signIn.body());
            String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            String csrf = WebHost.json(signIn).get("csrfToken").asText();
            HttpResponse<String> noToken = host.send(host.request("/api/reporting/draft").header("Cookie", cookie)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                            body("1804", values))).build());
            assertEquals(403, noToken.statusCode(), noToken.body());
            assertEquals("csrf", WebHost.json(noToken).get("error").asText());
            HttpResponse<String> withToken = host.send(host.request("/api/reporting/draft").header("Cookie", cookie)
                    .header("X-CSRF-Token", csrf).header("Content-Type", "application/json").PUT(
                            HttpRequest.BodyPublishers.ofString(body("1804", values))).build());
            assertEquals(200, withToken.statusCode(), withToken.body());
            assertEquals(2, WebHost.json(withToken).get("version").asInt());

            // Fixed and submitted: stored as an ordinary submission, counted at once.
            ((ObjectNode) values.get("measures").get(1)).put("firstFundedYear", 2011);
            HttpResponse<String> submitted = post(host, "POST", "/api/reporting/submit", anne, body("1804", values));
            assertEquals(201, submitted.statusCode(), submitted.body());
            JsonNode s = WebHost.json(submitted);
            assertEquals("submitted", s.get("status").asText());
            assertEquals(3, s.get("version").asInt());
            assertEquals("/api/reporting/receipt?" + KEY, s.get("receipt").asText());
            assertEquals(1, submissions(host, analyst));
            HttpResponse<String> again = post(host, "PUT", "/api/reporting/draft", anne, body("1804", values));
            assertEquals(409, again.statusCode());
            assertEquals("already_submitted", WebHost.json(again).get("error").asText());

            HttpResponse<byte[]> receipt = host.sendBytes(host.request(s.get("receipt").asText())
                    .header("Authorization", anne).GET().build());
            assertEquals(200, receipt.statusCode());
            assertEquals("application/pdf", receipt.headers().firstValue("Content-Type").orElse(""));
            assertEquals("%PDF-", new String(receipt.body(), 0, 5, StandardCharsets.US_ASCII));
            Path pdf = temp.resolve("receipt.pdf");
            Files.write(pdf, receipt.body());
            String text = PdfInFrameworkTest.run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
            assertTrue(text.contains("1804 Bodø"), text);
            assertTrue(text.contains("web:anne") && text.contains("2011"), text);
            assertTrue(text.contains("Billig kino"), "the answers are on it: " + text);

            // Another unit's reporter: 403 not_your_unit on every route for 1804; never the indicators or status.
            List<HttpResponse<?>> denied = new ArrayList<>();
            denied.add(host.get("/api/reporting/report?" + KEY, olav));
            denied.add(post(host, "POST", "/api/reporting/validate", olav, body("1804", values)));
            denied.add(post(host, "PUT", "/api/reporting/draft", olav, body("1804", values)));
            denied.add(post(host, "POST", "/api/reporting/submit", olav, body("1804", values)));
            denied.add(host.get("/api/reporting/receipt?" + KEY, olav));
            for (HttpResponse<?> d : denied) {
                assertEquals(403, d.statusCode(), d.uri() + " " + d.body());
                assertTrue(d.body().toString().contains("not_your_unit"), d.uri() + " " + d.body());
            }
            for (String route : List.of("/api/indicators?scheme=avdir", "/api/reporting/status?scheme=avdir&year=2011",
                    "/api/reporting/status.csv?scheme=avdir&year=2011", "/api/bundles")) {
                HttpResponse<String> r = host.get(route, olav);
                assertEquals(403, r.statusCode(), route + " " + r.body());
                assertEquals("forbidden", WebHost.json(r).get("error").asText(), route);
            }
            assertEquals(403, post(host, "POST", "/api/reporting/reopen?" + KEY, anne, "").statusCode(),
                    "a reporter cannot reopen even its own report");
            assertEquals("new", ok(host.get("/api/reporting/report?scheme=avdir&year=2011&orgUnit=0301", olav))
                    .get("status").asText());

            // The analyst's status: expected from the grant register, 1804 submitted, 0301 missing.
            JsonNode status = ok(host.get("/api/reporting/status?scheme=avdir&year=2011", analyst));
            assertEquals("grants", status.get("basis").asText());
            assertEquals(2, status.get("expected").asInt());
            assertEquals(1, status.get("submitted").asInt());
            assertEquals(1, status.get("missing").asInt());
            assertEquals("submitted", find(status.get("units"), "1804", "code").get("status").asText());
            JsonNode oslo = find(status.get("units"), "0301", "code");
            assertEquals("missing", oslo.get("status").asText());
            assertTrue(strings(oslo.get("contacts")).contains("olav (reporter)"), oslo.toString());
            assertTrue(strings(oslo.get("contacts")).contains("case 2011/0043"), oslo.toString());
            HttpResponse<String> csv = host.get("/api/reporting/status.csv?scheme=avdir&year=2011&only=missing",
                    analyst);
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            assertEquals(List.of("code,name,region,status,updated,contacts",
                    "0301,Oslo,Øst/Oslo,missing,,olav (reporter); case 2011/0043"), csv.body().lines().toList());
            WebHost.Result cliStatus = host.run("reporting", "status", "--scheme", "avdir", "--year", "2011",
                    "--json");
            assertEquals(0, cliStatus.exit(), cliStatus.out() + cliStatus.err());
            assertEquals(status, cliStatus.json(), "the same document from the command line");

            // Reopened by the analyst; the reporter edits and resubmits; the resubmission replaces the stored one.
            JsonNode reopened = ok(post(host, "POST", "/api/reporting/reopen?" + KEY, analyst, ""));
            assertEquals("reopened", reopened.get("status").asText());
            assertEquals(4, reopened.get("version").asInt());
            values.put("ownFunding", 12345);
            assertEquals(201, post(host, "POST", "/api/reporting/submit", anne, body("1804", values)).statusCode());
            assertEquals(1, submissions(host, analyst), "replaced, not added");
            JsonNode history = ok(host.get("/api/reporting/report?" + KEY, analyst)).get("history");
            List<String> versions = new ArrayList<>();
            history.forEach(h -> versions.add(h.get("version").asInt() + " " + h.get("status").asText() + " "
                    + h.get("by").asText()));
            assertEquals(List.of("1 draft web:anne", "2 draft web:anne", "3 submitted web:anne",
                    "4 reopened web:ana", "5 submitted web:anne"), versions);
            JsonNode audit = WebHost.JSON.readTree(host.run("audit", "--json").out());
            List<String> actions = new ArrayList<>();
            audit.get("events").forEach(e -> actions.add(e.get("action").asText()));
            assertTrue(actions.containsAll(List.of("report.draft", "report.submit", "report.reopen")), actions
                    .toString());
        } finally {
            host.close();
        }
    }

    /** A plausible AVdir 2011 report with two measures: a continued one and a new one. */
    private static ObjectNode values() throws Exception {
        return (ObjectNode) WebHost.JSON.readTree("""
                {"grantAmount": 300000, "ownFunding": 0, "actionPlanGrant": 0, "goalsReached": "all",
                 "nationalGoals": "unsure", "continuation": "yes", "anchoredInPlan": true, "userInvolvement": "none",
                 "targetGroups": ["schoolDropout"], "partners": ["school", "culture"],
                 "measures": [
                   {"name": "Billig kino", "category": "alle", "openToAll": true, "participantsChildren": 52,
                    "participantsFamilies": 23, "budget": 129000, "newOrContinued": "continued",
                    "firstFundedYear": 2010},
                   {"name": "Sportsutstyr", "category": "individ", "openToAll": false, "participantsChildren": 11,
                    "participantsFamilies": 19, "budget": 32000, "newOrContinued": "new", "firstFundedYear": 2011}]}
                """);
    }

    private static String body(String unit, JsonNode values) throws Exception {
        ObjectNode b = WebHost.JSON.createObjectNode();
        b.put("scheme", "avdir");
        b.put("year", 2011);
        b.put("orgUnit", unit);
        b.set("values", values);
        return WebHost.JSON.writeValueAsString(b);
    }

    private static HttpResponse<String> post(WebHost host, String method, String path, String auth, String body)
            throws Exception {
        return host.send(host.request(path).header("Authorization", auth).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonNode ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.uri() + " " + r.body());
        return WebHost.json(r);
    }

    private static int submissions(WebHost host, String analyst) throws Exception {
        return ok(host.get("/api/indicators?scheme=avdir&years=2011", analyst)).get("submissions").asInt();
    }

    private static JsonNode findingAt(JsonNode check, String path) {
        for (JsonNode f : check.get("findings")) {
            if (path.equals(f.get("field").asText())) {
                return f;
            }
        }
        return null;
    }

    private static JsonNode field(JsonNode form, String id) {
        for (JsonNode section : form.get("sections")) {
            JsonNode f = find(section.get("fields"), id);
            if (f != null) {
                return f;
            }
        }
        throw new AssertionError("no field " + id + " in " + form);
    }

    private static JsonNode find(JsonNode list, String id) {
        return find(list, id, "id");
    }

    private static JsonNode find(JsonNode list, String value, String key) {
        for (JsonNode n : list) {
            if (value.equals(n.get(key).asText())) {
                return n;
            }
        }
        return null;
    }

    private static boolean has(JsonNode list, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode n : list) {
            if (test.test(n)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list instanceof ArrayNode a) {
            a.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
