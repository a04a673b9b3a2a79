-- The console's signed-in sessions, shared by every host on this database. Only a hash of each session id.
CREATE TABLE console_session (
    id_hash   VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_name VARCHAR(64)  NOT NULL,
    csrf      VARCHAR(64)  NOT NULL,
    stamp     VARCHAR(64)  NOT NULL,
    created   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX console_session_user ON console_session (user_name);
