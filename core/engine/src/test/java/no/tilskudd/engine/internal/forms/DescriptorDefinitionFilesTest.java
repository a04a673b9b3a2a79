package no.tilskudd.engine.internal.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.indicator.Indicator;
import no.tilskudd.api.indicator.IndicatorInput;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.TestSchemes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scheme ships its own indicator definitions beside its forms and names them in its descriptor by path. */
class DescriptorDefinitionFilesTest {

    private static final String STATUS = """
            { "formatVersion": 1, "id": "status-by-year", "title": { "nb": "Status", "en": "Status" },
              "count": "report",
              "rows": { "by": "field", "field": "status", "id": "answer", "label": { "nb": "Svar", "en": "Answer" } },
              "columns": { "by": "year" },
              "measures": [ { "id": "{column}", "label": { "nb": "{column}", "en": "{column}" }, "type": "count" } ],
              "total": { "nb": "I alt", "en": "Total" } }
            """;

    @TempDir
    Path dir;

    private URL scheme(String definition) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("scheme.json", TestSchemes.DESCRIPTOR.replace("\"firstYear\"",
                "\"indicators\": [\"goal-achievement\", \"indicators/status.json\"], \"firstYear\""));
        files.put("forms/2006.json", TestSchemes.FORM_2006);
        files.put("forms/2021.json", TestSchemes.FORM_2021);
        files.put("indicators/status.json", definition);
        return TestSchemes.write(dir, files);
    }

    @Test
    void theSchemesOwnDefinitionIsBoundToItsForms() throws Exception {
        SchemeData d = DefinitionReader.readDescriptor(scheme(STATUS), TestSchemes.ORIGIN);
        assertEquals(List.of("goal-achievement", "status-by-year"), d.indicators().stream().map(Indicator::id)
                .toList());
        Indicator status = d.indicators().get(1);
        List<Submission> subs = List.of(
                new Submission("test", 2016, "0301", Optional.empty(), Map.of("status", "ok")),
                new Submission("test", 2016, "1201", Optional.empty(), Map.of("status", "notOk")),
                new Submission("test", 2021, "0301", Optional.empty(), Map.of("count", 3L)));
        Table t = status.compute(new IndicatorInput(Selection.of("test", 2016, 2021), subs,
                (code, year) -> Optional.empty()));
        assertEquals(2, t.n().orElseThrow().value());
        // labels from the form's code list; the 2021 form does not ask for the status
        assertEquals(List.of(List.of("OK", 1L), List.of("Ikke OK", 1L), List.of("Total", 2L)),
                t.rows().stream().map(r -> r.cellsIn(Locale.ENGLISH)).toList());
        assertEquals("Not asked in the form for test 2021; those reports are left out.",
                t.notes().get(0).text().en());
    }

    @Test
    void aDefinitionNamingWhatTheFormsLackIsRefusedWithFileAndPointer() {
        String message = assertThrows(DefinitionException.class, () -> DefinitionReader.readDescriptor(
                scheme(STATUS.replace("\"field\": \"status\"", "\"field\": \"goalsReached\"")), TestSchemes.ORIGIN))
                .getMessage();
        assertEquals("status.json: /rows/field: unknown field 'goalsReached' (the forms of scheme test have: title, "
                + "count, ratio, grant, cap, share, started, reportDate, active, status, reasons, measures)", message);
        String code = assertThrows(DefinitionException.class, () -> DefinitionReader.readDescriptor(
                scheme(STATUS.replace("\"id\": \"answer\"", "\"codes\": [\"ok\", \"fine\"], \"id\": \"answer\"")),
                TestSchemes.ORIGIN)).getMessage();
        assertEquals("status.json: /rows/codes/1: unknown code 'fine' of field 'status' (codes: ok, notOk)", code);
    }
}
