-- The H2 script of the same name says why answer_item goes. The answers of deleted submissions are deleted by the
-- trigger of V9 by their submission's id: this index finds them, and deduplicates the entries of one submission.
CREATE INDEX answer_submission ON answer (submission_id);
DROP INDEX answer_item;
