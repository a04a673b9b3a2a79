package no.tilskudd.format.xlsx.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.submission.ImportedSubmission;
import no.tilskudd.api.submission.ReadProblem;
import no.tilskudd.api.submission.ReadResult;
import no.tilskudd.api.submission.SourcePosition;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.SubmissionImporter.SchemeLookup;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a filled-in template back into a submission, once {@link GuardedWorkbook} has found the file safe to open;
 * anything wrong with the content becomes a {@link ReadProblem}, and only a failure to read the input stream is
 * thrown.
 */
final class TemplateReader {

    /** A filled-in form is a few dozen kilobytes; a workbook of this size is not one. */
    static final long MAX_FILE_BYTES = GuardedWorkbook.MAX_FILE_BYTES;

    private final String fileName;
    private final SchemeLookup schemes;
    private final List<ReadProblem> problems = new ArrayList<>();
    /** How far the last {@link WorkbookScan} read, for tests that check that it stopped early. */
    private Optional<WorkbookScan.Result> scanned = Optional.empty();

    TemplateReader(String fileName, SchemeLookup schemes) {
        this.fileName = fileName;
        this.schemes = schemes;
    }

    ReadResult read(InputStream in) throws IOException {
        return GuardedWorkbook.read(fileName, in, this::readWorkbook, this::problem,
                scan -> scanned = Optional.of(scan));
    }

    /** What the last read's scan of the sheets and texts looked at; empty if it did not get that far. */
    Optional<WorkbookScan.Result> scanned() {
        return scanned;
    }

    // ------------------------------------------------------------------ the workbook

    private ReadResult readWorkbook(XSSFWorkbook wb) {
        XSSFSheet metaSheet = wb.getSheet(TemplateLayout.META_SHEET);
        Map<String, String> meta = metaSheet == null ? Map.of() : meta(metaSheet);
        if (!TemplateLayout.KIND.equals(meta.get("type"))) {
            return problem("", "XLSX_NOT_A_TEMPLATE", notATemplate(wb));
        }
        int layoutVersion = parseInt(meta.get("layout"), -1);
        if (layoutVersion != TemplateLayout.LAYOUT_VERSION) {
            return problem("", "TEMPLATE_VERSION", "the template has layout version " + meta.get("layout")
                    + "; this plugin reads version " + TemplateLayout.LAYOUT_VERSION + " (make a new template)");
        }
        String schemeId = meta.getOrDefault("scheme", "");
        int year = parseInt(meta.get("year"), -1);
        String version = meta.getOrDefault("formVersion", "");
        Optional<Scheme> scheme = schemes.scheme(schemeId);
        if (scheme.isEmpty()) {
            return problem("", "TEMPLATE_SCHEME_UNKNOWN", "the workbook is a template for scheme '" + schemeId
                    + "', year " + year + ", form version " + version + ", and that scheme is not installed");
        }
        Optional<FormDefinition> form = scheme.get().form(version);
        if (form.isEmpty()) {
            return problem("", "TEMPLATE_FORM_UNKNOWN", "the workbook is a template for scheme '" + schemeId
                    + "' form version " + version + ", which the installed scheme does not have (it has "
                    + scheme.get().formVersions() + "); make a new template");
        }
        if (!form.get().coversYear(year)) {
            return problem("", "TEMPLATE_YEAR", "the workbook is a template for scheme '" + schemeId + "' year "
                    + year + ", but form version " + version + " is for " + form.get().firstYear() + "–"
                    + form.get().lastYear() + "; make a new template for " + year);
        }
        TemplateLayout layout;
        try {
            layout = TemplateLayout.of(form.get());
        } catch (IllegalArgumentException e) {
            return problem("", "TEMPLATE_FORM_UNSUPPORTED", e.getMessage());
        }
        if (!layout.fingerprint().equals(meta.get("fingerprint"))) {
            return problem("", "TEMPLATE_FORM_CHANGED", "the workbook was made from another definition of scheme '"
                    + schemeId + "' form version " + version + " than the one installed (fields or code lists "
                    + "differ); make a new template and copy the answers into it");
        }
        for (String sheet : layout.sheetOrder) {
            if (wb.getSheet(sheet) == null) {
                return problem("", "TEMPLATE_SHEET_MISSING", "the template's sheet '" + sheet + "' is missing (sheets "
                        + "must not be renamed or deleted)");
            }
        }
        return new ReadResult(List.of(submission(wb, layout, schemeId, year, version)), problems);
    }

    private ImportedSubmission submission(XSSFWorkbook wb, TemplateLayout layout, String schemeId, int year,
            String version) {
        Map<String, SourcePosition> positions = new HashMap<>();
        XSSFSheet cover = wb.getSheet(layout.sheetOrder.get(0));
        String coverName = cover.getSheetName();
        Object yearCell = TemplateValues.raw(at(cover, TemplateLayout.COVER_YEAR_ROW, TemplateLayout.INPUT_COL));
        if (!(yearCell instanceof TemplateValues.Num n) || n.value() != year) {
            problems.add(new ReadProblem(pos(cell(coverName, TemplateLayout.COVER_YEAR_ROW, TemplateLayout.INPUT_COL)),
                    "TEMPLATE_YEAR_CHANGED", "the reporting year was changed to " + TemplateValues.text(yearCell)
                            + "; the template is for " + year + " (make a template for the other year)"));
        }
        positions.put("year", pos(cell(coverName, TemplateLayout.COVER_YEAR_ROW, TemplateLayout.INPUT_COL)));
        positions.put("scheme", pos(cell(coverName, TemplateLayout.COVER_SCHEME_ROW, TemplateLayout.INPUT_COL)));
        positions.put("formVersion", pos(cell(coverName, TemplateLayout.COVER_VERSION_ROW, TemplateLayout.INPUT_COL)));
        String orgCell = cell(coverName, TemplateLayout.COVER_ORG_UNIT_ROW, TemplateLayout.INPUT_COL);
        positions.put("orgUnit", pos(orgCell));
        String orgUnit = orgUnit(TemplateValues.raw(at(cover, TemplateLayout.COVER_ORG_UNIT_ROW,
                TemplateLayout.INPUT_COL)));

        // answers in form order, whichever sheet they are on
        Map<String, Object> found = new HashMap<>();
        for (TemplateLayout.SectionSheet s : layout.sections) {
            XSSFSheet sheet = wb.getSheet(s.sheet());
            Map<String, List<String>> chosen = new LinkedHashMap<>();
            for (TemplateLayout.Input in : s.inputs()) {
                Field f = in.field();
                String where = cell(s.sheet(), in.row(), TemplateLayout.INPUT_COL);
                Object raw = TemplateValues.raw(at(sheet, in.row(), TemplateLayout.INPUT_COL));
                if (in.option().isPresent()) {
                    List<String> codes = chosen.computeIfAbsent(f.id(), k -> new ArrayList<>());
                    positions.putIfAbsent(f.id(), pos(where));
                    option(in.option().get().code(), raw, codes, f.id(), where, positions);
                    continue;
                }
                positions.put(f.id(), pos(where));
                if (!TemplateValues.blank(raw)) {
                    found.put(f.id(), TemplateValues.value(f, raw));
                }
            }
            chosen.forEach((id, codes) -> {
                if (!codes.isEmpty()) {
                    found.put(id, codes);
                }
            });
        }
        for (TemplateLayout.GroupSheet g : layout.groups) {
            readGroup(wb.getSheet(g.sheet()), g, found, positions);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : layout.form.fields()) {
            if (found.containsKey(f.id())) {
                values.put(f.id(), found.get(f.id()));
            }
        }
        Submission s = new Submission(schemeId, year, orgUnit, Optional.of(version), values);
        return new ImportedSubmission(s, new SourcePosition(fileName, ""), positions);
    }

    /** One Ja/Nei cell of a multi-choice: a yes adds the option's code; text that is neither is passed on. */
    private void option(String code, Object raw, List<String> codes, String path, String where,
            Map<String, SourcePosition> positions) {
        if (TemplateValues.blank(raw)) {
            return;
        }
        Object yes = TemplateValues.yesNo(raw);
        if (!Boolean.FALSE.equals(yes)) {
            positions.put(path + "[" + codes.size() + "]", pos(where));
            codes.add(Boolean.TRUE.equals(yes) ? code : String.valueOf(yes));
        }
    }

    private void readGroup(XSSFSheet sheet, TemplateLayout.GroupSheet g, Map<String, Object> found,
            Map<String, SourcePosition> positions) {
        String groupId = g.group().id();
        positions.put(groupId, pos(cell(g.sheet(), TemplateLayout.GROUP_FIRST_ROW, 1)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = TemplateLayout.GROUP_FIRST_ROW; r <= g.lastRow(); r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            Map<String, String> rowPositions = new HashMap<>();
            Map<String, List<String>> chosen = new LinkedHashMap<>();
            Map<String, List<String>> chosenAt = new HashMap<>();
            boolean any = false;
            for (TemplateLayout.Column c : g.columns()) {
                Object raw = TemplateValues.raw(at(sheet, r, c.col()));
                String where = cell(g.sheet(), r, c.col());
                Field f = c.field();
                rowPositions.putIfAbsent(f.id(), where);
                if (TemplateValues.blank(raw)) {
                    continue;
                }
                any = true;
                if (c.option().isPresent()) {
                    Object yes = TemplateValues.yesNo(raw);
                    if (!Boolean.FALSE.equals(yes)) {
                        chosen.computeIfAbsent(f.id(), k -> new ArrayList<>())
                                .add(Boolean.TRUE.equals(yes) ? c.option().get().code() : String.valueOf(yes));
                        chosenAt.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(where);
                    }
                } else {
                    row.put(f.id(), TemplateValues.value(f, raw));
                }
            }
            if (!any) {
                continue;
            }
            int index = rows.size();
            String prefix = groupId + "[" + index + "]";
            positions.put(prefix, pos(cell(g.sheet(), r, 1)));
            rowPositions.forEach((id, where) -> positions.put(prefix + "." + id, pos(where)));
            chosenAt.forEach((id, cellsOf) -> {
                for (int i = 0; i < cellsOf.size(); i++) {
                    positions.put(prefix + "." + id + "[" + i + "]", pos(cellsOf.get(i)));
                }
            });
            Map<String, Object> ordered = new LinkedHashMap<>();
            for (Field f : g.group().fields()) {
                if (row.containsKey(f.id())) {
                    ordered.put(f.id(), row.get(f.id()));
                } else if (chosen.containsKey(f.id())) {
                    ordered.put(f.id(), chosen.get(f.id()));
                }
            }
            rows.add(ordered);
        }
        // Rows typed under the template's last row (after lifting the protection) would silently be lost.
        outside:
        for (int r = g.lastRow() + 1; r <= sheet.getLastRowNum(); r++) {
            for (TemplateLayout.Column c : g.columns()) {
                if (!TemplateValues.blank(TemplateValues.raw(at(sheet, r, c.col())))) {
                    problems.add(new ReadProblem(pos(cell(g.sheet(), r, c.col())), "TEMPLATE_ROW_OUTSIDE",
                            "answers below the template's last row (" + (g.lastRow() + 1) + ") are not read; the "
                                    + "template has room for " + g.rows() + " rows"));
                    break outside;
                }
            }
        }
        if (!rows.isEmpty()) {
            found.put(groupId, rows);
        }
    }

    private static String orgUnit(Object raw) {
        if (raw instanceof TemplateValues.Num n && n.value() >= 0 && n.value() == Math.rint(n.value())) {
            long v = (long) n.value();
            // a code typed into a number cell lost its leading zero: 301 was 0301, 30101 was 030101
            return v < 10_000 ? String.format("%04d", v) : String.format("%06d", v);
        }
        return TemplateValues.blank(raw) ? "" : TemplateValues.text(raw).trim();
    }

    private static Map<String, String> meta(XSSFSheet sheet) {
        Map<String, String> m = new HashMap<>();
        for (Row r : sheet) {
            Object k = TemplateValues.raw(r.getCell(0));
            Object v = TemplateValues.raw(r.getCell(1));
            if (k != null) {
                m.put(TemplateValues.text(k), v == null ? "" : TemplateValues.text(v));
            }
            if (m.size() > 100) {
                break;
            }
        }
        return m;
    }

    private static String notATemplate(XSSFWorkbook wb) {
        List<String> sheets = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets() && i < 8; i++) {
            sheets.add(wb.getSheetName(i));
        }
        String creator = wb.getProperties().getCoreProperties().getCreator();
        boolean report = "Tilskudd".equals(creator) && wb.getSheet(TemplateLayout.META_SHEET) == null
                && (wb.getSheet("Forside") != null || wb.getSheet("Cover") != null);
        String what = report ? "a Tilskudd report workbook" : "a workbook with the sheets " + sheets;
        return "the file is " + what + ", not a filled-in Tilskudd form template; make a template with "
                + "'tilskudd template --scheme S --year Y --format xlsx --out FILE.xlsx' and fill that in";
    }

    private static int parseInt(String s, int otherwise) {
        if (s == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static Cell at(XSSFSheet sheet, int row, int col) {
        Row r = sheet.getRow(row);
        return r == null ? null : r.getCell(col);
    }

    /** A cell as the API names it: {@code 'Tiltak'!C7}. */
    static String cell(String sheet, int row, int col) {
        return "'" + sheet.replace("'", "''") + "'!" + new CellReference(row, col).formatAsString();
    }

    private SourcePosition pos(String location) {
        return new SourcePosition(fileName, location);
    }

    private ReadResult problem(String location, String code, String message) {
        return new ReadResult(List.of(), List.of(new ReadProblem(pos(location), code, message)));
    }
}
