-- Who did what to which target, with what outcome. Never holds secrets.
CREATE TABLE audit_log (
    id           BIGSERIAL PRIMARY KEY,
    occurred_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor        TEXT NOT NULL,
    operation    TEXT NOT NULL,
    target       TEXT,
    outcome      TEXT NOT NULL,
    request_id   TEXT,
    details      JSONB
);

CREATE INDEX idx_audit_log_occurred_at ON audit_log (occurred_at);
CREATE INDEX idx_audit_log_operation ON audit_log (operation, occurred_at);
