-- Reports municipalities fill in through the browser: the latest version of each (one per scheme, year and org unit),
-- and every version kept. A submitted one is also an ordinary row of submission. "year" and "values" are SQL
-- keywords in H2, hence report_year and values_json.
CREATE TABLE report_draft (
    scheme_id    VARCHAR(64)  NOT NULL,
    report_year  INTEGER      NOT NULL,
    org_unit     VARCHAR(16)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    version      INTEGER      NOT NULL,
    form_version VARCHAR(64)  NOT NULL,
    values_json  CLOB         NOT NULL,
    updated      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(200) NOT NULL,
    CONSTRAINT report_draft_key PRIMARY KEY (scheme_id, report_year, org_unit),
    CONSTRAINT report_draft_status CHECK (status IN ('draft', 'submitted', 'reopened')),
    CONSTRAINT report_draft_version CHECK (version >= 1)
);

CREATE INDEX report_draft_scheme_year ON report_draft (scheme_id, report_year);

-- Every saved, submitted and reopened version: added, never changed.
CREATE TABLE report_version (
    scheme_id    VARCHAR(64)  NOT NULL,
    report_year  INTEGER      NOT NULL,
    org_unit     VARCHAR(16)  NOT NULL,
    version      INTEGER      NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    form_version VARCHAR(64)  NOT NULL,
    values_json  CLOB         NOT NULL,
    saved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    saved_by     VARCHAR(200) NOT NULL,
    CONSTRAINT report_version_key PRIMARY KEY (scheme_id, report_year, org_unit, version),
    CONSTRAINT report_version_status CHECK (status IN ('draft', 'submitted', 'reopened'))
);
