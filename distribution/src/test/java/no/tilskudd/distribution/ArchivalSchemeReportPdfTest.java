package no.tilskudd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.RuleId;

/**
 * The scheme reports an administrator writes with {@code tilskudd report --format pdf} from the demo data, in
 * bokmål and English, through the PDF plugin as shipped in deploy/: veraPDF 1.28.2 finds no failed rule of PDF/A-2u
 * or PDF/UA-1 in them, poppler's pdfinfo reports them tagged, and the cover names no plugin bundle or build
 * version. The same holds for the publication {@code evaluering-2009}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchivalSchemeReportPdfTest {

    private TestHost host;
    private Path out;

    @BeforeAll
    void importTheDemoData(@TempDir Path temp) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        out = temp.resolve("out");
        Files.createDirectories(out);
        host = TestHost.start(temp.resolve("host"), false, WebHost.plugin("tilskudd-scheme-avdir"),
                WebHost.plugin("tilskudd-scheme-bufdir"), WebHost.plugin("tilskudd-survey-evaluering-2009"),
                WebHost.plugin("tilskudd-cross-scheme-indicators"), WebHost.plugin("tilskudd-format-pdf"));
        for (String scheme : List.of("avdir", "bufdir")) {
            TestHost.Result r = host.run("import", SeveralSchemesThroughAdaptersTest.demoFile(scheme).toString());
            assertEquals(0, r.exit(), r.out() + r.err());
        }
        Path survey = WebHost.distribution().resolve(
                "../../../plugins/survey-evaluering-2009/src/main/resources/tilskudd/survey-2009/demo").normalize();
        TestHost.Result grants = host.run("grants", "import", survey.resolve("grants-2006-2008.csv").toString());
        assertEquals(0, grants.exit(), grants.out() + grants.err());
        TestHost.Result answers = host.run("import", survey.resolve("survey-2009-demo.jsonl").toString());
        assertEquals(0, answers.exit(), answers.out() + answers.err());
    }

    @AfterAll
    void stop() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"avdir,nb", "avdir,en", "bufdir,nb", "bufdir,en"})
    void theSchemeReportIsPdfA2uAndPdfUa1(String scheme, String lang) throws Exception {
        Path pdf = out.resolve(scheme + "-" + lang + ".pdf");
        TestHost.Result r = host.run("report", "--scheme", scheme, "--years", "2006-2008", "--format", "pdf",
                "--lang", lang, "--out", pdf.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        byte[] bytes = Files.readAllBytes(pdf);
        for (PDFAFlavour profile : List.of(PDFAFlavour.PDFA_2_U, PDFAFlavour.PDFUA_1)) {
            String failures = failedRules(bytes, profile);
            assertTrue(failures.isEmpty(), scheme + " " + lang + " " + profile.getId() + ": " + failures);
        }
        String info = PdfInFrameworkTest.run("pdfinfo", pdf.toString());
        assertTrue(info.contains("Tagged:          yes"), info);
        String cover = PdfInFrameworkTest.run("pdftotext", "-enc", "UTF-8", "-l", "1", pdf.toString(), "-");
        assertFalse(cover.contains("SNAPSHOT") || cover.contains("no.tilskudd."),
                "the cover names no plugin bundle or build version:\n" + cover);
    }

    /** The publication, the document a directorate archives above all, in both languages. */
    @ParameterizedTest
    @CsvSource({"nb", "en"})
    void thePublicationIsPdfA2uAndPdfUa1(String lang) throws Exception {
        Path pdf = out.resolve("evaluering-2009-" + lang + ".pdf");
        TestHost.Result r = host.run("report", "--publication", "evaluering-2009", "--format", "pdf", "--lang", lang,
                "--out", pdf.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        byte[] bytes = Files.readAllBytes(pdf);
        for (PDFAFlavour profile : List.of(PDFAFlavour.PDFA_2_U, PDFAFlavour.PDFUA_1)) {
            String failures = failedRules(bytes, profile);
            assertTrue(failures.isEmpty(), "evaluering-2009 " + lang + " " + profile.getId() + ": " + failures);
        }
        String info = PdfInFrameworkTest.run("pdfinfo", pdf.toString());
        assertTrue(info.contains("Tagged:          yes"), info);
        String text = PdfInFrameworkTest.run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
        if (lang.equals("en")) {
            assertEquals(List.of(), EnglishThroughoutTest.norwegianIn("evaluering-2009 PDF", text));
        }
    }

    /** The failed rules with their failed checks and a few messages each; empty when the file conforms. */
    private static String failedRules(byte[] pdf, PDFAFlavour flavour) throws Exception {
        try (InputStream in = new java.io.ByteArrayInputStream(pdf);
                PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, 3, false, true,
                        false)) {
            ValidationResult result = validator.validate(parser);
            if (result.isCompliant()) {
                return "";
            }
            Map<String, Integer> failed = new TreeMap<>();
            for (Map.Entry<RuleId, Integer> e : result.getFailedChecks().entrySet()) {
                failed.put(e.getKey().getClause() + "-" + e.getKey().getTestNumber(), e.getValue());
            }
            List<String> messages = new ArrayList<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    messages.add(a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " "
                            + a.getErrorMessage() + " [" + a.getLocation().getContext() + "]");
                }
            }
            return failed + "\n  " + String.join("\n  ", messages);
        }
    }
}
