-- Bundles an administrator approved to contribute validators and indicators to a scheme another bundle owns. Such a
-- contribution applies only where the bundle also declares the scheme (Tilskudd-Extends) and a row here approves it.
CREATE TABLE scheme_extension (
    scheme_id     VARCHAR(64)  NOT NULL,
    symbolic_name VARCHAR(200) NOT NULL,
    actor         VARCHAR(64)  NOT NULL,
    approved      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scheme_id, symbolic_name)
);
