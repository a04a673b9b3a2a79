package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grant register and the response rates on the real distribution: imported with {@code tilskudd grants import}
 * and {@code POST /api/grants}, all or nothing, and the same JSON from {@code --json} and HTTP. The example scheme's
 * demo data has reports for 2016 from 14 units.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class GrantsAndResponsesTest {

    static final String HEADER = "scheme,schemeName,year,orgUnit,amount,decisionDate,caseNumber,reportingDeadline";

    @TempDir
    static Path temp;

    private WebHost host;
    private String analyst;

    @BeforeAll
    void start() throws Exception {
        host = WebHost.start(temp, WebHost.plugin("tilskudd-example-scheme"));
        analyst = WebHost.basic("kari", host.addUser("kari", "analyst"));
        WebHost.Result imported = host.run("import", WebHost.demoFile().toString());
        assertEquals(0, imported.exit(), imported.out() + imported.err());
        // Three of the units that reported for 2016, one that did not (1804), and a scheme without a form.
        Path grants = write("grants.csv", HEADER,
                "example,,2016,0125,100000,2016-03-01,2016/17,2017-02-01",
                "example,,2016,0233,150000.50,,,",
                "example,,2016,030115,80000,,,",
                "example,,2016,1804,50000,,,",
                "unge-utenfor,Unge utenfor,2016,1804,25000,,,");
        WebHost.Result r = host.run("grants", "import", grants.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("imported 5 grant(s) (5 new, 0 replaced)"), r.out());
    }

    @AfterAll
    void stop() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    private static Path write(String name, String... lines) throws Exception {
        return Files.writeString(temp.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private JsonNode cli(String... args) {
        WebHost.Result r = host.run(args);
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.out() + r.err());
        return r.json();
    }

    @Test
    void responsesCountTheGrantedUnitsThatReportedAndWarnOfReportsWithoutAGrant() throws Exception {
        JsonNode cli = cli("responses", "--scheme", "example", "--year", "2016", "--json");
        assertEquals(cli, WebHost.json(host.get("/api/responses?scheme=example&year=2016", analyst)));
        assertEquals(4, cli.get("expected").asInt(), cli.toString());
        assertEquals(3, cli.get("reported").asInt());
        assertEquals(75, cli.get("rate").asInt());
        assertEquals("1804", cli.get("missing").get(0).get("code").asText());
        assertEquals("Bodø", cli.get("missing").get(0).get("name").asText());
        assertEquals(11, cli.get("withoutGrant").size(), "the other reporters of 2016 have no grant");

        WebHost.Result text = host.run("responses", "--scheme", "example", "--year", "2016");
        assertTrue(text.out().contains("expected 4, reported 3, missing 1, response rate 75 %"), text.out());
        assertTrue(text.out().contains("1804    Bodø"), text.out());
        assertTrue(text.out().contains("warning: a report from 0428"), text.out());

        JsonNode other = cli("responses", "--scheme", "unge-utenfor", "--year", "2016", "--json");
        assertEquals("Unge utenfor", other.get("schemeName").asText());
        assertEquals(false, other.get("installed").asBoolean());
        assertEquals(0, other.get("rate").asInt());
    }

    @Test
    void theGrantListIsTheSameDocumentOverHttpAndCli() throws Exception {
        JsonNode cli = cli("grants", "list", "--scheme", "example", "--json");
        assertEquals(cli, WebHost.json(host.get("/api/grants?scheme=example", analyst)));
        assertEquals(4, cli.get("count").asInt());
        JsonNode first = cli.get("grants").get(0);
        assertEquals("0125", first.get("orgUnit").asText());
        assertEquals("2016/17", first.get("caseNumber").asText());
        assertEquals("2017-02-01", first.get("reportingDeadline").asText());
        assertEquals("150000.5", cli.get("grants").get(1).get("amount").asText());
        assertEquals(5, cli("grants", "list", "--json").get("count").asInt());
    }

    @Test
    void anUploadWithABadRowStoresNothingAndNamesRowColumnAndReason() throws Exception {
        byte[] bad = (HEADER + "\nexample,,2017,0125,1000,,,\nexample,,2017,0233,-1,,,\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = host.post("/api/grants", analyst,
                new WebHost.Multipart().file("tildelinger.csv", "text/csv", bad));
        assertEquals(422, refused.statusCode(), refused.body());
        JsonNode finding = WebHost.json(refused).get("files").get(0).get("findings").get(0);
        assertEquals("3", finding.get("location").asText());
        assertEquals("amount", finding.get("path").asText());
        assertEquals("NEGATIVE_AMOUNT", finding.get("code").asText());
        assertEquals(0, WebHost.json(host.get("/api/grants?year=2017", analyst)).get("count").asInt());

        byte[] good = (HEADER + "\nexample,,2017,0125,1000,,,\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> stored = host.post("/api/grants", analyst,
                new WebHost.Multipart().file("tildelinger.csv", "text/csv", good));
        assertEquals(200, stored.statusCode(), stored.body());
        assertEquals(1, WebHost.json(stored).get("imported").asInt());
        HttpResponse<String> again = host.post("/api/grants", analyst,
                new WebHost.Multipart().file("tildelinger.csv", "text/csv", good));
        assertEquals(422, again.statusCode(), again.body());
        assertEquals("ALREADY_STORED", WebHost.json(again).get("files").get(0).get("findings").get(0).get("code")
                .asText());
        assertEquals(200, host.post("/api/grants?replace=true", analyst,
                new WebHost.Multipart().file("tildelinger.csv", "text/csv", good)).statusCode());

        List<String> actions = new ArrayList<>();
        cli("audit", "--json").get("events").forEach(e -> actions.add(e.get("action").asText() + " "
                + e.get("actor").asText() + " " + e.get("subject").asText()));
        assertTrue(actions.contains("grants.import web:kari tildelinger.csv"), actions.toString());
        assertTrue(actions.contains("grants.replace web:kari tildelinger.csv"), actions.toString());
    }

    @Test
    void theCommandLineRefusesABadFileWithExitOneAndABadCallWithTwo() throws Exception {
        Path bad = write("bad.csv", "scheme,year,orgUnit,amount", "example,2018,9999,10");
        WebHost.Result r = host.run("grants", "import", bad.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("bad.csv:2: orgUnit: UNKNOWN_ORG_UNIT"), r.out());
        assertEquals(2, host.run("responses", "--scheme", "example").exit());
        assertEquals(2, host.run("grants", "import").exit());
    }
}
