-- The org units a reporter reports for: one row per user and org unit, gone with the user.
CREATE TABLE console_user_org_unit (
    user_name VARCHAR(64) NOT NULL,
    org_unit  VARCHAR(16) NOT NULL,
    CONSTRAINT console_user_org_unit_pk PRIMARY KEY (user_name, org_unit),
    CONSTRAINT console_user_org_unit_user FOREIGN KEY (user_name) REFERENCES console_user (name) ON DELETE CASCADE
);

-- One row that every change of the users locks (UPDATE) before it looks at them, so that "is there another
-- administrator?" and the removal or demotion that depends on the answer cannot interleave with another host's.
CREATE TABLE console_user_guard (
    id      INTEGER NOT NULL PRIMARY KEY,
    changes BIGINT  NOT NULL
);

INSERT INTO console_user_guard (id, changes) VALUES (1, 0);
