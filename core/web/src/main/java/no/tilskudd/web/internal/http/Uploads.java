package no.tilskudd.web.internal.http;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Uploaded files, from a multipart form (field {@code file}, one or more) or from a raw request body (the name
 * in the query parameter {@code name}). Each is written to a private temporary folder under a generated name that
 * keeps only the checked extension, so a client's file name is never used as a path; it is kept only for display.
 */
final class Uploads implements AutoCloseable {

    /** The kinds of file the API takes, with the media types a client may declare for them. */
    enum Kind {
        JSON(Set.of("json", "jsonl", "ndjson"), Set.of("application/json", "application/x-ndjson", "application/jsonl",
                "application/x-jsonlines", "text/json", "text/plain", "application/octet-stream")),
        XLSX(Set.of("xlsx"), Set.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/octet-stream", "application/zip")),
        JAR(Set.of("jar"), Set.of("application/java-archive", "application/x-java-archive", "application/x-jar",
                "application/octet-stream", "application/zip"));

        final Set<String> extensions;
        final Set<String> mediaTypes;

        Kind(Set<String> extensions, Set<String> mediaTypes) {
            this.extensions = extensions;
            this.mediaTypes = mediaTypes;
        }

        boolean zip() {
            return this != JSON;
        }
    }

    /** One uploaded file: the name the client gave (for display only) and where it was written. */
    record Upload(String displayName, Path path, Kind kind) {
    }

    private final Path dir;
    private final List<Upload> files = new ArrayList<>();

    private Uploads(Path dir) {
        this.dir = dir;
    }

    /**
     * Reads the uploaded files of a request.
     *
     * @param req      the request
     * @param tmpRoot  where temporary folders go
     * @param kinds    the kinds accepted
     * @param maxFiles how many files at most
     * @param maxBytes how large each file may be
     * @return the files; close to delete them
     */
    static Uploads read(HttpServletRequest req, Path tmpRoot, Set<Kind> kinds, int maxFiles, long maxBytes)
            throws IOException {
        Files.createDirectories(tmpRoot);
        Path dir = Files.createTempDirectory(tmpRoot, "upload-");
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not POSIX: the data folder's permissions apply
        }
        Uploads u = new Uploads(dir);
        try {
            String type = mediaType(req.getContentType());
            if (type.equals("multipart/form-data")) {
                Iterable<Part> parts;
                try {
                    parts = req.getParts();
                } catch (ServletException | IllegalStateException e) {
                    throw tooLargeOr(e);
                }
                for (Part p : parts) {
                    if (p.getSubmittedFileName() == null) {
                        continue;
                    }
                    if (!p.getName().equals("file")) {
                        throw ApiException.badRequest("upload files in form fields named 'file'");
                    }
                    if (u.files.size() >= maxFiles) {
                        throw new ApiException(413, "too_many_files", "at most " + maxFiles + " files per request");
                    }
                    if (p.getSize() > maxBytes) {
                        throw tooLarge(maxBytes);
                    }
                    try (InputStream in = p.getInputStream()) {
                        u.add(p.getSubmittedFileName(), mediaType(p.getContentType()), in, kinds, maxBytes);
                    }
                }
            } else {
                String name = ApiServlet.query(req, "name");
                if (name == null || name.isBlank()) {
                    throw ApiException.badRequest("send the file as multipart/form-data (field 'file'), or as the "
                            + "request body with its file name in the query parameter 'name'");
                }
                if (req.getContentLengthLong() > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                try (InputStream in = req.getInputStream()) {
                    u.add(name, type, in, kinds, maxBytes);
                }
            }
            if (u.files.isEmpty()) {
                throw ApiException.badRequest("no file in the request");
            }
            return u;
        } catch (IOException | RuntimeException e) {
            u.close();
            throw e;
        }
    }

    private static ApiException tooLargeOr(Exception e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("size") || m.contains("exceed") || m.contains("large")) {
            return new ApiException(413, "too_large", "the upload is larger than allowed");
        }
        return ApiException.badRequest("the multipart request could not be read");
    }

    static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "too_large", "a file may be at most " + (maxBytes / (1024 * 1024)) + " MB");
    }

    private void add(String clientName, String mediaType, InputStream in, Set<Kind> kinds, long maxBytes)
            throws IOException {
        String display = displayName(clientName);
        String ext = extension(display);
        Kind kind = kinds.stream().filter(k -> k.extensions.contains(ext)).findFirst()
                .orElseThrow(() -> new ApiException(415, "unsupported_file_type", "'" + display + "': files of this "
                        + "kind are not accepted here (accepted: " + extensions(kinds) + ")",
                        Map.of("accepted", extensions(kinds))));
        if (!mediaType.isEmpty() && !kind.mediaTypes.contains(mediaType)) {
            throw new ApiException(415, "unsupported_media_type", "'" + display + "' was sent as " + mediaType
                    + ", which does not fit a ." + ext + " file");
        }
        Path target = dir.resolve(UUID.randomUUID() + "." + ext);
        long n = 0;
        byte[] head = new byte[4];
        int headLen = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buf = new byte[64 * 1024];
            int r;
            while ((r = in.read(buf)) > 0) {
                n += r;
                if (n > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                for (int i = 0; i < r && headLen < 4; i++) {
                    head[headLen++] = buf[i];
                }
                out.write(buf, 0, r);
            }
        }
        boolean isZip = headLen == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        if (kind.zip() != isZip) {
            throw new ApiException(415, "content_mismatch", "'" + display + "' does not contain what its name says ("
                    + (kind.zip() ? "expected a zip-based file" : "expected JSON text") + ")");
        }
        files.add(new Upload(display, target, kind));
    }

    private static String extensions(Set<Kind> kinds) {
        return String.join(", ", kinds.stream().flatMap(k -> k.extensions.stream()).sorted().map(e -> "." + e)
                .toList());
    }

    /** The last path segment of a client's file name, without control characters, for display. */
    static String displayName(String clientName) {
        String n = clientName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        n = n.replaceAll("[\\p{Cntrl}\"<>]", "").strip();
        if (n.length() > 200) {
            n = n.substring(n.length() - 200);
        }
        return n.isEmpty() ? "upload" : n;
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    List<Upload> files() {
        return files;
    }

    @Override
    public void close() {
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A leftover temporary file is removed with the next start's cleanup.
        }
    }
}
