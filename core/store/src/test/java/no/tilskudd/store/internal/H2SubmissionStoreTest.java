package no.tilskudd.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tilskudd.api.store.DuplicateSubmissionException;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.api.store.StoreException;
import no.tilskudd.api.store.StoredSubmission;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.SubmissionKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2SubmissionStoreTest {

    @TempDir
    Path dir;

    private H2SubmissionStore store;

    @BeforeEach
    void open() {
        store = new H2SubmissionStore(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Submission submission(String scheme, int year, String orgUnit, Map<String, Object> values) {
        return new Submission(scheme, year, orgUnit, Optional.of("v1"), values);
    }

    static Submission submission(String scheme, int year, String orgUnit) {
        return submission(scheme, year, orgUnit, Map.of("answer", (Object) (orgUnit + "-" + year)));
    }

    private StoredSubmission only(String scheme, int year, String orgUnit) {
        List<StoredSubmission> found = store.find(new SubmissionQuery(Optional.of(scheme), Optional.of(year),
                Optional.of(year), Set.of(orgUnit)));
        assertEquals(1, found.size(), () -> "stored " + scheme + "/" + year + "/" + orgUnit + ": " + found);
        return found.get(0);
    }

    private List<SubmissionKey> keys(SubmissionQuery query) {
        return store.find(query).stream().map(s -> s.submission().key()).toList();
    }

    @Test
    void roundTripKeepsEveryValueTypeAndTheOrder() {
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("name", "Inner");
        child.put("hours", 3);
        Map<String, Object> row1 = new LinkedHashMap<>();
        row1.put("z-first", "Kari");
        row1.put("amount", new BigDecimal("1500.50"));
        row1.put("count", 7L);
        row1.put("active", true);
        row1.put("tags", List.of("x", "y"));
        row1.put("children", List.of(child));
        Map<String, Object> row2 = new LinkedHashMap<>();
        row2.put("z-first", "Ola");
        row2.put("amount", new BigDecimal("0.000"));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("text", "Æøå «quoted» \"text\"\nline");
        values.put("long", 9_000_000_000L);
        values.put("int", 42);
        values.put("short", (short) 7);
        values.put("decimal", new BigDecimal("1500.50"));
        values.put("big", new BigDecimal("12345678901234567890.123456789"));
        values.put("negative", new BigDecimal("-0.10"));
        values.put("yes", true);
        values.put("no", false);
        values.put("choices", List.of("b", "a"));
        values.put("none", List.of());
        values.put("absent", null);
        values.put("staff", List.of(row1, row2));
        Instant before = Instant.now().minusSeconds(1);

        SaveResult result = store.save(List.of(new Submission("ks", 2024, "0301", Optional.of("2024.1"), values)),
                false, "ks-2024.xlsx");

        assertEquals(new SaveResult(1, 0), result);
        StoredSubmission stored = only("ks", 2024, "0301");
        Submission s = stored.submission();
        assertEquals(Optional.of("2024.1"), s.formVersion());
        assertEquals("ks-2024.xlsx", stored.source());
        assertFalse(stored.importedAt().isBefore(before));
        assertFalse(stored.importedAt().isAfter(Instant.now()));
        assertEquals(List.copyOf(values.keySet()), List.copyOf(s.values().keySet()));

        Map<String, Object> v = s.values();
        assertEquals("Æøå «quoted» \"text\"\nline", v.get("text"));
        assertEquals(9_000_000_000L, v.get("long"));
        assertEquals(42L, v.get("int"));
        assertEquals(7L, v.get("short"));
        assertEquals(new BigDecimal("1500.50"), v.get("decimal"));
        assertEquals(2, ((BigDecimal) v.get("decimal")).scale());
        assertEquals(new BigDecimal("12345678901234567890.123456789"), v.get("big"));
        assertEquals(new BigDecimal("-0.10"), v.get("negative"));
        assertEquals(true, v.get("yes"));
        assertEquals(false, v.get("no"));
        assertEquals(List.of("b", "a"), v.get("choices"));
        assertEquals(List.of(), v.get("none"));
        assertTrue(v.containsKey("absent"));
        assertEquals(null, v.get("absent"));

        List<Map<String, Object>> rows = s.rows("staff");
        assertEquals(2, rows.size());
        Map<String, Object> r1 = rows.get(0);
        assertEquals(List.of("z-first", "amount", "count", "active", "tags", "children"), List.copyOf(r1.keySet()));
        assertEquals("Kari", r1.get("z-first"));
        assertEquals(new BigDecimal("1500.50"), r1.get("amount"));
        assertEquals(7L, r1.get("count"));
        assertEquals(true, r1.get("active"));
        assertEquals(List.of("x", "y"), r1.get("tags"));
        assertEquals(List.of(Map.of("name", "Inner", "hours", 3L)), r1.get("children"));
        assertInstanceOf(Long.class, ((Map<?, ?>) ((List<?>) r1.get("children")).get(0)).get("hours"));
        assertEquals(new BigDecimal("0.000"), rows.get(1).get("amount"));
        assertEquals(3, ((BigDecimal) rows.get(1).get("amount")).scale());
    }

    @Test
    void aSubmissionWithoutFormVersionIsRefusedAndNothingIsStored() {
        Submission good = submission("ks", 2024, "0301");
        Submission noVersion = new Submission("ks", 2024, "1103", Optional.empty(), Map.of("a", "b"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.save(List.of(good, noVersion), false, "f.csv"));

        assertTrue(e.getMessage().contains("ks/2024/1103"), e.getMessage());
        assertEquals(0, store.count(SubmissionQuery.all()));
    }

    @Test
    void aValueOfAnUnsupportedTypeIsRefusedWithItsField() {
        Map<String, Object> row = Map.of("share", 0.5d);
        Submission s = submission("ks", 2024, "0301", Map.of("staff", List.of(row)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.save(List.of(s), false, "f.csv"));

        assertTrue(e.getMessage().contains("ks/2024/0301"), e.getMessage());
        assertTrue(e.getMessage().contains("staff[0].share"), e.getMessage());
        assertTrue(e.getMessage().contains("java.lang.Double"), e.getMessage());
        assertEquals(0, store.count(SubmissionQuery.all()));
    }

    @Test
    void anEmptySaveDoesNothing() {
        assertEquals(new SaveResult(0, 0), store.save(List.of(), false, "empty.csv"));
        assertEquals(0, store.count(SubmissionQuery.all()));
    }

    @Test
    void findAndCountFilterAndSort() {
        store.save(List.of(
                submission("ks", 2023, "1103"),
                submission("ks", 2022, "0301"),
                submission("bib", 2023, "0301"),
                submission("ks", 2023, "0301"),
                submission("ks", 2024, "4601"),
                submission("ks", 2024, "0301")), false, "all.csv");
        SubmissionKey ks22 = new SubmissionKey("ks", 2022, "0301");
        SubmissionKey ks23a = new SubmissionKey("ks", 2023, "0301");
        SubmissionKey ks23b = new SubmissionKey("ks", 2023, "1103");
        SubmissionKey ks24a = new SubmissionKey("ks", 2024, "0301");
        SubmissionKey ks24b = new SubmissionKey("ks", 2024, "4601");
        SubmissionKey bib23 = new SubmissionKey("bib", 2023, "0301");
        Optional<String> ks = Optional.of("ks");
        Optional<Integer> none = Optional.empty();

        SubmissionQuery all = SubmissionQuery.all();
        assertEquals(List.of(bib23, ks22, ks23a, ks23b, ks24a, ks24b), keys(all));
        assertEquals(6, store.count(all));

        SubmissionQuery scheme = new SubmissionQuery(ks, none, none, Set.of());
        assertEquals(List.of(ks22, ks23a, ks23b, ks24a, ks24b), keys(scheme));
        assertEquals(5, store.count(scheme));

        SubmissionQuery from = new SubmissionQuery(Optional.empty(), Optional.of(2023), none, Set.of());
        assertEquals(List.of(bib23, ks23a, ks23b, ks24a, ks24b), keys(from));
        assertEquals(5, store.count(from));

        SubmissionQuery to = new SubmissionQuery(Optional.empty(), none, Optional.of(2023), Set.of());
        assertEquals(List.of(bib23, ks22, ks23a, ks23b), keys(to));
        assertEquals(4, store.count(to));

        SubmissionQuery range = SubmissionQuery.scheme("ks", 2023, 2023);
        assertEquals(List.of(ks23a, ks23b), keys(range));
        assertEquals(2, store.count(range));

        SubmissionQuery units = new SubmissionQuery(Optional.empty(), none, none, Set.of("1103", "4601"));
        assertEquals(List.of(ks23b, ks24b), keys(units));
        assertEquals(2, store.count(units));

        SubmissionQuery oneUnit = new SubmissionQuery(ks, Optional.of(2023), Optional.of(2024), Set.of("0301"));
        assertEquals(List.of(ks23a, ks24a), keys(oneUnit));
        assertEquals(2, store.count(oneUnit));

        SubmissionQuery nothing = new SubmissionQuery(Optional.of("other"), none, none, Set.of());
        assertEquals(List.of(), keys(nothing));
        assertEquals(0, store.count(nothing));
    }

    @Test
    void duplicatesWithoutReplaceAreNamedAndNothingIsStored() {
        store.save(List.of(submission("ks", 2024, "0301"), submission("ks", 2024, "1103")), false, "first.csv");
        Submission fresh = submission("ks", 2024, "4601");
        Submission again1 = submission("ks", 2024, "0301", Map.of("answer", "changed"));
        Submission again2 = submission("ks", 2024, "1103", Map.of("answer", "changed"));

        DuplicateSubmissionException e = assertThrows(DuplicateSubmissionException.class,
                () -> store.save(List.of(fresh, again1, again2), false, "second.csv"));

        assertEquals(List.of(again1.key(), again2.key()), e.duplicates());
        assertTrue(e.getMessage().contains("ks/2024/0301") && e.getMessage().contains("ks/2024/1103"),
                e.getMessage());
        assertEquals(2, store.count(SubmissionQuery.all()));
        assertEquals(0, store.count(new SubmissionQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Set.of("4601"))));
        assertEquals("0301-2024", only("ks", 2024, "0301").submission().values().get("answer"));
        assertEquals("first.csv", only("ks", 2024, "0301").source());
    }

    @Test
    void theSameKeyTwiceInABatchIsRefusedWithAndWithoutReplace() {
        store.save(List.of(submission("ks", 2024, "0301")), false, "first.csv");
        Submission a = submission("ks", 2024, "1103", Map.of("answer", "one"));
        Submission b = submission("ks", 2024, "1103", Map.of("answer", "two"));
        Submission c = submission("ks", 2024, "4601");

        for (boolean replace : new boolean[] {false, true}) {
            DuplicateSubmissionException e = assertThrows(DuplicateSubmissionException.class,
                    () -> store.save(List.of(c, a, b), replace, "twice.csv"), "replace=" + replace);
            assertEquals(List.of(a.key()), e.duplicates(), "replace=" + replace);
            assertEquals(1, store.count(SubmissionQuery.all()), "replace=" + replace);
        }
    }

    @Test
    void replaceCountsReplacedAndInsertedAndTheNewValuesWin() {
        store.save(List.of(submission("ks", 2024, "0301"), submission("ks", 2024, "1103"),
                submission("ks", 2023, "0301")), false, "first.csv");
        Instant firstImport = only("ks", 2024, "0301").importedAt();
        Submission replaced = new Submission("ks", 2024, "0301", Optional.of("v2"), Map.of("answer", "new"));
        Submission inserted1 = submission("ks", 2024, "4601");
        Submission inserted2 = submission("ks", 2025, "0301");

        SaveResult result = store.save(List.of(inserted1, replaced, inserted2), true, "second.csv");

        assertEquals(new SaveResult(2, 1), result);
        assertEquals(5, store.count(SubmissionQuery.all()));
        StoredSubmission now = only("ks", 2024, "0301");
        assertEquals(Map.of("answer", "new"), now.submission().values());
        assertEquals(Optional.of("v2"), now.submission().formVersion());
        assertEquals("second.csv", now.source());
        assertFalse(now.importedAt().isBefore(firstImport));
        assertEquals("1103-2024", only("ks", 2024, "1103").submission().values().get("answer"));
        assertEquals("first.csv", only("ks", 2024, "1103").source());
        assertEquals("0301-2023", only("ks", 2023, "0301").submission().values().get("answer"));
    }

    @Test
    void aFailureInTheMiddleOfALargeBatchRollsBackAllOfItAndNamesTheSubmission() {
        store.save(List.of(submission("ks", 2024, "0301")), false, "first.csv");
        List<Submission> batch = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            batch.add(submission("ks", 2020, String.format("%04d", i)));
        }
        // Past the first JDBC batch, so that an executed batch has to be rolled back too.
        batch.set(1700, submission("ks", 2020, "x".repeat(40)));
        batch.add(submission("ks", 2024, "0301", Map.of("answer", "replaced")));

        StoreException e = assertThrows(StoreException.class, () -> store.save(batch, true, "second.csv"));

        assertFalse(e instanceof DuplicateSubmissionException);
        assertTrue(e.getMessage().contains("ks/2020/" + "x".repeat(40)), e.getMessage());
        assertFalse(e.getMessage().contains("ks/2020/1699"), e.getMessage());
        assertEquals(1, store.count(SubmissionQuery.all()));
        StoredSubmission untouched = only("ks", 2024, "0301");
        assertEquals("0301-2024", untouched.submission().values().get("answer"));
        assertEquals("first.csv", untouched.source());
    }

    @Test
    void aSchemeIdTooLongRollsBackTheBatch() {
        store.save(List.of(submission("ks", 2024, "0301")), false, "first.csv");
        String longScheme = "s".repeat(100);

        StoreException e = assertThrows(StoreException.class, () -> store.save(List.of(
                submission("ks", 2024, "1103"), submission(longScheme, 2024, "0301"),
                submission("ks", 2024, "4601")), false, "second.csv"));

        assertTrue(e.getMessage().contains(longScheme + "/2024/0301"), e.getMessage());
        assertEquals(List.of(new SubmissionKey("ks", 2024, "0301")), keys(SubmissionQuery.all()));
        // The connection went back to the pool in a usable state.
        assertEquals(new SaveResult(1, 0), store.save(List.of(submission("ks", 2024, "1103")), false, "third"));
    }

    @Test
    void aLargeBatchSavesAndReplacesInOneTransaction() {
        // Speed is measured in the bench module; this checks that batching keeps every row.
        List<Submission> batch = new ArrayList<>();
        for (int year = 2000; year < 2100; year++) {
            for (int unit = 0; unit < 200; unit++) {
                batch.add(submission("ks", year, String.format("%04d", unit),
                        Map.of("amount", new BigDecimal("1500.50"), "count", (long) unit, "name", "Unit " + unit)));
            }
        }
        assertEquals(new SaveResult(20_000, 0), store.save(batch, false, "big.csv"));
        assertEquals(20_000, store.count(SubmissionQuery.all()));
        assertEquals(new SaveResult(0, 20_000), store.save(batch, true, "big-again.csv"));
        assertEquals(200, store.count(SubmissionQuery.scheme("ks", 2050, 2050)));
    }

    @Test
    void anInMemoryDatabaseCanBeOpenedByUrl() {
        try (H2SubmissionStore memory = new H2SubmissionStore("jdbc:h2:mem:store-test;DB_CLOSE_DELAY=-1")) {
            memory.save(List.of(submission("ks", 2024, "0301")), false, "mem.csv");
            assertEquals(1, memory.count(SubmissionQuery.all()));
        }
    }

    @Test
    void aDataDirectoryMapsToAPrivateFileDatabase() {
        // No AUTO_SERVER: that option opens a TCP port on all interfaces for other processes (issue 12).
        assertEquals("jdbc:h2:file:" + dir.toAbsolutePath().resolve("tilskudd"),
                H2SubmissionStore.fileUrl(dir));
        assertTrue(dir.resolve("tilskudd.mv.db").toFile().isFile());
    }
}
