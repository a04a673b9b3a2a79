package no.tilskudd.api.form;

/** How serious a broken rule or a violation is. */
public enum Severity {
    /** The submission cannot be accepted. */
    ERROR,
    /** The submission is accepted, but someone should look at it. */
    WARNING
}
