-- The codes of a field by year, and nothing else: what an indicator that counts a field's codes by year or scheme
-- (goal achievement) reads. answer_field has the same columns first and six more, 97 bytes an entry at 1,000,000
-- reports; its range for one field was 23,000 pages against 6,000 for the baseline's whole table, and the statement
-- took 3.5 times the baseline's (docs/performance.md, fifth round). This index's entries are a third of that wide.
CREATE INDEX answer_code ON answer (scheme_id, group_id, field_id, report_year, code);
