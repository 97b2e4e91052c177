package cc.chitty.connect.hub.github.automation;

import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code contexts}, {@code installations} and {@code installation_repositories} rows of GitHub installations. */
@Repository
class Installations {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    Installations(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Claims the registration of an installation: true for exactly one caller at a time, whatever the number of
     * concurrent callers and instances; a claim older than {@code staleAfter} (its holder crashed) is taken over.
     */
    boolean claim(long installationId, Duration staleAfter) {
        return jdbc.sql("""
                INSERT INTO installation_claims (installation_id) VALUES (:id)
                ON CONFLICT (installation_id) DO UPDATE SET claimed_at = now()
                WHERE installation_claims.claimed_at < now() - make_interval(secs => :stale)""")
                .param("id", installationId).param("stale", staleAfter.toSeconds()).update() == 1;
    }

    void release(long installationId) {
        jdbc.sql("DELETE FROM installation_claims WHERE installation_id = :id").param("id", installationId).update();
    }

    Optional<String> chittyIdOf(long installationId) {
        return jdbc.sql("SELECT chittyid FROM installations WHERE installation_id = :id")
                .param("id", installationId).query(String.class).optional();
    }

    /**
     * The context row first, then the installation row that references it, in one transaction. Returns false and
     * writes nothing when the installation was registered meanwhile (by the callback or the webhook).
     */
    boolean register(String chittyId, String dnaId, String metadataJson, JsonNode installation) {
        JsonNode account = installation.path("account");
        return Boolean.TRUE.equals(transactions.execute(status -> {
            jdbc.sql("""
                    INSERT INTO contexts (chittyid, name, dna_id, metadata)
                    VALUES (:chittyId, :name, :dnaId, CAST(:metadata AS JSONB))
                    ON CONFLICT (chittyid) DO NOTHING""")
                    .param("chittyId", chittyId)
                    .param("name", "github-installation-" + installation.path("id").asLong())
                    .param("dnaId", dnaId)
                    .param("metadata", metadataJson)
                    .update();
            int inserted = jdbc.sql("""
                    INSERT INTO installations (installation_id, chittyid, account_id, account_login, account_type,
                                               repository_selection)
                    VALUES (:id, :chittyId, :accountId, :login, :type, :selection)
                    ON CONFLICT (installation_id) DO NOTHING""")
                    .param("id", installation.path("id").asLong())
                    .param("chittyId", chittyId)
                    .param("accountId", account.path("id").asLong())
                    .param("login", account.path("login").asText())
                    .param("type", account.path("type").asText())
                    .param("selection", installation.path("repository_selection").asText(null))
                    .update();
            if (inserted == 0) {
                status.setRollbackOnly();
            }
            return inserted == 1;
        }));
    }

    void setStatus(long installationId, String status) {
        jdbc.sql("UPDATE installations SET status = :status, updated_at = now() WHERE installation_id = :id")
                .param("status", status).param("id", installationId).update();
    }

    void setRepositorySelection(long installationId, String selection) {
        jdbc.sql("""
                UPDATE installations SET repository_selection = :selection, updated_at = now()
                WHERE installation_id = :id""")
                .param("selection", selection).param("id", installationId).update();
    }

    void addRepositories(long installationId, JsonNode repositories) {
        for (JsonNode repository : repositories) {
            jdbc.sql("""
                    INSERT INTO installation_repositories (installation_id, repository_id, full_name)
                    VALUES (:id, :repositoryId, :fullName)
                    ON CONFLICT (installation_id, repository_id) DO UPDATE SET full_name = EXCLUDED.full_name""")
                    .param("id", installationId)
                    .param("repositoryId", repository.path("id").asLong())
                    .param("fullName", repository.path("full_name").asText())
                    .update();
        }
    }

    void removeRepositories(long installationId, JsonNode repositories) {
        for (JsonNode repository : repositories) {
            jdbc.sql("DELETE FROM installation_repositories WHERE installation_id = :id AND repository_id = :rid")
                    .param("id", installationId).param("rid", repository.path("id").asLong()).update();
        }
    }
}
