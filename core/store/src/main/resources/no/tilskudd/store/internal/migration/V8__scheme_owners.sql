-- Which bundle owns each scheme id: only its scheme of that id is used; another bundle declaring the id is refused
-- until an administrator transfers it. signer is NULL where plugins are not signed (any bundle of the symbolic name).
CREATE TABLE scheme_owner (
    scheme_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    symbolic_name VARCHAR(200) NOT NULL,
    signer        VARCHAR(500),
    how           VARCHAR(16)  NOT NULL,
    actor         VARCHAR(64)  NOT NULL,
    since         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The schemes the distribution ships, so that an impostor loses even on an empty store, whatever its file name.
INSERT INTO scheme_owner (scheme_id, symbolic_name, signer, how, actor, since) VALUES
    ('avdir', 'no.tilskudd.scheme.avdir', NULL, 'SEEDED', 'distribution', CURRENT_TIMESTAMP),
    ('bufdir', 'no.tilskudd.scheme.bufdir', NULL, 'SEEDED', 'distribution', CURRENT_TIMESTAMP),
    ('urban-youth', 'no.tilskudd.scheme.urban.youth', NULL, 'SEEDED', 'distribution', CURRENT_TIMESTAMP),
    ('example', 'no.tilskudd.example.scheme', NULL, 'SEEDED', 'distribution', CURRENT_TIMESTAMP);
