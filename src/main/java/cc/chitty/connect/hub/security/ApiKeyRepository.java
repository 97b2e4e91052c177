package cc.chitty.connect.hub.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code api_keys} rows, looked up by the SHA-256 hash of the presented key. */
@Repository
class ApiKeyRepository {

    private static final String COLUMNS =
            "id, prefix, name, status, scopes, rate_limit, expires_at, created_at, last_used_at";

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiKey key, String keyHash) {
        jdbc.sql("""
                INSERT INTO api_keys (id, key_hash, prefix, name, status, scopes, rate_limit, expires_at, created_at)
                VALUES (:id, :hash, :prefix, :name, :status, :scopes, :rateLimit, :expiresAt, :createdAt)""")
                .param("id", key.id())
                .param("hash", keyHash)
                .param("prefix", key.prefix())
                .param("name", key.name())
                .param("status", key.status())
                .param("scopes", key.scopes().toArray(String[]::new))
                .param("rateLimit", key.rateLimit())
                .param("expiresAt", timestamp(key.expiresAt()))
                .param("createdAt", timestamp(key.createdAt()))
                .update();
    }

    Optional<ApiKey> findByHash(String keyHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = :hash")
                .param("hash", keyHash).query(ApiKeyRepository::map).optional();
    }

    Optional<ApiKey> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id").param("id", id)
                .query(ApiKeyRepository::map).optional();
    }

    void markUsed(UUID id, Instant at) {
        jdbc.sql("UPDATE api_keys SET last_used_at = :at WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :at)")
                .param("at", timestamp(at)).param("id", id).update();
    }

    List<ApiKey> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at").query(ApiKeyRepository::map)
                .list();
    }

    boolean revoke(UUID id) {
        return jdbc.sql("UPDATE api_keys SET status = 'revoked', revoked_at = now() WHERE id = :id")
                .param("id", id).update() == 1;
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        Array scopes = rs.getArray("scopes");
        return new ApiKey(rs.getObject("id", UUID.class), rs.getString("prefix"), rs.getString("name"),
                rs.getString("status"), scopes == null ? List.of() : Arrays.asList((String[]) scopes.getArray()),
                (Integer) rs.getObject("rate_limit"), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_used_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
