package no.tilskudd.launch;

import java.io.PrintStream;
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
     * Runs a command.
     *
     * @param args the arguments after the global options, starting with the command name
     * @param out  normal output
     * @param err  errors and progress
     * @return the exit code
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
