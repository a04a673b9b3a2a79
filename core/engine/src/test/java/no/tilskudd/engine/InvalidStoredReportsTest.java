package no.tilskudd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.indicator.Selection;
import no.tilskudd.api.report.Table;
import no.tilskudd.api.scheme.Scheme;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.IndicatorService;
import no.tilskudd.api.service.StoredReportCheck;
import no.tilskudd.api.store.StoredSubmission;
import no.tilskudd.api.store.SubmissionQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: stored reports that no longer validate against a current form (here three whose form version is gone)
 * are still counted by the indicators, and never silently: the check counts them per scheme and by code, and every
 * table that includes them says how many of its reports they are, in bokmål and English, for the selection it shows.
 */
class InvalidStoredReportsTest {

    @TempDir
    Path dir;

    @Test
    void reportsWhoseFormIsGoneAreCountedAndNotedUnderEveryTable() throws Exception {
        InMemoryStore store = new InMemoryStore();
        StandaloneEngine engine = StandaloneEngine.fromServiceLoader(Optional.of(store));
        Scheme example = engine.schemes().scheme("example").orElseThrow();
        Path demo = dir.resolve("demo.jsonl");
        try (InputStream in = example.demoData().orElseThrow().openStream()) {
            Files.copy(in, demo);
        }
        FileReport imported = engine.imports().importFile(demo, false);
        assertTrue(imported.stored());
        assertEquals(Optional.of(new StoredReportCheck.Invalid("example", 0, 28, Map.of(), List.of())),
                engine.storedReports().invalid("example"));
        assertEquals(List.of(), engine.storedReports().invalid());
        IndicatorService.Results before = engine.indicators().compute(Selection.of("example", 2016, 2017));
        for (Table t : before.tables()) {
            assertTrue(t.notes().stream().noneMatch(n -> n.text().in(Locale.ENGLISH).contains("no longer validate")));
        }

        // Three reports of 2016 name a form version the scheme no longer has, as after an update that dropped it.
        List<StoredSubmission> all = store.find(new SubmissionQuery(Optional.of("example"), Optional.of(2016),
                Optional.of(2016), java.util.Set.of()));
        for (StoredSubmission s : all.subList(0, 3)) {
            store.save(List.of(s.submission().withFormVersion("2015")), true, "test", "test");
        }
        StoredReportCheck.Invalid invalid = engine.storedReports().invalid("example").orElseThrow();
        assertEquals(3, invalid.invalid());
        assertEquals(28, invalid.stored());
        assertEquals(Map.of("FORM_UNKNOWN", 3L), invalid.byCode());
        assertEquals("example: 3 of 28 stored reports no longer validate against a current form (FORM_UNKNOWN 3)",
                invalid.toString());
        assertEquals(List.of(invalid), engine.storedReports().invalid());

        IndicatorService.Results after = engine.indicators().compute(Selection.of("example", 2016, 2017));
        assertEquals(28, after.submissions(), "they are still counted");
        assertTrue(!after.tables().isEmpty());
        for (Table t : after.tables()) {
            List<String> en = t.notes().stream().map(n -> n.text().in(Locale.ENGLISH)).toList();
            List<String> nb = t.notes().stream().map(n -> n.text().in(Locale.forLanguageTag("nb"))).toList();
            assertTrue(en.stream().anyMatch(n -> n.startsWith("3 of 28 reports no longer validate against a current "
                    + "form")), t.id() + ": " + en);
            assertTrue(nb.stream().anyMatch(n -> n.startsWith("3 av 28 rapporter validerer ikke lenger mot et "
                    + "gjeldende skjema")), t.id() + ": " + nb);
        }
        // A selection without them has no note.
        IndicatorService.Results later = engine.indicators().compute(Selection.of("example", 2017, 2017));
        for (Table t : later.tables()) {
            assertTrue(t.notes().stream().noneMatch(n -> n.text().in(Locale.ENGLISH).contains("no longer validate")),
                    t.id() + ": " + t.notes());
        }
    }
}
