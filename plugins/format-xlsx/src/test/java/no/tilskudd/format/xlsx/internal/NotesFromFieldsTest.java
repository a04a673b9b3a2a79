package no.tilskudd.format.xlsx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.Table.Column;
import no.tilskudd.api.report.Table.Count;
import no.tilskudd.api.report.Table.Note;
import no.tilskudd.api.report.Table.Row;
import no.tilskudd.api.report.Table.Suppressed;
import no.tilskudd.api.report.Table.Suppression;
import no.tilskudd.api.report.ValueKind;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The N and the meaning of "–" are written from the table's fields; the author's notes are written as they are. */
class NotesFromFieldsTest {

    private static Table children(List<Note> notes, boolean hidden) {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.data(new LocalizedText("Åpne tiltak", "Open measures"),
                hidden ? new Suppressed(Suppressed.Reason.BELOW_THRESHOLD) : (Object) 7L));
        rows.add(Row.data(new LocalizedText("Andre tiltak", "Other measures"), 20L));
        return new Table("children", new LocalizedText("Barn", "Children"), List.of(
                new Column("group", new LocalizedText("Gruppe", "Group"), ValueKind.TEXT),
                new Column("children", new LocalizedText("Barn", "Children"), ValueKind.PERSONS)), rows,
                Optional.of(Count.of(27, new LocalizedText("tiltak", "measures"))), notes, Optional.empty(),
                hidden ? Optional.of(new Suppression(5)) : Optional.empty());
    }

    private static List<String> sheet(Table t, String language, String sheet) throws IOException {
        Report r = new Report("R", language, Map.of(), List.of(new ReportSection("S", List.of(t))), List.of());
        try (XSSFWorkbook w = XlsxReportExporterTest.read(XlsxReportExporterTest.export(r))) {
            return XlsxReportExporterTest.texts(w.getSheet(sheet));
        }
    }

    @Test
    void aTableWithoutNotesStillGetsItsNAndTheMeaningOfItsHiddenCells() throws IOException {
        List<String> text = sheet(children(List.of(), true), "nb-NO", "Barn");
        assertTrue(text.contains("N = 27 tiltak"), text.toString());
        assertTrue(text.contains("– Skjult av personvernhensyn: tallet er lavere enn 5."), text.toString());
    }

    @Test
    void anEnglishReportShowsTheTableInEnglish() throws IOException {
        List<String> text = sheet(children(List.of(), true), "en", "Children");
        assertTrue(text.containsAll(List.of("Group", "Open measures", "N = 27 measures",
                "– Hidden to protect privacy: the count is below 5.")), text.toString());
    }

    @Test
    void remarksThatLookLikeTheNOrTheDashAreRemarks() throws IOException {
        List<Note> notes = List.of(Note.remark(LocalizedText.of("N=3 av kommunene svarte ikke.")),
                Note.remark(LocalizedText.of("– tall fra 2016 er foreløpige.")),
                Note.source(LocalizedText.of("SSB, tabell 12345")));
        List<String> text = sheet(children(notes, false), "nb-NO", "Barn");
        int n = text.indexOf("N = 27 tiltak");
        assertEquals(List.of("N = 27 tiltak", "N=3 av kommunene svarte ikke.", "– tall fra 2016 er foreløpige.",
                "Kilde: SSB, tabell 12345"), text.subList(n, n + 4), text.toString());
        assertTrue(text.stream().noneMatch(t -> t.startsWith("– Skjult")), "nothing is hidden: " + text);
    }
}
