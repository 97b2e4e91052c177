-- API keys are stored as SHA-256 hashes: the key itself is shown once at creation and never again.
CREATE TABLE api_keys (
    id            UUID PRIMARY KEY,
    key_hash      CHAR(64) NOT NULL UNIQUE,
    prefix        TEXT NOT NULL,
    name          TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'revoked')),
    scopes        TEXT[] NOT NULL DEFAULT '{}',
    rate_limit    INTEGER CHECK (rate_limit > 0),
    expires_at    TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ
);

CREATE INDEX idx_api_keys_prefix ON api_keys (prefix);
