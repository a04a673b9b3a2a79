package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.tilskudd.launch.embed.EmbeddedHost;

/**
 * A copy of the built distribution running {@code tilskudd serve --port 0} in-process, as {@code bin/tilskudd serve}
 * would: the real launcher, the real conf and bundle set, the web server on a free loopback port. The serve command
 * runs on its own thread; its console output is read while it runs (the web address, the first administrator's
 * password).
 */
final class WebHost implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENDPOINT = Pattern.compile("Web console: (http://\\S+)");
    private static final Pattern PASSWORD = Pattern.compile("created the user 'admin' \\(admin\\) with the password (\\S+)");

    final Path home;
    final Path data;
    final URI base;
    final String adminPassword;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final EmbeddedHost launcher;
    private final Thread serve;
    private final ByteArrayOutputStream serveOut;

    /** The outcome of one command. */
    record Result(int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out + "\nstderr: " + err, e);
            }
        }
    }

    private WebHost(Path home, EmbeddedHost launcher, Thread serve, ByteArrayOutputStream serveOut, URI base,
            String adminPassword) {
        this.home = home;
        this.data = launcher.host().data();
        this.launcher = launcher;
        this.serve = serve;
        this.serveOut = serveOut;
        this.base = base;
        this.adminPassword = adminPassword;
    }

    /** The built distribution folder (set by the build). */
    static Path distribution() {
        String dist = System.getProperty("tilskudd.dist");
        if (dist == null) {
            throw new IllegalStateException("system property tilskudd.dist is not set; run the tests through Maven");
        }
        return Path.of(dist);
    }

    /** A plugin jar of the distribution's deploy/, by the start of its file name. */
    static Path plugin(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(distribution().resolve("deploy"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + prefix + " jar in the distribution"));
        }
    }

    /** The example scheme's demo data, as shipped in its source. */
    static Path demoFile() {
        Path p = distribution().resolve("../../../plugins/example-scheme/src/main/resources/tilskudd/example/demo/"
                + "example-demo.jsonl").normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("no demo file at " + p);
        }
        return p;
    }

    /**
     * Copies the distribution with only the given plugins in deploy/, boots it and starts serving.
     *
     * @param temp    a temporary folder
     * @param plugins jars for deploy/
     * @return the running host
     */
    static WebHost start(Path temp, Path... plugins) throws Exception {
        return start(temp, "", data -> { }, plugins);
    }

    /** Like {@link #start(Path, Path...)}, with extra settings for conf/tilskudd.properties. */
    static WebHost start(Path temp, java.util.Map<String, String> settings, Path... plugins) throws Exception {
        StringBuilder conf = new StringBuilder();
        settings.forEach((k, v) -> conf.append(k).append('=').append(v).append('\n'));
        return start(temp, conf.toString(), data -> { }, plugins);
    }

    /**
     * Like {@link #start(Path, Path...)}, with more settings in conf/tilskudd.properties and a step that prepares the
     * (empty) data folder before the host starts.
     *
     * @param temp      a temporary folder
     * @param conf      lines to add to conf/tilskudd.properties
     * @param prepare   what to do to the data folder first
     * @param plugins   jars for deploy/
     * @return the running host
     */
    static WebHost start(Path temp, String conf, DataStep prepare, Path... plugins) throws Exception {
        return start(temp, conf, prepare, true, plugins);
    }

    /**
     * Like {@link #start(Path, java.util.Map, Path...)} for a host on a database another host has set up already:
     * it finds the administrator there and creates none ({@link #adminPassword} is then null).
     */
    static WebHost startSharing(Path temp, java.util.Map<String, String> settings, Path... plugins) throws Exception {
        StringBuilder conf = new StringBuilder();
        settings.forEach((k, v) -> conf.append(k).append('=').append(v).append('\n'));
        return start(temp, conf.toString(), data -> { }, false, plugins);
    }

    private static WebHost start(Path temp, String conf, DataStep prepare, boolean firstAdmin, Path... plugins)
            throws Exception {
        Path home = temp.resolve("tilskudd");
        copyTree(distribution(), home);
        try (Stream<Path> s = Files.list(home.resolve("deploy"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        deleteTree(home.resolve("data"));
        Files.writeString(home.resolve("conf/tilskudd.properties"), "felix.fileinstall.poll=50\n" + conf);
        for (Path p : plugins) {
            Files.copy(p, home.resolve("deploy").resolve(p.getFileName()));
        }
        Files.createDirectories(home.resolve("data"));
        prepare.accept(home.resolve("data"));
        return boot(home, firstAdmin);
    }

    /**
     * Stops this host and boots another on the same home and data, as a restart would; that one creates no
     * administrator ({@link #adminPassword} is null).
     *
     * @return the restarted host
     */
    WebHost restart() throws Exception {
        close();
        return boot(home, false);
    }

    private static WebHost boot(Path home, boolean firstAdmin) throws Exception {
        EmbeddedHost launcher = EmbeddedHost.builder(home).serving(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(new Tee(out), true, StandardCharsets.UTF_8);
        Thread serve = new Thread(() -> launcher.run(List.of("serve", "--port", "0"), o, o), "web-host-serve");
        serve.setDaemon(true);
        serve.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        String text = "";
        while (System.nanoTime() < deadline) {
            text = out.toString(StandardCharsets.UTF_8);
            Matcher m = ENDPOINT.matcher(text);
            boolean serving = m.find();
            if (serving && !firstAdmin) {
                if (PASSWORD.matcher(text).find()) {
                    launcher.close();
                    fail("a host on a shared database created another administrator:\n" + text);
                }
                return new WebHost(home, launcher, serve, out, URI.create(m.group(1)), null);
            }
            if (serving) {
                Matcher pw = PASSWORD.matcher(text);
                if (!pw.find()) {
                    Thread.sleep(100);
                    pw = PASSWORD.matcher(out.toString(StandardCharsets.UTF_8));
                    if (!pw.find()) {
                        launcher.close();
                        fail("serve printed no first administrator password:\n" + text);
                    }
                }
                return new WebHost(home, launcher, serve, out, URI.create(m.group(1)), pw.group(1));
            }
            if (!serve.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        launcher.close();
        fail("serve did not report the web console's address:\n" + out.toString(StandardCharsets.UTF_8));
        return null;
    }

    /** What serve printed so far. */
    String serveOutput() {
        return serveOut.toString(StandardCharsets.UTF_8);
    }

    /** Runs a command in the host, as a second terminal would. */
    /** Puts a jar into {@code deploy/} as {@code example.jar} as the README says: copied beside it, then renamed. */
    void replaceExampleJar(Path jar) throws IOException {
        Path tmp = home.resolve("example.jar.tmp");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, home.resolve("deploy/example.jar"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Runs a command until its JSON answer meets a condition, for what the host does after FileInstall has seen a
     * jar; fails after 30 s with the last answer.
     */
    JsonNode awaitJson(String what, Predicate<JsonNode> condition, String... command) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            Result r = run(command);
            last = r.out() + r.err();
            try {
                JsonNode j = r.json();
                if (condition.test(j)) {
                    return j;
                }
            } catch (AssertionError | RuntimeException e) {
                // not JSON yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited 30 s for " + what + "; last: " + last);
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int exit = launcher.run(Arrays.asList(args), o, e);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Something done to the data folder before the host starts. */
    interface DataStep {
        void accept(Path data) throws IOException;
    }

    /** An answer read off a plain socket. */
    record Raw(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return v == null ? null : v.get(0);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + headers + "\n" + body, e);
            }
        }
    }

    /**
     * Sends a request exactly as given (no normalisation of the path, any headers) on a plain socket from a chosen
     * local address, such as 127.0.0.2 for a second client or a proxy, and reads the answer until the server closes.
     *
     * @param from        the local address to connect from
     * @param requestHead the request line and headers, without the blank line; Host and Connection: close are added
     *                    unless given
     * @param body        the body, or null
     */
    Raw raw(String from, String requestHead, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(requestHead.strip()).append("\r\n");
        String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
        if (!lower.contains("\r\nhost:")) {
            head.append("Host: ").append(base.getAuthority()).append("\r\n");
        }
        if (!lower.contains("\r\nconnection:")) {
            head.append("Connection: close\r\n");
        }
        if (body != null && !lower.contains("\r\ncontent-length:") && !lower.contains("\r\ntransfer-encoding:")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(from, 0));
            socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(60_000);
            java.io.OutputStream o = socket.getOutputStream();
            // The server may answer (and close) before it has read a large body; the answer is what counts.
            Thread writer = new Thread(() -> {
                try {
                    o.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                    if (body != null) {
                        o.write(body);
                    }
                    o.flush();
                } catch (IOException e) {
                    // the server closed the connection early
                }
            }, "raw-request-writer");
            writer.start();
            byte[] answer = readAnswer(socket.getInputStream());
            writer.join(60_000);
            return parse(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static byte[] readAnswer(java.io.InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0;) {
                b.write(buf, 0, n);
            }
        } catch (java.net.SocketException e) {
            // a reset after the answer, when the server closed with unread body bytes
            if (b.size() == 0) {
                throw e;
            }
        }
        return b.toByteArray();
    }

    private static Raw parse(byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        // Skip interim answers such as 100 Continue.
        while (text.startsWith("HTTP/1.1 1")) {
            text = text.substring(text.indexOf("\r\n\r\n") + 4);
        }
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || end < 0) {
            throw new AssertionError("not an HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                    k -> new java.util.ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            StringBuilder plain = new StringBuilder();
            int i = 0;
            while (true) {
                int lineEnd = body.indexOf("\r\n", i);
                int size = Integer.parseInt(body.substring(i, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                plain.append(body, lineEnd + 2, lineEnd + 2 + size);
                i = lineEnd + 2 + size + 2;
            }
            body = plain.toString();
        }
        return new Raw(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8));
    }

    /** Adds a user with the command line and returns the generated password. */
    String addUser(String name, String role) {
        return passwordOf(run("users", "add", name, "--role", role));
    }

    /** Adds a reporter for org units ({@code 1804,0301}) and gives its password. */
    String addReporter(String name, String orgUnits) {
        return passwordOf(run("users", "add", name, "--role", "reporter", "--org-unit", orgUnits));
    }

    private static String passwordOf(Result r) {
        Matcher m = Pattern.compile("password \\(shown once\\): (\\S+)").matcher(r.out());
        if (r.exit() != 0 || !m.find()) {
            fail("users add failed: " + r.out() + r.err());
        }
        return m.group(1);
    }

    // ------------------------------------------------------------------------------------------ HTTP

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(60));
    }

    HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> sendBytes(HttpRequest r) throws IOException, InterruptedException {
        return http.send(r, HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    /** A multipart/form-data body of files, each in a field named {@code file}. */
    static final class Multipart {
        final String boundary = "----tilskudd" + UUID.randomUUID();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Multipart file(String name, String mediaType, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n");
            body.writeBytes(content);
            write("\r\n");
            return this;
        }

        Multipart file(Path p, String mediaType) throws IOException {
            return file(p.getFileName().toString(), mediaType, Files.readAllBytes(p));
        }

        HttpRequest.BodyPublisher publisher() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(body.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return HttpRequest.BodyPublishers.ofByteArray(all.toByteArray());
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        private void write(String s) {
            body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    HttpResponse<String> post(String path, String authorization, Multipart m) throws IOException, InterruptedException {
        return send(request(path).header("Authorization", authorization).header("Content-Type", m.contentType())
                .POST(m.publisher()).build());
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
        }
    }

    @Override
    public void close() {
        launcher.close();
        try {
            serve.join(20_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
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

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Copies serve's output to the test log as well, so a failing run shows what the host said. */
    private static final class Tee extends java.io.OutputStream {
        private final ByteArrayOutputStream keep;

        Tee(ByteArrayOutputStream keep) {
            this.keep = keep;
        }

        @Override
        public void write(int b) {
            keep.write(b);
            System.out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            keep.write(b, off, len);
            System.out.write(b, off, len);
        }
    }

}
