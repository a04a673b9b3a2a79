package no.tilskudd.format.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.Table.Column;
import no.tilskudd.api.report.Table.Count;
import no.tilskudd.api.report.Table.Note;
import no.tilskudd.api.report.Table.Row;
import no.tilskudd.api.report.Table.Suppressed;
import no.tilskudd.api.report.Table.Suppression;
import no.tilskudd.api.report.ValueKind;
import org.junit.jupiter.api.Test;

/** The N and the meaning of "–" are written from the table's fields; the author's notes are printed as they are. */
class NotesFromFieldsTest {

    private static final Locale NB = Locale.forLanguageTag("nb-NO");

    private static Table children(List<Note> notes, Suppressed.Reason... reasons) {
        List<Row> rows = new java.util.ArrayList<>();
        for (Suppressed.Reason r : reasons) {
            rows.add(Row.data("a", new Suppressed(r)));
        }
        rows.add(Row.data("b", 1234L));
        return new Table("children", LocalizedText.of("Barn"), List.of(Column.of("group", "Gruppe", ValueKind.TEXT),
                Column.of("children", "Barn", ValueKind.PERSONS)), rows, Optional.of(Count.of(1234,
                new LocalizedText("tiltak", "measures"))), notes, Optional.empty(),
                reasons.length == 0 ? Optional.empty() : Optional.of(new Suppression(5)));
    }

    @Test
    void aTableWithoutNotesStillGetsItsNAndTheMeaningOfItsHiddenCells() {
        assertEquals(List.of("N = 1\u00A0234 tiltak", "– Skjult for å verne små grupper: tallet er lavere enn 5."),
                PdfReportWriter.noteLines(children(List.of(), Suppressed.Reason.BELOW_THRESHOLD), Words.BOKMAL, NB));
    }

    @Test
    void secondarySuppressionIsExplainedInTheReportsLanguage() {
        assertEquals(List.of("N = 1,234 measures", "– Hidden to protect small groups: the count is below 5, or "
                + "would reveal a hidden count through a total."), PdfReportWriter.noteLines(children(List.of(),
                Suppressed.Reason.BELOW_THRESHOLD, Suppressed.Reason.REVEALS_HIDDEN), Words.ENGLISH, Locale.ENGLISH));
    }

    @Test
    void remarksThatLookLikeTheNOrTheDashAreRemarks() {
        List<Note> notes = List.of(Note.remark(LocalizedText.of("N=3 av kommunene svarte ikke.")),
                Note.remark(LocalizedText.of("– tall fra 2016 er foreløpige.")),
                Note.source(LocalizedText.of("SSB, tabell 12345")));
        assertEquals(List.of("N = 1\u00A0234 tiltak", "N=3 av kommunene svarte ikke.", "– tall fra 2016 er foreløpige.",
                "Kilde: SSB, tabell 12345"), PdfReportWriter.noteLines(children(notes), Words.BOKMAL, NB),
                "no hidden cell, so no explanation; the remarks are neither swallowed nor taken for the N");
    }
}
