-- The index of the answers by field is ordered by submission after the year, not by code and number: an import
-- appends its submissions' answers at the end of each field's range (ids grow), where V5's order put them at the
-- place of their code or number. Within a year the entries come in submission order, which PostgreSQL uses to
-- join two fields' ranges; a statement over a field still reads one range (scheme, group, field, years). On H2 the
-- import did not get faster by it (what H2 pays for is the number of index entries; docs/performance.md).
DROP INDEX answer_field;
CREATE INDEX answer_field ON answer (scheme_id, group_id, field_id, report_year, submission_id, row_index, kind, code, num, org_unit);
