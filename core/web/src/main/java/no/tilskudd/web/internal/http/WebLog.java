package no.tilskudd.web.internal.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** What the console did and what failed, in {@code data/log/web.log}; stack traces go here, never to a client. */
final class WebLog {

    private final Path file;

    WebLog(Path data) {
        this.file = data.resolve("log/web.log");
    }

    void info(String message) {
        write("INFO  " + message);
    }

    void error(String message, Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        write("ERROR " + message + "\n" + w);
    }

    private synchronized void write(String line) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Instant.now() + " " + line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // Logging must never break a request.
        }
    }
}
