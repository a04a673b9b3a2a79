package no.tilskudd.format.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import no.tilskudd.api.report.Report;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every PDF the exporter writes is PDF/A-2u (for the archive) and PDF/UA-1 (for screen readers) in one file: veraPDF
 * 1.28.2's two profiles find no failed rule in the Norwegian and the English report of a report model with every
 * kind of block (headings, paragraphs, key figures as a list, a table over many pages, charts, notes, contents
 * links).
 */
class ArchivalAndAccessiblePdfTest {

    static byte[] export(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportExporter().export(report, out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nb-NO", "en"})
    void pdfA2uHasNoFailedRule(String language) throws IOException {
        VeraPdf.Verdict verdict = VeraPdf.pdfA2u(export(TestReports.full(language)));
        System.out.println(language + " " + verdict);
        assertTrue(verdict.passed(), verdict.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nb-NO", "en"})
    void pdfUa1HasNoFailedRule(String language) throws IOException {
        VeraPdf.Verdict verdict = VeraPdf.pdfUa1(export(TestReports.full(language)));
        System.out.println(language + " " + verdict);
        assertTrue(verdict.passed(), verdict.toString());
    }
}
