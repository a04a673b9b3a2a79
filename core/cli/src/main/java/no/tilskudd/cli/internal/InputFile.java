package no.tilskudd.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.Finding;
import no.tilskudd.api.submission.SourcePosition;

/**
 * A file named on the command line, resolved against the client's working directory. A file that cannot be read at
 * all (missing, a directory, unreadable, of a kind no importer reads) becomes a report with one file-level error, so
 * that the other files are still read and the summary counts it, instead of one bad name hiding the rest.
 *
 * @param given the name as the user gave it, for messages
 * @param path  the resolved path
 */
record InputFile(String given, Path path) {

    /** Reads a file and reports on it; {@code ImportService::check} or {@code importFile}. */
    interface Reader {
        FileReport read(Path file) throws IOException;
    }

    /**
     * What is wrong with a file before it is opened.
     *
     * @param code    a stable code, as for other findings
     * @param message the reason
     */
    record Problem(String code, LocalizedText message) {
    }

    static List<InputFile> all(List<String> names, Path cwd) {
        if (names.isEmpty()) {
            throw new Args.UsageException("name at least one file");
        }
        return names.stream().map(n -> of(n, cwd)).toList();
    }

    static InputFile of(String name, Path cwd) {
        try {
            return new InputFile(name, cwd.resolve(name).normalize());
        } catch (InvalidPathException e) {
            throw new Args.UsageException("'" + name + "' is not a file name: " + e.getReason());
        }
    }

    Optional<Problem> problem() {
        if (Files.isDirectory(path)) {
            return Optional.of(new Problem("FILE_IS_DIRECTORY", new LocalizedText(
                    "er en mappe, ikke en fil; oppgi filene i den (f.eks. " + given + "/*)",
                    "is a directory, not a file; name the files in it (e.g. " + given + "/*)")));
        }
        if (!Files.exists(path)) {
            return Optional.of(new Problem("FILE_NOT_FOUND", new LocalizedText("filen finnes ikke",
                    "no such file")));
        }
        if (!Files.isRegularFile(path)) {
            return Optional.of(new Problem("FILE_UNREADABLE", new LocalizedText("er ikke en vanlig fil",
                    "is not a regular file")));
        }
        if (!Files.isReadable(path)) {
            return Optional.of(new Problem("FILE_UNREADABLE", new LocalizedText(
                    "kan ikke leses (mangler tilgang)", "cannot be read (no permission)")));
        }
        return Optional.empty();
    }

    /** The size in bytes, or 0 for a file that is not there: only for progress lines. */
    long size() {
        try {
            return problem().isPresent() ? 0 : Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Reads the file, or reports why it cannot be read. */
    FileReport read(Reader reader) {
        Optional<Problem> p = problem();
        if (p.isPresent()) {
            return failed(p.get());
        }
        try {
            return reader.read(path);
        } catch (IllegalArgumentException | IOException e) {
            // The importer names the file itself ("x.txt: no installed importer ..."); say it once.
            String m = String.valueOf(e.getMessage());
            String own = path.getFileName() + ": ";
            return failed(new Problem("FILE_NOT_READ", LocalizedText.of(m.startsWith(own)
                    ? m.substring(own.length()) : m)));
        }
    }

    private FileReport failed(Problem p) {
        return new FileReport(given, 0, 0, List.of(new Finding(new SourcePosition(given, ""), "", Severity.ERROR,
                p.code(), p.message())), false, 0, 0);
    }
}
