-- Installations being registered: the claim is taken (one INSERT ... ON CONFLICT) before a ChittyID is minted, so
-- concurrent install callbacks and installation events mint one identity per installation, never orphans.
-- A claim is released when its registration ends; one left by a crashed hub is taken over once it is stale.
CREATE TABLE installation_claims (
    installation_id  BIGINT PRIMARY KEY,
    claimed_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
