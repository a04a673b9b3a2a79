package no.tilskudd.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import org.junit.jupiter.api.Test;

/** The console view of a table shows its texts in the asked language, and the N with what it counts. */
class PrintTableTest {

    private static String print(Locale locale) {
        Table t = Table.of("measures", new LocalizedText("Tiltak", "Measures"), List.of(
                new Table.Column("group", new LocalizedText("Gruppe", "Group"), ValueKind.TEXT),
                Table.Column.of("count", "N", ValueKind.COUNT)), List.of(
                Table.Row.data(new LocalizedText("Åpne", "Open"), 2L),
                Table.Row.total(new LocalizedText("I alt", "Total"), 2L)))
                .withN(Table.Count.of(2, new LocalizedText("tiltak", "measures")))
                .withNotes(List.of(Table.Note.remark(new LocalizedText("Merknad.", "A remark."))));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TilskuddCommandLine.printTable(t, new PrintStream(bytes, true, StandardCharsets.UTF_8), locale);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textsFollowTheLanguage() {
        assertEquals(List.of("", "Measures [measures] (N=2 measures)", "  Group  N", "  Open   2", "  Total  2",
                "  A remark."), print(Locale.ENGLISH).lines().toList());
        assertEquals("Tiltak [measures] (N=2 tiltak)", print(Locale.forLanguageTag("nb")).lines().toList().get(1));
    }
}
