package cc.chitty.connect.hub.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code idempotency_records}: one row per (API key, Idempotency-Key), claimed atomically by an insert, then
 * completed with the response or released when the request did not run. Each claim carries a fencing token
 * ({@code claim_token}, new for every claim) and a lease its owner renews while the request runs: only a claim
 * whose lease was not renewed for {@code hub.idempotency.abandon-after} (its instance crashed or froze) is taken
 * over, and then under a new token, so a completion or release by the old owner, arriving late, changes nothing.
 */
@Repository
class IdempotencyRecords implements DisposableBean {

    enum Claim { OWNED, RUNNING, MISMATCH, COMPLETED }

    record Stored(int status, String contentType, byte[] body) {
    }

    /** A claim held by this instance: its fencing token, and the renewal of its lease until it is settled. */
    static final class Lease {
        private final UUID apiKeyId;
        private final String key;
        private final UUID token;
        private final Instant claimedAt;
        private volatile ScheduledFuture<?> renewal;

        private Lease(UUID apiKeyId, String key, UUID token, Instant claimedAt) {
            this.apiKeyId = apiKeyId;
            this.key = key;
            this.token = token;
            this.claimedAt = claimedAt;
        }
    }

    record Outcome(Claim claim, Stored stored, Lease lease) {
    }

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRecords.class);

    private final JdbcClient jdbc;
    private final Duration ttl;
    private final Duration abandonAfter;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "idempotency-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    IdempotencyRecords(JdbcClient jdbc, @Value("${hub.idempotency.ttl:24h}") Duration ttl,
            @Value("${hub.idempotency.abandon-after:5m}") Duration abandonAfter) {
        this.jdbc = jdbc;
        this.ttl = ttl;
        this.abandonAfter = abandonAfter;
    }

    Outcome claim(UUID apiKeyId, String key, String fingerprint) {
        Instant now = clock.instant();
        UUID token = UUID.randomUUID();
        jdbc.sql("DELETE FROM idempotency_records WHERE api_key_id = :owner AND idempotency_key = :key"
                        + " AND expires_at < :now")
                .param("owner", apiKeyId).param("key", key).param("now", Timestamp.from(now)).update();
        // a claim whose owner stopped renewing it is taken over under a new token, in one statement
        int claimed = jdbc.sql("""
                UPDATE idempotency_records SET claim_token = :token, fingerprint = :fingerprint, renewed_at = :now,
                       created_at = :now, expires_at = :expires
                WHERE api_key_id = :owner AND idempotency_key = :key AND state = 'running'
                  AND renewed_at < :abandoned""")
                .param("token", token).param("fingerprint", fingerprint).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(ttl))).param("owner", apiKeyId).param("key", key)
                .param("abandoned", Timestamp.from(now.minus(abandonAfter))).update();
        if (claimed == 0) {
            claimed = jdbc.sql("""
                    INSERT INTO idempotency_records (api_key_id, idempotency_key, fingerprint, state, claim_token,
                                                     renewed_at, created_at, expires_at)
                    VALUES (:owner, :key, :fingerprint, 'running', :token, :now, :now, :expires)
                    ON CONFLICT DO NOTHING""")
                    .param("owner", apiKeyId).param("key", key).param("fingerprint", fingerprint)
                    .param("token", token).param("now", Timestamp.from(now))
                    .param("expires", Timestamp.from(now.plus(ttl))).update();
        }
        if (claimed == 1) {
            Lease lease = new Lease(apiKeyId, key, token, now);
            long every = Math.max(1, abandonAfter.toMillis() / 3);
            lease.renewal = renewals.scheduleAtFixedRate(() -> renew(lease), every, every, TimeUnit.MILLISECONDS);
            return new Outcome(Claim.OWNED, null, lease);
        }
        Optional<Outcome> existing = jdbc.sql("""
                SELECT fingerprint, state, response_status, response_headers ->> 'Content-Type' AS content_type,
                       response_body
                FROM idempotency_records WHERE api_key_id = :owner AND idempotency_key = :key""")
                .param("owner", apiKeyId).param("key", key)
                .query((rs, row) -> {
                    if (!fingerprint.equals(rs.getString("fingerprint"))) {
                        return new Outcome(Claim.MISMATCH, null, null);
                    }
                    if ("running".equals(rs.getString("state"))) {
                        return new Outcome(Claim.RUNNING, null, null);
                    }
                    return new Outcome(Claim.COMPLETED, new Stored(rs.getInt("response_status"),
                            rs.getString("content_type"), rs.getBytes("response_body")), null);
                }).optional();
        // the row vanished between insert and select (expired or released): the key is free again
        return existing.orElseGet(() -> claim(apiKeyId, key, fingerprint));
    }

    /** Stores the response, unless the claim was taken over meanwhile: then the new owner's answer stands. */
    void complete(Lease lease, Stored response) {
        lease.renewal.cancel(false);
        jdbc.sql("""
                UPDATE idempotency_records SET state = 'completed', response_status = :status,
                       response_headers = jsonb_build_object('Content-Type', CAST(:contentType AS TEXT)),
                       response_body = :body
                WHERE api_key_id = :owner AND idempotency_key = :key AND claim_token = :token""")
                .param("status", response.status()).param("contentType", response.contentType())
                .param("body", response.body()).param("owner", lease.apiKeyId).param("key", lease.key)
                .param("token", lease.token).update();
    }

    /** Frees the key for a retry, unless the claim was taken over meanwhile. */
    void release(Lease lease) {
        lease.renewal.cancel(false);
        jdbc.sql("""
                DELETE FROM idempotency_records
                WHERE api_key_id = :owner AND idempotency_key = :key AND claim_token = :token""")
                .param("owner", lease.apiKeyId).param("key", lease.key).param("token", lease.token).update();
    }

    /** Keeps a running claim from looking abandoned; a request never settled stops being renewed after the ttl. */
    private void renew(Lease lease) {
        if (clock.instant().isAfter(lease.claimedAt.plus(ttl))) {
            lease.renewal.cancel(false);
            return;
        }
        try {
            jdbc.sql("""
                    UPDATE idempotency_records SET renewed_at = :now
                    WHERE api_key_id = :owner AND idempotency_key = :key AND claim_token = :token
                      AND state = 'running'""")
                    .param("now", Timestamp.from(clock.instant())).param("owner", lease.apiKeyId)
                    .param("key", lease.key).param("token", lease.token).update();
        } catch (RuntimeException e) {
            // tried again at the next interval; an exception here would end the renewals for good
            log.warn("could not renew an Idempotency-Key claim: {}", e.getClass().getSimpleName());
        }
    }

    int deleteExpired() {
        return jdbc.sql("DELETE FROM idempotency_records WHERE expires_at < :now")
                .param("now", Timestamp.from(clock.instant())).update();
    }

    @Override
    public void destroy() {
        renewals.shutdownNow();
    }
}
