-- a comment line; the next statement spans lines
CREATE TABLE a (
    id INTEGER PRIMARY KEY,
    name VARCHAR(10) NOT NULL
);
INSERT INTO a VALUES (1, 'one');
