-- The same tables as the H2 script of the same name.
-- Every answer of every submission, one row per value, written in the same transaction as its submission and
-- removed with it (ON DELETE CASCADE), so that indicators computed here always see exactly what is stored.
-- The submission's scheme, year, org unit and form version are repeated so that an indicator over one field reads
-- one index range of this table and joins nothing.
--   group_id/row_index: '' and 0 for a top-level field; the repeating group's id and the row's index from 0 for a
--                       field of a group row
--   field_id:           the field; '' for the marker row of a group row (kind R), so that empty rows count
--   kind:               N number (num), C text code (code), L one code of a list (code, each once),
--                       B yes/no (code 'true'/'false'), P present without a code (long text, list without codes,
--                       a repeating group with rows), R a group row
CREATE TABLE answer (
    submission_id BIGINT       NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    scheme_id     VARCHAR(64)  NOT NULL,
    report_year   INTEGER      NOT NULL,
    org_unit      VARCHAR(16)  NOT NULL,
    form_version  VARCHAR(64)  NOT NULL,
    group_id      VARCHAR(200) NOT NULL,
    row_index     INTEGER      NOT NULL,
    field_id      VARCHAR(200) NOT NULL,
    kind          CHAR(1)      NOT NULL,
    code          VARCHAR(200),
    num           NUMERIC
);

-- Both indexes cover what the indicator statements read of a row (kind, code, number, org unit), so that neither
-- database visits the table's rows: reading the rows behind an index that lacked only the kind made the statement
-- of an indicator over a field 11 times slower on H2 (596 against 54 ms over 20,000 reports; bench
-- IndicatorBenchmark's explain step, docs/performance.md).
--   answer_item:  an item's answer to a field (filters, measures, the second axis), and the cascade on delete
--   answer_field: every answer to a field in a scheme, by year and code (an axis on a field)
CREATE INDEX answer_item ON answer (submission_id, group_id, row_index, field_id, kind, code, num);
CREATE INDEX answer_field ON answer (scheme_id, group_id, field_id, report_year, code, kind, num, org_unit);
-- The forms in use and the unit counts read the submissions' scheme, year, form and unit from this index alone,
-- not from the rows with their values.
CREATE INDEX submission_form ON submission (scheme_id, report_year, form_version, org_unit);

-- Set when the answers of the submissions stored before this table existed still have to be written; the store
-- writes them, under the migration lock, in one transaction with clearing this flag.
CREATE TABLE answer_backfill (
    pending BOOLEAN NOT NULL
);
INSERT INTO answer_backfill (pending) VALUES (TRUE);
