-- Token buckets shared by every hub instance when hub.rate-limit.store=postgres (Bucket4j's JDBC layout).
CREATE TABLE rate_limit_buckets (
    id          TEXT PRIMARY KEY,
    state       BYTEA,
    expires_at  BIGINT
);

CREATE INDEX idx_rate_limit_buckets_expires_at ON rate_limit_buckets (expires_at);
