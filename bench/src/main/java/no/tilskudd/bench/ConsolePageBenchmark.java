package no.tilskudd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The web console's indicator page end to end, over HTTP: a host of the built distribution ({@code bin/tilskudd
 * serve}, a process of its own with the shipped JVM settings) whose store is the PostgreSQL database that
 * {@code IndicatorBenchmark postgresql load DIR N} filled, and a client that fetches what a browser signed in as an
 * analyst fetches to show AVdir's indicators for every year of its forms, as the console's app.js does: the page
 * ({@code /}, its script, style sheet and icon), {@code /api/session/providers}, {@code /api/session},
 * {@code /api/schemes}, {@code /api/formats}, then {@code /api/indicators?scheme=avdir&years=FIRST-LAST}. A round is
 * timed from sending the first request until the last answer has been read in full, one request after another on
 * one client (a browser fetches the script and style sheet in parallel, so the page part is an upper bound).
 *
 * <p>Nothing changes between rounds: PostgreSQL keeps no result cache, so every round computes (its buffer cache is
 * warm after the warm-up rounds, as on a host in use). Every answer is checked: the indicators must count all N
 * reports, with every standard indicator of the scheme, and no failures.
 *
 * <p>Arguments: the distribution folder, the DIR of the load step, N, rounds (default 7, the first 2 warm-up).
 */
public final class ConsolePageBenchmark {

    private static final int WARM_UP = 2;
    private static final Pattern ENDPOINT = Pattern.compile("Web console: (http://\\S+)");
    private static final Pattern PASSWORD = Pattern.compile("password \\(shown once\\): (\\S+)");
    private static final String LANG = "nb";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsolePageBenchmark() {
    }

    /** One answer, read in full. */
    private record Answer(String path, int status, String contentType, byte[] body) {
        JsonNode json() throws IOException {
            if (!contentType.startsWith("application/json")) {
                throw new IllegalStateException(path + ": not JSON (" + status + ", " + contentType + ")");
            }
            return JSON.readTree(body);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ConsolePageBenchmark DISTRIBUTION DIR N [ROUNDS]");
            System.exit(2);
        }
        Path dist = Path.of(args[0]).toAbsolutePath();
        Path dir = Path.of(args[1]).toAbsolutePath();
        int n = Integer.parseInt(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        if (rounds <= WARM_UP) {
            throw new IllegalArgumentException("rounds must be more than the " + WARM_UP + " warm-up rounds");
        }
        List<String> standard = new ArrayList<>();
        try (InputStream in = ConsolePageBenchmark.class.getResourceAsStream("/tilskudd/avdir/scheme.json")) {
            JSON.readTree(in).get("indicators").forEach(x -> standard.add(x.asText()));
        }
        Path work = Files.createTempDirectory("tilskudd-bench-console");
        try (PgServer pg = PgServer.start(dir.resolve("pg"))) {
            Path home = work.resolve("tilskudd");
            copyTree(dist, home);
            deleteTree(home.resolve("data"));
            StringBuilder conf = new StringBuilder(Files.readString(home.resolve("conf/tilskudd.properties")));
            conf.append("\n");
            pg.storeSettings().forEach((k, v) -> conf.append(k).append('=').append(v).append('\n'));
            Files.writeString(home.resolve("conf/tilskudd.properties"), conf);

            // Users are in the store and outlive the host; a name of this run's own, removed at the end.
            String user = "bench-console-" + System.currentTimeMillis();
            String password = find(PASSWORD, command(home, "users", "add", user, "--role", "analyst"), "users add");
            try {
                Process serve = new ProcessBuilder(home.resolve("bin/tilskudd").toString(), "serve", "--port", "0")
                        .redirectErrorStream(true).redirectOutput(work.resolve("serve.log").toFile()).start();
                try {
                    URI base = URI.create(awaitEndpoint(serve, work.resolve("serve.log")) + "/");
                    measure(base, user, password, n, rounds, standard);
                } finally {
                    stop(serve);
                }
            } finally {
                command(home, "users", "remove", user);
            }
        } finally {
            deleteTree(work);
        }
    }

    private static void measure(URI base, String user, String password, int n, int rounds, List<String> standard)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .cookieHandler(new java.net.CookieManager()).build();
        Answer signIn = send(http, HttpRequest.newBuilder(base.resolve("api/session?lang=" + LANG))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", user, "password",
                        password)))), "POST /api/session");
        if (signIn.status() != 200 || !signIn.json().get("role").asText().equals("analyst")) {
            throw new IllegalStateException("sign-in failed: " + signIn.status() + " "
                    + new String(signIn.body(), StandardCharsets.UTF_8));
        }
        Stats page = new Stats();
        Stats api = new Stats();
        Stats indicators = new Stats();
        Stats total = new Stats();
        long bytes = 0;
        int tables = 0;
        String years = null;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (String p : List.of("", "app.js", "app.css", "favicon.svg")) {
                expect(get(http, base, p), 200);
            }
            long t1 = System.nanoTime();
            expect(get(http, base, "api/session/providers"), 200);
            expect(get(http, base, "api/session?lang=" + LANG), 200);
            Answer schemes = expect(get(http, base, "api/schemes?lang=" + LANG), 200);
            expect(get(http, base, "api/formats?lang=" + LANG), 200);
            // The page's default selection: the first to the last year of the scheme's forms (app.js, schemeChanged).
            String y = years(schemes.json());
            long t2 = System.nanoTime();
            Answer ind = expect(get(http, base, "api/indicators?scheme=avdir&years=" + y + "&lang=" + LANG), 200);
            long t3 = System.nanoTime();
            check(ind.json(), n, standard);
            if (r >= WARM_UP) {
                page.add((t1 - t0) / 1e6);
                api.add((t2 - t1) / 1e6);
                indicators.add((t3 - t2) / 1e6);
                total.add((t3 - t0) / 1e6);
            }
            bytes = ind.body().length;
            tables = ind.json().get("indicators").size();
            years = y;
        }
        System.out.printf(Locale.ROOT, "Console page benchmark (postgresql): the indicator page of avdir, years %s,"
                + " over %d stored reports, over HTTP to bin/tilskudd serve (%d cores); indicators answer: %d tables,"
                + " %d kB%n", years, n, Runtime.getRuntime().availableProcessors(), tables, bytes / 1024);
        System.out.println(total.row("end to end: page + API + indicators", "ms"));
        System.out.println(page.row("page: /, app.js, app.css, favicon.svg", "ms"));
        System.out.println(api.row("session, providers, schemes, formats", "ms"));
        System.out.println(indicators.row("GET /api/indicators (computed by the host)", "ms"));
    }

    private static String years(JsonNode schemes) {
        for (JsonNode s : schemes.get("schemes")) {
            if (s.get("id").asText().equals("avdir")) {
                int first = Integer.MAX_VALUE;
                int last = Integer.MIN_VALUE;
                for (JsonNode f : s.get("forms")) {
                    first = Math.min(first, f.get("firstYear").asInt());
                    last = Math.max(last, f.get("lastYear").asInt());
                }
                if (s.get("forms").isEmpty()) {
                    first = last = s.get("firstYear").asInt();
                }
                return first == last ? Integer.toString(first) : first + "-" + last;
            }
        }
        throw new IllegalStateException("the host has no avdir scheme: " + schemes);
    }

    /** Every standard indicator gave its table, without failures, and the selection saw every report. */
    private static void check(JsonNode answer, int n, List<String> standard) {
        if (!answer.get("failures").isEmpty()) {
            throw new IllegalStateException("failures: " + answer.get("failures"));
        }
        if (answer.get("submissions").asInt() != n) {
            throw new IllegalStateException("the selection saw " + answer.get("submissions") + " of " + n
                    + " reports");
        }
        List<String> ids = new ArrayList<>();
        answer.get("indicators").forEach(t -> ids.add(t.get("id").asText()));
        if (!ids.containsAll(standard)) {
            throw new IllegalStateException("expected the tables " + standard + ", got " + ids);
        }
        JsonNode first = answer.get("indicators").get(0);
        if (first.get("n").isNull() || first.get("rows").isEmpty()) {
            throw new IllegalStateException(first.get("id") + " has no N or no rows");
        }
    }

    private static Answer get(HttpClient http, URI base, String path) throws Exception {
        return send(http, HttpRequest.newBuilder(base.resolve(path)).GET(), path);
    }

    private static Answer send(HttpClient http, HttpRequest.Builder b, String what) throws Exception {
        HttpResponse<byte[]> r = http.send(b.timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(what, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private static Answer expect(Answer a, int status) {
        if (a.status() != status || a.body().length == 0) {
            throw new IllegalStateException(a.path() + ": " + a.status() + " "
                    + new String(a.body(), StandardCharsets.UTF_8));
        }
        return a;
    }

    /** Runs a one-shot command of the copy (a JVM of its own on the same store) and gives what it printed. */
    private static String command(Path home, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/tilskudd").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
        }
        return out;
    }

    private static String find(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(what + " printed no " + pattern + ":\n" + text);
        }
        return m.group(1);
    }

    private static String awaitEndpoint(Process serve, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log);
            Matcher m = ENDPOINT.matcher(text);
            if (m.find()) {
                return m.group(1).replaceAll("/+$", "");
            }
            if (!serve.isAlive()) {
                throw new IllegalStateException("serve ended (" + serve.exitValue() + "):\n" + text);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("serve printed no address in 3 minutes:\n" + Files.readString(log));
    }

    /** Stops serve as Ctrl-C would, so that the host closes its store; forcibly only when it hangs. */
    private static void stop(Process serve) throws InterruptedException {
        serve.destroy();
        if (!serve.waitFor(60, TimeUnit.SECONDS)) {
            serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
