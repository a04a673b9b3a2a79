-- One row per submission: one report per scheme, reporting year and org unit.
-- The same table as the H2 script of the same name; TEXT where H2 has CLOB.
CREATE TABLE submission (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scheme_id    VARCHAR(64)   NOT NULL,
    report_year  INTEGER       NOT NULL,
    org_unit     VARCHAR(16)   NOT NULL,
    form_version VARCHAR(64)   NOT NULL,
    values_json  TEXT          NOT NULL,
    source       VARCHAR(1000) NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT submission_key UNIQUE (scheme_id, report_year, org_unit)
);

CREATE INDEX submission_scheme_year ON submission (scheme_id, report_year);
