package no.tilskudd.cli.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.indicator.YearRange;

/** Parsed arguments of one command: options with values, flags, and positional arguments. */
final class Args {

    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();

    /** Thrown for wrong usage; the command line turns it into exit code 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** The language option every command accepts, whether or not it prints anything that has a language. */
    static final String LANG = "--lang";

    static Args parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions) {
        Args a = new Args();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.startsWith("--")) {
                String name = s;
                String value = null;
                int eq = s.indexOf('=');
                if (eq > 0) {
                    name = s.substring(0, eq);
                    value = s.substring(eq + 1);
                }
                if (valueOptions.contains(name) || name.equals(LANG)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    a.options.put(name, value);
                } else if (flagOptions.contains(name) && value == null) {
                    a.flags.add(name);
                } else {
                    throw new UsageException("unknown option " + name);
                }
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    String required(String name) {
        return option(name).orElseThrow(() -> new UsageException(name + " is required"));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    List<String> positional() {
        return positional;
    }

    /**
     * Reads {@code 2006-2008} or {@code 2008} by the rule the HTTP API uses ({@link YearRange}): the same text is
     * refused by both, for the same reason.
     */
    static int[] years(String option, String text) {
        try {
            YearRange r = YearRange.parse(text);
            return new int[] {r.from(), r.to()};
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " " + e.getMessage());
        }
    }

    /** Reads one year by the API's rule. */
    static int year(String option, String text) {
        try {
            return YearRange.year(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " " + e.getMessage());
        }
    }

    /**
     * A file to write, resolved against the working directory. Its folder must exist: creating folders for a
     * mistyped path would scatter reports (with their figures) in places nobody looks.
     */
    static Path outputFile(Path cwd, String name) {
        Path target = resolve(cwd, name);
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException("--out " + name + ": is a directory; name the file to write");
        }
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("--out " + name + ": the folder " + parent + " does not exist; "
                    + "create it first");
        }
        return target;
    }

    /** A folder to write into; it may be created, but only inside a folder that exists. */
    static Path outputFolder(Path cwd, String name) {
        Path target = resolve(cwd, name);
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IllegalArgumentException("--out " + name + ": is a file, not a folder");
        }
        Path parent = target.getParent();
        if (!Files.isDirectory(target) && (parent == null || !Files.isDirectory(parent))) {
            throw new IllegalArgumentException("--out " + name + ": the folder " + parent + " does not exist; "
                    + "create it first");
        }
        return target;
    }

    private static Path resolve(Path cwd, String name) {
        try {
            return cwd.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw new UsageException("'" + name + "' is not a file name: " + e.getReason());
        }
    }
}
