package no.tilskudd.api.form;

/** The kinds of value a form field holds, and how each is written in the interchange format. */
public enum FieldType {
    /** Free text (JSON string). */
    TEXT,
    /** A whole number (JSON integer). */
    INTEGER,
    /** A decimal number (JSON number). */
    DECIMAL,
    /** An amount in Norwegian kroner, whole or with øre (JSON number). */
    AMOUNT,
    /** A percentage from 0 to 100 (JSON number). */
    PERCENT,
    /** A calendar year (JSON integer). */
    YEAR,
    /** A date, ISO-8601 {@code yyyy-MM-dd} (JSON string). */
    DATE,
    /** Yes or no (JSON boolean). */
    BOOLEAN,
    /** One code from the field's code list (JSON string). */
    CHOICE,
    /** Any number of distinct codes from the field's code list (JSON array of strings). */
    MULTI_CHOICE,
    /** A repeating group: a list of rows, each an object keyed by the group's own fields (JSON array of objects). */
    GROUP;

    /**
     * Tells whether values of this type are numbers.
     *
     * @return true for integer, decimal, amount, percent and year
     */
    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL || this == AMOUNT || this == PERCENT || this == YEAR;
    }
}
