package no.tilskudd.engine.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.service.ReportOptions;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.InMemoryStore;
import no.tilskudd.engine.StandaloneEngine;
import no.tilskudd.engine.TestSchemes;
import org.junit.jupiter.api.Test;

/**
 * An analyst filters a data sheet on words, not on internal codes: every coded answer has its label beside the
 * code, and every column is headed by the field's label rather than its id, in the report's language.
 */
class LabelledDataTablesTest {

    private static Report report(String language) {
        InMemoryStore store = new InMemoryStore()
                .with(new Submission("example", 2016, "1804", Optional.of("2016"), Map.of("grantAmount", 100_000L,
                        "goalsReached", "notAll", "goalsNotReachedReason", List.of("time", "unknown-code"),
                        "measures", List.of(Map.of("name", "Leksehjelp", "budget", 5_000L)))));
        StandaloneEngine engine = StandaloneEngine.builder().store(store).addScheme(TestSchemes.EXAMPLE).build();
        return engine.reports().assemble(Selection.of("example", 2016, 2016),
                new ReportOptions(Locale.forLanguageTag(language), true, true));
    }

    private static Table table(Report r, String id) {
        return r.data().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no data table " + id));
    }

    private static int column(Table t, String id) {
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no column " + id + " in " + t.columns());
    }

    @Test
    void aCodedAnswerHasItsLabelInTheNextColumn() {
        Table t = table(report("nb"), "data-submissions");
        int code = column(t, "goalsReached");
        assertEquals(code + 1, column(t, "goalsReached-label"), "the label stands right beside the code");
        assertEquals("notAll", t.rows().get(0).cells().get(code));
        LocalizedText label = (LocalizedText) t.rows().get(0).cells().get(code + 1);
        assertEquals("Nådde ikke alle målsettinger", label.nb());
        assertEquals("Did not reach all goals", label.en());
    }

    @Test
    void aMultiChoiceListsEveryLabelAndKeepsAnUnknownCodeAsItIs() {
        Table t = table(report("nb"), "data-submissions");
        int code = column(t, "goalsNotReachedReason");
        Object label = t.rows().get(0).cells().get(code + 1);
        String nb = ((LocalizedText) label).nb();
        assertTrue(nb.endsWith("; unknown-code"), nb);
        assertTrue(!nb.startsWith("time"), "a known code is shown by its label: " + nb);
    }

    @Test
    void columnsAreHeadedByFieldLabelsInBothLanguages() {
        Table t = table(report("en"), "data-submissions");
        Table.Column grant = t.columns().get(column(t, "grantAmount"));
        assertTrue(!grant.label().nb().equals("grantAmount") && !grant.label().en().equals("grantAmount"),
                grant.label().toString());
        Table.Column goals = t.columns().get(column(t, "goalsReached"));
        assertEquals("Did the municipality reach all goals for the grant? (code)", goals.label().en());
        assertEquals("Nådde kommunen alle målsettingene for tilskuddet? (kode)", goals.label().nb());
        Table measures = table(report("en"), "data-measures");
        assertTrue(!measures.title().nb().startsWith("measures"), "a group's sheet is titled by its label: "
                + measures.title());
    }
}
