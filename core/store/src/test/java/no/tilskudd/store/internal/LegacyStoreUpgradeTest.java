package no.tilskudd.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import no.tilskudd.api.store.StoreException;
import no.tilskudd.api.store.StoredSubmission;
import no.tilskudd.api.store.SubmissionQuery;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder written by release 0.1.0 (fixture {@code data-0.1.0.zip}: the example scheme's 28 and AVdir's 249
 * demo reports, stored by that release's {@code tilskudd import}, user {@code SA} without a password) opens with
 * every submission intact, gets the new schema and its own users, and loses {@code SA}.
 */
class LegacyStoreUpgradeTest {

    @TempDir
    Path data;

    private void unpackFixture() throws Exception {
        try (InputStream raw = LegacyStoreUpgradeTest.class.getResourceAsStream("data-0.1.0.zip");
                ZipInputStream zip = new ZipInputStream(raw)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Files.copy(zip, data.resolve(e.getName()));
            }
        }
    }

    @Test
    void aReleaseZeroOneDataFolderIsUpgradedWithItsSubmissionsIntact() throws Exception {
        unpackFixture();
        try (H2SubmissionStore store = new H2SubmissionStore(data)) {
            assertEquals(277, store.count(SubmissionQuery.all()));
            assertEquals(249, store.count(SubmissionQuery.scheme("avdir", 2000, 2100)));
            assertEquals(28, store.count(SubmissionQuery.scheme("example", 2000, 2100)));
            // Migration V13 counted the stored reports' forms.
            assertEquals(277, store.formsInUse(no.tilskudd.api.store.AnswerScope.of(Set.of(), 1900, 2100)).stream()
                    .mapToLong(no.tilskudd.api.store.FormUse::submissions).sum());
            assertEquals(249, store.formsInUse(no.tilskudd.api.store.AnswerScope.of(Set.of("avdir"), 1900, 2100))
                    .stream().mapToLong(no.tilskudd.api.store.FormUse::submissions).sum());
            List<StoredSubmission> oslo = store.find(new SubmissionQuery(Optional.of("avdir"), Optional.of(2006),
                    Optional.of(2006), Set.of("0106")));
            assertEquals(1, oslo.size());
            Object grant = oslo.get(0).submission().values().get("grantAmount");
            assertEquals(0, new BigDecimal("860000").compareTo(new BigDecimal(grant.toString())), grant.toString());
            assertEquals("notAll", oslo.get(0).submission().values().get("goalsReached"));
            assertEquals("avdir-demo.jsonl", oslo.get(0).source());
        }
        assertTrue(Files.exists(data.resolve(StoreCredentials.FILE_NAME)));
        JdbcDataSource sa = new JdbcDataSource();
        sa.setURL(H2SubmissionStore.fileUrl(data));
        sa.setUser("SA");
        sa.setPassword("");
        assertThrows(SQLException.class, () -> sa.getConnection().close());
        try (H2SubmissionStore again = new H2SubmissionStore(data)) {
            assertEquals(277, again.count(SubmissionQuery.all()));
        }
    }

    @Test
    void aDatabaseWhoseCredentialsFileIsLostIsRefusedWithTheReason() throws Exception {
        try (H2SubmissionStore store = new H2SubmissionStore(data)) {
            store.count(SubmissionQuery.all());
        }
        Files.delete(data.resolve(StoreCredentials.FILE_NAME));
        StoreException e = assertThrows(StoreException.class, () -> new H2SubmissionStore(data).close());
        assertTrue(e.getMessage().contains("store.credentials is missing"), e.getMessage());
    }
}
