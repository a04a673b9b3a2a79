package no.tilskudd.engine.internal.grants;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.service.Finding;
import no.tilskudd.api.service.OrgUnitRegister;
import no.tilskudd.api.service.SchemeRegistry;
import no.tilskudd.api.store.Grant;
import no.tilskudd.api.submission.RowReader;
import no.tilskudd.api.submission.SourcePosition;
import no.tilskudd.api.submission.SubmissionKey;

/**
 * Checks the rows of a grant register file and turns them into grants. Every problem is a finding with the file,
 * the row (a line number, or a cell in a workbook), the column name as its path, a code and the reason; the caller
 * stores nothing when there is any.
 */
final class GrantRows {

    /** The columns, in the order the documentation and the demo file give them. */
    static final List<String> COLUMNS = List.of("scheme", "schemeName", "year", "orgUnit", "amount", "decisionDate",
            "caseNumber", "reportingDeadline");
    static final List<String> REQUIRED = List.of("scheme", "year", "orgUnit", "amount");

    /** A scheme id as installed schemes have them: lower case, digits and hyphens. */
    private static final Pattern SCHEME_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern AMOUNT = Pattern.compile("-?[0-9]{1,13}(\\.[0-9]+)?");
    private static final int MAX_NAME = 200;
    private static final int MAX_CASE_NUMBER = 64;

    private final SchemeRegistry schemes;
    private final OrgUnitRegister orgUnits;

    GrantRows(SchemeRegistry schemes, OrgUnitRegister orgUnits) {
        this.schemes = schemes;
        this.orgUnits = orgUnits;
    }

    /** The grants of a file and where each was, or the findings that refuse it. */
    static final class Checked {
        final List<Grant> grants = new ArrayList<>();
        final List<SourcePosition> positions = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();
        int rows;
        int rejected;

        boolean hasErrors() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        }
    }

    Checked check(String file, RowReader.Rows read) {
        Checked out = new Checked();
        read.problems().forEach(p -> out.findings.add(new Finding(p.position(), "", Severity.ERROR, p.code(),
                LocalizedText.of(p.message()))));
        if (!read.problems().isEmpty()) {
            return out;
        }
        if (read.rows().isEmpty()) {
            out.findings.add(error(new SourcePosition(file, ""), "", "NO_GRANTS",
                    "Filen er tom; første rad skal være overskriftene " + String.join(",", COLUMNS) + ".",
                    "The file is empty; its first row must be the headings " + String.join(",", COLUMNS) + "."));
            return out;
        }
        RowReader.Row header = read.rows().get(0);
        Map<String, Integer> columns = header(file, read, header, out);
        if (out.hasErrors()) {
            return out;
        }
        if (read.rows().size() == 1) {
            out.findings.add(error(where(file, read, header.number(), -1), "", "NO_GRANTS",
                    "Filen har overskrifter, men ingen tildelinger.", "The file has headings but no grants."));
            return out;
        }
        Map<SubmissionKey, SourcePosition> seen = new HashMap<>();
        Map<String, String> namesInFile = new HashMap<>();
        for (RowReader.Row row : read.rows().subList(1, read.rows().size())) {
            out.rows++;
            int before = out.findings.size();
            Grant g = row(file, read, row, columns, out, namesInFile);
            if (g != null) {
                SourcePosition at = where(file, read, row.number(), -1);
                SourcePosition earlier = seen.putIfAbsent(g.key(), at);
                if (earlier != null) {
                    out.findings.add(error(at, "", "DUPLICATE_IN_FILE",
                            "Samme tildeling (" + g.key() + ") står også på " + earlier + ".",
                            "The same grant (" + g.key() + ") is also at " + earlier + "."));
                } else {
                    out.grants.add(g);
                    out.positions.add(at);
                }
            }
            if (out.findings.size() > before) {
                out.rejected++;
            }
        }
        return out;
    }

    private Map<String, Integer> header(String file, RowReader.Rows read, RowReader.Row header, Checked out) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        Map<String, String> known = new HashMap<>();
        COLUMNS.forEach(c -> known.put(c.toLowerCase(Locale.ROOT), c));
        for (int i = 0; i < header.cells().size(); i++) {
            String cell = header.cells().get(i).strip();
            if (i == 0 && cell.startsWith("\uFEFF")) {
                cell = cell.substring(1);
            }
            SourcePosition at = where(file, read, header.number(), i);
            if (cell.isEmpty()) {
                if (i < header.cells().size() - 1) {
                    out.findings.add(error(at, "", "UNKNOWN_COLUMN", "Kolonne " + (i + 1) + " har ingen overskrift.",
                            "Column " + (i + 1) + " has no heading."));
                }
                continue;
            }
            String name = known.get(cell.toLowerCase(Locale.ROOT));
            if (name == null) {
                out.findings.add(error(at, cell, "UNKNOWN_COLUMN", "Ukjent kolonne «" + cell + "»; kolonnene er "
                        + String.join(", ", COLUMNS) + ".", "Unknown column '" + cell + "'; the columns are "
                        + String.join(", ", COLUMNS) + "."));
            } else if (columns.putIfAbsent(name, i) != null) {
                out.findings.add(error(at, name, "DUPLICATE_COLUMN", "Kolonnen " + name + " står to ganger.",
                        "Column " + name + " is there twice."));
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                out.findings.add(error(where(file, read, header.number(), -1), required, "MISSING_COLUMN",
                        "Kolonnen " + required + " mangler i overskriftsraden.",
                        "Column " + required + " is missing from the header row."));
            }
        }
        return columns;
    }

    /** One row's grant, or null when it has errors (added to the findings). */
    private Grant row(String file, RowReader.Rows read, RowReader.Row row, Map<String, Integer> columns,
            Checked out, Map<String, String> namesInFile) {
        int errors = out.findings.size();
        int width = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        for (int i = width; i < row.cells().size(); i++) {
            if (!row.cells().get(i).isBlank()) {
                out.findings.add(error(where(file, read, row.number(), i), "", "EXTRA_CELL",
                        "Raden har en verdi i kolonne " + (i + 1) + ", som ikke har noen overskrift.",
                        "The row has a value in column " + (i + 1) + ", which has no heading."));
                break;
            }
        }
        Cells cells = new Cells(file, read, row, columns, out);
        String scheme = cells.required("scheme");
        if (scheme != null && !SCHEME_ID.matcher(scheme).matches()) {
            cells.error("scheme", "BAD_SCHEME_ID", "Ordnings-id «" + scheme + "» kan bare ha små bokstaver a–z, "
                    + "sifre og bindestrek (for eksempel unge-utenfor).", "Scheme id '" + scheme + "' may only "
                    + "have lower-case letters a-z, digits and hyphens (for example unge-utenfor).");
            scheme = null;
        }
        Optional<String> schemeName = cells.optional("schemeName");
        if (schemeName.isPresent() && schemeName.get().length() > MAX_NAME) {
            cells.error("schemeName", "TOO_LONG", "Navnet er lengre enn " + MAX_NAME + " tegn.",
                    "The name is longer than " + MAX_NAME + " characters.");
        }
        if (scheme != null) {
            boolean installed = schemes.scheme(scheme).isPresent();
            if (!installed && schemeName.isEmpty()) {
                cells.error("schemeName", "SCHEME_NOT_NAMED", "Ordningen «" + scheme + "» er ikke installert; "
                        + "gi navnet dens i kolonnen schemeName.", "Scheme '" + scheme + "' is not installed; "
                        + "give its name in column schemeName.");
            }
            if (schemeName.isPresent()) {
                String first = namesInFile.putIfAbsent(scheme, schemeName.get());
                if (first != null && !first.equals(schemeName.get())) {
                    cells.error("schemeName", "SCHEME_NAME_CONFLICT", "Ordningen «" + scheme + "» har et annet "
                            + "navn lenger opp i filen: «" + first + "».", "Scheme '" + scheme + "' has another "
                            + "name higher up in the file: '" + first + "'.");
                }
            }
        }
        Integer year = null;
        String y = cells.required("year");
        if (y != null) {
            if (y.matches("[0-9]{4}") && Integer.parseInt(y) >= 1900 && Integer.parseInt(y) <= 2100) {
                year = Integer.parseInt(y);
            } else {
                cells.error("year", "BAD_YEAR", "«" + y + "» er ikke et årstall (fire sifre).",
                        "'" + y + "' is not a year (four digits).");
            }
        }
        String unit = cells.required("orgUnit");
        if (unit != null && year != null) {
            Optional<OrgUnit> found = orgUnits.find(unit, year);
            if (found.isEmpty()) {
                // Excel drops the leading zero of 0301 in a number cell; say so rather than only "unknown".
                boolean lostZero = unit.matches("[0-9]{3}|[0-9]{5}") && orgUnits.find("0" + unit, year).isPresent();
                cells.error("orgUnit", "UNKNOWN_ORG_UNIT", "Org-enheten «" + unit + "» finnes ikke i registeret "
                        + "over kommuner og bydeler." + (lostZero ? " Mente du 0" + unit + "? En tallcelle mister "
                        + "nullen foran; formater kolonnen som tekst." : ""), "Org unit '" + unit + "' is not in "
                        + "the org-unit register." + (lostZero ? " Did you mean 0" + unit + "? A number cell loses "
                        + "the leading zero; format the column as text." : ""));
            } else if (!found.get().validIn(year)) {
                cells.error("orgUnit", "ORG_UNIT_NOT_VALID", "Org-enheten " + unit + " (" + found.get().name()
                        + ") fantes ikke i " + year + " ifølge registeret.", "Org unit " + unit + " ("
                        + found.get().name() + ") did not exist in " + year + " according to the register.");
            }
        }
        BigDecimal amount = null;
        String a = cells.required("amount");
        if (a != null) {
            if (!AMOUNT.matcher(a).matches()) {
                cells.error("amount", "BAD_AMOUNT", "«" + a + "» er ikke et beløp i kroner (sifre, eventuelt med "
                        + "punktum og øre, uten mellomrom).", "'" + a + "' is not an amount in NOK (digits, "
                        + "optionally a point and øre, no spaces).");
            } else {
                BigDecimal value = new BigDecimal(a);
                if (value.signum() < 0) {
                    cells.error("amount", "NEGATIVE_AMOUNT", "Beløpet " + a + " er negativt.",
                            "The amount " + a + " is negative.");
                } else if (value.stripTrailingZeros().scale() > 2) {
                    cells.error("amount", "BAD_AMOUNT", "Beløpet " + a + " har mer enn to desimaler (øre).",
                            "The amount " + a + " has more than two decimals (øre).");
                } else {
                    amount = value;
                }
            }
        }
        Optional<LocalDate> decided = cells.date("decisionDate");
        Optional<String> caseNumber = cells.optional("caseNumber");
        if (caseNumber.isPresent() && caseNumber.get().length() > MAX_CASE_NUMBER) {
            cells.error("caseNumber", "TOO_LONG", "Saksnummeret er lengre enn " + MAX_CASE_NUMBER + " tegn.",
                    "The case number is longer than " + MAX_CASE_NUMBER + " characters.");
        }
        Optional<LocalDate> deadline = cells.date("reportingDeadline");
        if (out.findings.size() > errors) {
            return null;
        }
        return new Grant(scheme, schemeName, year, unit, amount, decided, caseNumber, deadline);
    }

    /** The cells of one row by column name, adding a finding for each bad one. */
    private static final class Cells {
        private final String file;
        private final RowReader.Rows read;
        private final RowReader.Row row;
        private final Map<String, Integer> columns;
        private final Checked out;

        Cells(String file, RowReader.Rows read, RowReader.Row row, Map<String, Integer> columns, Checked out) {
            this.file = file;
            this.read = read;
            this.row = row;
            this.columns = columns;
            this.out = out;
        }

        Optional<String> optional(String column) {
            Integer i = columns.get(column);
            if (i == null || i >= row.cells().size()) {
                return Optional.empty();
            }
            String v = row.cells().get(i).strip();
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        }

        String required(String column) {
            Optional<String> v = optional(column);
            if (v.isEmpty()) {
                error(column, "MISSING_VALUE", "Kolonnen " + column + " er tom.", "Column " + column
                        + " is empty.");
                return null;
            }
            return v.get();
        }

        Optional<LocalDate> date(String column) {
            Optional<String> v = optional(column);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(LocalDate.parse(v.get()));
            } catch (DateTimeParseException e) {
                error(column, "BAD_DATE", "«" + v.get() + "» er ikke en dato på formen ÅÅÅÅ-MM-DD.",
                        "'" + v.get() + "' is not a date of the form YYYY-MM-DD.");
                return Optional.empty();
            }
        }

        void error(String column, String code, String nb, String en) {
            Integer i = columns.get(column);
            out.findings.add(GrantRows.error(where(file, read, row.number(), i == null ? -1 : i), column, code,
                    nb, en));
        }
    }

    static Finding error(SourcePosition at, String column, String code, String nb, String en) {
        return new Finding(at, column, Severity.ERROR, code, new LocalizedText(nb, en));
    }

    /**
     * A row's position: its line in a text file, or its cell ({@code 'Tildelinger'!E3}) in a workbook, the row's
     * first cell when the problem is with the row as a whole.
     */
    static SourcePosition where(String file, RowReader.Rows read, int row, int column) {
        if (read.sheet().isEmpty()) {
            return new SourcePosition(file, Integer.toString(row));
        }
        return new SourcePosition(file, "'" + read.sheet().get().replace("'", "''") + "'!"
                + columnLetters(Math.max(column, 0)) + row);
    }

    static String columnLetters(int index) {
        StringBuilder s = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            s.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return s.toString();
    }
}
