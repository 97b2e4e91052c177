-- An Idempotency-Key claim's fencing token and lease. A claim is taken over only when its lease was not renewed for
-- hub.idempotency.abandon-after, and then under a new token: the old owner's late completion or release matches
-- no row, so it can neither overwrite the new owner's answer nor free its key.
ALTER TABLE idempotency_records
    ADD COLUMN claim_token UUID NOT NULL DEFAULT gen_random_uuid(),
    ADD COLUMN renewed_at  TIMESTAMPTZ NOT NULL DEFAULT now();
