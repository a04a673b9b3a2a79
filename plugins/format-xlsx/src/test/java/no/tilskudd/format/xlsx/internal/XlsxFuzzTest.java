package no.tilskudd.format.xlsx.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import no.tilskudd.api.submission.ImportedSubmission;
import no.tilskudd.api.submission.ReadProblem;
import no.tilskudd.api.submission.ReadResult;
import no.tilskudd.api.submission.Violation;
import org.junit.jupiter.api.Test;

/**
 * Filled templates with random answers in random cells, and damaged workbook files, through the importer and the
 * engine: each one yields a submission (valid or with violations), or read problems that name the file; never an
 * exception. Seeded, so a failing case can be reproduced by its number.
 */
class XlsxFuzzTest {

    private static final String[][] CELLS = {
        {"Forside", "Kommune-/bydelsnummer"},
        {Example.GRANT, "Tildelt tilskudd (kr)"},
        {Example.GRANT, "Egenfinansiering (kr)"},
        {Example.GRANT, "Andel av midlene brukt direkte på barn (prosent)"},
        {Example.GRANT, "Dato for rapporten"},
        {Example.GOALS, "Nådde kommunen alle målsettingene for tilskuddet?"},
        {Example.GOALS, "Mangel på tid"},
        {Example.GOALS, "Er arbeidet forankret i en kommunal plan?"},
        {Example.GOALS, "Kommentarer"},
    };
    private static final String[] ROW_CELLS = {"Navn på tiltaket", "Kategori", "Antall barn og unge som deltok",
        "Midler brukt på tiltaket (kr)", "Nytt eller videreført tiltak",
        "Hvis videreføring, hvilket år fikk tiltaket støtte første gang?"};

    @Test
    void randomAnswersAreReadAndValidatedWithoutException() throws IOException {
        byte[] template = Example.template(Optional.empty());
        Random r = new Random(2016);
        for (int i = 0; i < 1000; i++) {
            byte[] file;
            try (TemplateFiller f = new TemplateFiller(template)) {
                for (int k = 0; k < 1 + r.nextInt(6); k++) {
                    String[] cell = CELLS[r.nextInt(CELLS.length)];
                    f.set(cell[0], cell[1], value(r));
                }
                for (int k = 0; k < r.nextInt(4); k++) {
                    f.row(Example.MEASURES, 1 + r.nextInt(3), ROW_CELLS[r.nextInt(ROW_CELLS.length)], value(r));
                }
                file = f.bytes();
            }
            check(i, Example.read("fuzz.xlsx", file));
        }
    }

    @Test
    void damagedFilesAreRefusedWithoutException() throws IOException {
        byte[] good = Example.filled();
        Random r = new Random(2017);
        for (int i = 0; i < 1000; i++) {
            byte[] bad = good.clone();
            switch (r.nextInt(3)) {
                case 0 -> {
                    for (int k = 0; k < 1 + r.nextInt(8); k++) {
                        bad[r.nextInt(bad.length)] = (byte) r.nextInt(256);
                    }
                }
                case 1 -> bad = java.util.Arrays.copyOf(good, r.nextInt(good.length));
                default -> {
                    int from = r.nextInt(good.length);
                    int len = Math.min(good.length - from, 1 + r.nextInt(512));
                    System.arraycopy(new byte[len], 0, bad, from, len);
                }
            }
            check(i, Example.read("fuzz.xlsx", bad));
        }
    }

    private static void check(int n, ReadResult result) {
        assertTrue(result.submissions().size() <= 1, "case " + n + ": one template is one submission");
        for (ReadProblem p : result.problems()) {
            assertTrue(p.position().file().equals("fuzz.xlsx"), "case " + n + ": " + p);
            assertFalse(p.message().isBlank(), "case " + n + ": " + p);
        }
        for (ImportedSubmission s : result.submissions()) {
            List<Violation> violations = Example.ENGINE.validation().validate(s.submission());
            for (Violation v : violations) {
                assertTrue(s.positionOf(v.path()).file().equals("fuzz.xlsx"), "case " + n + ": " + v);
            }
        }
        assertTrue(!result.submissions().isEmpty() || !result.problems().isEmpty(),
                "case " + n + ": neither a submission nor a problem");
    }

    private static Object value(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> r.nextInt(2_000_000) - 1000;
            case 1 -> r.nextDouble() * 1e9 - 1e3;
            case 2 -> LocalDate.of(1900 + r.nextInt(200), 1 + r.nextInt(12), 1 + r.nextInt(28));
            case 3 -> "=SUM(A1:A9)";
            case 4 -> "";
            case 5 -> List.of("Ja", "Nei", "Nytt", "Videreføring", "Åpent for alle", "1804", "0301", "9999")
                    .get(r.nextInt(8));
            default -> Long.toString(r.nextLong(), 36) + "æøå\t\n";
        };
    }
}
