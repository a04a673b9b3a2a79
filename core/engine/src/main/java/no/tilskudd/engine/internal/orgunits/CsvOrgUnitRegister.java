package no.tilskudd.engine.internal.orgunits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.engine.internal.text.NotUtf8Exception;
import no.tilskudd.engine.internal.text.Utf8Reader;

/**
 * The org-unit register, read from a CSV file with the columns {@code code,name,county,region,validFrom,validTo}.
 *
 * <p>The default register ships with the engine: the municipalities valid at any time from 2006 to 2017 and the
 * Oslo districts, with counties grouped into the five regions of the evaluation (Nord, Midt, Øst/Oslo, Vest, Sør).
 * An administrator replaces it by importing a CSV of the same shape.
 */
public final class CsvOrgUnitRegister implements OrgUnitRegister {

    /** The header a register file must start with. */
    public static final String HEADER = "code,name,county,region,validFrom,validTo";

    private static final String DEFAULT = "org-units.csv";

    private final Map<String, List<OrgUnit>> byCode;
    private final List<OrgUnit> all;
    private final List<String> regions;

    private CsvOrgUnitRegister(List<OrgUnit> units) {
        Map<String, List<OrgUnit>> map = new HashMap<>();
        for (OrgUnit u : units) {
            map.computeIfAbsent(u.code(), k -> new ArrayList<>()).add(u);
        }
        this.byCode = map;
        this.all = units.stream().sorted(Comparator.comparing(OrgUnit::code)).toList();
        this.regions = List.copyOf(new TreeSet<>(units.stream().map(OrgUnit::region).toList()));
    }

    /**
     * The register shipped with the engine.
     *
     * @return the default register
     */
    public static CsvOrgUnitRegister defaults() {
        try (InputStream in = CsvOrgUnitRegister.class.getResourceAsStream(DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException("the default org-unit register " + DEFAULT + " is missing");
            }
            return new CsvOrgUnitRegister(parse(DEFAULT, in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the default org-unit register: " + e.getMessage(), e);
        }
    }

    /**
     * The register from a file, or the default one when the file does not exist.
     *
     * @param file an imported register file
     * @return the register
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when a line is malformed (the message names the file and line)
     */
    public static CsvOrgUnitRegister fromFileOrDefaults(Path file) throws IOException {
        if (file == null || !Files.exists(file)) {
            return defaults();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new CsvOrgUnitRegister(parse(file.toString(), in));
        }
    }

    /**
     * Parses and checks a register file.
     *
     * @param name the name for messages
     * @param in   the CSV, UTF-8 (a byte-order mark is allowed; invalid bytes and UTF-16 are refused)
     * @return the org units
     * @throws IOException              when reading fails
     * @throws IllegalArgumentException naming the line and the reason when the content is malformed or not UTF-8
     */
    public static List<OrgUnit> parse(String name, InputStream in) throws IOException {
        try {
            return parse(name, new BufferedReader(new Utf8Reader(in)));
        } catch (NotUtf8Exception e) {
            throw new IllegalArgumentException(name + ":" + e.line() + ": not UTF-8: " + e.getMessage(), e);
        }
    }

    private static List<OrgUnit> parse(String name, BufferedReader reader) throws IOException {
        String header = reader.readLine();
        if (header != null && header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (header == null || !header.trim().equals(HEADER)) {
            throw new IllegalArgumentException(name + ":1: the first line must be '" + HEADER + "'");
        }
        List<OrgUnit> units = new ArrayList<>();
        String line;
        int lineNo = 1;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = splitCsv(line);
            if (cells.size() != 6) {
                throw new IllegalArgumentException(name + ":" + lineNo + ": expected 6 columns, found " + cells.size());
            }
            String code = cells.get(0).trim();
            if (!code.matches("\\d{4}|\\d{6}")) {
                throw new IllegalArgumentException(name + ":" + lineNo + ": code '" + code
                        + "' must be a 4-digit municipality or 6-digit district number");
            }
            for (int i = 1; i <= 3; i++) {
                if (cells.get(i).isBlank()) {
                    throw new IllegalArgumentException(name + ":" + lineNo + ": column "
                            + HEADER.split(",")[i] + " is empty");
                }
            }
            Optional<Integer> from = year(name, lineNo, "validFrom", cells.get(4));
            Optional<Integer> to = year(name, lineNo, "validTo", cells.get(5));
            if (from.isPresent() && to.isPresent() && to.get() < from.get()) {
                throw new IllegalArgumentException(name + ":" + lineNo + ": validTo is before validFrom");
            }
            units.add(new OrgUnit(code, cells.get(1).trim(), cells.get(2).trim(), cells.get(3).trim(), from, to));
        }
        return units;
    }

    private static Optional<Integer> year(String name, int line, String column, String cell) {
        String t = cell.trim();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ":" + line + ": " + column + " '" + t + "' is not a year");
        }
    }

    /** Splits one CSV line, honouring double quotes (RFC 4180, without line breaks inside cells). */
    public static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @Override
    public Optional<OrgUnit> find(String code, int year) {
        List<OrgUnit> candidates = byCode.get(code);
        if (candidates == null) {
            return Optional.empty();
        }
        for (OrgUnit u : candidates) {
            if (u.validIn(year)) {
                return Optional.of(u);
            }
        }
        return Optional.of(candidates.get(0));
    }

    @Override
    public List<OrgUnit> all() {
        return all;
    }

    @Override
    public List<String> regions() {
        return regions;
    }

    /** A register built from a file cannot replace itself; the hosted component does that. */
    @Override
    public int replace(String name, InputStream csv) {
        throw new UnsupportedOperationException("this register is read-only; replace it through the host");
    }
}
