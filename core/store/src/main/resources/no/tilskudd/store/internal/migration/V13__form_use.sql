-- How many submissions each scheme, year and form version has: the forms in use that every declared indicator asks
-- for first (which forms ask its fields) and the report's count of reports. Read by GROUP BY over the
-- submissions' index that was a second statement as large as the baseline's whole aggregate (a range of 1,000,000
-- entries at 1,000,000 reports, docs/performance.md); from this table it is a lookup of a few rows.
-- The store keeps it in the transaction that inserts or deletes submissions (SqlSubmissionStore.save), by adding
-- each save's counts to the rows in key order; a row whose count falls to 0 stays and is not read. A change of the
-- submission table made in SQL outside the store must be followed by the statement at the end of this script.
CREATE TABLE form_use (
    scheme_id    VARCHAR(64) NOT NULL,
    report_year  INTEGER     NOT NULL,
    form_version VARCHAR(64) NOT NULL,
    submissions  BIGINT      NOT NULL,
    PRIMARY KEY (scheme_id, report_year, form_version)
);
INSERT INTO form_use (scheme_id, report_year, form_version, submissions)
    SELECT scheme_id, report_year, form_version, COUNT(*) FROM submission
    GROUP BY scheme_id, report_year, form_version;
