-- answer_item (submission, group, row, field, kind, code, number) served two things: the probes of an item's answer
-- to a field, and the delete with a submission. Every statement that probes names the submission's scheme and
-- year, its group, field and row: a prefix of answer_field (scheme, group, field, year, submission, row, ...), which
-- serves them. The delete goes by the foreign key's own index on the submission alone, which H2 made with the key.
-- An import wrote every answer into four indexes here, two of them seven and more columns wide; now into three
-- (docs/performance.md, fifth round). On PostgreSQL, which has no such key, the script of the same name adds the
-- index by submission.
DROP INDEX answer_item;
