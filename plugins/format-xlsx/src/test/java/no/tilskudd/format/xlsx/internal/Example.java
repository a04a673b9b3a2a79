package no.tilskudd.format.xlsx.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.form.FormDefinition;
import no.tilskudd.api.scheme.OrgUnit;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.submission.ReadResult;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.StandaloneEngine;

/**
 * The example scheme as the engine loads it (found by ServiceLoader on the test class path, like this plugin's own
 * services), a filled-in answer set, and the submission it must come back as.
 */
final class Example {

    static final StandaloneEngine ENGINE = StandaloneEngine.fromServiceLoader(Optional.empty());
    static final String GRANT = "Tilskudd og finansiering";
    static final String GOALS = "Måloppnåelse";
    static final String MEASURES = "Tiltak";

    private Example() {
    }

    static Scheme scheme() {
        return ENGINE.schemes().scheme("example").orElseThrow(() -> new AssertionError(
                "the example scheme is not on the test class path"));
    }

    static FormDefinition form() {
        return scheme().form("2016").orElseThrow();
    }

    static byte[] template(Optional<OrgUnit> unit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxTemplateExporter().writeTemplate(scheme(), form(), 2016, unit, out);
        return out.toByteArray();
    }

    static ReadResult read(String name, byte[] bytes) throws IOException {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return new XlsxSubmissionImporter().read(name, in, id -> ENGINE.schemes().scheme(id));
        }
    }

    /** Fills every kind of answer the example form has; the second measure leaves its optional cells empty. */
    static byte[] filled() throws IOException {
        try (TemplateFiller f = new TemplateFiller(template(Optional.empty()))) {
            f.set("Forside", "Kommune-/bydelsnummer", "1804");
            f.set(GRANT, "Tildelt tilskudd (kr)", 500_000);
            f.set(GRANT, "Egenfinansiering (kr)", 25_000.5);
            f.set(GRANT, "Andel av midlene brukt direkte på barn (prosent)", 80);
            f.set(GRANT, "Dato for rapporten", LocalDate.of(2017, 2, 9));
            f.set(GOALS, "Nådde kommunen alle målsettingene for tilskuddet?", "Nådde ikke alle målsettinger");
            f.set(GOALS, "Dårlig respons fra brukerne", "Ja");
            f.set(GOALS, "Personalmessige forhold", "Nei");
            f.set(GOALS, "Mangel på tid", "Ja");
            f.set(GOALS, "Er arbeidet forankret i en kommunal plan?", "Nei");
            f.set(GOALS, "Kommentarer", "=1+1 er ikke en formel");
            f.row(MEASURES, 1, "Navn på tiltaket", "Leksehjelp");
            f.row(MEASURES, 1, "Kategori", "Individuell støtte");
            f.row(MEASURES, 1, "Antall barn og unge som deltok", 15);
            f.row(MEASURES, 1, "Antall familier som deltok", 2);
            f.row(MEASURES, 1, "Midler brukt på tiltaket (kr)", 30_000);
            f.row(MEASURES, 1, "Gjennomsnittsalder for deltakerne", 11.5);
            f.row(MEASURES, 1, "Nytt eller videreført tiltak", "Nytt");
            f.row(MEASURES, 1, "Hvis videreføring, hvilket år fikk tiltaket støtte første gang?", 2016);
            // row 2 stays empty: empty rows are skipped
            f.row(MEASURES, 3, "Navn på tiltaket", "Sommerjobb");
            f.row(MEASURES, 3, "Kategori", "Åpent for alle");
            f.row(MEASURES, 3, "Antall barn og unge som deltok", 35);
            f.row(MEASURES, 3, "Nytt eller videreført tiltak", "Videreføring");
            f.row(MEASURES, 3, "Hvis videreføring, hvilket år fikk tiltaket støtte første gang?", 2016);
            return f.bytes();
        }
    }

    static Submission expected() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("grantAmount", new BigDecimal("500000"));
        v.put("ownFunding", new BigDecimal("25000.5"));
        v.put("shareToChildren", new BigDecimal("80"));
        v.put("reportDate", "2017-02-09");
        v.put("goalsReached", "notAll");
        v.put("goalsNotReachedReason", List.of("response", "time"));
        v.put("anchoredInPlan", false);
        v.put("comment", "=1+1 er ikke en formel");
        Map<String, Object> m1 = new LinkedHashMap<>();
        m1.put("name", "Leksehjelp");
        m1.put("category", "individ");
        m1.put("participantsChildren", 15L);
        m1.put("participantsFamilies", 2L);
        m1.put("budget", new BigDecimal("30000"));
        m1.put("averageAge", new BigDecimal("11.5"));
        m1.put("newOrContinued", "new");
        m1.put("firstFundedYear", 2016L);
        Map<String, Object> m2 = new LinkedHashMap<>();
        m2.put("name", "Sommerjobb");
        m2.put("category", "alle");
        m2.put("participantsChildren", 35L);
        m2.put("newOrContinued", "continued");
        m2.put("firstFundedYear", 2016L);
        v.put("measures", List.of(m1, m2));
        return new Submission("example", 2016, "1804", Optional.of("2016"), v);
    }
}
