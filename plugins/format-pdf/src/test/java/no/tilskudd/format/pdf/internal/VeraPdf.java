package no.tilskudd.format.pdf.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.RuleId;

/**
 * veraPDF's validation model (the engine of greenfield-apps), run in the test's JVM on the bytes of a PDF. The
 * result lists each failed rule with its number of failed checks and veraPDF's message, so that a failing test says
 * which clause of the standard is broken and where.
 */
final class VeraPdf {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    /** One profile's verdict: the failed rules, by rule id, with their failed checks and a message each. */
    record Verdict(PDFAFlavour profile, int checks, Map<String, Integer> failedChecks, List<String> messages) {
        boolean passed() {
            return failedChecks.isEmpty();
        }

        int failedRules() {
            return failedChecks.size();
        }

        int failedCheckCount() {
            return failedChecks.values().stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public String toString() {
            return profile.getId() + ": " + failedRules() + " failed rules, " + failedCheckCount() + " failed checks of "
                    + checks + " " + failedChecks + (messages.isEmpty() ? "" : "\n  " + String.join("\n  ", messages));
        }
    }

    private VeraPdf() {
    }

    static Verdict pdfA2u(byte[] pdf) {
        return validate(pdf, PDFAFlavour.PDFA_2_U);
    }

    static Verdict pdfUa1(byte[] pdf) {
        return validate(pdf, PDFAFlavour.PDFUA_1);
    }

    static Verdict validate(byte[] pdf, PDFAFlavour flavour) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, 3, false, true,
                        false)) {
            ValidationResult result = validator.validate(parser);
            Map<String, Integer> failed = new TreeMap<>();
            for (Map.Entry<RuleId, Integer> e : result.getFailedChecks().entrySet()) {
                failed.put(id(e.getKey()), e.getValue());
            }
            List<String> messages = new ArrayList<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    messages.add(id(a.getRuleId()) + " " + a.getMessage() + " [" + a.getLocation().getContext() + "]"
                            + (a.getErrorMessage() == null ? "" : " " + a.getErrorMessage()));
                }
            }
            return new Verdict(flavour, result.getTotalAssertions(), failed, messages);
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not read the PDF with profile " + flavour.getId() + ": " + e, e);
        }
    }

    private static String id(RuleId rule) {
        return rule.getClause() + "-" + rule.getTestNumber();
    }
}
