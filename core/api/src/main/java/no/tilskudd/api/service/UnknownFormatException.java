package no.tilskudd.api.service;

import java.util.Set;
import java.util.TreeSet;

/** Thrown when no installed exporter offers a requested format. */
public class UnknownFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The format asked for. */
    private final String format;
    /** The formats that are installed. */
    private final Set<String> available;

    /**
     * Creates the exception.
     *
     * @param format    the format asked for
     * @param available the formats that are installed
     */
    public UnknownFormatException(String format, Set<String> available) {
        super("no installed exporter writes format '" + format + "'; installed: "
                + (available.isEmpty() ? "none" : String.join(", ", new TreeSet<>(available))));
        this.format = format;
        this.available = Set.copyOf(available);
    }

    /**
     * The format asked for.
     *
     * @return the format
     */
    public String format() {
        return format;
    }

    /**
     * The formats that are installed.
     *
     * @return the format ids
     */
    public Set<String> available() {
        return available;
    }
}
