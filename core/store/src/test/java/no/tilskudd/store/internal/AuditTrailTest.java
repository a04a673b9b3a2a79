package no.tilskudd.store.internal;

import static no.tilskudd.store.internal.H2SubmissionStoreTest.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.audit.AuditEvent;
import no.tilskudd.api.audit.AuditQuery;
import no.tilskudd.api.store.DuplicateSubmissionException;
import no.tilskudd.api.store.SubmissionQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every save is recorded with the data, in the same transaction; the trail reads back in order. */
class AuditTrailTest {

    @TempDir
    Path dir;

    private static AuditQuery all() {
        return new AuditQuery(Optional.empty(), AuditQuery.MAX_LIMIT);
    }

    @Test
    void importsAndReplacementsAreRecordedWithWhoWhatAndHowMany() {
        try (H2SubmissionStore store = new H2SubmissionStore(dir)) {
            store.save(List.of(submission("ks", 2024, "0301"), submission("ks", 2024, "1103")), false,
                    "a.jsonl", "os:kari");
            store.save(List.of(submission("ks", 2024, "0301"), submission("ks", 2025, "0301")), true, "b.jsonl",
                    "web:admin");
            List<AuditEvent> events = store.read(all());
            assertEquals(2, events.size());
            AuditEntry first = events.get(0).entry();
            assertEquals("os:kari", first.actor());
            assertEquals("submissions.import", first.action());
            assertEquals("a.jsonl", first.subject());
            assertEquals(Map.of("inserted", "2", "replaced", "0", "schemeYears", "ks 2024", "orgUnits", "2",
                    "orgUnitCodes", "0301, 1103"), first.details());
            AuditEntry second = events.get(1).entry();
            assertEquals("submissions.replace", second.action());
            assertEquals("web:admin", second.actor());
            assertEquals("1", second.details().get("replaced"));
            assertEquals("ks 2024, ks 2025", second.details().get("schemeYears"));
            assertTrue(events.get(0).sequence() < events.get(1).sequence());
        }
    }

    @Test
    void aRefusedSaveRecordsNothing() {
        try (H2SubmissionStore store = new H2SubmissionStore(dir)) {
            store.save(List.of(submission("ks", 2024, "0301")), false, "a.jsonl", "os:kari");
            assertThrows(DuplicateSubmissionException.class,
                    () -> store.save(List.of(submission("ks", 2024, "1103"), submission("ks", 2024, "0301")),
                            false, "b.jsonl", "os:kari"));
            assertEquals(1, store.read(all()).size());
            assertEquals(1, store.count(SubmissionQuery.all()));
        }
    }

    @Test
    void theTrailIsReadFromATimeAndLimitedToTheNewest() throws Exception {
        try (H2SubmissionStore store = new H2SubmissionStore(dir)) {
            for (int i = 0; i < 5; i++) {
                store.record(new AuditEntry("os:test", "user.add", "user" + i, Map.of()));
            }
            Instant cut = Instant.now();
            Thread.sleep(5);
            store.record(new AuditEntry("os:test", "user.remove", "user0", Map.of()));
            List<AuditEvent> since = store.read(new AuditQuery(Optional.of(cut), 100));
            assertEquals(List.of("user.remove"), since.stream().map(e -> e.entry().action()).toList());
            List<AuditEvent> newest = store.read(new AuditQuery(Optional.empty(), 2));
            assertEquals(List.of("user4", "user0"), newest.stream().map(e -> e.entry().subject()).toList());
        }
        try (H2SubmissionStore reopened = new H2SubmissionStore(dir)) {
            assertEquals(6, reopened.read(all()).size());
        }
    }

    @Test
    void aBackupOpensAsAStoreWithTheSameDataAndTrail() throws Exception {
        Path copy = Files.createDirectory(dir.resolve("copy"));
        try (H2SubmissionStore store = new H2SubmissionStore(Files.createDirectory(dir.resolve("live")))) {
            store.save(List.of(submission("ks", 2024, "0301")), false, "a.jsonl", "os:kari");
            List<Path> files = store.backup(copy);
            assertEquals(List.of(Path.of("tilskudd.mv.db"), Path.of(StoreCredentials.FILE_NAME)), files);
            // still usable while and after it is copied
            store.save(List.of(submission("ks", 2024, "1103")), false, "b.jsonl", "os:kari");
        }
        try (H2SubmissionStore restored = new H2SubmissionStore(copy)) {
            assertEquals(1, restored.count(SubmissionQuery.all()));
            assertEquals(List.of("a.jsonl"), restored.read(all()).stream().map(e -> e.entry().subject()).toList());
        }
    }
}
