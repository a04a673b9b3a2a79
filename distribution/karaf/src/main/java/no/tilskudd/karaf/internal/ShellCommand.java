package no.tilskudd.karaf.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import no.tilskudd.launch.CommandLine;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code tilskudd} commands in the Karaf shell (and through {@code bin/client}) as {@code tilskudd:COMMAND}, e.g.
 * {@code tilskudd:schemes --json}: the same commands as {@code bin/tilskudd}, run by the CLI bundle in this framework.
 * Registered as Gogo commands (scope and function properties), which Karaf's shell takes without any Karaf API in
 * this bundle; Gogo calls {@link #_main} with the command's name first when no method has that name.
 */
@Component(service = ShellCommand.class, property = {"osgi.command.scope=tilskudd",
    // The commands of no.tilskudd.cli (and those the web console adds), as TilskuddCommandLine dispatches them.
    "osgi.command.function=demo", "osgi.command.function=schemes", "osgi.command.function=validate",
    "osgi.command.function=import", "osgi.command.function=indicators", "osgi.command.function=report",
    "osgi.command.function=template", "osgi.command.function=org-units", "osgi.command.function=status",
    "osgi.command.function=deploy", "osgi.command.function=undeploy", "osgi.command.function=users",
    "osgi.command.function=grants", "osgi.command.function=responses",
    "osgi.command.function=help"})
public final class ShellCommand {

    @Reference
    private CommandLine cli;

    /**
     * Runs one command.
     *
     * @param args the command's name, then its options, as for {@code bin/tilskudd}
     * @throws CommandFailedException when the command exits with a non-zero code (the shell shows it as an error)
     */
    public void _main(String[] args) throws CommandFailedException {
        List<String> argv = List.of(args);
        // Karaf gives each shell session its own System.out while a command runs. Its System.err does not reach an
        // ssh client (bin/client), so progress and errors go to the session's output, as on a terminal.
        PrintStream out = System.out;
        // Relative paths mean Karaf's working folder, where it was started, as for a command typed there.
        int code = cli.run(argv, Path.of("").toAbsolutePath(), out, out);
        out.flush();
        if (code != CommandLine.OK) {
            throw new CommandFailedException("tilskudd:" + String.join(" ", argv) + " exited with code " + code);
        }
    }

    /** A command that did not succeed; the message names it and its exit code, as {@code bin/tilskudd} would exit. */
    public static final class CommandFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        CommandFailedException(String message) {
            super(message);
        }
    }
}
