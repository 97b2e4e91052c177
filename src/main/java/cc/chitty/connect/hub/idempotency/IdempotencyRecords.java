package cc.chitty.connect.hub.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code idempotency_records}: one row per (API key, Idempotency-Key), claimed atomically by an insert, then
 * completed with the response or released when the request did not run. A claim left running by a crashed
 * instance is taken over after {@code hub.idempotency.abandon-after}.
 */
@Repository
class IdempotencyRecords {

    enum Claim { OWNED, RUNNING, MISMATCH, COMPLETED }

    record Stored(int status, String contentType, byte[] body) {
    }

    record Outcome(Claim claim, Stored stored) {
    }

    private final JdbcClient jdbc;
    private final Duration ttl;
    private final Duration abandonAfter;
    private final Clock clock = Clock.systemUTC();

    IdempotencyRecords(JdbcClient jdbc, @Value("${hub.idempotency.ttl:24h}") Duration ttl,
            @Value("${hub.idempotency.abandon-after:5m}") Duration abandonAfter) {
        this.jdbc = jdbc;
        this.ttl = ttl;
        this.abandonAfter = abandonAfter;
    }

    Outcome claim(UUID apiKeyId, String key, String fingerprint) {
        Instant now = clock.instant();
        // an expired record, or a claim its owner abandoned, no longer holds the key
        jdbc.sql("""
                DELETE FROM idempotency_records WHERE api_key_id = :owner AND idempotency_key = :key
                AND (expires_at < :now OR (state = 'running' AND created_at < :abandoned))""")
                .param("owner", apiKeyId).param("key", key).param("now", Timestamp.from(now))
                .param("abandoned", Timestamp.from(now.minus(abandonAfter))).update();
        int inserted = jdbc.sql("""
                INSERT INTO idempotency_records (api_key_id, idempotency_key, fingerprint, state, created_at, expires_at)
                VALUES (:owner, :key, :fingerprint, 'running', :now, :expires) ON CONFLICT DO NOTHING""")
                .param("owner", apiKeyId).param("key", key).param("fingerprint", fingerprint)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(ttl))).update();
        if (inserted == 1) {
            return new Outcome(Claim.OWNED, null);
        }
        Optional<Outcome> existing = jdbc.sql("""
                SELECT fingerprint, state, response_status, response_headers ->> 'Content-Type' AS content_type,
                       response_body
                FROM idempotency_records WHERE api_key_id = :owner AND idempotency_key = :key""")
                .param("owner", apiKeyId).param("key", key)
                .query((rs, row) -> {
                    if (!fingerprint.equals(rs.getString("fingerprint"))) {
                        return new Outcome(Claim.MISMATCH, null);
                    }
                    if ("running".equals(rs.getString("state"))) {
                        return new Outcome(Claim.RUNNING, null);
                    }
                    return new Outcome(Claim.COMPLETED, new Stored(rs.getInt("response_status"),
                            rs.getString("content_type"), rs.getBytes("response_body")));
                }).optional();
        // the row vanished between insert and select (expired or released): the key is free again
        return existing.orElseGet(() -> claim(apiKeyId, key, fingerprint));
    }

    void complete(UUID apiKeyId, String key, Stored response) {
        jdbc.sql("""
                UPDATE idempotency_records SET state = 'completed', response_status = :status,
                       response_headers = jsonb_build_object('Content-Type', CAST(:contentType AS TEXT)),
                       response_body = :body
                WHERE api_key_id = :owner AND idempotency_key = :key""")
                .param("status", response.status()).param("contentType", response.contentType())
                .param("body", response.body()).param("owner", apiKeyId).param("key", key).update();
    }

    void release(UUID apiKeyId, String key) {
        jdbc.sql("DELETE FROM idempotency_records WHERE api_key_id = :owner AND idempotency_key = :key")
                .param("owner", apiKeyId).param("key", key).update();
    }

    int deleteExpired() {
        return jdbc.sql("DELETE FROM idempotency_records WHERE expires_at < :now")
                .param("now", Timestamp.from(clock.instant())).update();
    }
}
