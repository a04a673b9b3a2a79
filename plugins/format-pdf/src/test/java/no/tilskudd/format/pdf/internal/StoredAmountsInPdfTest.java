package no.tilskudd.format.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.report.Report;
import no.tilskudd.api.report.ReportBlock;
import no.tilskudd.api.report.ReportSection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.report.ValueKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 12, item 2): every representation in which the store can hand over an amount comes out of a PDF
 * table and a key figure with its value (to the øre), read back from the PDF with poppler.
 */
class StoredAmountsInPdfTest {

    @TempDir
    Path temp;

    @Test
    void everyAmountAppearsInTheTableAndTheKeyFigures() throws IOException {
        Map<Object, String> printed = new LinkedHashMap<>();
        printed.put(new BigDecimal("1E+12"), "1 000 000 000 000 kr");
        printed.put(new BigDecimal("1234.5678"), "1 234,57 kr");
        printed.put(new BigDecimal("500000.00"), "500 000 kr");
        printed.put(new BigDecimal("12345678901234567.89"), "12 345 678 901 234 567,89 kr");
        printed.put(9_007_199_254_740_993L, "9 007 199 254 740 993 kr");
        printed.put(new BigDecimal("1E+400"), "1E+400 kr");
        printed.put(new BigDecimal("-0.00"), "0 kr");
        List<Table.Row> rows = new ArrayList<>();
        int i = 0;
        for (Object amount : printed.keySet()) {
            rows.add(Table.Row.data("rad " + i++, amount));
        }
        Table table = Table.of("amounts", LocalizedText.of("Beløp"), List.of(Table.Column.of("what", "Hva",
                ValueKind.TEXT), Table.Column.of("amount", "Beløp", ValueKind.AMOUNT)), rows).withN(7);
        ReportBlock.KeyFigures figures = new ReportBlock.KeyFigures(List.of(new ReportBlock.KeyFigure(
                "Tilskudd i alt", new BigDecimal("2E+12"), ValueKind.AMOUNT)));
        Report report = new Report("Store tall", "nb-NO", Map.of(), List.of(new ReportSection("Sammendrag",
                List.of(figures, table))), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportExporter().export(report, out);
        Path pdf = Files.write(temp.resolve("amounts.pdf"), out.toByteArray());
        String text = Poppler.text(pdf).replace('\u00A0', ' ');
        for (Map.Entry<Object, String> e : printed.entrySet()) {
            assertTrue(text.contains(e.getValue()), e.getKey() + " should read " + e.getValue() + " in:\n" + text);
        }
        assertTrue(text.contains("2 000 000 000 000 kr"), "key figure, in:\n" + text);
    }
}
