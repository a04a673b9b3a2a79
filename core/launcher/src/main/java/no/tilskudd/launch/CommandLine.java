package no.tilskudd.launch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/** The command line, registered as a service by the CLI bundle and called by the launcher. */
@ConsumerType
public interface CommandLine {

    /** Exit code: success. */
    int OK = 0;
    /** Exit code: violations found, or the command failed. */
    int FAILED = 1;
    /** Exit code: the command was used wrongly. */
    int USAGE = 2;

    /**
     * Runs a command. It may run inside a serving host on behalf of a one-shot {@code tilskudd} started elsewhere,
     * so it resolves every relative path it is given against {@code workingDirectory}, never against the process's
     * own working directory, and writes only to {@code out} and {@code err}.
     *
     * @param args             the arguments after the global options, starting with the command name
     * @param workingDirectory the absolute folder against which relative paths in {@code args} are resolved
     * @param out              normal output
     * @param err              errors and progress
     * @return the exit code
     */
    int run(List<String> args, Path workingDirectory, PrintStream out, PrintStream err);
}
