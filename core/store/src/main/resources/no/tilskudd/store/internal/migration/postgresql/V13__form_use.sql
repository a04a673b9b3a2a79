-- The same table as the H2 script of the same name, which says what it is for and how it is kept.
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
