package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.ReportExporter;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import org.junit.jupiter.api.Test;

/** The exporter on a report made by hand, without OSGi: the same model a host hands it. */
class MarkdownExporterTest {

    private static final Table MEASURES = new Table("measures", new LocalizedText("Tiltak", "Measures"),
            List.of(new Table.Column("group", new LocalizedText("Tiltak", "Measures"), ValueKind.TEXT),
                    new Table.Column("children", new LocalizedText("Barn", "Children"), ValueKind.PERSONS)),
            List.of(Table.Row.data(new LocalizedText("Åpne", "Open"), 340L),
                    Table.Row.data(new LocalizedText("Individuelle", "Individual"), new Table.Suppressed(
                            Table.Suppressed.Reason.BELOW_THRESHOLD)),
                    Table.Row.total(new LocalizedText("I alt", "Total"), 343L)),
            java.util.Optional.of(Table.Count.of(15, new LocalizedText("tiltak", "measures"))), List.of(),
            java.util.Optional.empty(), java.util.Optional.of(new Table.Suppression(5)));

    private static String export(String language) throws Exception {
        Report report = new Report("Årsrapport", language, Map.of(), List.of(new ReportSection("Tiltak",
                List.of(new ReportBlock.Paragraph("Tall fra årsrapportene."), MEASURES))), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter().export(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ReportExporter exporter() {
        // Found as a module-path or class-path application finds it: bnd wrote META-INF/services from the annotation.
        return ServiceLoader.load(ReportExporter.class).stream().map(ServiceLoader.Provider::get)
                .filter(e -> e.format().equals("${format}")).findFirst().orElseThrow();
    }

    @Test
    void aTableIsAMarkdownTableWithItsNAndWhatAHiddenCellMeans() throws Exception {
        String md = export("en");
        assertTrue(md.startsWith("# Årsrapport\n"), md);
        assertTrue(md.contains("| Measures | Children |\n| --- | ---: |\n| Open | 340 |\n| Individual | – |\n"
                + "| **Total** | **343** |\n"), md);
        assertTrue(md.contains("\nN = 15 measures\n"), md);
        assertTrue(md.contains("– : hidden, fewer than 5"), md);
    }

    @Test
    void theReportsLanguagePicksTheTexts() throws Exception {
        String md = export("nb");
        assertTrue(md.contains("| Åpne | 340 |"), md);
        assertTrue(md.contains("\nN = 15 tiltak\n"), md);
        assertTrue(md.contains("– : skjult, færre enn 5"), md);
    }

    @Test
    void theFormatIsNamedForTheCommandLine() {
        assertEquals("${format}", exporter().fileExtension());
    }
}
