package no.tilskudd.engine;

import java.util.List;
import no.tilskudd.api.store.AnswerAggregates;
import no.tilskudd.api.store.SaveResult;
import no.tilskudd.api.store.StoredSubmission;
import no.tilskudd.api.store.SubmissionQuery;
import no.tilskudd.api.store.SubmissionStore;
import no.tilskudd.api.submission.Submission;

/**
 * A store that keeps its reports in an {@link InMemoryStore} and offers aggregates as a test defines them: what the
 * engine does with a store that computes in the database, without one.
 */
public abstract class StoreWithAggregates implements SubmissionStore, AnswerAggregates {

    /** The stored reports. */
    protected final InMemoryStore reports;

    /**
     * @param reports the stored reports
     */
    protected StoreWithAggregates(InMemoryStore reports) {
        this.reports = reports;
    }

    @Override
    public SaveResult save(List<Submission> submissions, boolean replace, String source, String actor) {
        return reports.save(submissions, replace, source, actor);
    }

    @Override
    public List<StoredSubmission> find(SubmissionQuery query) {
        return reports.find(query);
    }

    @Override
    public long count(SubmissionQuery query) {
        return reports.count(query);
    }
}
