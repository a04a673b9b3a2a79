package no.tilskudd.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadsTest {

    @TempDir
    Path data;

    @Test
    void aCopyIsReadableByItsOwnerOnlyWhileItIsWrittenAndGoneWhenTheRequestEnds() throws Exception {
        Path dir = Uploads.folder(data);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        byte[] body = "{\"a\":1}\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        List<String> seen = new ArrayList<>();
        // Looks at the folder while the upload is being copied, half-way through the body.
        ByteArrayInputStream source = new ByteArrayInputStream(body);
        ServletInputStream in = new ServletInputStream() {
            private int read;

            @Override
            public int read() {
                if (read++ == body.length / 2) {
                    try (Stream<Path> s = Files.walk(dir)) {
                        for (Path p : s.filter(p -> !p.equals(dir)).sorted().toList()) {
                            seen.add(dir.relativize(p) + " " + PosixFilePermissions.toString(
                                    Files.getPosixFilePermissions(p)));
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return source.read();
            }

            @Override
            public boolean isFinished() {
                return source.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContentType" -> "application/x-ndjson";
                    case "getQueryString" -> "name=..%2F..%2Freport.jsonl";
                    case "getContentLengthLong" -> (long) body.length;
                    case "getInputStream" -> in;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        try (Uploads u = Uploads.read(req, dir, Set.of(Uploads.Kind.JSON), 1, 1024 * 1024)) {
            // A folder of its own, so that the copy keeps the client's name (which the store records), and
            // nothing of the client's "../.." reaches the file system.
            assertEquals(2, seen.size(), seen.toString());
            assertTrue(seen.get(0).matches("upload-[0-9a-f-]{36} rwx------"), seen.toString());
            assertTrue(seen.get(1).matches("upload-[0-9a-f-]{36}/report\\.jsonl rw-------"), seen.toString());
            assertEquals("report.jsonl", u.files().get(0).displayName());
            assertEquals("report.jsonl", u.files().get(0).path().getFileName().toString());
            assertEquals(body.length, Files.size(u.files().get(0).path()));
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.toList(), "deleted when the request ends");
        }
    }

    @Test
    void aNameThatMeansSomethingToTheFileSystemIsNotUsedOnDisk() {
        assertEquals("upload.jsonl", Uploads.fileName("..", "jsonl"));
        assertEquals("upload.jsonl", Uploads.fileName(".hidden.jsonl", "jsonl"));
        assertEquals("rapport 2016.xlsx", Uploads.fileName("rapport 2016.xlsx", "xlsx"));
    }

    @Test
    void startingEmptiesTheFolder() throws Exception {
        Path dir = Uploads.folder(data);
        Files.writeString(dir.resolve("upload_1.tmp"), "x");
        Files.writeString(Files.createDirectories(dir.resolve("sub")).resolve("f"), "x");
        Uploads.empty(data);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.toList());
        }
    }

    @Test
    void aClientFileNameIsOnlyALabel() {
        assertEquals("evil.jsonl", Uploads.displayName("../../etc/evil.jsonl"));
        assertEquals("x.xlsx", Uploads.displayName("C:\\Users\\a\\x.xlsx"));
        assertEquals("ab.json", Uploads.displayName("a\u0000b.json"));
        assertEquals("upload", Uploads.displayName("/"));
        assertEquals("jsonl", Uploads.extension("A.JSONL"));
        assertEquals("", Uploads.extension("README"));
        assertEquals("application/json", Uploads.mediaType("Application/JSON; charset=utf-8"));
    }

    @Test
    void yearsAndRanges() {
        assertArrayEquals(new int[] {2016, 2017}, ApiServlet.years("2016-2017"));
        assertArrayEquals(new int[] {2016, 2016}, ApiServlet.years("2016"));
        assertThrows(ApiException.class, () -> ApiServlet.years("2017-2016"));
        assertThrows(ApiException.class, () -> ApiServlet.years("abc"));
        assertThrows(ApiException.class, () -> ApiServlet.year("99999"));
        // The command line's --years reads by the same rule (YearRange) and says the same.
        assertEquals("years '99999' is not a plausible year (1900-2100)",
                assertThrows(ApiException.class, () -> ApiServlet.years("99999")).getMessage());
    }

    @Test
    void downloadsGetTheirMediaType() {
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ApiServlet.mediaTypeOf("example-2016-2017.xlsx"));
        assertEquals("application/pdf", ApiServlet.mediaTypeOf("a.pdf"));
        assertEquals("application/octet-stream", ApiServlet.mediaTypeOf("a.bin"));
    }
}
