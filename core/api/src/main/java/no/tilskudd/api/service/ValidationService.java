package no.tilskudd.api.service;

import java.util.List;
import no.tilskudd.api.submission.Submission;
import no.tilskudd.api.submission.Violation;
import org.osgi.annotation.versioning.ProviderType;

/** Checks submissions against their scheme's form (fields, conditions, rules) and the scheme's validators. */
@ProviderType
public interface ValidationService {

    /**
     * Checks one submission.
     *
     * @param submission the submission
     * @return every violation found, errors and warnings; empty if none
     */
    List<Violation> validate(Submission submission);

    /**
     * Checks many submissions, e.g. one file. The core runs plugin validators with a time limit per submission, so
     * a validator that hangs fails that submission with {@code VALIDATOR_TIMEOUT} instead of blocking the import,
     * and the next submission gets a fresh worker.
     *
     * @param submissions the submissions
     * @return the violations of each submission, in the same order
     */
    default List<List<Violation>> validateAll(List<Submission> submissions) {
        return submissions.stream().map(this::validate).toList();
    }

    /**
     * The plugins whose validators are switched off because they left too many workers stuck; submissions of
     * their schemes get {@code VALIDATOR_QUARANTINED} until the plugin is updated.
     *
     * @return the quarantined plugins, empty when all is well
     */
    default List<Quarantine> quarantined() {
        return List.of();
    }
}
