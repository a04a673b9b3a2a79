package no.tilskudd.format.xlsx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.form.Constraints;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FieldType;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.form.Section;
import no.tilskudd.api.scheme.OrgUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The template of the example form, read back with POI. */
class XlsxTemplateExporterTest {

    private static XSSFWorkbook wb;

    @BeforeAll
    static void write() throws IOException {
        wb = new XSSFWorkbook(new ByteArrayInputStream(Example.template(Optional.empty())));
    }

    @Test
    void oneSheetPerSectionAndATableSheetForTheMeasures() {
        List<String> visible = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            if (wb.getSheetVisibility(i) == SheetVisibility.VISIBLE) {
                visible.add(wb.getSheetName(i));
            }
        }
        assertEquals(List.of("Forside", "Tilskudd og finansiering", "Måloppnåelse", "Tiltak"), visible);
        XSSFSheet grant = wb.getSheet(Example.GRANT);
        assertEquals("Tilskudd og finansiering", grant.getRow(0).getCell(0).getStringCellValue());
        Row first = grant.getRow(3);
        assertEquals("Tildelt tilskudd (kr) *", first.getCell(0).getStringCellValue(), "label, starred if required");
        assertTrue(first.getCell(2).getStringCellValue().startsWith("Beløpet i tilsagnsbrevet."), "help in C");
        XSSFSheet measures = wb.getSheet(Example.MEASURES);
        List<String> headers = new ArrayList<>();
        measures.getRow(2).forEach(c -> headers.add(c.getStringCellValue()));
        assertEquals(List.of("Nr.", "Navn på tiltaket *", "Kategori *", "Antall barn og unge som deltok",
                "Antall familier som deltok", "Midler brukt på tiltaket (kr)", "Gjennomsnittsalder for deltakerne",
                "Nytt eller videreført tiltak *", "Hvis videreføring, hvilket år fikk tiltaket støtte første gang?"),
                headers);
        assertEquals(50.0, measures.getRow(4 + 49).getCell(0).getNumericCellValue(), "maxRows 50 empty rows");
        assertTrue(measures.getRow(4 + 50) == null, "and no more");
    }

    @Test
    void everyAnswerCellHasAValidationWithAnInputMessage() {
        XSSFSheet grant = wb.getSheet(Example.GRANT);
        XSSFDataValidation amount = validationAt(grant, 3, 1);
        assertEquals(DataValidationConstraint.ValidationType.DECIMAL, amount.getValidationConstraint()
                .getValidationType());
        assertEquals("0", amount.getValidationConstraint().getFormula1(), "amounts cannot be negative");
        assertTrue(amount.getShowPromptBox());
        assertTrue(amount.getPromptBoxText().contains("Beløpet i tilsagnsbrevet."), amount.getPromptBoxText());
        assertTrue(amount.getShowErrorBox());
        assertEquals(DataValidation.ErrorStyle.STOP, amount.getErrorStyle());
        XSSFDataValidation percent = validationAt(grant, 5, 1);
        assertEquals("100", percent.getValidationConstraint().getFormula2());
        assertEquals(DataValidationConstraint.ValidationType.DATE, validationAt(grant, 6, 1).getValidationConstraint()
                .getValidationType());

        XSSFSheet goals = wb.getSheet(Example.GOALS);
        XSSFDataValidation choice = validationAt(goals, 3, 1);
        assertEquals(DataValidationConstraint.ValidationType.LIST, choice.getValidationConstraint()
                .getValidationType());
        String listName = choice.getValidationConstraint().getFormula1();
        var range = wb.getName(listName).getRefersToFormula();
        assertTrue(range.startsWith("'_lister'!"), range);
        XSSFSheet lists = wb.getSheet("_lister");
        assertEquals("Nådde alle målsettinger", lists.getRow(1).getCell(0).getStringCellValue());
        assertEquals("Nådde ikke alle målsettinger", lists.getRow(2).getCell(0).getStringCellValue());
        assertFalse(goals.getCTWorksheet().getDataValidations()
                .getDataValidationArray(0).getShowDropDown(), "the drop-down arrow is shown");
        // multi-choice: one Ja/Nei row per option under the question's own (locked) row
        assertEquals("Hvorfor ble ikke alle mål nådd?", goals.getRow(4).getCell(0).getStringCellValue());
        assertTrue(goals.getRow(4).getCell(1).getCellStyle().getLocked());
        assertEquals("   • Dårlig respons fra brukerne", goals.getRow(5).getCell(0).getStringCellValue());
        assertEquals(List.of("Ja", "Nei"), List.of(validationAt(goals, 5, 1).getValidationConstraint()
                .getExplicitListValues()));
        assertEquals(List.of("Ja", "Nei"), List.of(validationAt(goals, 10, 1).getValidationConstraint()
                .getExplicitListValues()), "the boolean after the five options");
        assertEquals(DataValidationConstraint.ValidationType.TEXT_LENGTH, validationAt(goals, 11, 1)
                .getValidationConstraint().getValidationType());
        assertEquals("2000", validationAt(goals, 11, 1).getValidationConstraint().getFormula2());

        XSSFSheet measures = wb.getSheet(Example.MEASURES);
        XSSFDataValidation year = validationAt(measures, 4, 8);
        assertEquals(DataValidationConstraint.ValidationType.INTEGER, year.getValidationConstraint()
                .getValidationType());
        CellRangeAddress col = year.getRegions().getCellRangeAddress(0);
        assertEquals(4, col.getFirstRow());
        assertEquals(53, col.getLastRow(), "one validation per column over all 50 rows");
        assertEquals("25", validationAt(measures, 10, 6).getValidationConstraint().getFormula2(), "max from the form");
        assertEquals(DataValidationConstraint.ValidationType.INTEGER, validationAt(measures, 4, 3)
                .getValidationConstraint().getValidationType());
    }

    @Test
    void sheetsAreProtectedAndOnlyAnswerCellsUnlocked() {
        assertTrue(wb.isStructureLocked(), "sheets cannot be renamed, moved or unhidden");
        for (String name : List.of("Forside", Example.GRANT, Example.GOALS, Example.MEASURES)) {
            XSSFSheet s = wb.getSheet(name);
            assertTrue(s.getProtect(), name + " is protected");
            int unlocked = 0;
            for (Row r : s) {
                for (Cell c : r) {
                    if (!c.getCellStyle().getLocked()) {
                        unlocked++;
                        assertNotNull(validationAt(s, c.getRowIndex(), c.getColumnIndex()),
                                "every unlocked cell is an answer cell with a validation: " + c.getAddress());
                    }
                }
            }
            assertTrue(unlocked > 0, name);
        }
        assertTrue(wb.getSheet(Example.GRANT).getRow(3).getCell(0).getCellStyle().getLocked(), "labels are locked");
        assertFalse(wb.getSheet(Example.GRANT).getRow(3).getCell(1).getCellStyle().getLocked());
    }

    @Test
    void aVeryHiddenSheetRecordsSchemeYearAndFormVersion() {
        int i = wb.getSheetIndex("_tilskudd");
        assertTrue(i >= 0);
        assertEquals(SheetVisibility.VERY_HIDDEN, wb.getSheetVisibility(i));
        assertEquals(SheetVisibility.VERY_HIDDEN, wb.getSheetVisibility(wb.getSheetIndex("_lister")));
        java.util.Map<String, String> meta = new java.util.HashMap<>();
        wb.getSheetAt(i).forEach(r -> meta.put(r.getCell(0).getStringCellValue(), r.getCell(1).getStringCellValue()));
        assertEquals("tilskudd-mal", meta.get("type"));
        assertEquals("example", meta.get("scheme"));
        assertEquals("2016", meta.get("year"));
        assertEquals("2016", meta.get("formVersion"));
        assertEquals(16, meta.get("fingerprint").length());
    }

    @Test
    void yearIsFilledInAndOrgUnitWhenGiven() throws IOException {
        XSSFSheet cover = wb.getSheet("Forside");
        assertEquals(2016.0, cover.getRow(5).getCell(1).getNumericCellValue());
        assertTrue(cover.getRow(5).getCell(1).getCellStyle().getLocked(), "the year belongs to the template");
        assertFalse(cover.getRow(6).getCell(1).getCellStyle().getLocked(), "no org unit given: an answer cell");
        assertEquals("@", cover.getRow(6).getCell(1).getCellStyle().getDataFormatString(), "text keeps 0301");
        OrgUnit bodo = new OrgUnit("1804", "Bodø", "Nordland", "Nord", Optional.empty(), Optional.empty());
        try (XSSFWorkbook w = new XSSFWorkbook(new ByteArrayInputStream(Example.template(Optional.of(bodo))))) {
            XSSFSheet c = w.getSheet("Forside");
            assertEquals("1804", c.getRow(6).getCell(1).getStringCellValue());
            assertTrue(c.getRow(6).getCell(1).getCellStyle().getLocked());
            assertEquals("Bodø", c.getRow(7).getCell(1).getStringCellValue());
        }
    }

    @Test
    void theEngineFindsTheTemplateFormatThroughServiceLoader() throws IOException {
        assertTrue(Example.ENGINE.reports().templateFormats().contains("xlsx"));
        assertTrue(Example.ENGINE.reports().reportFormats().contains("xlsx"));
        assertTrue(Example.ENGINE.imports().formats().contains("xlsx"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Example.ENGINE.reports().writeTemplate("example", 2017, "xlsx", Optional.of("1804"), out);
        try (XSSFWorkbook w = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(2017.0, w.getSheet("Forside").getRow(5).getCell(1).getNumericCellValue());
        }
    }

    @Test
    void aGroupInsideAGroupIsRefusedWithAClearMessage() {
        Field inner = field("inner", FieldType.GROUP, List.of(field("x", FieldType.TEXT, List.of())));
        Field outer = field("outer", FieldType.GROUP, List.of(inner));
        FormDefinition form = new FormDefinition("example", "9", 2016, 2016, LocalizedText.of("F"),
                List.of(new Section("s", LocalizedText.of("S"), List.of(outer))), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TemplateLayout.of(form));
        assertTrue(e.getMessage().contains("outer.inner"), e.getMessage());
    }

    static Field field(String id, FieldType type, List<Field> children) {
        return new Field(id, type, LocalizedText.of(id), Optional.empty(), false, Optional.empty(), Constraints.NONE,
                List.of(), children);
    }

    static XSSFDataValidation validationAt(XSSFSheet sheet, int row, int col) {
        for (XSSFDataValidation v : sheet.getDataValidations()) {
            for (CellRangeAddress a : v.getRegions().getCellRangeAddresses()) {
                if (a.isInRange(row, col)) {
                    return v;
                }
            }
        }
        throw new AssertionError("no validation at " + sheet.getSheetName() + " row " + row + " col " + col);
    }
}
