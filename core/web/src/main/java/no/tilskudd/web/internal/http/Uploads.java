package no.tilskudd.web.internal.http;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Uploaded files, from a multipart form (field {@code file}, one or more) or from a raw request body (the name
 * in the query parameter {@code name}). Each is written under a generated name that keeps only the checked extension,
 * so a client's file name is never used as a path; it is kept only for display.
 * <p>
 * Everything an upload puts on disk is in {@code data/uploads} (mode 700): the container's multipart buffers
 * (Felix HTTP's whiteboard, with commons-fileupload, writes parts over 10 KB there as {@code upload_*.tmp}; see
 * {@link ApiRegistration}) and the copies made here (mode 600). {@link #close()} deletes both when the request
 * ends, whatever the outcome; {@code serve} empties the folder when it starts, for what a killed host left.
 */
final class Uploads implements AutoCloseable {

    /** The folder under the data folder. */
    static final String FOLDER = "uploads";

    /** The kinds of file the API takes, with the media types a client may declare for them. */
    enum Kind {
        JSON(Set.of("json", "jsonl", "ndjson"), Set.of("application/json", "application/x-ndjson", "application/jsonl",
                "application/x-jsonlines", "text/json", "text/plain", "application/octet-stream")),
        XLSX(Set.of("xlsx"), Set.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/octet-stream", "application/zip")),
        CSV(Set.of("csv"), Set.of("text/csv", "text/plain", "application/csv", "application/vnd.ms-excel",
                "application/octet-stream")),
        JAR(Set.of("jar"), Set.of("application/java-archive", "application/x-java-archive", "application/x-jar",
                "application/octet-stream", "application/zip"));

        final Set<String> extensions;
        final Set<String> mediaTypes;

        Kind(Set<String> extensions, Set<String> mediaTypes) {
            this.extensions = extensions;
            this.mediaTypes = mediaTypes;
        }

        boolean zip() {
            return this != JSON && this != CSV;
        }
    }

    /** One uploaded file: the name the client gave (for display only) and where it was written. */
    record Upload(String displayName, Path path, Kind kind) {
    }

    private final Path dir;
    private final List<Upload> files = new ArrayList<>();
    private final List<Path> written = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();

    private Uploads(Path dir) {
        this.dir = dir;
    }

    /**
     * The uploads folder, created (mode 700) if missing.
     *
     * @param data the data folder
     * @return {@code data/uploads}
     * @throws IOException when it cannot be created
     */
    static Path folder(Path data) throws IOException {
        Path dir = data.resolve(FOLDER);
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rwx------")));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the data folder's own permissions apply.
            Files.createDirectories(dir);
        }
        return dir;
    }

    /**
     * Empties the uploads folder, for {@code serve}'s start: what is there was left by a host that was killed.
     *
     * @param data the data folder
     * @return the folder
     * @throws IOException when something in it cannot be deleted
     */
    static Path empty(Path data) throws IOException {
        Path dir = folder(data);
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList()) {
                Files.deleteIfExists(p);
            }
        }
        return dir;
    }

    /**
     * Reads the uploaded files of a request.
     *
     * @param req      the request
     * @param dir      the uploads folder (see {@link #folder}), which must exist before the container parses
     * @param kinds    the kinds accepted
     * @param maxFiles how many files at most
     * @param maxBytes how large each file may be
     * @return the files; close to delete them
     */
    static Uploads read(HttpServletRequest req, Path dir, Set<Kind> kinds, int maxFiles, long maxBytes)
            throws IOException {
        Uploads u = new Uploads(dir);
        try {
            String type = mediaType(req.getContentType());
            if (type.equals("multipart/form-data")) {
                u.parts.addAll(parts(req));
                for (Part p : u.parts) {
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

    /**
     * The parts of a multipart request. Felix HTTP reports a refused or unreadable body as an IOException wrapping
     * commons-fileupload's exception, which this bundle cannot import (the library is in the HTTP server's bundles
     * only), so its kind is told by class name: the size and count limits are 413, anything else the client's
     * malformed body, 400. Either way commons-fileupload has already deleted what it wrote.
     */
    private static Collection<Part> parts(HttpServletRequest req) throws IOException {
        try {
            return req.getParts();
        } catch (IOException | ServletException e) {
            if (causedBy(e, "org.apache.commons.fileupload.FileCountLimitExceededException")) {
                throw new ApiException(413, "too_many_files", "the request has more parts than allowed");
            }
            if (causedBy(e, "org.apache.commons.fileupload.FileUploadBase$SizeException")) {
                throw new ApiException(413, "too_large", "the upload is larger than allowed (at most "
                        + ApiServlet.MAX_JAR_BYTES / (1024 * 1024) + " MB per file and "
                        + ApiServlet.MAX_REQUEST_BYTES / (1024 * 1024) + " MB per request)");
            }
            throw new ApiException(400, "bad_multipart", "the multipart/form-data body could not be read: "
                    + reason(e));
        }
    }

    private static boolean causedBy(Throwable t, String className) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            for (Class<?> k = c.getClass(); k != null; k = k.getSuperclass()) {
                if (k.getName().equals(className)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The innermost message, which says what was wrong (e.g. "Stream ended unexpectedly"), without control chars. */
    private static String reason(Throwable t) {
        String m = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                m = c.getMessage();
            }
        }
        if (m == null) {
            return "malformed";
        }
        m = m.replaceAll("\\p{Cntrl}", " ").strip();
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
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
        // A folder of its own per file, so that the file keeps the client's name: that name is what the store
        // records as the source of the reports and what the audit trail shows.
        Path folder = createFolder(dir.resolve("upload-" + UUID.randomUUID()));
        written.add(folder);
        Path target = create(folder.resolve(fileName(display, ext)));
        written.add(target);
        long n = 0;
        byte[] head = new byte[4];
        int headLen = 0;
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
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
                    + (kind.zip() ? "expected a zip-based file" : kind == Kind.CSV ? "expected CSV text" : "expected JSON text") + ")");
        }
        files.add(new Upload(display, target, kind));
    }

    /** A name for the copy on disk: the display name, unless it could mean something else to the file system. */
    static String fileName(String display, String ext) {
        return display.startsWith(".") || display.contains("/") ? "upload." + ext : display;
    }

    /** Creates an empty folder usable by this user only. */
    private static Path createFolder(Path folder) throws IOException {
        try {
            return Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            return Files.createDirectory(folder);
        }
    }

    /** Creates an empty file readable by this user only. */
    private static Path create(Path target) throws IOException {
        try {
            return Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createFile(target);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("an upload named " + target.getFileName() + " exists already", e);
        }
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

    /** Deletes the copies and the container's buffers of this request. */
    @Override
    public void close() {
        for (Part p : parts) {
            try {
                p.delete();
            } catch (IOException | RuntimeException e) {
                // Left for the next start's cleanup of the folder.
            }
        }
        // Files before the folders that hold them.
        for (int i = written.size() - 1; i >= 0; i--) {
            Path p = written.get(i);
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // Left for the next start's cleanup of the folder.
            }
        }
    }
}
