package no.tilskudd.format.xlsx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.form.Choice;
import no.tilskudd.api.form.Constraints;
import no.tilskudd.api.form.Field;
import no.tilskudd.api.form.FieldType;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.form.Section;
import no.tilskudd.api.scheme.Origin;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.Finding;
import no.tilskudd.api.submission.ImportedSubmission;
import no.tilskudd.api.submission.ReadResult;
import no.tilskudd.api.submission.Submission;
import org.apache.poi.ss.usermodel.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Template → filled in with POI → imported gives the same submission, and problems name their cell. */
class XlsxSubmissionImporterTest {

    @TempDir
    Path temp;

    @Test
    void readsTheFilesItShouldAndNoOthers() {
        XlsxSubmissionImporter i = new XlsxSubmissionImporter();
        assertEquals("xlsx", i.format());
        assertTrue(i.canRead("rapport.xlsx"));
        assertTrue(i.canRead("RAPPORT.XLSX"));
        assertTrue(i.canRead("makro.xlsm"), "claimed only to be refused with a clear message");
        assertFalse(i.canRead("rapport.xls"));
        assertFalse(i.canRead("rapport.json"));
    }

    @Test
    void aFilledTemplateComesBackAsTheSameSubmission() throws IOException {
        ReadResult r = Example.read("bodo.xlsx", Example.filled());
        assertEquals(List.of(), r.problems());
        assertEquals(1, r.submissions().size());
        assertEquals(Example.expected(), r.submissions().get(0).submission());
    }

    @Test
    void everyAnswerIsPlacedInItsCell() throws IOException {
        ImportedSubmission s = Example.read("bodo.xlsx", Example.filled()).submissions().get(0);
        assertEquals("bodo.xlsx", s.position().file());
        assertEquals("'Forside'!B7", s.positionOf("orgUnit").location());
        assertEquals("'Tilskudd og finansiering'!B4", s.positionOf("grantAmount").location());
        assertEquals("'Måloppnåelse'!B6", s.positionOf("goalsNotReachedReason[0]").location(), "first chosen option");
        assertEquals("'Måloppnåelse'!B9", s.positionOf("goalsNotReachedReason[1]").location(), "second: Mangel på tid");
        assertEquals("'Tiltak'!B5", s.positionOf("measures[0].name").location());
        assertEquals("'Tiltak'!I7", s.positionOf("measures[1].firstFundedYear").location(),
                "the second measure is on the third row: empty rows are skipped");
        assertEquals("'Tiltak'!E7", s.positionOf("measures[1].participantsFamilies").location(), "empty cells too");
        assertEquals("bodo.xlsx:'Tiltak'!B5", s.positionOf("measures").toString());
        assertEquals("bodo.xlsx", s.positionOf("nosuchfield").toString());
    }

    @Test
    void aValidFilledTemplatePassesTheEnginesValidation() throws IOException {
        Path file = temp.resolve("bodo.xlsx");
        Files.write(file, Example.filled());
        FileReport r = Example.ENGINE.imports().check(file);
        assertEquals(1, r.submissions());
        assertFalse(r.hasErrors(), r.findings().toString());
    }

    @Test
    void violationsNameTheCellToCorrect() throws IOException {
        byte[] bad;
        try (TemplateFiller f = new TemplateFiller(Example.filled())) {
            f.set(Example.GRANT, "Tildelt tilskudd (kr)", "mye");
            f.set(Example.GOALS, "Mangel på tid", "kanskje");
            f.row(Example.MEASURES, 3, "Hvis videreføring, hvilket år fikk tiltaket støtte første gang?", 2017);
            f.row(Example.MEASURES, 3, "Kategori", "Noe annet");
            f.set("Forside", "Kommune-/bydelsnummer", "9999");
            bad = f.bytes();
        }
        Path file = temp.resolve("feil.xlsx");
        Files.write(file, bad);
        FileReport r = Example.ENGINE.imports().check(file);
        assertTrue(r.hasErrors());
        Map<String, String> where = new LinkedHashMap<>();
        for (Finding f : r.findings()) {
            where.put(f.code() + " " + f.path(), f.position().toString());
        }
        assertEquals("feil.xlsx:'Tilskudd og finansiering'!B4", where.get("FIELD_TYPE grantAmount"), where.toString());
        assertEquals("feil.xlsx:'Måloppnåelse'!B9", where.get("CHOICE_UNKNOWN goalsNotReachedReason[1]"),
                where.toString());
        assertEquals("feil.xlsx:'Tiltak'!I7", where.get("EXAMPLE_FIRST_FUNDED_AFTER_REPORT measures[1].firstFundedYear"),
                where.toString());
        assertEquals("feil.xlsx:'Tiltak'!C7", where.get("CHOICE_UNKNOWN measures[1].category"), where.toString());
        assertEquals("feil.xlsx:'Forside'!B7", where.get("ORG_UNIT_UNKNOWN orgUnit"), where.toString());
    }

    /**
     * A word typed where a number belongs is one finding at its cell, never a second from a rule that reads it
     * (a rule engine's error means nothing to the person who filled in the template).
     */
    @Test
    void aWordInANumberCellIsOneFindingAtItsCell() throws IOException {
        byte[] bad;
        try (TemplateFiller f = new TemplateFiller(Example.filled())) {
            f.row(Example.MEASURES, 1, "Antall barn og unge som deltok", "tolv");
            f.row(Example.MEASURES, 1, "Hvis videreføring, hvilket år fikk tiltaket støtte første gang?", "i fjor");
            bad = f.bytes();
        }
        Path file = temp.resolve("ord.xlsx");
        Files.write(file, bad);
        List<String> found = new java.util.ArrayList<>();
        for (Finding f : Example.ENGINE.imports().check(file).findings()) {
            if (f.path().startsWith("measures[0]")) {
                found.add(f.code() + " " + f.path() + " @ " + f.position().location());
            }
            assertTrue(!f.message().nb().toLowerCase(java.util.Locale.ROOT).contains("jexl")
                    && !f.message().nb().contains("kunne ikke vurderes"), f.message().nb());
        }
        assertEquals(List.of("FIELD_TYPE measures[0].participantsChildren @ 'Tiltak'!D5",
                "FIELD_TYPE measures[0].firstFundedYear @ 'Tiltak'!I5"), found);
    }

    /** A wrong answer's finding names the valid answers as the drop-down offers them. */
    @Test
    void anUnknownAnswerListsTheDropDownsLabels() throws IOException {
        byte[] bad;
        try (TemplateFiller f = new TemplateFiller(Example.filled())) {
            f.set(Example.GOALS, "Nådde kommunen alle målsettingene for tilskuddet?", "kanskje");
            bad = f.bytes();
        }
        Path file = temp.resolve("svar.xlsx");
        Files.write(file, bad);
        Finding unknown = Example.ENGINE.imports().check(file).findings().stream()
                .filter(f -> f.code().equals("CHOICE_UNKNOWN")).findFirst().orElseThrow();
        assertTrue(unknown.message().nb().contains("«Nådde alle målsettinger»")
                && unknown.message().nb().contains("«Nådde ikke alle målsettinger»"), unknown.message().nb());
    }

    @Test
    void aMissingRequiredAnswerNamesItsEmptyCell() throws IOException {
        byte[] bad;
        try (TemplateFiller f = new TemplateFiller(Example.filled())) {
            f.set(Example.GOALS, "Nådde kommunen alle målsettingene for tilskuddet?", null);
            f.row(Example.MEASURES, 1, "Navn på tiltaket", null);
            bad = f.bytes();
        }
        Path file = temp.resolve("mangler.xlsx");
        Files.write(file, bad);
        Map<String, String> where = new LinkedHashMap<>();
        for (Finding f : Example.ENGINE.imports().check(file).findings()) {
            where.put(f.code() + " " + f.path(), f.position().location());
        }
        assertEquals("'Måloppnåelse'!B4", where.get("FIELD_REQUIRED goalsReached"), where.toString());
        assertEquals("'Tiltak'!B5", where.get("FIELD_REQUIRED measures[0].name"), where.toString());
    }

    @Test
    void numbersTypedAsTextAndCodesTypedAsNumbersAreUnderstood() throws IOException {
        byte[] typed;
        try (TemplateFiller f = new TemplateFiller(Example.filled())) {
            Cell org = f.answer("Forside", "Kommune-/bydelsnummer");
            org.setCellValue(301);
            f.set(Example.GRANT, "Tildelt tilskudd (kr)", "500 000 kr");
            f.set(Example.GRANT, "Andel av midlene brukt direkte på barn (prosent)", "80,0");
            f.set(Example.GRANT, "Dato for rapporten", "9.2.2017");
            f.set(Example.GOALS, "Nådde kommunen alle målsettingene for tilskuddet?", "notAll");
            f.set(Example.GOALS, "Er arbeidet forankret i en kommunal plan?", "nei");
            typed = f.bytes();
        }
        Submission s = Example.read("x.xlsx", typed).submissions().get(0).submission();
        assertEquals("0301", s.orgUnit(), "a code typed as a number gets its leading zero back");
        assertEquals(new BigDecimal("500000"), s.values().get("grantAmount"));
        assertEquals(new BigDecimal("80"), s.values().get("shareToChildren"));
        assertEquals("2017-02-09", s.values().get("reportDate"));
        assertEquals("notAll", s.values().get("goalsReached"), "a code is as good as its label");
        assertEquals(false, s.values().get("anchoredInPlan"));
    }

    /** Regression (issue 12): numbers no field accepts reach validation unexpanded and are refused at their cell. */
    @Test
    void hugeNumbersAreRefusedAtTheirCellAndFormulaNoiseIsNotMistakenForOre() throws IOException {
        byte[] hostile;
        try (TemplateFiller f = new TemplateFiller(Example.filled())) {
            f.set(Example.GRANT, "Tildelt tilskudd (kr)", 1e308);
            f.set(Example.GRANT, "Egenfinansiering (kr)", "1" + "0".repeat(30_000));
            f.row(Example.MEASURES, 1, "Midler brukt på tiltaket (kr)", 0.1 + 0.2);
            hostile = f.bytes();
        }
        Submission s = Example.read("x.xlsx", hostile).submissions().get(0).submission();
        assertEquals(new BigDecimal("0.3"), s.rows("measures").get(0).get("budget"),
                "Excel's 15 digits, not the double's 0.30000000000000004");
        Path file = temp.resolve("stor.xlsx");
        Files.write(file, hostile);
        long t0 = System.nanoTime();
        FileReport r = Example.ENGINE.imports().check(file);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Map<String, String> where = new LinkedHashMap<>();
        for (Finding f : r.findings()) {
            where.put(f.code() + " " + f.path(), f.position().location());
        }
        assertEquals("'Tilskudd og finansiering'!B4", where.get("NUMBER_OUT_OF_RANGE grantAmount"), where.toString());
        assertEquals("'Tilskudd og finansiering'!B5", where.get("NUMBER_OUT_OF_RANGE ownFunding"), where.toString());
        assertEquals(2, where.size(), where.toString());
        assertTrue(ms < 10_000, ms + " ms");
    }

    /** A form with what the example lacks: a multi-choice column in a repeating group, whole numbers and years. */
    @Test
    void multiChoiceInsideARepeatingGroupRoundTrips() throws IOException {
        List<Choice> days = List.of(new Choice("mon", LocalizedText.of("Mandag")),
                new Choice("tue", LocalizedText.of("Tirsdag")), new Choice("wed", LocalizedText.of("Onsdag")));
        Field when = new Field("days", FieldType.MULTI_CHOICE, LocalizedText.of("Dager"), Optional.empty(), false,
                Optional.empty(), Constraints.NONE, days, List.of());
        Field title = new Field("title", FieldType.TEXT, LocalizedText.of("Tittel"), Optional.empty(), true,
                Optional.empty(), Constraints.NONE, List.of(), List.of());
        Field open = new Field("open", FieldType.BOOLEAN, LocalizedText.of("Åpent"), Optional.empty(), false,
                Optional.empty(), Constraints.NONE, List.of(), List.of());
        Field group = new Field("activities", FieldType.GROUP, LocalizedText.of("Aktiviteter"), Optional.empty(),
                false, Optional.empty(), new Constraints(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.of(1), Optional.of(5)), List.of(), List.of(title, when, open));
        Field count = new Field("count", FieldType.INTEGER, LocalizedText.of("Antall"), Optional.empty(), false,
                Optional.empty(), Constraints.NONE, List.of(), List.of());
        Field started = new Field("started", FieldType.YEAR, LocalizedText.of("Startår"), Optional.empty(), false,
                Optional.empty(), Constraints.NONE, List.of(), List.of());
        FormDefinition form = new FormDefinition("demo", "1", 2020, 2029, LocalizedText.of("Demo"),
                List.of(new Section("main", LocalizedText.of("Hoved"), List.of(count, started, group))), List.of());
        Scheme scheme = new Scheme("demo", LocalizedText.of("Demo"), LocalizedText.of("Etat"), "kap. 1", 2020,
                List.of(form), Optional.empty(), new Origin("test", "1"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new XlsxTemplateExporter().writeTemplate(scheme, form, 2021, Optional.empty(), out);
        byte[] filled;
        try (TemplateFiller f = new TemplateFiller(out.toByteArray())) {
            f.set("Forside", "Kommune-/bydelsnummer", "0301");
            f.set("Hoved", "Antall", 12);
            f.set("Hoved", "Startår", 2019);
            f.row("Aktiviteter", 1, "Tittel", "Fotball");
            f.row("Aktiviteter", 1, "Dager: Mandag", "Ja");
            f.row("Aktiviteter", 1, "Dager: Onsdag", "Ja");
            f.row("Aktiviteter", 1, "Åpent", "Ja");
            f.row("Aktiviteter", 2, "Tittel", "Sjakk");
            f.row("Aktiviteter", 2, "Dager: Tirsdag", "Nei");
            filled = f.bytes();
        }
        ReadResult r;
        try (var in = new java.io.ByteArrayInputStream(filled)) {
            r = new XlsxSubmissionImporter().read("demo.xlsx", in, id -> Optional.of(scheme).filter(
                    s -> s.id().equals(id)));
        }
        assertEquals(List.of(), r.problems());
        Map<String, Object> a1 = new LinkedHashMap<>();
        a1.put("title", "Fotball");
        a1.put("days", List.of("mon", "wed"));
        a1.put("open", true);
        Map<String, Object> a2 = new LinkedHashMap<>();
        a2.put("title", "Sjakk");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("count", 12L);
        values.put("started", 2019L);
        values.put("activities", List.of(a1, a2));
        ImportedSubmission s = r.submissions().get(0);
        assertEquals(new Submission("demo", 2021, "0301", Optional.of("1"), values), s.submission());
        assertEquals("'Aktiviteter'!E5", s.positionOf("activities[0].days[1]").location(), "Onsdag column");
        assertEquals("'Hoved'!B5", s.positionOf("started").location());
    }
}
