-- Publications analysts upload: every revision kept, attributed; an upload of the same id is the next revision.
CREATE TABLE publication (
    publication_id VARCHAR(64)   NOT NULL,
    revision       INTEGER       NOT NULL,
    file_name      VARCHAR(1000) NOT NULL,
    definition     CLOB          NOT NULL,
    actor          VARCHAR(64)   NOT NULL,
    added_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT publication_key PRIMARY KEY (publication_id, revision),
    CONSTRAINT publication_revision CHECK (revision >= 1)
);

-- Frozen editions: the figures as they were, the submissions they used and the data cut-off. Never changed.
CREATE TABLE publication_edition (
    publication_id VARCHAR(64)   NOT NULL,
    edition        VARCHAR(64)   NOT NULL,
    source         VARCHAR(1000) NOT NULL,
    definition     CLOB          NOT NULL,
    figures        CLOB          NOT NULL,
    submissions    CLOB          NOT NULL,
    cut_off        TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(64)   NOT NULL,
    frozen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT publication_edition_key PRIMARY KEY (publication_id, edition)
);
