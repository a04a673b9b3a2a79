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
}
