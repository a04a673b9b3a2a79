package no.tilskudd.engine.internal.grants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.ResponseRate;
import no.tilskudd.api.store.DuplicateGrantException;
import no.tilskudd.api.store.Grant;
import no.tilskudd.api.store.GrantRecords;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.api.store.StoredGrant;
import no.tilskudd.api.submission.RowReader;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.SubmissionKey;
import no.tilskudd.engine.InMemoryStore;
import no.tilskudd.engine.TestSchemes;
import no.tilskudd.engine.internal.orgunits.CsvOrgUnitRegister;
import no.tilskudd.engine.internal.registry.SchemeCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing a grant register file and counting responses against it (the installed scheme here is "test"). */
public class GrantRegisterTest {

    static final String HEADER = "scheme,schemeName,year,orgUnit,amount,decisionDate,caseNumber,reportingDeadline";

    @TempDir
    Path dir;

    final Grants grants = new Grants();
    final InMemoryStore submissions = new InMemoryStore();
    final List<RowReader> readers = new ArrayList<>();
    GrantRegister register;

    @BeforeEach
    void setUp() {
        SchemeCatalog schemes = TestSchemes.catalog(dir.resolve("plugin"));
        register = new GrantRegister(schemes, CsvOrgUnitRegister.defaults(), () -> Optional.of(grants),
                () -> Optional.of(submissions), () -> readers);
    }

    /** Grants in a map, all or nothing like the real store. */
    public static final class Grants implements GrantRecords {
        final Map<SubmissionKey, StoredGrant> stored = new LinkedHashMap<>();
        final List<String> actors = new ArrayList<>();

        @Override
        public synchronized SaveResult saveGrants(List<Grant> batch, boolean replace, String source,
                String actor) {
            List<SubmissionKey> duplicates = new ArrayList<>();
            Set<SubmissionKey> inBatch = new HashSet<>();
            for (Grant g : batch) {
                if (!inBatch.add(g.key()) || (!replace && stored.containsKey(g.key()))) {
                    duplicates.add(g.key());
                }
            }
            if (!duplicates.isEmpty()) {
                throw new DuplicateGrantException(duplicates);
            }
            int replaced = 0;
            for (Grant g : batch) {
                replaced += stored.put(g.key(), new StoredGrant(g, source, Instant.now())) == null ? 0 : 1;
            }
            actors.add(actor);
            return new SaveResult(batch.size() - replaced, replaced);
        }

        @Override
        public List<StoredGrant> findGrants(Optional<String> schemeId, Optional<Integer> year) {
            return stored.values().stream()
                    .filter(g -> schemeId.map(g.grant().schemeId()::equals).orElse(true))
                    .filter(g -> year.map(y -> y == g.grant().year()).orElse(true))
                    .sorted(java.util.Comparator.comparing(g -> g.grant().key().toString())).toList();
        }
    }

    private Path csv(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    private FileReport load(Path file, boolean replace) throws IOException {
        return register.importGrants(file, file.getFileName().toString(), replace, "os:kari");
    }

    /** Each finding as CODE@file:row/column. */
    private static List<String> findings(FileReport r) {
        return r.findings().stream().map(f -> f.code() + "@" + f.position() + (f.path().isEmpty() ? ""
                : "/" + f.path())).toList();
    }

    @Test
    void aGoodFileIsStoredWholeWithItsOptionalColumnsAndSchemesThatAreNotInstalled() throws IOException {
        FileReport r = load(csv("grants.csv", "\uFEFF" + HEADER,
                "test,,2016,0301,250000,2016-03-01,2016/123-4,2017-02-01",
                "test,,2016,1103,100000.50,,,",
                "unge-utenfor,Unge utenfor,2016,0301,80000,,,",
                "unge-utenfor,Unge utenfor,2017,1804,0,,\"2017/9, del 2\","), false);

        assertEquals(List.of(), findings(r));
        assertTrue(r.stored());
        assertEquals(4, r.submissions());
        assertEquals(4, r.inserted());
        List<StoredGrant> all = register.grants(Optional.empty(), Optional.empty());
        assertEquals(List.of("test/2016/0301", "test/2016/1103", "unge-utenfor/2016/0301",
                "unge-utenfor/2017/1804"), all.stream().map(g -> g.grant().key().toString()).toList());
        assertEquals(new Grant("test", Optional.empty(), 2016, "0301", new BigDecimal("250000"),
                Optional.of(LocalDate.of(2016, 3, 1)), Optional.of("2016/123-4"),
                Optional.of(LocalDate.of(2017, 2, 1))), all.get(0).grant());
        assertEquals(new BigDecimal("100000.5"), all.get(1).grant().amount());
        assertEquals(Optional.of("Unge utenfor"), all.get(2).grant().schemeName());
        assertEquals(Optional.of("2017/9, del 2"), all.get(3).grant().caseNumber());
        assertEquals("grants.csv", all.get(0).source());
        assertEquals(List.of("os:kari"), grants.actors);
        assertEquals(2, register.grants(Optional.of("unge-utenfor"), Optional.empty()).size());
        assertEquals(3, register.grants(Optional.empty(), Optional.of(2016)).size());
    }

    @Test
    void theColumnsMayComeInAnyOrderAndTheOptionalOnesMayBeLeftOut() throws IOException {
        FileReport r = load(csv("short.csv", "orgUnit,Amount,year,scheme", "0301,5,2016,test"), false);
        assertEquals(List.of(), findings(r));
        assertEquals(new BigDecimal("5"), register.grants(Optional.empty(), Optional.empty()).get(0).grant()
                .amount());
    }

    @Test
    void eachBadRowIsNamedWithItsRowColumnAndReasonAndNothingOfTheFileIsStored() throws IOException {
        FileReport r = load(csv("bad.csv", HEADER,
                "test,,2016,0301,1000,,,",
                "test,,2016,9999,1000,,,",
                "test,,2020,0101,1000,,,",
                "test,,2016,1103,-5,,,",
                "test,,2016,1804,12 000,,,",
                "test,,2016,0301,1000,,,",
                "Unge Utenfor,,2016,0301,1000,,,",
                "unge-utenfor,,2016,0301,1000,,,",
                "test,,16,0301,1000,,,",
                "test,,2016,1103,1.005,,,",
                "test,,2016,1103,1000,1.3.2016,,",
                "test,,2016,1103,1000,,,2017-02-30",
                ",,2016,,1000,,,",
                "test,,2016,1103,1000,,,,x"), false);

        assertEquals(List.of(
                "UNKNOWN_ORG_UNIT@bad.csv:3/orgUnit",
                "ORG_UNIT_NOT_VALID@bad.csv:4/orgUnit",
                "NEGATIVE_AMOUNT@bad.csv:5/amount",
                "BAD_AMOUNT@bad.csv:6/amount",
                "DUPLICATE_IN_FILE@bad.csv:7",
                "BAD_SCHEME_ID@bad.csv:8/scheme",
                "SCHEME_NOT_NAMED@bad.csv:9/schemeName",
                "BAD_YEAR@bad.csv:10/year",
                "BAD_AMOUNT@bad.csv:11/amount",
                "BAD_DATE@bad.csv:12/decisionDate",
                "BAD_DATE@bad.csv:13/reportingDeadline",
                "MISSING_VALUE@bad.csv:14/scheme",
                "MISSING_VALUE@bad.csv:14/orgUnit",
                "EXTRA_CELL@bad.csv:15"), findings(r));
        assertFalse(r.stored());
        assertEquals(14, r.submissions());
        assertEquals(13, r.rejected());
        assertEquals(Map.of(), grants.stored, "the good first row is not stored either");
        assertTrue(r.findings().get(0).message().en().contains("'9999'"), r.findings().get(0).message().en());
        assertTrue(r.findings().get(4).message().en().contains("bad.csv:2"), r.findings().get(4).message().en());
    }

    @Test
    void aBadHeaderIsRefusedBeforeAnyRow() throws IOException {
        assertEquals(List.of("UNKNOWN_COLUMN@h.csv:1/belop", "DUPLICATE_COLUMN@h.csv:1/year",
                "MISSING_COLUMN@h.csv:1/amount"),
                findings(load(csv("h.csv", "scheme,year,orgUnit,belop,year", "test,2016,0301,5,2016"), false)));
        assertEquals(List.of("NO_GRANTS@empty.csv"), findings(load(csv("empty.csv", ""), false)));
        assertEquals(List.of("NO_GRANTS@only.csv:1"), findings(load(csv("only.csv", HEADER), false)));
        assertEquals(Map.of(), grants.stored);
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheLine() throws IOException {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, (HEADER + "\nunge-utenfor,Tromsø,2016,0301,5,,,\n").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of("FILE_NOT_UTF8@latin1.csv:2"), findings(load(latin1, false)));
    }

    @Test
    void aSchemeNamedTwoWaysInOneFileIsRefused() throws IOException {
        assertEquals(List.of("SCHEME_NAME_CONFLICT@n.csv:3/schemeName"), findings(load(csv("n.csv", HEADER,
                "unge-utenfor,Unge utenfor,2016,0301,5,,,", "unge-utenfor,Unge utanfor,2016,1103,5,,,"), false)));
    }

    @Test
    void aStoredGrantIsRefusedUnlessReplacingAndNamedAtItsRow() throws IOException {
        load(csv("a.csv", HEADER, "test,,2016,0301,5,,,"), false);
        FileReport again = load(csv("b.csv", HEADER, "test,,2016,1103,7,,,", "test,,2016,0301,6,,,"), false);
        assertEquals(List.of("ALREADY_STORED@b.csv:3"), findings(again));
        assertFalse(again.stored());
        assertEquals(1, grants.stored.size(), "1103 was not stored either");

        FileReport replaced = load(dir.resolve("b.csv"), true);
        assertTrue(replaced.stored());
        assertEquals(1, replaced.inserted());
        assertEquals(1, replaced.replaced());
        assertEquals(new BigDecimal("6"), grants.stored.get(new SubmissionKey("test", 2016, "0301")).grant()
                .amount());
    }

    @Test
    void aWorkbookIsReadByTheInstalledRowReaderAndItsFindingsNameCells() throws IOException {
        Path xlsx = Files.write(dir.resolve("grants.xlsx"), new byte[] {1});
        assertThrows(IllegalArgumentException.class, () -> load(xlsx, false), "no reader installed");
        readers.add(new RowReader() {
            @Override
            public String format() {
                return "xlsx";
            }

            @Override
            public boolean canRead(String fileName) {
                return fileName.endsWith(".xlsx");
            }

            @Override
            public Rows read(String fileName, InputStream in) {
                return new Rows(Optional.of("Tildelinger"), List.of(
                        new Row(1, List.of("scheme", "year", "orgUnit", "amount")),
                        new Row(2, List.of("test", "2016", "0301", "5")),
                        new Row(4, List.of("test", "2016", "1103", "x"))), List.of());
            }
        });
        assertEquals(List.of("csv", "xlsx"), register.formats());
        FileReport r = load(xlsx, false);
        assertEquals(List.of("BAD_AMOUNT@grants.xlsx:'Tildelinger'!D4/amount"), findings(r));
    }

    @Test
    void aCodeThatLostItsLeadingZeroInANumberCellIsNamedWithTheCodeMeant() throws IOException {
        FileReport r = load(csv("zero.csv", "scheme,year,orgUnit,amount", "test,2016,301,5"), false);
        assertEquals(List.of("UNKNOWN_ORG_UNIT@zero.csv:2/orgUnit"), findings(r));
        assertTrue(r.findings().get(0).message().en().contains("Did you mean 0301?"), r.findings().get(0).message()
                .en());
    }

    @Test
    void responsesCountTheGrantedUnitsWithAReportAndListTheMissingAndTheReportsWithoutAGrant()
            throws IOException {
        load(csv("g.csv", HEADER, "test,,2016,0301,5,,,", "test,,2016,1103,5,,,", "test,,2016,1804,5,,,",
                "test,,2017,0301,5,,,", "test,,2016,030101,5,,,", "test,,2016,030102,5,,,",
                "test,,2016,030103,5,,,", "test,,2016,030104,5,,,"), false);
        submissions.with(report(2016, "0301"), report(2016, "1804"), report(2016, "030101"),
                report(2016, "030102"), report(2016, "030103"), report(2016, "0101"), report(2017, "1103"));

        ResponseRate r = register.responses("test", 2016);
        assertEquals(7, r.expected());
        assertEquals(5, r.reported());
        assertEquals(Optional.of(71), r.rate(), "5 of 7 is 71.4 %");
        assertEquals(List.of(new ResponseRate.Unit("030104", "Bydel St. Hanshaugen"),
                new ResponseRate.Unit("1103", "Stavanger")), r.missing());
        assertEquals(List.of(new ResponseRate.Unit("0101", "Halden")), r.withoutGrant());
        assertTrue(r.installed());
        assertEquals("Testordningen", r.schemeName().orElseThrow().nb());

        ResponseRate y2017 = register.responses("test", 2017);
        assertEquals(List.of(new ResponseRate.Unit("0301", "Oslo")), y2017.missing());
        assertEquals(List.of(new ResponseRate.Unit("1103", "Stavanger")), y2017.withoutGrant());
        assertEquals(Optional.of(0), y2017.rate());
    }

    @Test
    void aHalfPercentIsRoundedUpAndNoGrantsIsNoRateNotZero() throws IOException {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        String[] units = {"0301", "1103", "1804", "030101", "030102", "030103", "030104", "030105"};
        for (String u : units) {
            lines.add("test,,2016," + u + ",5,,,");
        }
        load(csv("eight.csv", lines.toArray(String[]::new)), false);
        submissions.with(report(2016, "0301"));
        assertEquals(Optional.of(13), register.responses("test", 2016).rate(), "1 of 8 is 12.5 %");

        ResponseRate none = register.responses("test", 2015);
        assertEquals(0, none.expected());
        assertEquals(Optional.empty(), none.rate());
    }

    @Test
    void aSchemeThatIsNotInstalledIsLabelledWithTheRegistersName() throws IOException {
        load(csv("u.csv", HEADER, "unge-utenfor,Unge utenfor,2016,0301,5,,,"), false);
        ResponseRate r = register.responses("unge-utenfor", 2016);
        assertFalse(r.installed());
        assertEquals(Optional.of(LocalizedText.of("Unge utenfor")), r.schemeName());
        assertEquals(1, r.missing().size());
        assertEquals(Optional.of(0), r.rate());
    }

    private static Submission report(int year, String unit) {
        return new Submission("test", year, unit, Optional.of("2006"), Map.of());
    }
}
