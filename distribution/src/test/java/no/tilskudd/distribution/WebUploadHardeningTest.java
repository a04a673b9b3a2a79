package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, item 3: uploads and odd requests. Multipart buffers were written to {@code java.io.tmpdir} as
 * world-readable {@code upload_*.tmp} files and never deleted; an oversize or malformed multipart body was a 500 with
 * a stack trace in the log; an ambiguous path got Jetty's HTML page. Over real HTTP against {@code tilskudd serve}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Timeout(value = 10, unit = TimeUnit.MINUTES)
class WebUploadHardeningTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    static Path temp;

    private WebHost host;
    private String admin;
    private final Instant started = Instant.now();

    @BeforeAll
    void start() throws Exception {
        host = WebHost.start(temp, "", data -> {
            // What a host killed during an upload leaves behind.
            Path uploads = Files.createDirectories(data.resolve("uploads"));
            Files.writeString(uploads.resolve("upload_0a1b2c3d_00000001.tmp"), "left by a killed host");
            Files.writeString(Files.createDirectories(uploads.resolve("old")).resolve("upload-x.jsonl"), "{}");
        }, WebHost.plugin("tilskudd-example-scheme"));
        admin = WebHost.basic("admin", host.adminPassword);
    }

    @AfterAll
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    @Order(1)
    void theUploadsFolderIsPrivateAndEmptiedAtStart() throws Exception {
        Path uploads = host.data.resolve("uploads");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(uploads)));
        assertEquals(List.of(), list(uploads), "what a killed host left is deleted when serve starts");
    }

    @Test
    @Order(2)
    void multipartBuffersAreWrittenUnderTheDataFolderAndDeletedWhenTheRequestEnds() throws Exception {
        String marker = "marker-" + UUID.randomUUID();
        // Over commons-fileupload's 10 KB threshold, so that the part is buffered on disk while it arrives.
        byte[] content = jsonLines(marker, 300 * 1024);
        WebHost.Multipart m = new WebHost.Multipart().file("stalled.jsonl", "application/x-ndjson", content);
        byte[] body = readAll(m.publisher());
        int half = body.length / 2;
        CountDownLatch release = new CountDownLatch(1);
        InputStream stalling = new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos == half) {
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                if (pos >= body.length) {
                    return -1;
                }
                int n = Math.min(len, (pos < half ? half : body.length) - pos);
                System.arraycopy(body, pos, b, off, n);
                pos += n;
                return n;
            }
        };
        CompletableFuture<HttpResponse<String>> answer = host.http.sendAsync(host.request("/api/submissions/validate")
                .header("Authorization", admin).header("Content-Type", m.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> stalling)).build(),
                HttpResponse.BodyHandlers.ofString());
        try {
            Path buffer = awaitFileContaining(host.data.resolve("uploads"), marker);
            assertEquals(host.data.resolve("uploads"), buffer.getParent(), "the buffer is in data/uploads itself");
            assertEquals(Optional.empty(), fileContaining(Path.of(System.getProperty("java.io.tmpdir")), marker),
                    "no upload is buffered in the system's temporary folder");
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    host.data.resolve("uploads"))), "nobody else can open what is in the folder");
        } finally {
            release.countDown();
        }
        HttpResponse<String> r = answer.get(60, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of(), list(host.data.resolve("uploads")), "the buffer and the copy are gone afterwards");
        assertEquals(Optional.empty(), fileContaining(Path.of(System.getProperty("java.io.tmpdir")), marker));
    }

    @Test
    @Order(3)
    void anOversizeMultipartBodyIs413JsonAndLeavesNothing() throws Exception {
        // Larger than the whole request may be: refused on the headers alone.
        WebHost.Raw request = host.raw("127.0.0.1", "POST /api/submissions/validate HTTP/1.1\r\nAuthorization: "
                + admin + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: " + 70 * MB, null);
        assertJsonError(request, 413, "too_large");

        // One file over the 50 MB a part may have, within the 60 MB a request may: refused while it arrives.
        byte[] big = new byte[(int) (51 * MB)];
        Arrays.fill(big, (byte) ' ');
        WebHost.Multipart m = new WebHost.Multipart().file("big.jar", "application/java-archive", big);
        WebHost.Raw part = host.raw("127.0.0.1", "POST /api/bundles?dryRun=true HTTP/1.1\r\nAuthorization: " + admin
                + "\r\nContent-Type: " + m.contentType(), readAll(m.publisher()));
        assertJsonError(part, 413, "too_large");
        assertEquals(List.of(), list(host.data.resolve("uploads")), "the partly written buffer is deleted");
        assertNoStackTraceLogged();
    }

    @Test
    @Order(4)
    void aMalformedMultipartBodyIs400JsonAndLeavesNothing() throws Exception {
        byte[] content = jsonLines("truncated", 100 * 1024);
        String part = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jsonl\"\r\n"
                + "Content-Type: application/x-ndjson\r\n\r\n";
        ByteArrayOutputStream truncated = new ByteArrayOutputStream();
        truncated.writeBytes(part.getBytes(StandardCharsets.UTF_8));
        truncated.writeBytes(content);
        List<WebHost.Raw> answers = List.of(
                // the closing boundary never comes, after a part large enough to be buffered on disk
                post("multipart/form-data; boundary=b", truncated.toByteArray()),
                // no boundary declared
                post("multipart/form-data", truncated.toByteArray()),
                // a part whose headers never end
                post("multipart/form-data; boundary=b", ("--b\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"a.jsonl\"").getBytes(StandardCharsets.UTF_8)));
        for (WebHost.Raw a : answers) {
            assertJsonError(a, 400, "bad_multipart");
        }
        assertTrue(answers.get(0).json().get("detail").asText().contains("Stream ended unexpectedly"),
                answers.get(0).body());
        assertEquals(List.of(), list(host.data.resolve("uploads")));
        assertNoStackTraceLogged();
    }

    @Test
    @Order(5)
    void anUploadRefusedAfterItWasReadLeavesNothing() throws Exception {
        byte[] content = jsonLines("x", 20 * 1024);
        WebHost.Multipart eleven = new WebHost.Multipart();
        for (int i = 0; i < 11; i++) {
            eleven.file("f" + i + ".jsonl", "application/x-ndjson", content);
        }
        HttpResponse<String> tooMany = host.post("/api/submissions/validate", admin, eleven);
        assertEquals(413, tooMany.statusCode(), tooMany.body());
        assertEquals("too_many_files", WebHost.json(tooMany).get("error").asText());
        HttpResponse<String> mismatch = host.post("/api/submissions/validate", admin,
                new WebHost.Multipart().file("fake.xlsx", "application/octet-stream", content));
        assertEquals(415, mismatch.statusCode(), mismatch.body());
        WebHost.Multipart parts = new WebHost.Multipart();
        for (int i = 0; i < 30; i++) {
            parts.file("p" + i + ".jsonl", "application/x-ndjson", "{}".getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> manyParts = host.post("/api/submissions/validate", admin, parts);
        assertEquals(413, manyParts.statusCode(), manyParts.body());
        assertEquals("too_many_files", WebHost.json(manyParts).get("error").asText());
        assertEquals(List.of(), list(host.data.resolve("uploads")));
    }

    @Test
    @Order(6)
    void everyOddPathIsAnsweredInJson() throws Exception {
        List<String> odd = List.of("/api//schemes", "/api/%2fschemes", "/api/x%2Fy", "/api/%2e%2e/bundles",
                "/api/..%2f..%2fetc/passwd", "/api/../api/health", "/api/./health", "/api/;x=1/health",
                "/api/health;jsessionid=1", "/api/%5cschemes", "/api/\\schemes", "/api/%25%32%66", "/api/%ff",
                "/api//", "//api/health", "/api/bundles/no.tilskudd%2fx", "/api/%2e%2e/app.js");
        for (String path : odd) {
            for (String method : List.of("GET", "POST")) {
                WebHost.Raw r = host.raw("127.0.0.1", method + " " + path + " HTTP/1.1\r\nAuthorization: " + admin
                        + "\r\nAccept: text/html", method.equals("POST") ? new byte[0] : null);
                assertJsonError(r, 400, "bad_path", method + " " + path);
            }
        }
        // Plain paths are unaffected.
        assertEquals(200, host.get("/api/health", null).statusCode());
        assertEquals(200, host.get("/app.js", null).statusCode());
        assertEquals(404, host.get("/api/no-such-route", admin).statusCode());
        assertNoStackTraceLogged();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private WebHost.Raw post(String contentType, byte[] body) throws IOException {
        return host.raw("127.0.0.1", "POST /api/submissions/validate HTTP/1.1\r\nAuthorization: " + admin
                + "\r\nContent-Type: " + contentType, body);
    }

    private static void assertJsonError(WebHost.Raw r, int status, String code) {
        assertJsonError(r, status, code, "");
    }

    private static void assertJsonError(WebHost.Raw r, int status, String code, String what) {
        assertEquals(status, r.status(), what + " " + r.headers() + "\n" + r.body());
        assertTrue(String.valueOf(r.header("Content-Type")).startsWith("application/json"), what + " "
                + r.headers());
        JsonNode j = r.json();
        assertEquals(code, j.path("error").asText(), r.body());
        assertFalse(j.path("detail").asText().isBlank(), r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
    }

    private void assertNoStackTraceLogged() throws IOException {
        Path log = host.data.resolve("log/web.log");
        String text = Files.exists(log) ? Files.readString(log) : "";
        assertFalse(text.contains("ERROR") || text.contains("\tat "), text);
    }

    /** JSON Lines of about the given size, starting with the marker. */
    private static byte[] jsonLines(String marker, int size) {
        StringBuilder b = new StringBuilder("{\"marker\":\"" + marker + "\"}\n");
        String filler = "{\"scheme\":\"example\",\"year\":2016,\"orgUnit\":\"0301\",\"note\":\"" + "x".repeat(1000)
                + "\"}\n";
        while (b.length() < size) {
            b.append(filler);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] readAll(HttpRequest.BodyPublisher publisher) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        publisher.subscribe(new java.util.concurrent.Flow.Subscriber<java.nio.ByteBuffer>() {
            @Override
            public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(java.nio.ByteBuffer item) {
                byte[] b = new byte[item.remaining()];
                item.get(b);
                out.writeBytes(b);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.get(10, TimeUnit.SECONDS);
        return out.toByteArray();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private Path awaitFileContaining(Path dir, String marker) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<Path> p = fileContaining(dir, marker);
            if (p.isPresent()) {
                return p.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the half-sent upload was not buffered in " + dir + ": " + list(dir)
                + "; in " + System.getProperty("java.io.tmpdir") + ": "
                + fileContaining(Path.of(System.getProperty("java.io.tmpdir")), marker));
    }

    /** A regular file directly in the folder, written since the test started, whose first 64 KB hold the marker. */
    private Optional<Path> fileContaining(Path dir, String marker) throws IOException {
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile).forEach(candidates::add);
        }
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        for (Path p : candidates) {
            try {
                if (Files.getLastModifiedTime(p).compareTo(FileTime.from(started.minusSeconds(5))) < 0) {
                    continue;
                }
                byte[] head;
                try (InputStream in = Files.newInputStream(p)) {
                    head = in.readNBytes(64 * 1024);
                }
                if (indexOf(head, needle) >= 0) {
                    return Optional.of(p);
                }
            } catch (IOException e) {
                // gone meanwhile, or not ours to read
            }
        }
        return Optional.empty();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
