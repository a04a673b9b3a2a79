package no.tilskudd.engine.internal.orgunits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import no.tilskudd.api.scheme.OrgUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvOrgUnitRegisterTest {

    private static final CsvOrgUnitRegister DEFAULTS = CsvOrgUnitRegister.defaults();

    @TempDir
    Path dir;

    private static List<OrgUnit> parse(String csv) throws IOException {
        return CsvOrgUnitRegister.parse("reg.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static String refusal(String csv) {
        return assertThrows(IllegalArgumentException.class, () -> parse(csv)).getMessage();
    }

    private static final String H = CsvOrgUnitRegister.HEADER + "\n";

    // --- the default register --------------------------------------------------------------------------------

    @Test
    void defaultsHold435MunicipalityCodesAnd15OsloDistricts() {
        List<OrgUnit> all = DEFAULTS.all();
        assertEquals(450, all.size());
        assertEquals(435, all.stream().filter(u -> u.code().length() == 4).map(OrgUnit::code).distinct().count());
        List<OrgUnit> districts = all.stream().filter(u -> u.code().length() == 6).toList();
        assertEquals(15, districts.size());
        assertTrue(districts.stream().allMatch(u -> u.code().startsWith("0301") && u.county().equals("Oslo")
                && u.region().equals("Øst/Oslo")));
    }

    @Test
    void defaultsHaveTheFiveRegionsSorted() {
        assertEquals(List.of("Midt", "Nord", "Sør", "Vest", "Øst/Oslo"), DEFAULTS.regions());
    }

    @Test
    void allIsOrderedByCode() {
        List<String> codes = DEFAULTS.all().stream().map(OrgUnit::code).toList();
        assertEquals(codes.stream().sorted().toList(), codes);
        assertEquals("0101", codes.get(0));
    }

    @Test
    void bodoIsInNord() {
        OrgUnit bodo = DEFAULTS.find("1804", 2016).orElseThrow();
        assertEquals("Bodø", bodo.name());
        assertEquals("Nordland", bodo.county());
        assertEquals("Nord", bodo.region());
        assertTrue(bodo.validIn(2016));
    }

    @Test
    void osloIsInOstOslo() {
        OrgUnit oslo = DEFAULTS.find("0301", 2012).orElseThrow();
        assertEquals("Oslo", oslo.name());
        assertEquals("Øst/Oslo", oslo.region());
        assertEquals(Optional.empty(), oslo.validFrom());
        assertEquals(Optional.empty(), oslo.validTo());
    }

    @Test
    void osloDistrictIsKnown() {
        OrgUnit district = DEFAULTS.find("030115", 2016).orElseThrow();
        assertEquals("Bydel Søndre Nordstrand", district.name());
    }

    @Test
    void kristiansundEndedIn2007AndGotANewCodeIn2008() {
        OrgUnit old = DEFAULTS.find("1503", 2008).orElseThrow();
        assertEquals(Optional.of(2007), old.validTo());
        assertTrue(old.validIn(2007));
        assertFalse(old.validIn(2008));
        OrgUnit merged = DEFAULTS.find("1505", 2008).orElseThrow();
        assertEquals("Kristiansund", merged.name());
        assertEquals(Optional.of(2008), merged.validFrom());
        assertEquals("Midt", merged.region());
    }

    @Test
    void unknownCodeIsEmpty() {
        assertEquals(Optional.empty(), DEFAULTS.find("9999", 2016));
        assertEquals(Optional.empty(), DEFAULTS.find("301", 2016));
    }

    @Test
    void defaultRegisterIsReadOnly() {
        assertThrows(UnsupportedOperationException.class,
                () -> DEFAULTS.replace("x.csv", new ByteArrayInputStream(new byte[0])));
    }

    // --- reading files ---------------------------------------------------------------------------------------

    @Test
    void wellFormedFileIsRead() throws IOException {
        List<OrgUnit> units = parse(H + "0301,Oslo,Oslo,Øst/Oslo,,\n1503,Kristiansund,Møre og Romsdal,Midt,1742,2007\n");
        assertEquals(2, units.size());
        assertEquals(new OrgUnit("1503", "Kristiansund", "Møre og Romsdal", "Midt", Optional.of(1742),
                Optional.of(2007)), units.get(1));
    }

    @Test
    void quotedCellsMayHoldCommasAndQuotes() throws IOException {
        OrgUnit u = parse(H + "0301,\"Oslo, kommune\",\"Oslo \"\"by\"\"\",Øst/Oslo,,\n").get(0);
        assertEquals("Oslo, kommune", u.name());
        assertEquals("Oslo \"by\"", u.county());
        assertEquals("Øst/Oslo", u.region());
    }

    @Test
    void cellsAreTrimmed() throws IOException {
        OrgUnit u = parse(H + " 0301 , Oslo , Oslo , Øst/Oslo , 1838 , \n").get(0);
        assertEquals("0301", u.code());
        assertEquals("Oslo", u.name());
        assertEquals(Optional.of(1838), u.validFrom());
        assertEquals(Optional.empty(), u.validTo());
    }

    @Test
    void byteOrderMarkAndBlankLinesAreAccepted() throws IOException {
        assertEquals(1, parse("\uFEFF" + H + "\n0301,Oslo,Oslo,Øst/Oslo,,\n\n").size());
    }

    @Test
    void latin1FileIsRefusedWithItsLineInsteadOfStoringReplacementCharacters() {
        byte[] latin1 = (H + "0301,Oslo,Oslo,Øst/Oslo,,\n1804,Bodø,Nordland,Nord,,\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvOrgUnitRegister.parse("reg.csv", new ByteArrayInputStream(latin1)));
        assertTrue(e.getMessage().startsWith("reg.csv:2: not UTF-8: byte 0xD8 "), e.getMessage());
    }

    @Test
    void utf16FileIsRefusedAtLine1() {
        for (java.nio.charset.Charset cs : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE)) {
            byte[] utf16 = (H + "0301,Oslo,Oslo,Øst/Oslo,,\n").getBytes(cs);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CsvOrgUnitRegister.parse("reg.csv", new ByteArrayInputStream(utf16)));
            assertTrue(e.getMessage().startsWith("reg.csv:1: not UTF-8: ") && e.getMessage().contains("UTF-16"),
                    e.getMessage());
        }
    }

    @Test
    void wrongHeaderIsRefusedAtLine1() {
        assertEquals("reg.csv:1: the first line must be 'code,name,county,region,validFrom,validTo'",
                refusal("kode,navn,fylke,region,fra,til\n0301,Oslo,Oslo,Øst/Oslo,,\n"));
    }

    @Test
    void emptyFileIsRefusedAtLine1() {
        assertEquals("reg.csv:1: the first line must be 'code,name,county,region,validFrom,validTo'",
                refusal(""));
    }

    @Test
    void threeDigitCodeIsRefusedWithItsLine() {
        assertEquals("reg.csv:3: code '301' must be a 4-digit municipality or 6-digit district number",
                refusal(H + "1804,Bodø,Nordland,Nord,,\n301,Oslo,Oslo,Øst/Oslo,,\n"));
    }

    @Test
    void fiveDigitCodeIsRefused() {
        assertTrue(refusal(H + "03011,Oslo,Oslo,Øst/Oslo,,\n").startsWith("reg.csv:2: code '03011'"));
    }

    @Test
    void lineNumbersCountBlankLines() {
        assertTrue(refusal(H + "\n\n12a4,X,Y,Nord,,\n").startsWith("reg.csv:4: code '12a4'"));
    }

    @Test
    void nonYearValidFromIsRefused() {
        assertEquals("reg.csv:2: validFrom 'abc' is not a year", refusal(H + "0301,Oslo,Oslo,Øst/Oslo,abc,\n"));
    }

    @Test
    void nonYearValidToIsRefused() {
        assertEquals("reg.csv:2: validTo '2019.5' is not a year",
                refusal(H + "0301,Oslo,Oslo,Øst/Oslo,,2019.5\n"));
    }

    @Test
    void validToBeforeValidFromIsRefused() {
        assertEquals("reg.csv:3: validTo is before validFrom",
                refusal(H + "0301,Oslo,Oslo,Øst/Oslo,,\n1804,Bodø,Nordland,Nord,2010,2009\n"));
    }

    @Test
    void wrongNumberOfColumnsIsRefused() {
        assertEquals("reg.csv:2: expected 6 columns, found 5", refusal(H + "0301,Oslo,Oslo,Øst/Oslo,\n"));
        assertEquals("reg.csv:2: expected 6 columns, found 7", refusal(H + "0301,Oslo, kommune,Oslo,Øst/Oslo,,\n"));
    }

    @Test
    void emptyRegionIsRefused() {
        assertEquals("reg.csv:2: column region is empty", refusal(H + "0301,Oslo,Oslo, ,,\n"));
    }

    @Test
    void reusedCodeIsFoundForTheYearItWasValid() throws IOException {
        Path csv = dir.resolve("r.csv");
        Files.writeString(csv, H + "9001,Gammel,Finnmark,Nord,1990,2010\n9001,Ny,Trøndelag,Midt,2011,\n",
                StandardCharsets.UTF_8);
        CsvOrgUnitRegister r = CsvOrgUnitRegister.fromFileOrDefaults(csv);
        assertEquals("Gammel", r.find("9001", 2010).orElseThrow().name());
        assertEquals("Ny", r.find("9001", 2011).orElseThrow().name());
        // Before any entry was valid: the code is still known (the first entry), but not valid in that year.
        OrgUnit early = r.find("9001", 1980).orElseThrow();
        assertEquals("Gammel", early.name());
        assertFalse(early.validIn(1980));
        assertEquals(List.of("Midt", "Nord"), r.regions());
    }

    @Test
    void fileErrorsNameTheFile() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, H + "0301,Oslo,Oslo,Øst/Oslo,x,\n", StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvOrgUnitRegister.fromFileOrDefaults(csv));
        assertEquals(csv + ":2: validFrom 'x' is not a year", e.getMessage());
    }

    @Test
    void missingFileGivesTheDefaults() throws IOException {
        assertEquals(450, CsvOrgUnitRegister.fromFileOrDefaults(dir.resolve("none.csv")).all().size());
        assertEquals(450, CsvOrgUnitRegister.fromFileOrDefaults(null).all().size());
    }

    @Test
    void splitCsvHandlesEmptyAndQuotedCells() {
        assertEquals(List.of("a", "", "b,c", ""), CsvOrgUnitRegister.splitCsv("a,,\"b,c\","));
    }

    @Test
    void defaultsAreReadOnce() {
        assertSame(DEFAULTS.all(), DEFAULTS.all());
    }
}
