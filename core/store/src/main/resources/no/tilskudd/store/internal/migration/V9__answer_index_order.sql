-- The index of the answers by field is ordered by submission after the year, not by code and number: an import
-- appends its submissions' answers at the end of each field's range (ids grow), where the order of V5 put every
-- answer at a random place of the index (by its code or number, then its unit), which made an import with answers
-- twice as slow on H2 (bench ImportBenchmark, docs/performance.md). A statement over a field still reads one range
-- (scheme, group, field, years) and groups its codes; within a year the entries come in submission order.
DROP INDEX answer_field;
CREATE INDEX answer_field ON answer (scheme_id, group_id, field_id, report_year, submission_id, row_index, kind, code, num, org_unit);
