-- The same index as the H2 script of the same name: by field, then by submission within a year, so that an import
-- appends to each field's range instead of writing at random places of the index.
DROP INDEX answer_field;
CREATE INDEX answer_field ON answer (scheme_id, group_id, field_id, report_year, submission_id, row_index, kind, code, num, org_unit);

-- The answers still go with their submission, but by a trigger per DELETE statement instead of the foreign key:
-- PostgreSQL checks a foreign key with a lookup of the submission for every inserted answer, which made a COPY of
-- the answers about twice as slow (bench, docs/performance.md). Only the store writes answers, in the transaction
-- that inserted their submission; on H2 the check costs little and the key stays.
ALTER TABLE answer DROP CONSTRAINT answer_submission_id_fkey;
CREATE FUNCTION answer_delete_with_submission() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN DELETE FROM answer a USING gone g WHERE a.submission_id = g.id; RETURN NULL; END $$;
CREATE TRIGGER answer_with_submission AFTER DELETE ON submission REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION answer_delete_with_submission();

-- A field's codes are its own: 'alle' is a code of the measures' category only. Without statistics on the columns
-- together, the planner multiplies their selectivities, expects a few thousand answers of a field where there are
-- 250,000, and joins the measures to them by a nested loop of index probes instead of a hash join.
CREATE STATISTICS answer_field_codes (mcv, ndistinct) ON group_id, field_id, code FROM answer;
CREATE STATISTICS answer_field_kinds (mcv, ndistinct) ON group_id, field_id, kind FROM answer;
