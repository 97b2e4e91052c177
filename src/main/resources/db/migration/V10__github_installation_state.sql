-- GitHub installation lifecycle (installation created/deleted/suspended/unsuspended events) and the repositories
-- each installation covers (installation_repositories events). A deleted installation keeps its row and context.
ALTER TABLE installations
    ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'deleted'));

CREATE TABLE installation_repositories (
    installation_id  BIGINT NOT NULL REFERENCES installations (installation_id) ON DELETE CASCADE,
    repository_id    BIGINT NOT NULL,
    full_name        TEXT NOT NULL,
    added_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (installation_id, repository_id)
);
