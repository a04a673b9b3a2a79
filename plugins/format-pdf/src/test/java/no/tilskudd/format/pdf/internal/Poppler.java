package no.tilskudd.format.pdf.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the poppler-utils command-line tools, which read PDFs independently of the library that wrote them. */
final class Poppler {

    private Poppler() {
    }

    static String run(String tool, String... args) {
        Path exe = find(tool);
        List<String> command = new ArrayList<>();
        command.add(exe.toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(tool + " did not finish in 120 s: " + command);
            }
            if (p.exitValue() != 0) {
                fail(tool + " exited with " + p.exitValue() + " for " + command + ":\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    /** The text of a PDF, in reading order. */
    static String text(Path pdf) {
        return run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
    }

    static Path find(String tool) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, tool);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        fail(tool + " is not installed, and the PDF tests check the output with it: install poppler-utils "
                + "(Debian/Ubuntu: apt-get install poppler-utils; CI installs it in .ci/run)");
        return null;
    }
}
