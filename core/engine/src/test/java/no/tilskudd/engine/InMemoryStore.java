package no.tilskudd.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import no.tilskudd.api.store.DuplicateSubmissionException;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.api.store.StoredSubmission;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.SubmissionKey;

/** A submission store in a map, with the all-or-nothing contract of the real one. */
public final class InMemoryStore implements SubmissionStore {

    private final Map<SubmissionKey, StoredSubmission> stored = new LinkedHashMap<>();
    /** How many times save was called. */
    public int saves;

    @Override
    public synchronized SaveResult save(List<Submission> submissions, boolean replace, String source, String actor) {
        saves++;
        List<SubmissionKey> duplicates = new ArrayList<>();
        Set<SubmissionKey> inBatch = new HashSet<>();
        for (Submission s : submissions) {
            if (!inBatch.add(s.key()) || (!replace && stored.containsKey(s.key()))) {
                duplicates.add(s.key());
            }
        }
        if (!duplicates.isEmpty()) {
            throw new DuplicateSubmissionException(duplicates);
        }
        int inserted = 0;
        int replaced = 0;
        for (Submission s : submissions) {
            if (stored.put(s.key(), new StoredSubmission(s, source, Instant.now())) == null) {
                inserted++;
            } else {
                replaced++;
            }
        }
        return new SaveResult(inserted, replaced);
    }

    /**
     * Stores submissions directly.
     *
     * @param submissions the submissions
     * @return this store
     */
    public InMemoryStore with(Submission... submissions) {
        save(List.of(submissions), true, "setup");
        saves = 0;
        return this;
    }

    @Override
    public synchronized List<StoredSubmission> find(SubmissionQuery q) {
        return stored.values().stream()
                .filter(st -> q.schemeId().map(id -> id.equals(st.submission().schemeId())).orElse(true))
                .filter(st -> q.fromYear().map(y -> st.submission().year() >= y).orElse(true))
                .filter(st -> q.toYear().map(y -> st.submission().year() <= y).orElse(true))
                .filter(st -> q.orgUnits().isEmpty() || q.orgUnits().contains(st.submission().orgUnit()))
                .sorted(Comparator.comparing((StoredSubmission st) -> st.submission().schemeId())
                        .thenComparingInt(st -> st.submission().year())
                        .thenComparing(st -> st.submission().orgUnit()))
                .toList();
    }

    @Override
    public long count(SubmissionQuery q) {
        return find(q).size();
    }

    /**
     * The stored submission for a key.
     *
     * @param key the key
     * @return it, or null
     */
    public synchronized StoredSubmission get(SubmissionKey key) {
        return stored.get(key);
    }

    /** @return how many are stored */
    public synchronized int size() {
        return stored.size();
    }
}
