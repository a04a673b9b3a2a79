-- Only data changes, so that the rollback of a failed script can be seen.
INSERT INTO a VALUES (3, 'three');
INSERT INTO no_such_table VALUES (1);
