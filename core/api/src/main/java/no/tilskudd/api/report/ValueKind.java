package no.tilskudd.api.report;

/** What a table column holds, so that every format can present and protect it properly. */
public enum ValueKind {
    /** Text. */
    TEXT,
    /** A whole number that counts things other than persons (municipalities, measures). */
    COUNT,
    /**
     * A whole number that counts persons (children, young people, families). Small values may identify someone and
     * are suppressed in published reports.
     */
    PERSONS,
    /** An amount in Norwegian kroner. */
    AMOUNT,
    /** A percentage (0 to 100). */
    PERCENT,
    /** A decimal number. */
    DECIMAL,
    /** A year. */
    YEAR
}
