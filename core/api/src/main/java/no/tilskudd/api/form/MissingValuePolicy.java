package no.tilskudd.api.form;

/** What a rule does when a value its expression refers to is not given. */
public enum MissingValuePolicy {
    /** The rule is not checked; other rules (e.g. "required") report the gap. */
    SKIP,
    /** The rule fails, and its violation says which value was missing. */
    FAIL
}
