-- The same index as the H2 script of the same name: by field, then by submission within a year, so that an import
-- appends to each field's range instead of writing at random places of the index.
DROP INDEX answer_field;
CREATE INDEX answer_field ON answer (scheme_id, group_id, field_id, report_year, submission_id, row_index, kind, code, num, org_unit);
