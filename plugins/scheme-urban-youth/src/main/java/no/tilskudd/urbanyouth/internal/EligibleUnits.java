package no.tilskudd.urbanyouth.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The cities and Oslo districts the scheme is open to, read from {@code eligible-units.csv} beside the descriptor
 * ({@code code,name,grant}, where grant is {@code block} for a block grant and {@code application} for cities that
 * apply). The list is data, so a correction is an edit of that file, not of code.
 */
final class EligibleUnits {

    /** The list shipped with the plugin. */
    static final EligibleUnits DEFAULT = load("/tilskudd/urban-youth/eligible-units.csv");

    private static final String HEADER = "code,name,grant";

    private final Map<String, String> names;

    private EligibleUnits(Map<String, String> names) {
        this.names = Collections.unmodifiableMap(names);
    }

    static EligibleUnits load(String resource) {
        try (InputStream in = EligibleUnits.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the list of eligible units " + resource + " is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = r.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalStateException(resource + ":1: the first line must be '" + HEADER + "'");
            }
            Map<String, String> names = new LinkedHashMap<>();
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 3 || !cells[0].matches("\\d{4}|\\d{6}")
                        || !(cells[2].equals("block") || cells[2].equals("application"))) {
                    throw new IllegalStateException(resource + ":" + lineNo + ": expected code,name,block|application");
                }
                names.put(cells[0], cells[1]);
            }
            return new EligibleUnits(names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** @return the eligible codes with their names, in the file's order */
    Map<String, String> names() {
        return names;
    }

    /**
     * The name of an eligible unit.
     *
     * @param code the org-unit code
     * @return the name, if the unit is eligible
     */
    Optional<String> name(String code) {
        return Optional.ofNullable(names.get(code));
    }
}
