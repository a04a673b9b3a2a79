package no.tilskudd.api.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import no.tilskudd.api.form.LocalizedText;
import no.tilskudd.api.form.Severity;
import no.tilskudd.api.store.DuplicateSubmissionException;
import no.tilskudd.api.submission.SourcePosition;
import no.tilskudd.api.submission.SubmissionKey;
import org.junit.jupiter.api.Test;

class ServiceTypesTest {

    private static Finding finding(Severity severity) {
        return new Finding(new SourcePosition("f.jsonl", "1"), "count", severity, "C", LocalizedText.of("m"));
    }

    @Test
    void fileReportWithOnlyWarningsHasNoErrors() {
        FileReport r = new FileReport("f.jsonl", 1, 0, List.of(finding(Severity.WARNING)), true, 1, 0);
        assertFalse(r.hasErrors());
    }

    @Test
    void fileReportWithAnErrorHasErrors() {
        FileReport r = new FileReport("f.jsonl", 1, 1,
                List.of(finding(Severity.WARNING), finding(Severity.ERROR)), false, 0, 0);
        assertTrue(r.hasErrors());
    }

    @Test
    void unknownFormatListsTheInstalledFormatsSorted() {
        UnknownFormatException e = new UnknownFormatException("pdf", Set.of("xlsx", "docx"));
        assertEquals("no installed exporter writes format 'pdf'; installed: docx, xlsx", e.getMessage());
        assertEquals("pdf", e.format());
        assertEquals(Set.of("xlsx", "docx"), e.available());
    }

    @Test
    void unknownFormatSaysNoneWhenNothingIsInstalled() {
        assertEquals("no installed exporter writes format 'pdf'; installed: none",
                new UnknownFormatException("pdf", Set.of()).getMessage());
    }

    @Test
    void duplicateSubmissionNamesTheKeys() {
        DuplicateSubmissionException e = new DuplicateSubmissionException(
                List.of(new SubmissionKey("avdir", 2012, "0301")));
        assertEquals("already stored (use replace to overwrite): [avdir/2012/0301]", e.getMessage());
        assertEquals(1, e.duplicates().size());
    }
}
