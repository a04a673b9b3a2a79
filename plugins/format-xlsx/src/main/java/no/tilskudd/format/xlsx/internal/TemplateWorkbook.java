package no.tilskudd.format.xlsx.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.form.Choice;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FieldType;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Scheme;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes an empty form as a workbook for a case worker to fill in: labels and help in Norwegian, yellow answer cells
 * (the only unlocked cells of protected sheets), drop-downs and checked input for every answer, and a hidden sheet
 * that records which scheme, year and form version the workbook is for.
 */
final class TemplateWorkbook {

    static final String YES = "Ja";
    static final String NO = "Nei";
    private static final String BIG = "1000000000000";

    private final Scheme scheme;
    private final FormDefinition form;
    private final int year;
    private final Optional<OrgUnit> orgUnit;
    private final TemplateLayout layout;
    private XSSFWorkbook wb;
    private Cells cells;
    private Styles st;
    private XSSFSheet lists;
    private int listCount;
    private final Map<String, String> listNames = new HashMap<>();

    TemplateWorkbook(Scheme scheme, FormDefinition form, int year, Optional<OrgUnit> orgUnit) {
        this.scheme = scheme;
        this.form = form;
        this.year = year;
        this.orgUnit = orgUnit;
        this.layout = TemplateLayout.of(form);
    }

    /** The template's styles: answer cells are unlocked and yellow, everything else is locked. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle bold;
        final CellStyle header;
        final CellStyle label;
        final CellStyle plain;
        final CellStyle help;
        final CellStyle note;
        final CellStyle fixed;
        final CellStyle link;
        final Map<String, CellStyle> inputs = new HashMap<>();
        private final XSSFWorkbook wb;
        private final DataFormat df;

        Styles(XSSFWorkbook wb) {
            this.wb = wb;
            this.df = wb.createDataFormat();
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            Font boldFont = wb.createFont();
            boldFont.setBold(true);
            Font italic = wb.createFont();
            italic.setItalic(true);
            italic.setColor(IndexedColors.GREY_80_PERCENT.getIndex());
            Font linkFont = wb.createFont();
            linkFont.setUnderline(Font.U_SINGLE);
            linkFont.setColor(IndexedColors.BLUE.getIndex());
            title = wb.createCellStyle();
            title.setFont(big);
            bold = wb.createCellStyle();
            bold.setFont(boldFont);
            header = wb.createCellStyle();
            header.setFont(boldFont);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            label = wb.createCellStyle();
            label.setWrapText(true);
            label.setVerticalAlignment(VerticalAlignment.TOP);
            plain = wb.createCellStyle();
            plain.setVerticalAlignment(VerticalAlignment.TOP);
            help = wb.createCellStyle();
            help.setFont(italic);
            help.setWrapText(true);
            help.setVerticalAlignment(VerticalAlignment.TOP);
            note = wb.createCellStyle();
            note.setFont(italic);
            fixed = wb.createCellStyle();
            fixed.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            fixed.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            fixed.setVerticalAlignment(VerticalAlignment.TOP);
            link = wb.createCellStyle();
            link.setFont(linkFont);
        }

        CellStyle input(String format) {
            return inputs.computeIfAbsent(format, f -> {
                CellStyle s = wb.createCellStyle();
                s.setLocked(false);
                s.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                s.setBorderBottom(BorderStyle.THIN);
                s.setBorderTop(BorderStyle.THIN);
                s.setBorderLeft(BorderStyle.THIN);
                s.setBorderRight(BorderStyle.THIN);
                s.setBottomBorderColor(IndexedColors.GREY_50_PERCENT.getIndex());
                s.setTopBorderColor(IndexedColors.GREY_50_PERCENT.getIndex());
                s.setLeftBorderColor(IndexedColors.GREY_50_PERCENT.getIndex());
                s.setRightBorderColor(IndexedColors.GREY_50_PERCENT.getIndex());
                s.setVerticalAlignment(VerticalAlignment.TOP);
                s.setDataFormat(df.getFormat(f));
                if ("@".equals(f)) {
                    s.setWrapText(true);
                }
                return s;
            });
        }
    }

    void write(OutputStream out) throws IOException {
        wb = new XSSFWorkbook();
        try {
            cells = new Cells(wb);
            st = new Styles(wb);
            var core = wb.getProperties().getCoreProperties();
            core.setTitle(Cells.clean(form.title().nb() + " " + year));
            core.setSubjectProperty(Cells.clean(scheme.name().nb()));
            core.setCreator("Tilskudd");
            wb.getProperties().getExtendedProperties().getUnderlyingProperties().setApplication("Tilskudd");
            for (String name : layout.sheetOrder) {
                wb.createSheet(name);
            }
            lists = wb.createSheet(TemplateLayout.LISTS_SHEET);
            cover(wb.getSheet(layout.sheetOrder.get(0)));
            for (TemplateLayout.SectionSheet s : layout.sections) {
                section(s);
            }
            for (TemplateLayout.GroupSheet g : layout.groups) {
                group(g);
            }
            meta();
            lists.enableLocking();
            wb.setSheetVisibility(wb.getSheetIndex(lists), SheetVisibility.VERY_HIDDEN);
            wb.lockStructure();
            wb.setActiveSheet(0);
            wb.write(out);
        } finally {
            wb.close();
        }
    }

    // ------------------------------------------------------------------ cover and meta

    private void cover(XSSFSheet sheet) {
        cells.text(sheet.createRow(0).createCell(0), form.title().nb() + " " + year, st.title);
        cells.text(sheet.createRow(1).createCell(0), scheme.name().nb() + " (" + scheme.agency().nb() + ")", st.plain);
        fixedRow(sheet, TemplateLayout.COVER_SCHEME_ROW, "Ordning", scheme.name().nb());
        fixedRow(sheet, TemplateLayout.COVER_VERSION_ROW, "Skjemaversjon", form.version());
        Row yearRow = sheet.createRow(TemplateLayout.COVER_YEAR_ROW);
        cells.text(yearRow.createCell(0), "Rapporteringsår", st.bold);
        Cell y = yearRow.createCell(TemplateLayout.INPUT_COL);
        y.setCellValue(year);
        y.setCellStyle(st.fixed);
        Row orgRow = sheet.createRow(TemplateLayout.COVER_ORG_UNIT_ROW);
        cells.text(orgRow.createCell(0), "Kommune-/bydelsnummer *", st.bold);
        Cell org = orgRow.createCell(TemplateLayout.INPUT_COL);
        if (orgUnit.isPresent()) {
            cells.text(org, orgUnit.get().code(), st.fixed);
            fixedRow(sheet, TemplateLayout.COVER_NAME_ROW, "Navn", orgUnit.get().name());
        } else {
            org.setCellStyle(st.input("@"));
            cells.text(orgRow.createCell(TemplateLayout.HELP_COL),
                    "Kommunenummer (4 sifre) eller bydelsnummer (6 sifre), med null foran, f.eks. 0301.", st.help);
            XSSFDataValidationHelper h = new XSSFDataValidationHelper(sheet);
            DataValidation dv = h.createValidation(h.createTextLengthConstraint(OperatorType.BETWEEN, "4", "6"),
                    new CellRangeAddressList(TemplateLayout.COVER_ORG_UNIT_ROW, TemplateLayout.COVER_ORG_UNIT_ROW,
                            TemplateLayout.INPUT_COL, TemplateLayout.INPUT_COL));
            boxes(dv, "Kommune-/bydelsnummer", "4 eller 6 sifre, med null foran (f.eks. 0301).",
                    "Skriv kommunenummeret med 4 sifre eller bydelsnummeret med 6 sifre.");
            sheet.addValidationData(dv);
        }
        int r = TemplateLayout.COVER_HELP_ROW;
        cells.text(sheet.createRow(r++).createCell(0), "Slik fyller du ut skjemaet", st.bold);
        for (String line : List.of(
                "Fyll ut de gule cellene på hvert ark. De grå cellene er låst.",
                "Felt merket * må fylles ut. Bruk nedtrekkslistene der de finnes; hjelpeteksten vises når du velger "
                        + "en celle.",
                "Ikke gi arkene nye navn og ikke flytt rader eller kolonner: svarene leses etter plasseringen.",
                "Lagre som .xlsx (ikke .xlsm eller .xls). Kontroller filen med «tilskudd validate FIL.xlsx» og les "
                        + "den inn med «tilskudd import FIL.xlsx».")) {
            cells.text(sheet.createRow(r++).createCell(0), line, st.plain);
        }
        r++;
        cells.text(sheet.createRow(r++).createCell(0), "Ark i skjemaet", st.bold);
        for (String name : layout.sheetOrder.subList(1, layout.sheetOrder.size())) {
            Cell c = sheet.createRow(r++).createCell(0);
            cells.text(c, name, st.link);
            Hyperlink link = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
            link.setAddress("'" + name.replace("'", "''") + "'!A1");
            c.setHyperlink(link);
        }
        sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(1, 40 * 256);
        sheet.setColumnWidth(2, 70 * 256);
        protect(sheet);
    }

    private void fixedRow(XSSFSheet sheet, int row, String label, String value) {
        Row r = sheet.createRow(row);
        cells.text(r.createCell(0), label, st.bold);
        cells.text(r.createCell(TemplateLayout.INPUT_COL), value, st.fixed);
    }

    private void meta() {
        XSSFSheet meta = wb.createSheet(TemplateLayout.META_SHEET);
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("type", TemplateLayout.KIND);
        m.put("layout", String.valueOf(TemplateLayout.LAYOUT_VERSION));
        m.put("scheme", scheme.id());
        m.put("year", String.valueOf(year));
        m.put("formVersion", form.version());
        m.put("fingerprint", layout.fingerprint());
        m.put("orgUnit", orgUnit.map(OrgUnit::code).orElse(""));
        m.put("created", LocalDate.now().toString());
        int r = 0;
        for (Map.Entry<String, String> e : m.entrySet()) {
            Row row = meta.createRow(r++);
            cells.text(row.createCell(0), e.getKey(), null);
            cells.text(row.createCell(1), e.getValue(), null);
        }
        meta.enableLocking();
        wb.setSheetVisibility(wb.getSheetIndex(meta), SheetVisibility.VERY_HIDDEN);
    }

    // ------------------------------------------------------------------ sections

    private void section(TemplateLayout.SectionSheet s) {
        XSSFSheet sheet = wb.getSheet(s.sheet());
        cells.text(sheet.createRow(0).createCell(0), s.section().title().nb(), st.title);
        cells.text(sheet.createRow(1).createCell(0), "Fyll ut de gule cellene. Felt merket * må fylles ut.", st.note);
        Row head = sheet.createRow(TemplateLayout.SECTION_HEADER_ROW);
        cells.text(head.createCell(TemplateLayout.LABEL_COL), "Spørsmål", st.header);
        cells.text(head.createCell(TemplateLayout.INPUT_COL), "Svar", st.header);
        cells.text(head.createCell(TemplateLayout.HELP_COL), "Veiledning", st.header);
        for (TemplateLayout.Label l : s.labels()) {
            Row row = sheet.createRow(l.row());
            cells.text(row.createCell(TemplateLayout.LABEL_COL), label(l.field()), st.label);
            Cell b = row.createCell(TemplateLayout.INPUT_COL);
            if (l.group().isPresent()) {
                cells.text(b, "Fylles ut på arket «" + l.group().get() + "»", st.link);
                Hyperlink link = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
                link.setAddress("'" + l.group().get().replace("'", "''") + "'!A1");
                b.setHyperlink(link);
            } else {
                cells.text(b, "Velg Ja eller Nei for hvert alternativ", st.fixed);
            }
            cells.text(row.createCell(TemplateLayout.HELP_COL), help(l.field()), st.help);
            fitHeight(row, label(l.field()), help(l.field()));
        }
        for (TemplateLayout.Input in : s.inputs()) {
            Row row = sheet.createRow(in.row());
            Field f = in.field();
            String labelText = in.option().map(o -> "   • " + o.label().nb()).orElse(label(f));
            cells.text(row.createCell(TemplateLayout.LABEL_COL), labelText, st.label);
            Cell input = row.createCell(TemplateLayout.INPUT_COL);
            input.setCellStyle(st.input(inputFormat(f, in.option().isPresent())));
            if (in.option().isEmpty()) {
                cells.text(row.createCell(TemplateLayout.HELP_COL), help(f), st.help);
                fitHeight(row, labelText, help(f));
            }
            validate(sheet, f, in.option().isPresent(), in.row(), in.row(), TemplateLayout.INPUT_COL);
        }
        sheet.setColumnWidth(TemplateLayout.LABEL_COL, 55 * 256);
        sheet.setColumnWidth(TemplateLayout.INPUT_COL, 30 * 256);
        sheet.setColumnWidth(TemplateLayout.HELP_COL, 80 * 256);
        sheet.createFreezePane(0, TemplateLayout.SECTION_FIRST_ROW);
        protect(sheet);
    }

    /**
     * Wrapped text needs a taller row; spreadsheets do not grow rows of a file they open, so the height is set from
     * the longest text (label column 55 characters wide, help column 80).
     */
    private static void fitHeight(Row row, String label, String help) {
        int lines = Math.max(1, Math.max((label.length() + 49) / 50, (help.length() + 74) / 75));
        if (lines > 1) {
            row.setHeightInPoints(15f * lines);
        }
    }

    // ------------------------------------------------------------------ repeating groups

    private void group(TemplateLayout.GroupSheet g) {
        XSSFSheet sheet = wb.getSheet(g.sheet());
        Field group = g.group();
        cells.text(sheet.createRow(0).createCell(0), group.label().nb(), st.title);
        String intro = group.help().map(h -> h.nb() + " ").orElse("") + "Én rad per tiltak/linje; la ubrukte rader stå "
                + "tomme. Skjemaet har plass til " + g.rows() + " rader."
                + group.constraints().minRows().map(n -> " Minst " + n + " rad" + (n == 1 ? "" : "er") + ".")
                        .orElse("");
        cells.text(sheet.createRow(1).createCell(0), intro, st.note);
        Row head = sheet.createRow(TemplateLayout.GROUP_HEADER_ROW);
        Row helpRow = sheet.createRow(TemplateLayout.GROUP_HELP_ROW);
        cells.text(head.createCell(0), "Nr.", st.header);
        cells.text(helpRow.createCell(0), "", st.help);
        for (TemplateLayout.Column c : g.columns()) {
            String text = c.option().map(o -> c.field().label().nb() + ": " + o.label().nb())
                    .orElse(label(c.field()));
            cells.text(head.createCell(c.col()), text, st.header);
            cells.text(helpRow.createCell(c.col()), c.option().isPresent() ? "Ja eller Nei" : help(c.field()),
                    st.help);
            int chars = Math.max(12, Math.min(40, text.length() / 2 + 4));
            sheet.setColumnWidth(c.col(), chars * 256);
        }
        head.setHeightInPoints(45);
        helpRow.setHeightInPoints(60);
        for (int i = 0; i < g.rows(); i++) {
            Row row = sheet.createRow(TemplateLayout.GROUP_FIRST_ROW + i);
            Cell nr = row.createCell(0);
            nr.setCellValue(i + 1);
            nr.setCellStyle(st.fixed);
            for (TemplateLayout.Column c : g.columns()) {
                row.createCell(c.col()).setCellStyle(st.input(inputFormat(c.field(), c.option().isPresent())));
            }
        }
        for (TemplateLayout.Column c : g.columns()) {
            validate(sheet, c.field(), c.option().isPresent(), TemplateLayout.GROUP_FIRST_ROW, g.lastRow(), c.col());
        }
        sheet.setColumnWidth(0, 6 * 256);
        sheet.createFreezePane(1, TemplateLayout.GROUP_FIRST_ROW);
        protect(sheet);
    }

    // ------------------------------------------------------------------ shared

    private static void protect(XSSFSheet sheet) {
        ReportWorkbook.printOnePageWide(sheet);
        // Protection without a password: it guards against accidents (typing over labels, moving rows), which is
        // what breaks an import; it is not a security boundary and the importer does not rely on it.
        sheet.enableLocking();
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
    }

    static String label(Field f) {
        return f.label().nb() + (f.required() ? " *" : "");
    }

    private static String help(Field f) {
        List<String> parts = new ArrayList<>();
        f.help().ifPresent(h -> parts.add(h.nb()));
        parts.add(hint(f));
        if (f.required()) {
            parts.add("Må fylles ut.");
        } else if (f.requiredWhen().isPresent()) {
            parts.add("Må fylles ut i noen tilfeller (se veiledningen for ordningen).");
        }
        return String.join(" ", parts);
    }

    static String hint(Field f) {
        var c = f.constraints();
        return switch (f.type()) {
            case TEXT -> "Tekst" + c.maxLength().map(n -> ", høyst " + n + " tegn").orElse("") + ".";
            case INTEGER -> "Heltall" + range(f) + ".";
            case DECIMAL -> "Tall" + range(f) + ".";
            case AMOUNT -> "Beløp i kroner" + range(f) + ".";
            case PERCENT -> "Prosent, fra 0 til 100.";
            case YEAR -> "Årstall med fire sifre" + range(f) + ".";
            case DATE -> "Dato (åååå-mm-dd).";
            case BOOLEAN -> "Velg Ja eller Nei.";
            case CHOICE -> "Velg fra listen.";
            case MULTI_CHOICE -> "Velg Ja for hvert alternativ som passer.";
            case GROUP -> "Se eget ark.";
        };
    }

    private static String range(Field f) {
        Optional<BigDecimal> min = f.constraints().min();
        Optional<BigDecimal> max = f.constraints().max();
        if (min.isPresent() && max.isPresent()) {
            return ", fra " + min.get().toPlainString() + " til " + max.get().toPlainString();
        }
        if (min.isPresent()) {
            return ", minst " + min.get().toPlainString();
        }
        return max.map(m -> ", høyst " + m.toPlainString()).orElse("");
    }

    private static String inputFormat(Field f, boolean option) {
        if (option) {
            return "@";
        }
        return switch (f.type()) {
            case AMOUNT -> "#,##0.##";
            case INTEGER -> "#,##0";
            case YEAR -> "0";
            case DATE -> "yyyy-mm-dd";
            case DECIMAL, PERCENT -> "General";
            default -> "@";
        };
    }

    /** Adds the drop-down or the number/date check of one answer cell or column, with its input message. */
    private void validate(XSSFSheet sheet, Field f, boolean option, int firstRow, int lastRow, int col) {
        XSSFDataValidationHelper h = new XSSFDataValidationHelper(sheet);
        DataValidationConstraint c;
        String prompt;
        String error;
        if (option || f.type() == FieldType.BOOLEAN) {
            c = h.createExplicitListConstraint(new String[] {YES, NO});
            prompt = option ? "Ja hvis alternativet passer, ellers Nei eller tomt." : "Velg Ja eller Nei.";
            error = "Velg Ja eller Nei.";
        } else {
            String lo = f.constraints().min().map(BigDecimal::toPlainString).orElse(null);
            String hi = f.constraints().max().map(BigDecimal::toPlainString).orElse(null);
            switch (f.type()) {
                case CHOICE -> {
                    if (f.choices().isEmpty()) {
                        return;
                    }
                    c = h.createFormulaListConstraint(list(f));
                    prompt = "Velg fra listen.";
                    error = "Velg et av svarene i listen.";
                }
                case INTEGER -> {
                    c = h.createIntegerConstraint(OperatorType.BETWEEN, lo == null ? "-" + BIG : lo,
                            hi == null ? BIG : hi);
                    prompt = hint(f);
                    error = "Skriv et heltall" + range(f) + ".";
                }
                case YEAR -> {
                    c = h.createIntegerConstraint(OperatorType.BETWEEN, lo == null ? "1900" : lo,
                            hi == null ? "2100" : hi);
                    prompt = hint(f);
                    error = "Skriv et årstall med fire sifre" + range(f) + ".";
                }
                case AMOUNT -> {
                    c = h.createDecimalConstraint(OperatorType.BETWEEN, lo == null ? "0" : lo, hi == null ? BIG : hi);
                    prompt = hint(f);
                    error = "Skriv et beløp i kroner" + (lo == null ? " (0 eller mer)" : range(f)) + ".";
                }
                case PERCENT -> {
                    c = h.createDecimalConstraint(OperatorType.BETWEEN, "0", "100");
                    prompt = hint(f);
                    error = "Skriv en prosent fra 0 til 100.";
                }
                case DECIMAL -> {
                    c = h.createDecimalConstraint(OperatorType.BETWEEN, lo == null ? "-" + BIG : lo,
                            hi == null ? BIG : hi);
                    prompt = hint(f);
                    error = "Skriv et tall" + range(f) + ".";
                }
                case DATE -> {
                    c = h.createDateConstraint(OperatorType.BETWEEN, "DATE(1900,1,1)", "DATE(2100,12,31)", null);
                    prompt = hint(f);
                    error = "Skriv en dato, f.eks. 2017-02-09.";
                }
                case TEXT -> {
                    c = h.createTextLengthConstraint(OperatorType.BETWEEN, "0",
                            String.valueOf(f.constraints().maxLength().orElse(Cells.MAX_TEXT)));
                    prompt = hint(f);
                    error = "Teksten er for lang" + f.constraints().maxLength().map(n -> " (høyst " + n + " tegn)")
                            .orElse("") + ".";
                }
                default -> {
                    return;
                }
            }
        }
        DataValidation dv = h.createValidation(c, new CellRangeAddressList(firstRow, lastRow, col, col));
        String promptText = f.help().map(x -> x.nb() + " ").orElse("") + prompt;
        boxes(dv, f.label().nb(), promptText, error);
        sheet.addValidationData(dv);
    }

    private static void boxes(DataValidation dv, String title, String prompt, String error) {
        dv.setEmptyCellAllowed(true);
        dv.setShowPromptBox(true);
        dv.createPromptBox(SheetNames.cut(Cells.clean(title), 32), cut(Cells.clean(prompt), 255));
        dv.setShowErrorBox(true);
        dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
        dv.createErrorBox("Ugyldig svar", cut(Cells.clean(error), 225));
        if (dv.getValidationConstraint().getValidationType() == DataValidationConstraint.ValidationType.LIST) {
            // OOXML's showDropDown="1" means "hide the arrow"; POI's XSSF setter is the inverse of its name, so
            // true here writes showDropDown="0" and the arrow is shown
            dv.setSuppressDropDownArrow(true);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** A named range on the hidden lists sheet with the choice labels of a field, for its drop-down. */
    private String list(Field f) {
        String key = f.id() + "|" + f.choices().stream().map(Choice::code).toList();
        return listNames.computeIfAbsent(key, k -> {
            int col = listCount++;
            Row head = row(lists, 0);
            cells.text(head.createCell(col), f.id(), null);
            List<String> labels = TemplateValues.choiceLabels(f);
            for (int i = 0; i < labels.size(); i++) {
                cells.text(row(lists, i + 1).createCell(col), labels.get(i), null);
            }
            String name = "liste_" + (col + 1);
            XSSFName n = wb.createName();
            n.setNameName(name);
            String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(col);
            // a reference made from our own sheet name and positions, never from form text
            n.setRefersToFormula("'" + TemplateLayout.LISTS_SHEET + "'!$" + letter + "$2:$" + letter + "$"
                    + (labels.size() + 1));
            return name;
        });
    }

    private static Row row(XSSFSheet sheet, int r) {
        Row row = sheet.getRow(r);
        return row == null ? sheet.createRow(r) : row;
    }
}
