-- Deliveries whose check run the hub has started to create: a second attempt (a retry, or a re-read after a crash)
-- first asks GitHub whether the run exists, so a delivery never gets two check runs.
CREATE TABLE github_check_run_attempts (
    delivery_id  TEXT PRIMARY KEY,
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
