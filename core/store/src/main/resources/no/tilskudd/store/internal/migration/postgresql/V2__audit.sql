-- The audit trail: append-only. The application's database user may only insert into it and read it.
CREATE TABLE audit_event (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(200)  NOT NULL,
    action       VARCHAR(100)  NOT NULL,
    subject      VARCHAR(2000) NOT NULL,
    details_json TEXT          NOT NULL
);

CREATE INDEX audit_event_time ON audit_event (recorded_at);
