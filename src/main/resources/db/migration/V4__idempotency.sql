-- REST Idempotency-Key records: the first response to a (key owner, Idempotency-Key) pair, replayed for 24 h.
CREATE TABLE idempotency_records (
    api_key_id       UUID NOT NULL,
    idempotency_key  TEXT NOT NULL,
    fingerprint      CHAR(64) NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('running', 'completed')),
    response_status  INTEGER,
    response_headers JSONB,
    response_body    BYTEA,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (api_key_id, idempotency_key)
);

CREATE INDEX idx_idempotency_records_expires_at ON idempotency_records (expires_at);

-- Camel's JDBC idempotent repository (JdbcMessageIdRepository): one row per processed GitHub delivery id.
CREATE TABLE camel_messageprocessed (
    processorname  VARCHAR(255) NOT NULL,
    messageid      VARCHAR(100) NOT NULL,
    createdat      TIMESTAMP NOT NULL,
    PRIMARY KEY (processorname, messageid)
);
