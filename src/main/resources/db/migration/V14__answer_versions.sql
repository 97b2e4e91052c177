-- The fingerprint of the last answer each watched capability gave (services.status, chittyregistry.list), shared by
-- every hub instance: a changed answer updates its row and notifies the channel hub_answer_changes in one
-- statement, so a change seen by several instances is announced once (changes/AnswerChanges).
CREATE TABLE answer_versions (
    capability  TEXT PRIMARY KEY,
    hash        TEXT NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
