package no.tilskudd.cli.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
                if (valueOptions.contains(name)) {
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

    /** Parses {@code 2006-2008} or {@code 2008}. */
    static int[] years(String text) {
        String[] parts = text.split("-");
        try {
            if (parts.length == 1) {
                int y = Integer.parseInt(parts[0].trim());
                return new int[] {y, y};
            }
            if (parts.length == 2) {
                int from = Integer.parseInt(parts[0].trim());
                int to = Integer.parseInt(parts[1].trim());
                if (to < from) {
                    throw new UsageException("--years " + text + ": the range ends before it starts");
                }
                return new int[] {from, to};
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException("--years must be a year or a range such as 2006-2008, not '" + text + "'");
    }
}
