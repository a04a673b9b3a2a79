-- The grant register: one grant per scheme, grant year and org unit, the key of the report the grant asks for.
-- The same table as the H2 script of the same name. The scheme need not be installed: scheme_name labels one
-- that is not.
CREATE TABLE scheme_grant (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scheme_id          VARCHAR(64)    NOT NULL,
    scheme_name        VARCHAR(200),
    grant_year         INTEGER        NOT NULL,
    org_unit           VARCHAR(16)    NOT NULL,
    amount             NUMERIC(15, 2) NOT NULL,
    decision_date      DATE,
    case_number        VARCHAR(64),
    reporting_deadline DATE,
    source             VARCHAR(1000)  NOT NULL,
    imported_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT scheme_grant_key UNIQUE (scheme_id, grant_year, org_unit),
    CONSTRAINT scheme_grant_amount CHECK (amount >= 0)
);
