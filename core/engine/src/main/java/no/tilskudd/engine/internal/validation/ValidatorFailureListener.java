package no.tilskudd.engine.internal.validation;

import no.tilskudd.api.submission.Validator;

/** Told of every failure of a plugin validator, so that the host can show it where administrators look. */
@FunctionalInterface
public interface ValidatorFailureListener {

    /**
     * A validator threw or did not finish a submission in time.
     *
     * @param v      the validator
     * @param p      its plugin
     * @param reason what went wrong, e.g. {@code validator for scheme 'avdir' threw IllegalStateException: x}
     */
    void failed(Validator v, ValidatorPlugin p, String reason);
}
