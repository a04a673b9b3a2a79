package no.tilskudd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tilskudd.api.service.FileReport;
import no.tilskudd.api.service.ResponseRate;
import no.tilskudd.api.store.Grant;
import no.tilskudd.api.store.GrantRecords;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.api.store.StoredGrant;
import no.tilskudd.api.store.StoredSubmission;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.engine.internal.grants.GrantRegisterTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grant register without a framework: kept in the store when the store keeps grants too. */
class StandaloneEngineGrantsTest {

    @TempDir
    Path dir;

    /** A store of submissions and grants, as the SQL store is. */
    static final class BothStore implements SubmissionStore, GrantRecords {
        final InMemoryStore submissions = new InMemoryStore();
        final GrantRegisterTest.Grants grants = new GrantRegisterTest.Grants();

        @Override
        public SaveResult save(List<Submission> s, boolean replace, String source, String actor) {
            return submissions.save(s, replace, source, actor);
        }

        @Override
        public List<StoredSubmission> find(SubmissionQuery query) {
            return submissions.find(query);
        }

        @Override
        public long count(SubmissionQuery query) {
            return submissions.count(query);
        }

        @Override
        public SaveResult saveGrants(List<Grant> g, boolean replace, String source, String actor) {
            return grants.saveGrants(g, replace, source, actor);
        }

        @Override
        public List<StoredGrant> findGrants(Optional<String> schemeId, Optional<Integer> year) {
            return grants.findGrants(schemeId, year);
        }
    }

    @Test
    void aStoreThatKeepsGrantsGivesTheGrantServiceAndAnotherSaysWhatIsMissing() throws Exception {
        BothStore store = new BothStore();
        store.submissions.with(new Submission("example", 2016, "0301", Optional.of("2016"), Map.of()));
        StandaloneEngine engine = StandaloneEngine.fromServiceLoader(Optional.of(store));
        Path csv = Files.writeString(dir.resolve("g.csv"), "scheme,year,orgUnit,amount\nexample,2016,0301,5\n"
                + "example,2016,1804,5\n", StandardCharsets.UTF_8);

        FileReport r = engine.grants().importGrants(csv, "g.csv", false, "os:test");
        assertTrue(r.stored(), r.findings().toString());
        ResponseRate rate = engine.grants().responses("example", 2016);
        assertEquals(Optional.of(50), rate.rate());
        assertEquals(List.of("csv"), engine.grants().formats(), "no row reader on this class path");

        StandaloneEngine plain = StandaloneEngine.fromServiceLoader(Optional.of(new InMemoryStore()));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> plain.grants().responses("example", 2016));
        assertTrue(e.getMessage().contains("no store"), e.getMessage());
    }
}
