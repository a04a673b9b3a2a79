-- The console's users, shared by every host on this database. Only salted password hashes, never passwords.
-- "user" is a keyword, hence console_user.
CREATE TABLE console_user (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       VARCHAR(64)  NOT NULL,
    role       VARCHAR(32)  NOT NULL,
    salt       VARCHAR(128) NOT NULL,
    hash       VARCHAR(256) NOT NULL,
    iterations INTEGER      NOT NULL,
    created    VARCHAR(64)  NOT NULL,
    CONSTRAINT console_user_name UNIQUE (name)
);
