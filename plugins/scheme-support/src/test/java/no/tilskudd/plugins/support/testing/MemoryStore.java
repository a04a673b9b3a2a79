package no.tilskudd.plugins.support.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.tilskudd.api.store.DuplicateSubmissionException;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.api.store.StoredSubmission;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.SubmissionKey;

/** A submission store in memory, with the all-or-nothing contract of the real one, for running indicators in tests. */
public final class MemoryStore implements SubmissionStore {

    private static final Comparator<SubmissionKey> ORDER = Comparator.comparing(SubmissionKey::schemeId)
            .thenComparingInt(SubmissionKey::year).thenComparing(SubmissionKey::orgUnit);

    private final Map<SubmissionKey, StoredSubmission> stored = new TreeMap<>(ORDER);

    @Override
    public synchronized SaveResult save(List<Submission> submissions, boolean replace, String source, String actor) {
        List<SubmissionKey> duplicates = new ArrayList<>();
        Set<SubmissionKey> batch = new HashSet<>();
        for (Submission s : submissions) {
            if (!batch.add(s.key()) || (!replace && stored.containsKey(s.key()))) {
                duplicates.add(s.key());
            }
        }
        if (!duplicates.isEmpty()) {
            throw new DuplicateSubmissionException(duplicates);
        }
        int inserted = 0;
        for (Submission s : submissions) {
            if (stored.put(s.key(), new StoredSubmission(s, source, Instant.EPOCH)) == null) {
                inserted++;
            }
        }
        return new SaveResult(inserted, submissions.size() - inserted);
    }

    @Override
    public synchronized List<StoredSubmission> find(SubmissionQuery q) {
        return stored.values().stream().filter(st -> matches(st.submission(), q)).toList();
    }

    @Override
    public synchronized long count(SubmissionQuery q) {
        return find(q).size();
    }

    private static boolean matches(Submission s, SubmissionQuery q) {
        return q.schemeId().map(s.schemeId()::equals).orElse(true)
                && q.fromYear().map(y -> s.year() >= y).orElse(true)
                && q.toYear().map(y -> s.year() <= y).orElse(true)
                && (q.orgUnits().isEmpty() || q.orgUnits().contains(s.orgUnit()));
    }
}
