package no.tilskudd.launch.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * The framework's log goes to {@code data/log/tilskudd.log} (and, for the long-running host, to the console too), so
 * that a one-shot command's output stays clean for scripts. Felix writes to it through {@link FelixLog}, any other
 * framework through its framework events (see {@link Frameworks}).
 */
final class FileLogger {

    /** Levels as Felix numbers them (and the launcher's own messages use). */
    static final int LOG_ERROR = 1;
    static final int LOG_WARNING = 2;
    static final int LOG_INFO = 3;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Path file;
    private final PrintStream console;

    FileLogger(Path file, PrintStream console) {
        this.file = file;
        this.console = console;
    }

    synchronized void write(int level, String msg, Throwable throwable) {
        String kind = switch (level) {
            case LOG_ERROR -> "ERROR";
            case LOG_WARNING -> "WARN";
            case LOG_INFO -> "INFO";
            default -> "DEBUG";
        };
        StringBuilder line = new StringBuilder(LocalDateTime.now().format(TIME)).append(' ').append(kind).append(' ')
                .append(msg).append('\n');
        if (throwable != null) {
            StringWriter sw = new StringWriter();
            throwable.printStackTrace(new PrintWriter(sw));
            line.append(sw);
        }
        // Created 0600: the log names files, users and failures, which are the service user's business only.
        try (SeekableByteChannel ch = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE), DataFolder.privateFile())) {
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(line.toString());
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
        } catch (IOException e) {
            System.err.print(line);
        }
        if (console != null && level <= LOG_WARNING) {
            console.print(line);
        }
    }
}
