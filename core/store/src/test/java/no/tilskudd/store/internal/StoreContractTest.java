package no.tilskudd.store.internal;

import static no.tilskudd.store.internal.H2SubmissionStoreTest.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import no.tilskudd.api.audit.AuditEntry;
import no.tilskudd.api.audit.AuditEvent;
import no.tilskudd.api.audit.AuditQuery;
import no.tilskudd.api.store.DuplicateGrantException;
import no.tilskudd.api.store.DuplicateSubmissionException;
import no.tilskudd.api.store.FormUse;
import no.tilskudd.api.store.Grant;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.api.store.SchemeOwner;
import no.tilskudd.api.store.SessionRecord;
import no.tilskudd.api.store.StoreException;
import no.tilskudd.api.store.StoredGrant;
import no.tilskudd.api.store.StoredSubmission;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.store.UserRecord;
import no.tilskudd.api.store.UserRecords;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.SubmissionKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the store does, the same on every database it runs on; each subclass runs all of it against one database
 * (H2, and a real PostgreSQL server). Every test starts from a database the store has never opened.
 */
abstract class StoreContractTest {

    /** Every version the build's migrations have, as a fresh database gets them. */
    static final List<Integer> ALL_VERSIONS = Migrations.STORE_SCRIPTS.stream()
            .map(name -> Integer.valueOf(name.substring(1, name.indexOf("__")))).toList();


    private final List<SqlSubmissionStore> opened = Collections.synchronizedList(new ArrayList<>());

    /** Opens a new store instance on this test's database, as a host starting would. */
    abstract SqlSubmissionStore openStore();

    /** A plain connection as the application user (after a store has opened the database once). */
    abstract Connection app() throws SQLException;

    /** A plain connection as the database owner. */
    abstract Connection owner() throws SQLException;

    /** Holds the migration lock of this test's database, as a store migrating it would, until closed. */
    abstract AutoCloseable holdMigrationLock() throws Exception;

    /** Statements the database offers for running code, reading files or creating users, on top of plain DDL. */
    abstract List<String> dialectAttacks();

    SqlSubmissionStore open() {
        SqlSubmissionStore store = openStore();
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        synchronized (opened) {
            opened.forEach(SqlSubmissionStore::close);
        }
    }

    private static AuditQuery allEvents() {
        return new AuditQuery(Optional.empty(), AuditQuery.MAX_LIMIT);
    }

    private static List<SubmissionKey> keys(SqlSubmissionStore store, SubmissionQuery query) {
        return store.find(query).stream().map(s -> s.submission().key()).toList();
    }

    private static StoredSubmission only(SqlSubmissionStore store, String scheme, int year, String orgUnit) {
        List<StoredSubmission> found = store.find(new SubmissionQuery(Optional.of(scheme), Optional.of(year),
                Optional.of(year), Set.of(orgUnit)));
        assertEquals(1, found.size(), () -> scheme + "/" + year + "/" + orgUnit + ": " + found);
        return found.get(0);
    }

    @Test
    void valuesComeBackAsTheyWereSavedWithTheirTypesScaleAndOrder() {
        SqlSubmissionStore store = open();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("z-first", "Kari");
        row.put("amount", new BigDecimal("1500.50"));
        row.put("count", 7L);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("text", "Æøå «quoted» \"text\"\nline");
        values.put("long", 9_000_000_000L);
        values.put("big", new BigDecimal("12345678901234567890.123456789"));
        values.put("zero", new BigDecimal("0.000"));
        values.put("yes", true);
        values.put("choices", List.of("b", "a"));
        values.put("absent", null);
        values.put("staff", List.of(row));
        Instant before = Instant.now().minusSeconds(1);

        assertEquals(new SaveResult(1, 0), store.save(List.of(new Submission("ks", 2024, "0301",
                Optional.of("2024.1"), values)), false, "ks-2024.xlsx"));

        StoredSubmission stored = only(store, "ks", 2024, "0301");
        Map<String, Object> v = stored.submission().values();
        assertEquals(List.copyOf(values.keySet()), List.copyOf(v.keySet()));
        assertEquals(values.get("text"), v.get("text"));
        assertEquals(9_000_000_000L, v.get("long"));
        assertEquals(new BigDecimal("12345678901234567890.123456789"), v.get("big"));
        assertEquals(3, ((BigDecimal) v.get("zero")).scale());
        assertEquals(true, v.get("yes"));
        assertEquals(List.of("b", "a"), v.get("choices"));
        assertTrue(v.containsKey("absent"));
        Map<String, Object> back = stored.submission().rows("staff").get(0);
        assertEquals(List.of("z-first", "amount", "count"), List.copyOf(back.keySet()));
        assertEquals(2, ((BigDecimal) back.get("amount")).scale());
        assertInstanceOf(Long.class, back.get("count"));
        assertEquals(Optional.of("2024.1"), stored.submission().formVersion());
        assertEquals("ks-2024.xlsx", stored.source());
        assertFalse(stored.importedAt().isBefore(before));
        assertFalse(stored.importedAt().isAfter(Instant.now()));
    }

    @Test
    void aStreamedReadGivesWhatFindGivesPastSeveralFetchesAndLetsTheCallerUseTheStore() {
        SqlSubmissionStore store = open();
        List<Submission> many = new ArrayList<>();
        for (int i = 0; i < 1_250; i++) {
            many.add(submission("ks", 2000 + i % 5, String.format("%04d", 1000 + i)));
        }
        store.save(many, false, "many.csv");
        List<SubmissionKey> streamed = new ArrayList<>();
        long[] countedMeanwhile = {-1};
        store.forEach(SubmissionQuery.scheme("ks", 2001, 2003), s -> {
            streamed.add(s.submission().key());
            if (streamed.size() == 600) {
                // A validator may read the store while the rows are streamed: another connection, no deadlock.
                countedMeanwhile[0] = store.count(SubmissionQuery.all());
            }
        });
        assertEquals(keys(store, SubmissionQuery.scheme("ks", 2001, 2003)), streamed);
        assertEquals(750, streamed.size());
        assertEquals(1_250, countedMeanwhile[0]);
        // Exactly two fetches' worth, and every report without a condition, as one plain statement reads them.
        List<SubmissionKey> thousand = new ArrayList<>();
        store.forEach(SubmissionQuery.scheme("ks", 2000, 2003), s -> thousand.add(s.submission().key()));
        assertEquals(1_000, thousand.size());
        assertEquals(keysInSql(" WHERE report_year BETWEEN 2000 AND 2003"), thousand);
        List<SubmissionKey> all = new ArrayList<>();
        store.forEach(SubmissionQuery.all(), s -> all.add(s.submission().key()));
        assertEquals(1_250, new java.util.HashSet<>(all).size());
        assertEquals(keysInSql(""), all);
    }

    @Test
    void aValueLongerThanTheLongestTextIsStreamedWhole() {
        SqlSubmissionStore store = open();
        String essay = "æøå ".repeat(300_000);
        store.save(List.of(submission("ks", 2024, "0301", Map.of("essay", essay)), submission("ks", 2024, "1201")),
                false, "long.jsonl");
        List<StoredSubmission> read = new ArrayList<>();
        store.forEach(SubmissionQuery.scheme("ks", 2024, 2024), read::add);
        assertEquals(2, read.size());
        assertEquals(essay, read.get(0).submission().values().get("essay"));
        assertEquals("1201-2024", read.get(1).submission().values().get("answer"));
    }

    /** The stored keys in the store's order, read by one plain statement (find itself streams). */
    private List<SubmissionKey> keysInSql(String where) {
        List<SubmissionKey> out = new ArrayList<>();
        try (Connection c = app(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT scheme_id, report_year, org_unit FROM submission" + where
                        + " ORDER BY scheme_id, report_year, org_unit")) {
            while (rs.next()) {
                out.add(new SubmissionKey(rs.getString(1), rs.getInt(2), rs.getString(3)));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    @Test
    void queriesFilterBySchemeYearsAndUnitsAndSortByKey() {
        SqlSubmissionStore store = open();
        store.save(List.of(submission("ks", 2023, "1103"), submission("ks", 2022, "0301"),
                submission("bib", 2023, "0301"), submission("ks", 2023, "0301"), submission("ks", 2024, "4601"),
                submission("ks", 2024, "0301")), false, "all.csv");
        SubmissionKey ks22 = new SubmissionKey("ks", 2022, "0301");
        SubmissionKey ks23a = new SubmissionKey("ks", 2023, "0301");
        SubmissionKey ks23b = new SubmissionKey("ks", 2023, "1103");
        SubmissionKey ks24a = new SubmissionKey("ks", 2024, "0301");
        SubmissionKey ks24b = new SubmissionKey("ks", 2024, "4601");
        SubmissionKey bib23 = new SubmissionKey("bib", 2023, "0301");
        Optional<Integer> none = Optional.empty();

        assertEquals(List.of(bib23, ks22, ks23a, ks23b, ks24a, ks24b), keys(store, SubmissionQuery.all()));
        assertEquals(6, store.count(SubmissionQuery.all()));
        assertEquals(List.of(ks23a, ks23b), keys(store, SubmissionQuery.scheme("ks", 2023, 2023)));
        SubmissionQuery from = new SubmissionQuery(Optional.empty(), Optional.of(2023), none, Set.of());
        assertEquals(List.of(bib23, ks23a, ks23b, ks24a, ks24b), keys(store, from));
        SubmissionQuery units = new SubmissionQuery(Optional.empty(), none, none, Set.of("1103", "4601"));
        assertEquals(List.of(ks23b, ks24b), keys(store, units));
        assertEquals(2, store.count(units));
        SubmissionQuery oneUnit = new SubmissionQuery(Optional.of("ks"), Optional.of(2023), Optional.of(2024),
                Set.of("0301"));
        assertEquals(List.of(ks23a, ks24a), keys(store, oneUnit));
        assertEquals(0, store.count(new SubmissionQuery(Optional.of("other"), none, none, Set.of())));
    }

    @Test
    void replaceDeletesTheStoredOnesAndTheNewValuesWin() {
        SqlSubmissionStore store = open();
        store.save(List.of(submission("ks", 2024, "0301"), submission("ks", 2024, "1103")), false, "first.csv");
        Submission replaced = new Submission("ks", 2024, "0301", Optional.of("v2"), Map.of("answer", "new"));

        assertEquals(new SaveResult(1, 1), store.save(List.of(submission("ks", 2025, "0301"), replaced), true,
                "second.csv"));

        assertEquals(3, store.count(SubmissionQuery.all()));
        StoredSubmission now = only(store, "ks", 2024, "0301");
        assertEquals(Map.of("answer", "new"), now.submission().values());
        assertEquals(Optional.of("v2"), now.submission().formVersion());
        assertEquals("second.csv", now.source());
        assertEquals("first.csv", only(store, "ks", 2024, "1103").source());
        // The replaced row is gone, not kept beside the new one.
        assertEquals(1, store.count(new SubmissionQuery(Optional.of("ks"), Optional.of(2024), Optional.of(2024),
                Set.of("0301"))));
    }

    @Test
    void duplicatesWithoutReplaceAndTwiceInABatchAreRefusedAndNothingIsStored() {
        SqlSubmissionStore store = open();
        store.save(List.of(submission("ks", 2024, "0301")), false, "first.csv");

        DuplicateSubmissionException stored = assertThrows(DuplicateSubmissionException.class, () -> store.save(
                List.of(submission("ks", 2024, "4601"), submission("ks", 2024, "0301", Map.of("answer", "x"))),
                false, "second.csv"));
        assertEquals(List.of(new SubmissionKey("ks", 2024, "0301")), stored.duplicates());
        DuplicateSubmissionException twice = assertThrows(DuplicateSubmissionException.class, () -> store.save(
                List.of(submission("ks", 2024, "1103"), submission("ks", 2024, "1103")), true, "third.csv"));
        assertEquals(List.of(new SubmissionKey("ks", 2024, "1103")), twice.duplicates());

        assertEquals(1, store.count(SubmissionQuery.all()));
        assertEquals("0301-2024", only(store, "ks", 2024, "0301").submission().values().get("answer"));
    }

    @Test
    void aFailureInTheMiddleOfALargeBatchRollsBackAllOfItAndNamesTheSubmission() {
        SqlSubmissionStore store = open();
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
        assertEquals(1, store.count(SubmissionQuery.all()));
        assertEquals("first.csv", only(store, "ks", 2024, "0301").source());
        assertTrue(store.read(allEvents()).size() == 1, "the refused save left no audit event");
        // The connection went back to the pool in a usable state.
        assertEquals(new SaveResult(1, 0), store.save(List.of(submission("ks", 2024, "1103")), false, "third"));
    }

    @Test
    void everySaveIsInTheAuditTrailWithWhoWhatAndHowManyAndARefusedOneIsNot() throws Exception {
        SqlSubmissionStore store = open();
        store.save(List.of(submission("ks", 2024, "0301"), submission("ks", 2024, "1103")), false, "a.jsonl",
                "os:kari");
        store.save(List.of(submission("ks", 2024, "0301"), submission("ks", 2025, "0301")), true, "b.jsonl",
                "web:admin");
        assertThrows(DuplicateSubmissionException.class,
                () -> store.save(List.of(submission("ks", 2024, "0301")), false, "c.jsonl", "os:kari"));
        store.record(new AuditEntry("os:test", "user.add", "kari", Map.of("role", "analyst")));
        Instant cut = Instant.now();
        Thread.sleep(5);
        store.record(new AuditEntry("os:test", "user.remove", "kari", Map.of()));

        List<AuditEvent> events = store.read(allEvents());
        assertEquals(List.of("submissions.import", "submissions.replace", "user.add", "user.remove"),
                events.stream().map(e -> e.entry().action()).toList());
        assertEquals(Map.of("inserted", "2", "replaced", "0", "schemeYears", "ks 2024", "orgUnits", "2",
                "orgUnitCodes", "0301, 1103"), events.get(0).entry().details());
        assertEquals("os:kari", events.get(0).entry().actor());
        assertEquals("a.jsonl", events.get(0).entry().subject());
        assertEquals("ks 2024, ks 2025", events.get(1).entry().details().get("schemeYears"));
        assertEquals(Map.of("role", "analyst"), events.get(2).entry().details());
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i - 1).sequence() < events.get(i).sequence(), events.toString());
        }
        assertEquals(List.of("user.remove"), store.read(new AuditQuery(Optional.of(cut), 100)).stream()
                .map(e -> e.entry().action()).toList());
        assertEquals(List.of("user.add", "user.remove"), store.read(new AuditQuery(Optional.empty(), 2)).stream()
                .map(e -> e.entry().action()).toList());
        // Another store on the same database (a second host) reads the same trail.
        assertEquals(4, open().read(allEvents()).size());
    }

    @Test
    void theApplicationUserIsRefusedDdlAndChangesToTheTrail() throws Exception {
        open().save(List.of(submission("ks", 2024, "0301")), false, "a.json", "os:test");
        List<String> attacks = new ArrayList<>(List.of(
                "DROP TABLE submission",
                "CREATE TABLE smuggled (x INT)",
                "ALTER TABLE submission ADD COLUMN x INT",
                "CREATE INDEX smuggled_index ON submission (source)",
                "DROP INDEX submission_scheme_year",
                "UPDATE audit_event SET actor = 'nobody'",
                "DELETE FROM audit_event",
                "TRUNCATE TABLE audit_event",
                "DROP TABLE audit_event",
                "UPDATE schema_version SET script = 'x'",
                "DELETE FROM schema_version",
                "INSERT INTO schema_version (version, script, applied_at) VALUES (99, 'x', CURRENT_TIMESTAMP)"));
        attacks.addAll(dialectAttacks());
        List<String> allowed = new ArrayList<>();
        try (Connection c = app()) {
            for (String sql : attacks) {
                try (Statement st = c.createStatement()) {
                    st.execute(sql);
                    allowed.add(sql);
                } catch (SQLException expected) {
                    // refused, as it must be
                }
            }
        }
        assertEquals(List.of(), allowed);
        try (Connection c = owner(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM audit_event")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the trail is untouched");
        }
    }

    @Test
    void theApplicationUserReadsAndWritesSubmissionsAndAppendsToTheTrail() throws Exception {
        open().save(List.of(submission("ks", 2024, "0301")), false, "a.json", "os:test");
        try (Connection c = app(); Statement st = c.createStatement()) {
            assertEquals(1, st.executeUpdate("UPDATE submission SET source = 'b.json'"));
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM audit_event")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            assertEquals(1, st.executeUpdate("INSERT INTO audit_event (recorded_at, actor, action, subject, "
                    + "details_json) VALUES (CURRENT_TIMESTAMP, 'os:test', 'x', 'y', '{}')"));
            assertEquals(1, st.executeUpdate("DELETE FROM submission"));
        }
    }

    @Test
    void everyTableButTheSchemaVersionHasItsApplicationRightsDeclared() throws Exception {
        open();
        Set<String> tables = new TreeSet<>();
        try (Connection c = owner(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = CURRENT_SCHEMA")) {
            while (rs.next()) {
                tables.add(rs.getString(1).toUpperCase(Locale.ROOT));
            }
        }
        assertTrue(tables.remove("SCHEMA_VERSION"), tables.toString());
        assertEquals(new TreeSet<>(SqlSubmissionStore.APP_PRIVILEGES.keySet()), tables);
    }

    @Test
    void migrationsRunOnceAndReopeningAppliesNone() throws Exception {
        SqlSubmissionStore first = open();
        assertEquals(ALL_VERSIONS, first.migrated());
        first.save(List.of(submission("ks", 2024, "0301")), false, "a.csv");
        List<String> versions = schemaVersions();
        first.close();

        SqlSubmissionStore again = open();
        assertEquals(List.of(), again.migrated());
        assertEquals(1, again.count(SubmissionQuery.all()));
        assertEquals(versions, schemaVersions());
        assertEquals(Migrations.STORE_SCRIPTS.size(), versions.size(), versions.toString());
    }

    /** Every version of the store's scripts, in order: what a new database gets. */
    static List<Integer> allVersions() {
        return Migrations.STORE_SCRIPTS.stream().map(s -> Integer.valueOf(s.substring(1, s.indexOf("__")))).toList();
    }

    private List<String> schemaVersions() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = owner(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version, script, applied_at FROM schema_version "
                        + "ORDER BY version")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getObject(3));
            }
        }
        return rows;
    }

    @Test
    void twoStoresStartingAtOnceMigrateOnce() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<SqlSubmissionStore> host = () -> {
            start.await(30, TimeUnit.SECONDS);
            return open();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<SqlSubmissionStore> a = pool.submit(host);
            Future<SqlSubmissionStore> b = pool.submit(host);
            List<List<Integer>> migrated = new ArrayList<>(List.of(a.get(60, TimeUnit.SECONDS).migrated(),
                    b.get(60, TimeUnit.SECONDS).migrated()));
            migrated.sort((x, y) -> Integer.compare(x.size(), y.size()));
            assertEquals(List.of(List.of(), ALL_VERSIONS), migrated, "one migrated, the other found it done");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Migrations.STORE_SCRIPTS.size(), schemaVersions().size());
    }

    @Test
    void aStoreStartingWhileAnotherMigratesWaitsForIt() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<SqlSubmissionStore> starting;
            try (AutoCloseable lock = holdMigrationLock()) {
                starting = pool.submit(this::open);
                assertThrows(TimeoutException.class, () -> starting.get(700, TimeUnit.MILLISECONDS),
                        "the store started while the migration lock was held");
            }
            SqlSubmissionStore store = starting.get(60, TimeUnit.SECONDS);
            assertEquals(ALL_VERSIONS, store.migrated());
            assertEquals(0, store.count(SubmissionQuery.all()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameSubmissionSavedFromTwoStoresAtOnceIsStoredOnceAndTheOtherIsTheDuplicate() throws Exception {
        SqlSubmissionStore first = open();
        SqlSubmissionStore second = open();
        // Both saves have looked for the key, and found none, before either inserts: only the unique key can stop
        // the second.
        CyclicBarrier checked = new CyclicBarrier(2);
        Runnable bothChecked = () -> {
            try {
                checked.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        first.afterDuplicateCheck = bothChecked;
        second.afterDuplicateCheck = bothChecked;
        Submission s = submission("ks", 2024, "0301");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Object> outcomes = new ArrayList<>();
        try {
            List<Future<SaveResult>> saves = new ArrayList<>();
            for (SqlSubmissionStore store : List.of(first, second)) {
                saves.add(pool.submit(() -> store.save(List.of(s), false, "host.jsonl", "os:test")));
            }
            for (Future<SaveResult> save : saves) {
                try {
                    outcomes.add(save.get(60, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<Object> saved = outcomes.stream().filter(o -> o instanceof SaveResult).toList();
        List<Object> refused = outcomes.stream().filter(o -> o instanceof DuplicateSubmissionException).toList();
        assertEquals(List.of(new SaveResult(1, 0)), saved, outcomes.toString());
        assertEquals(1, refused.size(), outcomes.toString());
        DuplicateSubmissionException d = (DuplicateSubmissionException) refused.get(0);
        assertEquals(List.of(s.key()), d.duplicates());
        assertInstanceOf(SQLException.class, d.getCause(), "refused by the unique key, not by the first look");
        first.afterDuplicateCheck = () -> { };
        second.afterDuplicateCheck = () -> { };
        assertEquals(1, first.count(SubmissionQuery.all()));
        assertEquals(1, second.count(SubmissionQuery.all()));
        assertEquals(1, second.read(allEvents()).size(), "the refused save left no audit event");
    }

    private static UserRecord user(String name, String role, String hash) {
        return new UserRecord(name, role, "c2FsdA==", hash, 210_000, "2026-01-01T00:00:00Z");
    }

    @Test
    void usersAreKeptInTheOrderAddedAndAnotherStoreOnTheDatabaseSeesEveryChange() {
        SqlSubmissionStore one = open();
        SqlSubmissionStore other = open();
        assertTrue(one.insert(user("kari", "admin", "aGFzaDE=")));
        assertTrue(other.insert(user("ola", "analyst", "aGFzaDI=")));
        assertFalse(other.insert(user("kari", "analyst", "b3RoZXI=")), "the name is taken, by the other store");
        assertEquals(List.of(user("kari", "admin", "aGFzaDE="), user("ola", "analyst", "aGFzaDI=")), other.list());

        assertTrue(other.update(user("kari", "analyst", "bmV3")));
        assertEquals(Optional.of(user("kari", "analyst", "bmV3")), one.find("kari"));
        assertFalse(one.update(user("nobody", "admin", "eA==")));

        assertTrue(one.delete("ola"));
        assertFalse(other.delete("ola"));
        assertEquals(Optional.empty(), other.find("ola"));
        assertEquals(List.of("kari"), other.list().stream().map(UserRecord::name).toList());
    }

    @Test
    void twoStoresAddingTheSameUserAtOnceAddItOnce() throws Exception {
        SqlSubmissionStore first = open();
        SqlSubmissionStore second = open();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Boolean> added = new ArrayList<>();
        try {
            List<Future<Boolean>> inserts = new ArrayList<>();
            for (SqlSubmissionStore store : List.of(first, second)) {
                inserts.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return store.insert(user("admin", "admin", store == first ? "Zmlyc3Q=" : "c2Vjb25k"));
                }));
            }
            for (Future<Boolean> f : inserts) {
                added.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        Collections.sort(added);
        assertEquals(List.of(false, true), added);
        assertEquals(1, first.list().size());
    }

    @Test
    void theApplicationUserMayChangeUsersButNotTheirTable() throws Exception {
        open().insert(user("kari", "admin", "aGFzaDE="));
        try (Connection c = app(); Statement st = c.createStatement()) {
            assertEquals(1, st.executeUpdate("UPDATE console_user SET role = 'analyst'"));
            assertEquals(1, st.executeUpdate("DELETE FROM console_user"));
            assertThrows(SQLException.class, () -> st.execute("DROP TABLE console_user"));
            assertThrows(SQLException.class, () -> st.execute("ALTER TABLE console_user ADD COLUMN x INT"));
        }
    }

    private static SchemeOwner owner(String scheme, String bsn, SchemeOwner.How how) {
        return new SchemeOwner(scheme, bsn, Optional.empty(), how, how == SchemeOwner.How.FIRST ? "host" : "kari",
                Instant.parse("2026-03-01T10:15:30Z"));
    }

    @Test
    void aNewStoreKnowsTheOwnersOfTheShippedSchemes() {
        SqlSubmissionStore store = open();
        assertEquals(List.of("avdir no.tilskudd.scheme.avdir", "bufdir no.tilskudd.scheme.bufdir",
                "example no.tilskudd.example.scheme", "urban-youth no.tilskudd.scheme.urban.youth"),
                store.owners().stream().map(o -> o.schemeId() + " " + o.symbolicName()).toList());
        SchemeOwner avdir = store.owner("avdir").orElseThrow();
        assertEquals(SchemeOwner.How.SEEDED, avdir.how());
        assertEquals("distribution", avdir.actor());
        assertEquals(Optional.empty(), avdir.signer());
        assertEquals(Optional.empty(), store.owner("youth-clubs"));
    }

    @Test
    void theFirstClaimOfAnIdStaysAndAClaimOfABoundIdGetsTheOwner() {
        SqlSubmissionStore one = open();
        SqlSubmissionStore other = open();
        SchemeOwner first = owner("youth-clubs", "org.example.youthclubs", SchemeOwner.How.FIRST);
        assertEquals(first, one.claim(first));
        assertEquals(first, other.claim(owner("youth-clubs", "org.example.impostor", SchemeOwner.How.FIRST)),
                "the other store's claim gets the recorded owner back");
        assertEquals("no.tilskudd.scheme.avdir", other.claim(owner("avdir", "test.impostor",
                SchemeOwner.How.FIRST)).symbolicName(), "a seeded owner stays");
        assertEquals(Optional.of(first), other.owner("youth-clubs"));
    }

    @Test
    void twoStoresClaimingTheSameIdAtOnceRecordOne() throws Exception {
        SqlSubmissionStore first = open();
        SqlSubmissionStore second = open();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> got = new ArrayList<>();
        try {
            List<Future<SchemeOwner>> claims = new ArrayList<>();
            for (SqlSubmissionStore store : List.of(first, second)) {
                claims.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return store.claim(owner("race", store == first ? "a.bundle" : "b.bundle",
                            SchemeOwner.How.FIRST));
                }));
            }
            for (Future<SchemeOwner> f : claims) {
                got.add(f.get(60, TimeUnit.SECONDS).symbolicName());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(got.get(0), got.get(1), "both stores see the one owner: " + got);
        assertEquals(got.get(0), first.owner("race").orElseThrow().symbolicName());
    }

    @Test
    void aTransferReplacesTheOwnerKeepsTheSignerAndIsSeenByAnotherStore() throws Exception {
        SqlSubmissionStore one = open();
        SqlSubmissionStore other = open();
        SchemeOwner signed = new SchemeOwner("avdir", "test.impostor", Optional.of("CN=Test, O=Example"),
                SchemeOwner.How.TRANSFERRED, "kari", Instant.parse("2026-03-02T08:00:00Z"));
        assertEquals("no.tilskudd.scheme.avdir", one.transfer(signed).orElseThrow().symbolicName());
        assertEquals(Optional.of(signed), other.owner("avdir"));
        SchemeOwner fresh = owner("new-scheme", "org.example.fresh", SchemeOwner.How.TRANSFERRED);
        assertEquals(Optional.empty(), other.transfer(fresh), "an id without an owner gets one");
        assertEquals(Optional.of(fresh), one.owner("new-scheme"));
        try (Connection c = app(); Statement st = c.createStatement()) {
            assertThrows(SQLException.class, () -> st.execute("DELETE FROM scheme_owner"),
                    "bindings are transferred, never removed");
            assertThrows(SQLException.class, () -> st.execute("DROP TABLE scheme_owner"));
        }
    }

    @Test
    void anApprovedExtensionIsSeenByAnotherStoreStaysOnceAndCanBeWithdrawn() throws Exception {
        SqlSubmissionStore one = open();
        SqlSubmissionStore other = open();
        assertEquals(List.of(), one.extensions(), "a new store approves no extension");
        no.tilskudd.api.store.SchemeExtension first = new no.tilskudd.api.store.SchemeExtension("avdir",
                "org.example.checks", "kari", Instant.parse("2026-03-03T09:00:00Z"));
        assertEquals(first, one.approve(first));
        assertEquals(first, other.approve(new no.tilskudd.api.store.SchemeExtension("avdir", "org.example.checks",
                "ola", Instant.parse("2026-03-04T09:00:00Z"))), "the first approval stays");
        assertEquals(List.of(first), other.extensions());
        assertTrue(other.revoke("avdir", "org.example.checks"));
        assertFalse(one.revoke("avdir", "org.example.checks"), "withdrawn once");
        assertEquals(List.of(), one.extensions());
        try (Connection c = app(); Statement st = c.createStatement()) {
            assertThrows(SQLException.class, () -> st.execute("DROP TABLE scheme_extension"));
        }
    }

    private static UserRecord reporter(String name, String... orgUnits) {
        return new UserRecord(name, "reporter", "c2FsdA==", "aGFzaA==", 210_000, "2026-01-01T00:00:00Z",
                List.of(orgUnits));
    }

    private long orgUnitRows() throws SQLException {
        try (Connection c = owner(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM console_user_org_unit")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aReportersOrgUnitsAreKeptWithItReplacedWithItAndGoWithIt() throws Exception {
        SqlSubmissionStore one = open();
        SqlSubmissionStore other = open();
        assertTrue(one.insert(user("kari", "admin", "aGFzaDE=")));
        assertTrue(one.insert(reporter("rita", "1804", "0301")));
        assertTrue(one.insert(reporter("rolf", "5001")));
        assertEquals(List.of("0301", "1804"), other.find("rita").orElseThrow().orgUnits(), "in code order");
        assertEquals(List.of(List.of(), List.of("0301", "1804"), List.of("5001")),
                other.list().stream().map(UserRecord::orgUnits).toList());
        assertFalse(other.insert(reporter("rita", "4601")), "the name is taken");
        assertEquals(List.of("0301", "1804"), one.find("rita").orElseThrow().orgUnits(), "left as it was");

        assertTrue(other.update(reporter("rita", "4601")));
        assertEquals(List.of("4601"), one.find("rita").orElseThrow().orgUnits());
        assertEquals(UserRecords.Change.DONE, other.update(user("rita", "analyst", "aGFzaA=="), "admin"));
        assertEquals(List.of(), one.find("rita").orElseThrow().orgUnits(), "an analyst has none");
        assertEquals(1, orgUnitRows());

        assertTrue(one.delete("rolf"));
        assertEquals(0, orgUnitRows(), "the org units went with the user");
        assertTrue(one.insert(reporter("rolf", "5001")));
        try (Connection c = app(); Statement st = c.createStatement()) {
            assertEquals(1, st.executeUpdate("DELETE FROM console_user WHERE name = 'rolf'"));
            assertThrows(SQLException.class, () -> st.executeUpdate("INSERT INTO console_user_org_unit "
                    + "(user_name, org_unit) VALUES ('nobody', '0301')"), "an org unit belongs to a user");
        }
        assertEquals(0, orgUnitRows(), "the foreign key cascades");
    }

    @Test
    void theLastUserOfTheKeptRoleIsNeitherRemovedNorDemoted() {
        SqlSubmissionStore store = open();
        store.insert(user("kari", "admin", "aGFzaDE="));
        store.insert(user("ola", "analyst", "aGFzaDI="));
        assertEquals(UserRecords.Change.LAST_OF_ROLE, store.delete("kari", "admin"));
        assertEquals(UserRecords.Change.LAST_OF_ROLE, store.update(user("kari", "analyst", "aGFzaDE="), "admin"));
        assertEquals(Optional.of(user("kari", "admin", "aGFzaDE=")), store.find("kari"), "unchanged");
        assertEquals(UserRecords.Change.DONE, store.update(user("kari", "admin", "bmV3"), "admin"),
                "a new password keeps the role");
        assertEquals(UserRecords.Change.DONE, store.delete("ola", "admin"));
        assertEquals(UserRecords.Change.NO_SUCH_USER, store.delete("ola", "admin"));
        assertEquals(UserRecords.Change.NO_SUCH_USER, store.update(user("ola", "admin", "eA=="), "admin"));
        store.insert(user("bo", "analyst", "aGFzaDM="));
        assertEquals(UserRecords.Change.DONE, store.update(user("bo", "admin", "aGFzaDM="), "admin"));
        assertEquals(UserRecords.Change.DONE, store.delete("kari", "admin"), "bo is an administrator now");
        assertEquals(List.of("bo"), store.list().stream().map(UserRecord::name).toList());
    }

    /**
     * Two hosts on one database are each asked, at the same moment, to remove or demote one of the last two
     * administrators. Each waits, between its "is there another?" and its change, long enough for the other's check
     * to slip in if the two could interleave: exactly one may succeed, the other must be refused, every round.
     */
    @Test
    void twoStoresRemovingOrDemotingTheLastTwoAdministratorsAtOnceLeaveOne() throws Exception {
        SqlSubmissionStore first = open();
        SqlSubmissionStore second = open();
        Runnable dawdle = () -> {
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        first.afterKeptRoleCheck = dawdle;
        second.afterKeptRoleCheck = dawdle;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 24; round++) {
                for (UserRecord u : first.list()) {
                    first.delete(u.name());
                }
                first.insert(user("a" + round, "admin", "aGFzaDE="));
                first.insert(user("b" + round, "admin", "aGFzaDI="));
                first.insert(reporter("r" + round, "0301"));
                // Each kind of race in turn: both remove, both demote, one of each.
                int kind = round % 3;
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<UserRecords.Change>> changes = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    SqlSubmissionStore store = i == 0 ? first : second;
                    String name = (i == 0 ? "a" : "b") + round;
                    boolean demote = kind == 1 || (kind == 2 && i == 1);
                    changes.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return demote ? store.update(user(name, "analyst", "aGFzaDE="), "admin")
                                : store.delete(name, "admin");
                    }));
                }
                List<UserRecords.Change> outcomes = new ArrayList<>();
                for (Future<UserRecords.Change> f : changes) {
                    outcomes.add(f.get(60, TimeUnit.SECONDS));
                }
                Collections.sort(outcomes);
                assertEquals(List.of(UserRecords.Change.DONE, UserRecords.Change.LAST_OF_ROLE), outcomes,
                        "round " + round + " (kind " + kind + ")");
                assertEquals(1, second.list().stream().filter(u -> u.role().equals("admin")).count(),
                        "round " + round + ": " + second.list());
            }
        } finally {
            pool.shutdownNow();
            first.afterKeptRoleCheck = () -> { };
            second.afterKeptRoleCheck = () -> { };
        }
    }

    @Test
    void aSessionStoredByOneStoreIsFoundByAnotherUntilItEndsOrExpires() {
        SqlSubmissionStore one = open();
        SqlSubmissionStore other = open();
        Instant t0 = Instant.parse("2026-12-01T12:00:00Z");
        SessionRecord ana = new SessionRecord("aGFzaC1hbmE=", "ana", "Y3NyZg", "c3RhbXA=", t0, t0);
        one.insert(ana);
        one.insert(new SessionRecord("aGFzaC1hbmEy", "ana", "Y3NyZjI", "c3RhbXA=", t0, t0));
        one.insert(new SessionRecord("aGFzaC1ibw==", "bo", "Y3NyZjM", "c3RhbXA=", t0, t0.plusSeconds(600)));
        assertEquals(Optional.of(ana), other.findSession("aGFzaC1hbmE="));
        assertThrows(StoreException.class, () -> other.insert(ana), "an id hash is stored once");

        other.touch("aGFzaC1hbmE=", t0.plusSeconds(60));
        assertEquals(t0.plusSeconds(60), one.findSession("aGFzaC1hbmE=").orElseThrow().lastSeen());

        assertEquals(1, other.deleteExpired(t0.plusSeconds(30), t0.minusSeconds(1)), "only the idle one");
        assertTrue(one.findSession("aGFzaC1hbmEy").isEmpty());
        assertEquals(1, one.deleteUserSessions("ana"));
        assertTrue(other.findSession("aGFzaC1hbmE=").isEmpty());
        assertEquals(1, one.deleteExpired(t0, t0.plusSeconds(1)), "begun too long ago");
        assertTrue(other.findSession("aGFzaC1ibw==").isEmpty());
        other.deleteSession("unknown");
    }

    // The answers table: written with its submission, replaced and removed with it, never out of step.

    private static Submission goals(String unit, String answer) {
        return new Submission("ks", 2024, unit, Optional.of("v1"), Map.of("goalsReached", answer));
    }

    private static Map<String, Long> byGoal(SqlSubmissionStore store) {
        no.tilskudd.api.store.Aggregation a = new no.tilskudd.api.store.Aggregation(
                no.tilskudd.api.store.AnswerScope.of(Set.of("ks"), 2000, 2100), Set.of(),
                no.tilskudd.api.store.Aggregation.Counting.REPORT, Optional.empty(), false, List.of(),
                no.tilskudd.api.store.Aggregation.Axis.codes("goalsReached", List.of("all", "notAll"), true),
                Optional.empty(), List.of(), Set.of());
        Map<String, Long> out = new java.util.TreeMap<>();
        store.aggregate(a).cells().forEach(c -> out.put(c.row(), c.count()));
        return out;
    }

    private long answerRows() throws SQLException {
        try (Connection c = app(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM answer")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anImportIsInTheNextAggregateAndAReplacementReplacesItsAnswers() throws SQLException {
        SqlSubmissionStore store = open();
        store.save(List.of(goals("0301", "all"), goals("1201", "all")), false, "a.jsonl");
        assertEquals(Map.of("all", 2L), byGoal(store));
        store.save(List.of(goals("1201", "notAll")), true, "b.jsonl");
        assertEquals(Map.of("all", 1L, "notAll", 1L), byGoal(store), "the replaced answer is gone");
        assertEquals(2, answerRows(), "one answer per stored submission, none left of the replaced one");
    }

    @Test
    void aRefusedSaveLeavesTheAnswersAsTheyWere() throws SQLException {
        SqlSubmissionStore store = open();
        store.save(List.of(goals("0301", "all")), false, "a.jsonl");
        assertThrows(DuplicateSubmissionException.class, () -> store.save(List.of(goals("1201", "notAll"),
                goals("0301", "notAll")), false, "b.jsonl"));
        assertThrows(DuplicateSubmissionException.class, () -> store.save(List.of(goals("1201", "notAll"),
                goals("1201", "all")), true, "c.jsonl"));
        assertEquals(Map.of("all", 1L), byGoal(store));
        assertEquals(1, answerRows());
    }

    @Test
    void theFormsInUseFollowSavesReplacesAndRefusedSaves() throws Exception {
        SqlSubmissionStore store = open();
        store.save(List.of(goals("0301", "all"), goals("1201", "notAll"), versioned("ks", 2025, "0301", "v2"),
                versioned("bu", 2024, "0301", "v1")), false, "a.jsonl", "os:test");
        assertFormsInUse(store, List.of(new FormUse("ks", "v1", 2024, 2), new FormUse("ks", "v2", 2025, 1)));
        // A replacement in another form version moves its count; the other unit stays in the old one.
        store.save(List.of(versioned("ks", 2024, "0301", "v2")), true, "b.jsonl", "os:test");
        assertFormsInUse(store, List.of(new FormUse("ks", "v1", 2024, 1), new FormUse("ks", "v2", 2024, 1),
                new FormUse("ks", "v2", 2025, 1)));
        // A refused save changes nothing, nor does the replacement of the last v1 report by a v1 report.
        assertThrows(DuplicateSubmissionException.class, () -> store.save(List.of(versioned("ks", 2024, "4601",
                "v3"), versioned("ks", 2024, "1201", "v3")), false, "c.jsonl", "os:test"));
        store.save(List.of(goals("1201", "all")), true, "d.jsonl", "os:test");
        assertFormsInUse(store, List.of(new FormUse("ks", "v1", 2024, 1), new FormUse("ks", "v2", 2024, 1),
                new FormUse("ks", "v2", 2025, 1)));
        // Replacing the last report of a form leaves no entry for it.
        store.save(List.of(versioned("ks", 2024, "1201", "v2")), true, "e.jsonl", "os:test");
        assertFormsInUse(store, List.of(new FormUse("ks", "v2", 2024, 2), new FormUse("ks", "v2", 2025, 1)));
        assertEquals(List.of(new FormUse("ks", "v2", 2025, 1)),
                store.formsInUse(no.tilskudd.api.store.AnswerScope.of(Set.of("ks"), 2025, 2030)));
    }

    @Test
    void concurrentSavesOfTheSameFormsAddUpTheirCounts() throws Exception {
        SqlSubmissionStore store = open();
        int threads = 4;
        int years = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String unit = "03" + (10 + t);
                done.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    // Every thread adds the same new rows in the same order, so their inserts meet.
                    for (int y = 0; y < years; y++) {
                        store.save(List.of(versioned("ks", 2000 + y, unit, "v1")), false, unit + ".jsonl",
                                "os:test");
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<FormUse> expected = new ArrayList<>();
        for (int y = 0; y < years; y++) {
            expected.add(new FormUse("ks", "v1", 2000 + y, threads));
        }
        assertFormsInUse(store, expected);
    }

    /** The store's forms in use of scheme ks in every year, and the same counted from the submissions. */
    private void assertFormsInUse(SqlSubmissionStore store, List<FormUse> expected) throws SQLException {
        no.tilskudd.api.store.AnswerScope scope = no.tilskudd.api.store.AnswerScope.of(Set.of("ks"), 1900, 2100);
        assertEquals(expected, store.formsInUse(scope));
        List<FormUse> counted = new ArrayList<>();
        try (Connection c = app(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT scheme_id, form_version, report_year, COUNT(*) FROM submission"
                        + " WHERE scheme_id = 'ks' GROUP BY scheme_id, form_version, report_year"
                        + " ORDER BY scheme_id, report_year, form_version")) {
            while (rs.next()) {
                counted.add(new FormUse(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)));
            }
        }
        assertEquals(counted, expected, "the submissions themselves");
        // A scope restricted to org units counts the submissions; it must agree.
        Map<Integer, Set<String>> units = new java.util.TreeMap<>();
        for (FormUse f : expected) {
            units.put(f.year(), Set.of("0301", "1201", "4601", "0310", "0311", "0312", "0313"));
        }
        if (!units.isEmpty()) {
            assertEquals(expected, store.formsInUse(new no.tilskudd.api.store.AnswerScope(Set.of("ks"), 1900, 2100,
                    Optional.of(units))));
        }
    }

    private static Submission versioned(String scheme, int year, String unit, String form) {
        return new Submission(scheme, year, unit, Optional.of(form), Map.of("goalsReached", "all"));
    }

    @Test
    void deletingASubmissionDeletesItsAnswers() throws SQLException {
        SqlSubmissionStore store = open();
        store.save(List.of(goals("0301", "all"), goals("1201", "notAll")), false, "a.jsonl");
        try (Connection c = app(); Statement st = c.createStatement()) {
            assertEquals(1, st.executeUpdate("DELETE FROM submission WHERE org_unit = '0301'"));
        }
        assertEquals(Map.of("notAll", 1L), byGoal(store));
        assertEquals(1, answerRows());
    }

    @Test
    void theAnswersOfSubmissionsStoredBeforeTheTableExistedAreWrittenOnce() throws Exception {
        SqlSubmissionStore store = open();
        store.save(List.of(goals("0301", "all"), goals("1201", "notAll")), false, "a.jsonl");
        store.close();
        try (Connection c = owner(); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM answer");
            st.executeUpdate("UPDATE answer_backfill SET pending = TRUE");
        }
        SqlSubmissionStore reopened = open();
        assertEquals(Map.of("all", 1L, "notAll", 1L), byGoal(reopened));
        try (Connection c = owner(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT pending FROM answer_backfill")) {
            rs.next();
            assertFalse(rs.getBoolean(1), "done once");
        }
    }

    static Grant grant(String scheme, int year, String orgUnit, String amount) {
        return new Grant(scheme, Optional.empty(), year, orgUnit, new BigDecimal(amount), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private static List<String> grantKeys(List<StoredGrant> grants) {
        return grants.stream().map(g -> g.grant().key().toString()).toList();
    }

    @Test
    void grantsComeBackAsSavedWithTheirOptionalPartsFilteredAndSortedAndAnotherStoreSeesThem() {
        SqlSubmissionStore store = open();
        Grant full = new Grant("unge-utenfor", Optional.of("Unge utenfor «2007»"), 2007, "1804",
                new BigDecimal("250000.50"), Optional.of(LocalDate.of(2007, 3, 1)), Optional.of("2007/123-4"),
                Optional.of(LocalDate.of(2008, 2, 1)));
        Instant before = Instant.now().minusSeconds(1);
        assertEquals(new SaveResult(4, 0), store.saveGrants(List.of(grant("bufdir", 2007, "0301", "100000"), full,
                grant("avdir", 2008, "1103", "0"), grant("avdir", 2007, "1103", "75000")), false, "grants.csv",
                "os:kari"));

        List<StoredGrant> all = open().findGrants(Optional.empty(), Optional.empty());
        assertEquals(List.of("avdir/2007/1103", "avdir/2008/1103", "bufdir/2007/0301", "unge-utenfor/2007/1804"),
                grantKeys(all));
        assertEquals(full, all.get(3).grant());
        assertEquals(new BigDecimal("100000"), all.get(2).grant().amount(), "whole kroner stay whole");
        assertEquals(new BigDecimal("0"), all.get(1).grant().amount());
        assertEquals(Optional.empty(), all.get(0).grant().schemeName());
        assertEquals("grants.csv", all.get(0).source());
        assertTrue(!all.get(0).importedAt().isBefore(before), all.get(0).importedAt().toString());
        assertEquals(List.of("avdir/2007/1103", "avdir/2008/1103"),
                grantKeys(store.findGrants(Optional.of("avdir"), Optional.empty())));
        assertEquals(List.of("avdir/2007/1103", "bufdir/2007/0301", "unge-utenfor/2007/1804"),
                grantKeys(store.findGrants(Optional.empty(), Optional.of(2007))));
        assertEquals(List.of("avdir/2008/1103"), grantKeys(store.findGrants(Optional.of("avdir"), Optional.of(2008))));
        assertEquals(List.of(), store.findGrants(Optional.of("nothing"), Optional.empty()));
        assertEquals(0, store.count(SubmissionQuery.all()), "grants are not submissions");
    }

    @Test
    void aStoredOrRepeatedGrantIsRefusedUnlessReplacingAndThenNothingOfTheBatchIsStored() {
        SqlSubmissionStore store = open();
        store.saveGrants(List.of(grant("avdir", 2007, "1103", "1000")), false, "a.csv", "os:kari");

        DuplicateGrantException stored = assertThrows(DuplicateGrantException.class, () -> store.saveGrants(
                List.of(grant("avdir", 2007, "0301", "5"), grant("avdir", 2007, "1103", "2000")), false, "b.csv",
                "os:kari"));
        assertEquals(List.of(new SubmissionKey("avdir", 2007, "1103")), stored.duplicates());
        DuplicateGrantException twice = assertThrows(DuplicateGrantException.class, () -> store.saveGrants(
                List.of(grant("avdir", 2007, "0301", "5"), grant("avdir", 2007, "0301", "6")), true, "c.csv",
                "os:kari"));
        assertEquals(List.of(new SubmissionKey("avdir", 2007, "0301")), twice.duplicates());
        assertEquals(List.of("avdir/2007/1103"), grantKeys(store.findGrants(Optional.empty(), Optional.empty())));

        assertEquals(new SaveResult(1, 1), store.saveGrants(List.of(grant("avdir", 2007, "0301", "5"),
                grant("avdir", 2007, "1103", "2000")), true, "d.csv", "web:admin"));
        List<StoredGrant> now = store.findGrants(Optional.empty(), Optional.empty());
        assertEquals(List.of("avdir/2007/0301", "avdir/2007/1103"), grantKeys(now));
        assertEquals(new BigDecimal("2000"), now.get(1).grant().amount(), "the new amount wins");
        assertEquals("d.csv", now.get(1).source());
    }

    @Test
    void aGrantTheDatabaseRefusesRollsBackTheWholeBatchAndItsAuditEvent() {
        SqlSubmissionStore store = open();
        List<Grant> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(grant("avdir", 2007, String.format(Locale.ROOT, "%04d", 1000 + i), "10"));
        }
        batch.add(grant("x".repeat(65), 2007, "0301", "10"));
        StoreException e = assertThrows(StoreException.class, () -> store.saveGrants(batch, false, "big.csv",
                "os:kari"));
        assertTrue(e.getMessage().contains("big.csv"), e.getMessage());
        assertEquals(List.of(), store.findGrants(Optional.empty(), Optional.empty()));
        assertEquals(List.of(), store.read(allEvents()));
    }

    @Test
    void everySaveOfGrantsIsInTheAuditTrailAndARefusedOneIsNot() {
        SqlSubmissionStore store = open();
        store.saveGrants(List.of(grant("avdir", 2007, "1103", "1"), grant("bufdir", 2008, "0301", "2")), false,
                "grants.csv", "os:kari");
        store.saveGrants(List.of(grant("avdir", 2007, "1103", "3")), true, "grants-2.csv", "web:admin");
        assertThrows(DuplicateGrantException.class, () -> store.saveGrants(List.of(grant("avdir", 2007, "1103",
                "4")), false, "grants-3.csv", "os:kari"));

        List<AuditEvent> events = store.read(allEvents());
        assertEquals(List.of("grants.import", "grants.replace"), events.stream().map(e -> e.entry().action())
                .toList());
        assertEquals(new AuditEntry("os:kari", "grants.import", "grants.csv", Map.of("inserted", "2", "replaced",
                "0", "schemeYears", "avdir 2007, bufdir 2008", "orgUnits", "2", "orgUnitCodes", "0301, 1103")),
                events.get(0).entry());
        assertEquals("web:admin", events.get(1).entry().actor());
        assertEquals("1", events.get(1).entry().details().get("replaced"));
    }

    @Test
    void theApplicationUserMayChangeGrantsButNotTheirTable() throws Exception {
        open().saveGrants(List.of(grant("avdir", 2007, "1103", "1")), false, "a.csv", "os:test");
        try (Connection c = app(); Statement st = c.createStatement()) {
            assertEquals(1, st.executeUpdate("UPDATE scheme_grant SET source = 'b.csv'"));
            assertThrows(SQLException.class, () -> st.execute("UPDATE scheme_grant SET amount = -1"),
                    "the table refuses a negative amount itself");
            assertEquals(1, st.executeUpdate("DELETE FROM scheme_grant"));
            assertThrows(SQLException.class, () -> st.execute("DROP TABLE scheme_grant"));
            assertThrows(SQLException.class, () -> st.execute("ALTER TABLE scheme_grant ADD COLUMN x INT"));
        }
    }

    @Test
    void everyKindOfValueIsWrittenAsTheEngineReadsIt() throws SQLException {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("amount", new BigDecimal("1250.50"));
        v.put("count", 7L);
        v.put("choice", "yes");
        v.put("blank", "  ");
        v.put("flag", true);
        v.put("many", List.of("a", "b", "a", " "));
        v.put("none", List.of());
        v.put("text", "x".repeat(AnswerTable.MAX_CODE + 1));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("budget", 10L);
        v.put("rows", List.of(row, Map.of()));
        SqlSubmissionStore store = open();
        store.save(List.of(new Submission("ks", 2024, "0301", Optional.of("v1"), v)), false, "a.jsonl");
        List<String> rows = new ArrayList<>();
        try (Connection c = app(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT group_id, row_index, field_id, kind, code, num FROM answer"
                        + " ORDER BY group_id, row_index, field_id, kind, code")) {
            while (rs.next()) {
                BigDecimal n = rs.getBigDecimal(6);
                rows.add(rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getString(5) + " " + (n == null ? null : n.stripTrailingZeros().toPlainString()));
            }
        }
        assertEquals(List.of(
                "/0/amount N null 1250.5",
                "/0/choice C yes null",
                "/0/count N null 7",
                "/0/flag B true null",
                "/0/many L a null",
                "/0/many L b null",
                "/0/rows P null null",
                "/0/text P null null",
                "rows/0/ R null null",
                "rows/0/budget N null 10",
                "rows/1/ R null null"), rows);
    }

    @Test
    void textsWithTheCharactersThatEndAColumnOrMeanNullAreWrittenAsTheyAre() throws SQLException {
        // PostgreSQL's answers go in with COPY, whose text format gives tab, newline, backslash and \\N a meaning.
        List<String> codes = List.of("a\tb", "line\nbreak\r", "back\\slash", "\\N", "Øst/Oslo", "e\u0301");
        Map<String, Object> v = new LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            v.put("f\t" + i, codes.get(i));
        }
        v.put("many", codes);
        SqlSubmissionStore store = open();
        store.save(List.of(new Submission("ks", 2024, "0301", Optional.of("v\\1"), v)), false, "a.jsonl");
        Map<String, String> single = new java.util.TreeMap<>();
        List<String> many = new ArrayList<>();
        try (Connection c = app(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT field_id, kind, code, form_version FROM answer ORDER BY field_id, code")) {
            while (rs.next()) {
                assertEquals("v\\1", rs.getString(4));
                if (rs.getString(2).equals("L")) {
                    many.add(rs.getString(3));
                } else {
                    single.put(rs.getString(1), rs.getString(3));
                }
            }
        }
        Map<String, String> expected = new java.util.TreeMap<>();
        for (int i = 0; i < codes.size(); i++) {
            expected.put("f\t" + i, codes.get(i));
        }
        assertEquals(expected, single);
        assertEquals(codes.stream().sorted().toList(), many.stream().sorted().toList());
    }

    @Test
    void theSameGrantSavedFromTwoStoresAtOnceIsStoredOnceAndTheOtherIsTheDuplicate() throws Exception {
        SqlSubmissionStore first = open();
        SqlSubmissionStore second = open();
        // Both saves have looked for the key, and found none, before either inserts: only the unique key can stop
        // the second, which then says which grant was taken.
        CyclicBarrier checked = new CyclicBarrier(2);
        Runnable bothChecked = () -> {
            try {
                checked.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        first.afterGrantCheck = bothChecked;
        second.afterGrantCheck = bothChecked;
        List<Object> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<SaveResult>> saves = new ArrayList<>();
            for (SqlSubmissionStore store : List.of(first, second)) {
                saves.add(pool.submit(() -> store.saveGrants(List.of(grant("avdir", 2007, "1103", "5"),
                        grant("avdir", 2007, "1804", "5")), false, "grants.csv", "os:test")));
            }
            for (Future<SaveResult> save : saves) {
                try {
                    outcomes.add(save.get(60, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(new SaveResult(2, 0)), outcomes.stream().filter(o -> o instanceof SaveResult).toList(),
                outcomes.toString());
        List<Object> refused = outcomes.stream().filter(o -> o instanceof DuplicateGrantException).toList();
        assertEquals(1, refused.size(), outcomes.toString());
        DuplicateGrantException d = (DuplicateGrantException) refused.get(0);
        assertEquals(List.of(new SubmissionKey("avdir", 2007, "1103"), new SubmissionKey("avdir", 2007, "1804")),
                d.duplicates());
        assertInstanceOf(SQLException.class, d.getCause(), "refused by the unique key, not by the first look");
        first.afterGrantCheck = () -> { };
        second.afterGrantCheck = () -> { };
        assertEquals(2, second.findGrants(Optional.empty(), Optional.empty()).size());
        assertEquals(1, second.read(allEvents()).size(), "the refused save left no audit event");
    }

    @Test
    void publicationUploadsAreRevisionsWithWhoAndWhenAndEditionsAreKeptOnce() throws Exception {
        SqlSubmissionStore store = open();
        no.tilskudd.api.store.StoredPublication first = store.addPublication("evaluering-2009", "ev.json",
                "{\"id\": \"evaluering-2009\", \"æ\": 1}", "kari");
        no.tilskudd.api.store.StoredPublication second = store.addPublication("evaluering-2009", "ev2.json", "{}",
                "ola");
        store.addPublication("other", "o.json", "{}", "kari");
        assertEquals(1, first.revision());
        assertEquals(2, second.revision());
        // Another store instance (another host on the same database) reads what this one wrote.
        SqlSubmissionStore again = open();
        List<no.tilskudd.api.store.StoredPublication> all = again.publications();
        assertEquals(List.of("evaluering-2009/1/kari", "evaluering-2009/2/ola", "other/1/kari"), all.stream()
                .map(p -> p.id() + "/" + p.revision() + "/" + p.actor()).toList());
        assertEquals(first, all.get(0));
        assertEquals("ev2.json", all.get(1).fileName());

        java.time.Instant t = java.time.Instant.parse("2009-11-30T12:00:00.123456Z");
        no.tilskudd.api.store.StoredEdition e = new no.tilskudd.api.store.StoredEdition("evaluering-2009", "2009-11",
                "uploaded ev.json", "{}", "[{\"id\": \"t\"}]", "[]", t, "kari", t.plusSeconds(5));
        assertTrue(store.saveEdition(e));
        no.tilskudd.api.store.StoredEdition other = new no.tilskudd.api.store.StoredEdition("evaluering-2009",
                "2009-11", "x", "{}", "[]", "[]", t, "ola", t);
        assertFalse(again.saveEdition(other), "an edition is frozen once");
        assertEquals(Optional.of(e), again.edition("evaluering-2009", "2009-11"));
        assertEquals(List.of(e), again.editions("evaluering-2009"));
        assertEquals(Optional.empty(), again.edition("evaluering-2009", "2010-01"));
    }

    @Test
    void twoUploadsOfOneIdAtOnceGetTwoRevisions() throws Exception {
        SqlSubmissionStore a = open();
        SqlSubmissionStore b = open();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<no.tilskudd.api.store.StoredPublication>> done = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                SqlSubmissionStore s = i % 2 == 0 ? a : b;
                done.add(pool.submit(() -> s.addPublication("p", "p.json", "{}", "kari")));
            }
            java.util.Set<Integer> revisions = new java.util.TreeSet<>();
            for (java.util.concurrent.Future<no.tilskudd.api.store.StoredPublication> f : done) {
                revisions.add(f.get().revision());
            }
            assertEquals(java.util.Set.of(1, 2, 3, 4, 5, 6), revisions);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDraftSurvivesReopeningTheStoreAndEverySaveSubmitAndReopenIsAVersionInTheTrail() {
        SqlSubmissionStore store = open();
        SubmissionKey key = new SubmissionKey("avdir", 2011, "1804");
        no.tilskudd.api.store.ReportDraft first = store.saveDraft(key, "2011", "{\"a\": 1}", "web:anne");
        assertEquals(no.tilskudd.api.store.ReportStatus.DRAFT, first.status());
        assertEquals(1, first.version());
        no.tilskudd.api.store.ReportDraft second = store.saveDraft(key, "2011", "{\"a\": 2, \"b\": \"x\"}",
                "web:anne");
        assertEquals(2, second.version());

        // Another store on the same database (a restart, or another host) reads the latest version.
        SqlSubmissionStore again = open();
        assertEquals(Optional.of(second), again.draft(key));
        assertEquals(List.of(second), again.drafts(Optional.of("avdir"), Optional.of(2011), Set.of("1804")));
        assertEquals(List.of(), again.drafts(Optional.empty(), Optional.empty(), Set.of("0301")));

        Submission s = new Submission("avdir", 2011, "1804", Optional.of("2011"), Map.of("a", (Object) 3L));
        no.tilskudd.api.store.ReportDraft submitted = again.submit(s, "{\"a\": 3}", "browser form", "web:anne");
        assertEquals(no.tilskudd.api.store.ReportStatus.SUBMITTED, submitted.status());
        assertEquals(3, submitted.version());
        assertEquals(3L, only(store, "avdir", 2011, "1804").submission().values().get("a"));

        no.tilskudd.api.store.ReportClosedException closed = assertThrows(
                no.tilskudd.api.store.ReportClosedException.class,
                () -> store.saveDraft(key, "2011", "{}", "web:anne"));
        assertTrue(closed.submitted());
        assertThrows(no.tilskudd.api.store.ReportClosedException.class,
                () -> store.submit(s, "{\"a\": 3}", "browser form", "web:anne"));

        no.tilskudd.api.store.ReportDraft reopened = store.reopen(key, "2011", "{}", "web:kari");
        assertEquals(no.tilskudd.api.store.ReportStatus.REOPENED, reopened.status());
        assertEquals("{\"a\": 3}", reopened.values(), "reopened from what was submitted");
        assertEquals(no.tilskudd.api.store.ReportStatus.REOPENED,
                store.saveDraft(key, "2011", "{\"a\": 4}", "web:anne").status());
        Submission again4 = new Submission("avdir", 2011, "1804", Optional.of("2011"), Map.of("a", (Object) 5L));
        assertEquals(6, store.submit(again4, "{\"a\": 5}", "browser form", "web:anne").version());
        assertEquals(5L, only(store, "avdir", 2011, "1804").submission().values().get("a"),
                "the resubmission replaces the stored submission");

        List<no.tilskudd.api.store.ReportVersion> history = again.history(key);
        assertEquals(List.of("1 draft web:anne", "2 draft web:anne", "3 submitted web:anne", "4 reopened web:kari",
                "5 reopened web:anne", "6 submitted web:anne"), history.stream()
                        .map(v -> v.version() + " " + v.status().id() + " " + v.by()).toList());
        assertEquals("{\"a\": 2, \"b\": \"x\"}", history.get(1).values());

        List<String> actions = store.read(allEvents()).stream().map(e -> e.entry().action()
                + (e.entry().action().startsWith("report.") ? " " + e.entry().subject() : "")).toList();
        assertEquals(List.of("report.draft avdir/2011/1804", "report.draft avdir/2011/1804", "submissions.import",
                "report.submit avdir/2011/1804", "report.reopen avdir/2011/1804", "report.draft avdir/2011/1804",
                "submissions.replace", "report.submit avdir/2011/1804"), actions);
    }

    @Test
    void aUnitReportedByAFileCannotBeOverwrittenFromTheBrowserUntilReopened() {
        SqlSubmissionStore store = open();
        SubmissionKey key = new SubmissionKey("avdir", 2011, "0301");
        store.save(List.of(new Submission("avdir", 2011, "0301", Optional.of("2011"), Map.of("a", (Object) 1L))),
                false, "avdir-2011.json");
        assertThrows(no.tilskudd.api.store.ReportClosedException.class,
                () -> store.saveDraft(key, "2011", "{}", "web:ola"));
        Submission s = new Submission("avdir", 2011, "0301", Optional.of("2011"), Map.of("a", (Object) 2L));
        assertThrows(no.tilskudd.api.store.ReportClosedException.class,
                () -> store.submit(s, "{\"a\": 2}", "browser form", "web:ola"));
        assertEquals(1L, only(store, "avdir", 2011, "0301").submission().values().get("a"));

        // A draft that a file import overtook is closed too.
        SubmissionKey bergen = new SubmissionKey("avdir", 2011, "1201");
        store.saveDraft(bergen, "2011", "{}", "web:per");
        store.save(List.of(new Submission("avdir", 2011, "1201", Optional.of("2011"), Map.of("a", (Object) 1L))),
                false, "avdir-2011-bergen.json");
        assertThrows(no.tilskudd.api.store.ReportClosedException.class,
                () -> store.saveDraft(bergen, "2011", "{}", "web:per"));

        SubmissionKey none = new SubmissionKey("avdir", 2011, "1804");
        no.tilskudd.api.store.ReportClosedException notSubmitted = assertThrows(
                no.tilskudd.api.store.ReportClosedException.class, () -> store.reopen(none, "2011", "{}", "web:kari"));
        assertFalse(notSubmitted.submitted());
        assertEquals(Optional.empty(), store.draft(none), "a refused reopening stores nothing");

        assertEquals("{\"a\": 1}", store.reopen(key, "2011", "{\"a\": 1}", "web:kari").values());
        assertEquals(2, store.submit(s, "{\"a\": 2}", "browser form", "web:ola").version());
        assertEquals(2L, only(store, "avdir", 2011, "0301").submission().values().get("a"));
    }

    @Test
    void twoFirstSavesOfOneReportFromTwoStoresAtOnceAreTwoVersions() throws Exception {
        SqlSubmissionStore a = open();
        SqlSubmissionStore b = open();
        SubmissionKey key = new SubmissionKey("avdir", 2011, "1804");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<no.tilskudd.api.store.ReportDraft>> done = new ArrayList<>();
            for (SqlSubmissionStore s : List.of(a, b)) {
                done.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return s.saveDraft(key, "2011", "{}", "web:anne");
                }));
            }
            Set<Integer> versions = new TreeSet<>();
            for (Future<no.tilskudd.api.store.ReportDraft> f : done) {
                versions.add(f.get(30, TimeUnit.SECONDS).version());
            }
            assertEquals(Set.of(1, 2), versions);
            assertEquals(2, a.history(key).size());
        } finally {
            pool.shutdownNow();
        }
    }
}
