-- The original's D1 tables, on PostgreSQL. A context row is written before any installation that points to it.
CREATE TABLE contexts (
    chittyid          TEXT PRIMARY KEY,
    name              TEXT NOT NULL UNIQUE,
    dna_id            TEXT,
    api_key_id        TEXT,
    verification_id   TEXT,
    certification_id  TEXT,
    metadata          JSONB,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE installations (
    installation_id       BIGINT PRIMARY KEY,
    chittyid              TEXT NOT NULL REFERENCES contexts (chittyid),
    account_id            BIGINT NOT NULL,
    account_login         TEXT NOT NULL,
    account_type          TEXT NOT NULL,
    repository_selection  TEXT,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX idx_installations_chittyid ON installations (chittyid);
CREATE INDEX idx_installations_account ON installations (account_id);
